// Delay levels in the store (Java ScheduleMessageService.parseDelayLevel /
// computeDeliverTimestamp, CommitLog's delay rewrite and schedule tags code), the Java HashMap
// property order the broker re-encodes with, and messageTimeup's re-put message.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "common/message_decoder.h"
#include "mockbroker/broker/config_file.h"
#include "mockbroker/broker/schedule_message_service.h"
#include "mockbroker/store/message_store.h"
#include "support/temp_dir.h"

namespace rocketmq::store {
namespace {

using test::TempDir;

TEST(StoreDelayLevelTest, ParsesTheDefaultTableAsJava) {
  Result<std::vector<int64_t>> levels =
      ParseMessageDelayLevel(MessageStoreConfig().messageDelayLevel);
  ASSERT_TRUE(levels.ok()) << levels.status().ToString();
  const std::vector<int64_t> expected = {1000,   5000,   10000,   30000,   60000,   120000,
                                         180000, 240000, 300000,  360000,  420000,  480000,
                                         540000, 600000, 1200000, 1800000, 3600000, 7200000};
  EXPECT_EQ(*levels, expected);
}

TEST(StoreDelayLevelTest, ParsesEveryUnitSignAndTrailingSpace) {
  Result<std::vector<int64_t>> levels = ParseMessageDelayLevel("3s 2m 1h 2d +4s -1s 0s ");
  ASSERT_TRUE(levels.ok()) << levels.status().ToString();
  EXPECT_EQ(*levels, (std::vector<int64_t>{3000, 120000, 3600000, 172800000, 4000, -1000, 0}));
}

TEST(StoreDelayLevelTest, RefusesWhatJavaCannotParse) {
  for (const char* bad : {"", " ", "1s  2s", " 1s", "1x", "s", "+s", "1.5s", "1 s", "1S",
                          "99999999999999999999s", "9223372036854775807d"}) {
    Result<std::vector<int64_t>> r = ParseMessageDelayLevel(bad);
    EXPECT_EQ(r.status().code(), kCodeInvalidArgument) << bad;
  }
  EXPECT_NE(ParseMessageDelayLevel("1s 5x").status().message().find("item 2 '5x'"),
            std::string::npos);
}

TEST(StoreDelayLevelTest, DeliverTimeIsStoreTimePlusTheLevelDelay) {
  const std::vector<int64_t> levels = {1000, 5000, 10000};
  EXPECT_EQ(ComputeDeliverTimestamp(levels, 1, 1700000000000), 1700000001000);
  EXPECT_EQ(ComputeDeliverTimestamp(levels, 3, 1700000000000), 1700000010000);
  // A level outside the table: one second (Java's fallback).
  EXPECT_EQ(ComputeDeliverTimestamp(levels, 4, 1700000000000), 1700000001000);
  EXPECT_EQ(ComputeDeliverTimestamp(levels, 0, 1700000000000), 1700000001000);
}

TEST(StoreDelayLevelTest, JavaHashMapOrderMatchesTheCapturedRetryRecord) {
  // Keys of the %RETRY% record in capture 03a, in the order Java inserted them.
  MessageProperties p;
  for (const char* k : {"KEYS", "UNIQ_KEY", "CLUSTER", "TAGS", "RETRY_TOPIC", "WAIT", "DELAY",
                        "ORIGIN_MESSAGE_ID", "REAL_TOPIC", "REAL_QID"}) {
    p.Set(k, "v");
  }
  std::vector<std::string> keys;
  for (const auto& [k, v] : JavaHashMapOrder(p)) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"REAL_TOPIC", "ORIGIN_MESSAGE_ID", "RETRY_TOPIC", "KEYS",
                                      "UNIQ_KEY", "CLUSTER", "WAIT", "DELAY", "TAGS", "REAL_QID"}));
  // WAIT and DELAY share a bucket: their insertion order decides.
  MessageProperties q;
  q.Set("DELAY", "1");
  q.Set("WAIT", "true");
  EXPECT_EQ(JavaHashMapOrder(q).Encode(), std::string("DELAY\x01") + "1\x02WAIT\x01true");
  // 13 entries need a 32-bucket table (a HashMap resizes past 12), which reorders the keys.
  MessageProperties big = p;
  for (const char* k : {"PGROUP", "TRAN_MSG", "MAX_RECONSUME_TIMES"}) big.Set(k, "v");
  keys.clear();
  for (const auto& [k, v] : JavaHashMapOrder(big)) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"TRAN_MSG", "MAX_RECONSUME_TIMES", "REAL_TOPIC",
                                      "ORIGIN_MESSAGE_ID", "RETRY_TOPIC", "KEYS", "UNIQ_KEY",
                                      "CLUSTER", "WAIT", "DELAY", "PGROUP", "TAGS", "REAL_QID"}));
  // The table size follows the most entries the map ever held.
  EXPECT_EQ(JavaHashMapOrder(p, 13).entries().front().first, "REAL_TOPIC");
  MessageProperties two;
  two.Set("REAL_TOPIC", "v");
  two.Set("TRAN_MSG", "v");
  EXPECT_EQ(JavaHashMapOrder(two).entries().front().first, "REAL_TOPIC");
  EXPECT_EQ(JavaHashMapOrder(two, 13).entries().front().first, "TRAN_MSG");
}

