// MessageStore append/read path: exact stored bytes, file roll with BLANK records, size limits,
// consume queues, pull statuses, tag filter, index queries, time search, batches.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>
#include <vector>

#include "common/byte_order.h"
#include "common/crc32.h"
#include "common/java_hash.h"
#include "common/message_decoder.h"
#include "mockbroker/store/consume_queue.h"
#include "mockbroker/store/message_store.h"
#include "support/temp_dir.h"

namespace rocketmq::store {
namespace {

using test::TempDir;

MessageStoreConfig SmallConfig(const std::string& root) {
  MessageStoreConfig c;
  c.storePathRootDir = root;
  c.mappedFileSizeCommitLog = 4096;
  c.mappedFileSizeConsumeQueue = 20 * 10;
  c.maxHashSlotNum = 64;
  c.maxIndexNum = 16;
  c.storeHost = *SocketAddress::Parse("10.0.0.1:10911");
  c.cleanResourceInterval = 3600000;
  return c;
}

MessageExt MakeMessage(const std::string& topic, int32_t queue_id, const std::string& body,
                       const std::string& tags = "", const std::string& keys = "") {
  MessageExt m;
  m.set_topic(topic);
  m.set_queue_id(queue_id);
  m.set_body(body);
  if (!tags.empty()) m.set_tags(tags);
  if (!keys.empty()) m.set_keys(keys);
  m.set_born_timestamp(1700000000000);
  m.set_born_host(*SocketAddress::Parse("192.168.1.7:51234"));
  m.set_flag(7);
  return m;
}

void WaitDispatched(MessageStore* store) {
  for (int i = 0; i < 2000 && store->DispatchBehindBytes() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(store->DispatchBehindBytes(), 0);
}

TEST(StoreCommitLogTest, AppendWritesExactLayoutAndReadsBack) {
  TempDir dir("store_test");
  MessageStore store(SmallConfig(dir.path()));
  ASSERT_TRUE(store.Start().ok());
  MessageExt msg = MakeMessage("TopicA", 3, "hello store", "TagA", "k1 k2");
  msg.set_unique_key("UNIQ0001");
  PutMessageResult r = store.PutMessage(msg);
  ASSERT_EQ(r.status, PutMessageStatus::kPutOk) << r.error.ToString();
  EXPECT_EQ(r.append.wrote_offset, 0);
  EXPECT_EQ(r.append.logics_offset, 0);
  EXPECT_EQ(r.append.msg_id, "0A00000100002A9F0000000000000000");

  auto bytes = store.LookMessageByOffset(0);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(static_cast<int32_t>(bytes->size()), r.append.wrote_bytes);
  EXPECT_EQ(DecodeFixed32BE(bytes->data() + 4), kMessageMagicCodeV1);
  auto decoded = DecodeStoredMessage(*bytes);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->topic(), "TopicA");
  EXPECT_EQ(decoded->queue_id(), 3);
  EXPECT_EQ(decoded->flag(), 7);
  EXPECT_EQ(decoded->body(), "hello store");
  EXPECT_EQ(decoded->body_crc(), RocketmqCrc32("hello store"));
  EXPECT_EQ(decoded->store_timestamp(), r.append.store_timestamp);
  EXPECT_EQ(decoded->store_host().ToString(), "10.0.0.1:10911");
  EXPECT_EQ(decoded->born_host().ToString(), "192.168.1.7:51234");
  EXPECT_EQ(decoded->tags(), "TagA");
  EXPECT_EQ(decoded->keys(), "k1 k2");

  // A second message in the same queue gets queue offset 1 (a later store time, so that the
  // time search below has one answer).
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  PutMessageResult r2 = store.PutMessage(MakeMessage("TopicA", 3, "second", "TagB"));
  ASSERT_EQ(r2.status, PutMessageStatus::kPutOk);
  EXPECT_EQ(r2.append.logics_offset, 1);
  EXPECT_EQ(r2.append.wrote_offset, r.append.wrote_bytes);
  WaitDispatched(&store);

  GetMessageResult g = store.GetMessage("g", "TopicA", 3, 0, 32);
  ASSERT_EQ(g.status, GetMessageStatus::kFound);
  EXPECT_EQ(g.message_count, 2);
  EXPECT_EQ(g.next_begin_offset, 2);
  EXPECT_EQ(g.min_offset, 0);
  EXPECT_EQ(g.max_offset, 2);
  auto both = DecodeStoredMessages(g.data);
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0].body(), "hello store");
  EXPECT_EQ((*both)[1].body(), "second");
  EXPECT_EQ(g.data.substr(0, bytes->size()), *bytes);  // stored bytes, not re-encoded