MessageStoreConfig SmallConfig(const std::string& root) {
  MessageStoreConfig c;
  c.storePathRootDir = root;
  c.mappedFileSizeCommitLog = 64 * 1024;
  c.mappedFileSizeConsumeQueue = 20 * 10;
  c.storeHost = *SocketAddress::Parse("10.0.0.1:10911");
  c.messageDelayLevel = "1s 5s 10s";
  c.cleanResourceInterval = 3600000;
  return c;
}

void WaitDispatched(MessageStore* store) {
  for (int i = 0; i < 2000 && store->DispatchBehindBytes() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(store->DispatchBehindBytes(), 0);
}

TEST(StoreDelayLevelTest, DelayedPutIsParkedWithJavaPropertiesAndDeliverTime) {
  TempDir dir("store_test");
  MessageStore store(SmallConfig(dir.path()));
  ASSERT_TRUE(store.Load().ok());
  ASSERT_TRUE(store.Start().ok());
  MessageExt m;
  m.set_topic("Real");
  m.set_queue_id(5);
  m.set_body("later");
  m.set_born_host(*SocketAddress::Parse("192.168.1.7:51234"));
  m.PutProperty("KEYS", "k");
  m.PutProperty("DELAY", "7");  // above the max (3): clamped
  m.PutProperty("TAGS", "TagA");
  PutMessageOptions options;
  options.raw_properties.push_back("ignored when the message is rerouted");
  PutMessageResult r = store.PutMessage(m, options);
  ASSERT_TRUE(r.IsOk());
  WaitDispatched(&store);
  std::vector<CqUnit> units = store.GetConsumeQueueUnits(kScheduleTopic, 2, 0, 10);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].tags_code, r.append.store_timestamp + 10000);
  Result<std::string> raw = store.LookMessageByOffset(r.append.wrote_offset);
  ASSERT_TRUE(raw.ok());
  Result<MessageExt> parked = DecodeStoredMessage(*raw);
  ASSERT_TRUE(parked.ok());
  EXPECT_EQ(parked->topic(), kScheduleTopic);
  EXPECT_EQ(parked->queue_id(), 2);
  EXPECT_EQ(parked->properties().Encode(), std::string("REAL_TOPIC\x01Real\x02KEYS\x01k\x02") +
                                               "DELAY\x01" + "3\x02TAGS\x01TagA\x02REAL_QID\x01" +
                                               "5");

  // A schedule record without DELAY keeps its tags hash, as Java's checkMessageAndReturnSize.
  MessageExt odd;
  odd.set_topic(kScheduleTopic);
  odd.set_queue_id(0);
  odd.set_body("x");
  odd.set_born_host(*SocketAddress::Parse("192.168.1.7:51234"));
  odd.PutProperty("TAGS", "TagA");
  ASSERT_TRUE(store.PutMessage(odd).IsOk());
  WaitDispatched(&store);
  std::vector<CqUnit> q0 = store.GetConsumeQueueUnits(kScheduleTopic, 0, 0, 10);
  ASSERT_EQ(q0.size(), 1u);
  EXPECT_EQ(q0[0].tags_code, TagsStringToTagsCode("TagA"));
}

TEST(StoreDelayLevelTest, StoreRefusesToLoadWithBadLevels) {
  TempDir dir("store_test");
  MessageStoreConfig c = SmallConfig(dir.path());
  c.messageDelayLevel = "1s 2q";
  MessageStore store(c);
  EXPECT_EQ(store.Load().code(), kCodeInvalidArgument);
}

TEST(StoreDelayLevelTest, MessageTimeUpRestoresTheRealTopicAndKeepsTheStoredString) {
  MessageExt stored;
  stored.set_topic(kScheduleTopic);
  stored.set_queue_id(0);
  stored.set_body("b");
  stored.set_flag(3);
  stored.set_sys_flag(0x1);
  stored.set_born_timestamp(42);
  stored.set_born_host(*SocketAddress::Parse("192.168.1.7:51234"));
  stored.set_store_host(*SocketAddress::Parse("10.0.0.1:10911"));
  stored.set_reconsume_times(2);
  stored.set_properties(MessageProperties::Decode(std::string("REAL_TOPIC\x01T\x02") + "DELAY\x01" +
                                                  "1\x02WAIT\x01true\x02" + "REAL_QID\x01" + "3"));
  std::string raw;
  Result<MessageExt> m = broker::ScheduleMessageService::MessageTimeUp(stored, &raw);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->topic(), "T");
  EXPECT_EQ(m->queue_id(), 3);
  EXPECT_EQ(m->body(), "b");
  EXPECT_EQ(m->flag(), 3);
  EXPECT_EQ(m->sys_flag(), 0x1);
  EXPECT_EQ(m->born_timestamp(), 42);
  EXPECT_EQ(m->born_host(), stored.born_host());
  EXPECT_EQ(m->reconsume_times(), 2);
  EXPECT_EQ(raw, stored.properties().Encode());  // already in HashMap order
  EXPECT_EQ(m->delay_time_level(), 0);
  EXPECT_FALSE(m->wait_store_msg_ok());

  stored.mutable_properties().Erase("REAL_QID");
  EXPECT_FALSE(broker::ScheduleMessageService::MessageTimeUp(stored, &raw).ok());
  stored.mutable_properties().Set("REAL_QID", "x");
  EXPECT_FALSE(broker::ScheduleMessageService::MessageTimeUp(stored, &raw).ok());
}

// A slave never starts the service; when it becomes master, Start() picks up the offsets its
// sync wrote into delayOffset.json (Java's start() loads the file), so nothing is delivered twice.
TEST(StoreDelayLevelTest, StartResumesFromTheOffsetsInTheFile) {
  TempDir dir("store_test");
  MessageStore store(SmallConfig(dir.path()));
  ASSERT_TRUE(store.Load().ok());
  ASSERT_TRUE(store.Start().ok());
  for (const char* body : {"already delivered by the old master", "still to deliver"}) {
    MessageExt m;
    m.set_topic("Real");
    m.set_body(body);
    m.set_born_host(*SocketAddress::Parse("192.168.1.7:51234"));
    m.set_delay_time_level(1);
    ASSERT_TRUE(store.PutMessage(m).IsOk());
  }
  WaitDispatched(&store);
  const std::string path = dir.path() + "/config/delayOffset.json";
  broker::ScheduleMessageService service(&store, path);
  ASSERT_TRUE(service.Load().ok());
  EXPECT_EQ(service.Encode(false), "{\"offsetTable\":{}}");
  ASSERT_TRUE(broker::PersistConfigFile(path, "{\n\t\"offsetTable\":{1:1\n\t}\n}").ok());
  service.Start();
  EXPECT_EQ(service.offset_table(), (std::map<int32_t, int64_t>{{1, 1}}));
  for (int i = 0; i < 300 && store.GetMaxOffsetInQueue("Real", 0) < 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  service.Shutdown();
  GetMessageResult r = store.GetMessage("g", "Real", 0, 0, 32);
  Result<std::vector<MessageExt>> delivered = DecodeStoredMessages(r.data);
  ASSERT_TRUE(delivered.ok());
  ASSERT_EQ(delivered->size(), 1u);
  EXPECT_EQ((*delivered)[0].body(), "still to deliver");
  Result<std::string> file = ReadWholeFile(NewPosixEnv().get(), path);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(*file, "{\n\t\"offsetTable\":{1:2\n\t}\n}");
}

}  // namespace
}  // namespace rocketmq::store