  // Tag filter: only TagB.
  int64_t tag_b = JavaStringHashCode("TagB");
  GetMessageResult f =
      store.GetMessage("g", "TopicA", 3, 0, 32, [&](int64_t code) { return code == tag_b; });
  ASSERT_EQ(f.status, GetMessageStatus::kFound);
  EXPECT_EQ(f.message_count, 1);
  EXPECT_EQ(f.queue_offsets, std::vector<int64_t>{1});

  // Key and UNIQ_KEY queries.
  auto q = store.QueryMessage("TopicA", "k2", 32, 0, INT64_MAX);
  EXPECT_EQ(q.message_count, 1);
  EXPECT_EQ(q.phy_offsets, std::vector<int64_t>{0});
  EXPECT_EQ(store.QueryMessage("TopicA", "UNIQ0001", 32, 0, INT64_MAX).message_count, 1);
  EXPECT_EQ(store.QueryMessage("TopicB", "k2", 32, 0, INT64_MAX).message_count, 0);

  EXPECT_EQ(store.GetEarliestMessageTime("TopicA", 3), r.append.store_timestamp);
  EXPECT_EQ(store.GetOffsetInQueueByTime("TopicA", 3, r2.append.store_timestamp), 1);
  store.Shutdown();
}

TEST(StoreCommitLogTest, PullStatusesFollowJavaRules) {
  TempDir dir("store_test");
  MessageStore store(SmallConfig(dir.path()));
  ASSERT_TRUE(store.Start().ok());
  EXPECT_EQ(store.GetMessage("g", "Nope", 0, 0, 32).status, GetMessageStatus::kNoMatchedLogicQueue);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(store.PutMessage(MakeMessage("T", 0, "m" + std::to_string(i))).IsOk());
  }
  WaitDispatched(&store);
  GetMessageResult one = store.GetMessage("g", "T", 0, 3, 32);
  EXPECT_EQ(one.status, GetMessageStatus::kOffsetOverflowOne);
  EXPECT_EQ(one.next_begin_offset, 3);
  GetMessageResult badly = store.GetMessage("g", "T", 0, 9, 32);
  EXPECT_EQ(badly.status, GetMessageStatus::kOffsetOverflowBadly);
  EXPECT_EQ(badly.next_begin_offset, 0);  // min offset is 0 -> corrected to 0 (Java)
  GetMessageResult capped = store.GetMessage("g", "T", 0, 1, 1);
  EXPECT_EQ(capped.status, GetMessageStatus::kFound);
  EXPECT_EQ(capped.message_count, 1);
  EXPECT_EQ(capped.next_begin_offset, 2);
  GetMessageResult none =
      store.GetMessage("g", "T", 0, 0, 32, [](int64_t) { return false; });
  EXPECT_EQ(none.status, GetMessageStatus::kNoMatchedMessage);
  EXPECT_EQ(none.next_begin_offset, 3);
  EXPECT_EQ(std::string(GetMessageStatusName(one.status)), "OFFSET_OVERFLOW_ONE");
}

TEST(StoreCommitLogTest, RollsToNextFileWithBlankRecord) {
  TempDir dir("store_test");
  MessageStoreConfig config = SmallConfig(dir.path());
  MessageStore store(config);
  ASSERT_TRUE(store.Start().ok());
  std::string body(900, 'x');
  std::vector<PutMessageResult> results;
  for (int i = 0; i < 10; ++i) {
    results.push_back(store.PutMessage(MakeMessage("Roll", 0, body + std::to_string(i))));
    ASSERT_EQ(results.back().status, PutMessageStatus::kPutOk);
  }
  // Records never span files; the end of a file carries BLANK with TOTALSIZE = remaining.
  int64_t prev_end = 0;
  for (const auto& r : results) {
    int64_t start = r.append.wrote_offset;
    EXPECT_EQ(start / 4096, (start + r.append.wrote_bytes - 1) / 4096);
    if (start != prev_end) {
      EXPECT_EQ(start % 4096, 0);
      auto blank = store.GetCommitLogData(prev_end, 8);
      ASSERT_TRUE(blank.ok());
      EXPECT_EQ(DecodeFixed32BE(blank->data()), static_cast<uint32_t>(4096 - prev_end % 4096));
      EXPECT_EQ(DecodeFixed32BE(blank->data() + 4), kBlankMagicCode);
    }
    prev_end = start + r.append.wrote_bytes;
  }
  EXPECT_GT(results.back().append.wrote_offset, 4096);
  WaitDispatched(&store);
  // The consume queue (10 units per file) spans files too; all readable in order.
  int64_t next = 0;
  int n = 0;
  while (next < 10) {
    GetMessageResult g = store.GetMessage("g", "Roll", 0, next, 32);
    ASSERT_EQ(g.status, GetMessageStatus::kFound);
    auto msgs = DecodeStoredMessages(g.data);
    ASSERT_TRUE(msgs.ok());
    for (const auto& m : *msgs) EXPECT_EQ(m.body(), body + std::to_string(n++));
    next = g.next_begin_offset;
  }
  EXPECT_EQ(n, 10);
  auto files = NewPosixEnv()->ListDir(dir.path() + "/commitlog");
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(files->front(), "00000000000000000000");
  EXPECT_EQ((*files)[1], "00000000000000004096");
}

TEST(StoreCommitLogTest, RejectsIllegalMessages) {
  TempDir dir("store_test");
  MessageStoreConfig config = SmallConfig(dir.path());
  config.mappedFileSizeCommitLog = 1 << 20;
  config.maxMessageSize = 1024;
  MessageStore store(config);
  EXPECT_EQ(store.PutMessage(MakeMessage("T", 0, "x")).status,
            PutMessageStatus::kServiceNotAvailable);  // not started
  ASSERT_TRUE(store.Start().ok());
  EXPECT_EQ(store.PutMessage(MakeMessage("T", 0, std::string(2000, 'b'))).status,
            PutMessageStatus::kMessageIllegal);
  EXPECT_EQ(store.PutMessage(MakeMessage(std::string(128, 't'), 0, "b")).status,
            PutMessageStatus::kMessageIllegal);
  MessageExt big = MakeMessage("T", 0, "b");
  big.PutProperty("P", std::string(40000, 'p'));
  EXPECT_EQ(store.PutMessage(big).status, PutMessageStatus::kPropertiesSizeExceeded);
  EXPECT_EQ(store.GetMaxPhyOffset(), 0);
  store.Shutdown();
  EXPECT_EQ(store.PutMessage(MakeMessage("T", 0, "x")).status,
            PutMessageStatus::kServiceNotAvailable);
}

TEST(StoreCommitLogTest, BatchGetsConsecutiveOffsetsAndIpv6Hosts) {
  TempDir dir("store_test");
  MessageStoreConfig config = SmallConfig(dir.path());
  config.storeHost = *SocketAddress::Parse("[fd00::1]:10911");
  MessageStore store(config);
  ASSERT_TRUE(store.Start().ok());
  ASSERT_TRUE(store.PutMessage(MakeMessage("B", 1, "first")).IsOk());
  std::vector<MessageExt> batch;
  for (int i = 0; i < 3; ++i) {
    MessageExt m = MakeMessage("B", 1, "batch" + std::to_string(i));
    m.set_born_host(*SocketAddress::Parse("[fd00::2]:4000"));
    batch.push_back(m);
  }
  PutMessageResult r = store.PutMessages(batch);
  ASSERT_EQ(r.status, PutMessageStatus::kPutOk) << r.error.ToString();
  EXPECT_EQ(r.append.logics_offset, 1);
  EXPECT_EQ(r.append.msg_num, 3);
  EXPECT_EQ(std::count(r.append.msg_id.begin(), r.append.msg_id.end(), ','), 2);
  WaitDispatched(&store);
  GetMessageResult g = store.GetMessage("g", "B", 1, 1, 32);
  auto msgs = DecodeStoredMessages(g.data);
  ASSERT_TRUE(msgs.ok());
  ASSERT_EQ(msgs->size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ((*msgs)[i].queue_offset(), 1 + i);
    EXPECT_EQ((*msgs)[i].body(), "batch" + std::to_string(i));
    EXPECT_TRUE((*msgs)[i].store_host().is_ipv6());
    EXPECT_TRUE((*msgs)[i].born_host().is_ipv6());
    EXPECT_EQ((*msgs)[i].sys_flag() & (kSysFlagBornHostV6 | kSysFlagStoreHostV6),
              kSysFlagBornHostV6 | kSysFlagStoreHostV6);
  }
  EXPECT_EQ(store.GetEarliestMessageTime("B", 1), store.GetMessageStoreTimeStamp("B", 1, 0));
}

TEST(StoreCommitLogTest, TransactionsAndDelayAreRoutedLikeJava) {
  TempDir dir("store_test");
  MessageStore store(SmallConfig(dir.path()));
  ASSERT_TRUE(store.Start().ok());
  MessageExt half = MakeMessage("Half", 0, "prepared");
  half.set_sys_flag(kSysFlagTransactionPreparedType);
  PutMessageResult hr = store.PutMessage(half);
  ASSERT_TRUE(hr.IsOk());
  EXPECT_EQ(hr.append.logics_offset, 0);
  MessageExt delayed = MakeMessage("Real", 2, "later");
  delayed.set_delay_time_level(3);
  ASSERT_TRUE(store.PutMessage(delayed).IsOk());
  WaitDispatched(&store);
  EXPECT_EQ(store.GetMaxOffsetInQueue("Half", 0), 0);  // prepared: no consume-queue entry
  EXPECT_EQ(store.GetMaxOffsetInQueue("SCHEDULE_TOPIC_XXXX", 2), 1);
  GetMessageResult g = store.GetMessage("g", "SCHEDULE_TOPIC_XXXX", 2, 0, 1);
  auto msgs = DecodeStoredMessages(g.data);
  ASSERT_TRUE(msgs.ok());
  ASSERT_EQ(msgs->size(), 1u);
  EXPECT_EQ((*msgs)[0].GetProperty(kPropertyRealTopic), "Real");
  EXPECT_EQ((*msgs)[0].GetProperty(kPropertyRealQueueId), "2");
}

TEST(StoreCommitLogTest, ConsumeQueueFillsBlanksWhenStartingLate) {
  TempDir dir("store_test");
  auto env = NewPosixEnv();
  ConsumeQueue cq(env.get(), dir.path(), "T", 0, 200);
  ASSERT_TRUE(cq.PutMessagePositionInfo(1000, 50, 42, 12).ok());
  EXPECT_EQ(cq.GetMaxOffsetInQueue(), 13);
  EXPECT_EQ(cq.GetMinOffsetInQueue(), 12);
  auto data = ReadWholeFile(env.get(), dir.path() + "/T/0/00000000000000000200");
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(DecodeFixed64BE(data->data()), 0u);
  EXPECT_EQ(DecodeFixed32BE(data->data() + 8), 0x7FFFFFFFu);
  EXPECT_EQ(DecodeFixed64BE(data->data() + 40), 1000u);
  EXPECT_EQ(DecodeFixed32BE(data->data() + 48), 50u);
  EXPECT_EQ(DecodeFixed64BE(data->data() + 52), 42u);
  // Re-dispatching an entry that is already there is a no-op.
  ASSERT_TRUE(cq.PutMessagePositionInfo(1000, 50, 42, 12).ok());
  EXPECT_EQ(cq.GetMaxOffsetInQueue(), 13);
}

TEST(StoreCommitLogTest, TagsCodeIsSignExtendedJavaHash) {
  EXPECT_EQ(TagsStringToTagsCode(""), 0);
  EXPECT_EQ(TagsStringToTagsCode("TagA"), 2598919);
  // "polygenelubricants".hashCode() == Integer.MIN_VALUE in Java.
  EXPECT_EQ(TagsStringToTagsCode("polygenelubricants"), static_cast<int64_t>(INT32_MIN));
}

}  // namespace
}  // namespace rocketmq::store
