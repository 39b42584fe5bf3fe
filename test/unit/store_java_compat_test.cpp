// Java compatibility: store directories written by Apache RocketMQ 4.9.8 (test/vectors
// store-clean: clean shutdown; store-killed: kill -9, abort file present) open in our store and
// serve exactly the 10 known messages; then we append and reopen.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/byte_order.h"
#include "common/java_hash.h"
#include "common/message_decoder.h"
#include "common/properties.h"
#include "mockbroker/store/message_store.h"
#include "support/temp_dir.h"
#include "support/vectors.h"

namespace rocketmq::store {
namespace {

namespace fs = std::filesystem;

using test::TempDir;

struct KnownMessage {
  int64_t pos;
  int32_t size;
  int32_t queue_id;
  int64_t queue_offset;
  int64_t store_timestamp;
  std::string body;
  std::string keys;
  std::string tags;
  std::string uniq_key;
};

std::vector<KnownMessage> LoadKnown(const std::string& name) {
  std::ifstream in(test::VectorsDir() + "/" + name + ".decoded.json");
  Json::Value root;
  Json::CharReaderBuilder builder;
  std::string errs;
  EXPECT_TRUE(Json::parseFromStream(builder, in, &root, &errs)) << errs;
  std::vector<KnownMessage> out;
  for (const auto& file : root["commitlog"]) {
    for (const auto& r : file["records"]) {
      KnownMessage m;
      m.pos = r["pos"].asInt64();
      m.size = r["totalSize"].asInt();
      m.queue_id = r["queueId"].asInt();
      m.queue_offset = r["queueOffset"].asInt64();
      m.store_timestamp = r["storeTimestamp"].asInt64();
      m.body = r["body_text"].asString();
      m.keys = r["properties"]["KEYS"].asString();
      m.tags = r["properties"]["TAGS"].asString();
      m.uniq_key = r["properties"]["UNIQ_KEY"].asString();
      out.push_back(m);
    }
  }
  return out;
}

MessageStoreConfig VectorConfig(const std::string& root) {
  auto props = Properties::Load(test::VectorsDir() + "/conf/broker-v-store.conf");
  EXPECT_TRUE(props.ok());
  MessageStoreConfig c;
  EXPECT_TRUE(c.LoadFromProperties(*props).ok());
  EXPECT_EQ(c.mappedFileSizeCommitLog, 1048576);
  EXPECT_EQ(c.mappedFileSizeConsumeQueue, 6000);
  EXPECT_EQ(c.maxHashSlotNum, 100);
  EXPECT_EQ(c.maxIndexNum, 400);
  EXPECT_EQ(c.accessMessageInMemoryMaxRatio, 0);
  c.storePathRootDir = root;
  c.storePathCommitLog = root + "/commitlog";
  c.storeHost = *SocketAddress::Parse("127.0.0.1:20911");
  c.cleanResourceInterval = 3600000;
  return c;
}

std::string CopyVectorStore(const std::string& name, const std::string& into) {
  std::string dst = into + "/" + name;
  fs::copy(test::VectorsDir() + "/" + name, dst, fs::copy_options::recursive);
  for (const auto& e : fs::recursive_directory_iterator(dst)) {
    fs::permissions(e.path(), fs::perms::owner_read | fs::perms::owner_write |
                                  (e.is_directory() ? fs::perms::owner_exec : fs::perms::none),
                    fs::perm_options::add);
  }
  return dst;
}

void WaitDispatched(MessageStore* store) {
  for (int i = 0; i < 2000 && store->DispatchBehindBytes() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(store->DispatchBehindBytes(), 0);
}

// Everything a consumer / admin can observe about the 10 Java messages.
void ExpectServesKnownMessages(MessageStore* store, const std::vector<KnownMessage>& known,
                               const std::string& original_commitlog) {
  ASSERT_EQ(known.size(), 10u);
  EXPECT_EQ(store->GetMinPhyOffset(), 0);
  for (int q = 0; q < 2; ++q) {
    EXPECT_EQ(store->GetMinOffsetInQueue("VecStoreTopic", q), 0);
    GetMessageResult g = store->GetMessage("g", "VecStoreTopic", q, 0, 32);
    ASSERT_EQ(g.status, GetMessageStatus::kFound);
    auto msgs = DecodeStoredMessages(g.data);
    ASSERT_TRUE(msgs.ok()) << msgs.status().ToString();
    std::vector<KnownMessage> expected;
    for (const auto& k : known) {
      if (k.queue_id == q) expected.push_back(k);
    }
    ASSERT_GE(msgs->size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      const MessageExt& m = (*msgs)[i];
      EXPECT_EQ(m.queue_offset(), expected[i].queue_offset);
      EXPECT_EQ(m.commit_log_offset(), expected[i].pos);
      EXPECT_EQ(m.body(), expected[i].body);
      EXPECT_EQ(m.keys(), expected[i].keys);
      EXPECT_EQ(m.tags(), expected[i].tags);
      EXPECT_EQ(m.unique_key(), expected[i].uniq_key);
      EXPECT_EQ(m.store_timestamp(), expected[i].store_timestamp);
    }
  }
  for (const auto& k : known) {
    auto rec = store->LookMessageByOffset(k.pos);
    ASSERT_TRUE(rec.ok());
    EXPECT_EQ(*rec, original_commitlog.substr(static_cast<size_t>(k.pos), static_cast<size_t>(k.size)));
    QueryMessageResult by_key = store->QueryMessage("VecStoreTopic", k.keys, 32, 0, INT64_MAX);
    EXPECT_EQ(by_key.phy_offsets, std::vector<int64_t>{k.pos}) << k.keys;
    QueryMessageResult by_uniq = store->QueryMessage("VecStoreTopic", k.uniq_key, 32, 0, INT64_MAX);
    EXPECT_EQ(by_uniq.phy_offsets, std::vector<int64_t>{k.pos}) << k.uniq_key;
    EXPECT_EQ(by_uniq.data, *rec);
  }
  EXPECT_EQ(store->GetEarliestMessageTime("VecStoreTopic", 0), known[0].store_timestamp);
  EXPECT_EQ(store->GetOffsetInQueueByTime("VecStoreTopic", 1, known[5].store_timestamp), 2);
}

void RunCompat(const std::string& name, bool expect_clean) {
  TempDir tmp("store_compat");
  std::string root = CopyVectorStore(name, tmp.path());
  std::string original = test::ReadFile(root + "/commitlog/00000000000000000000");
  std::string original_cq0 = test::ReadFile(root + "/consumequeue/VecStoreTopic/0/00000000000000000000");
  std::vector<KnownMessage> known = LoadKnown(name);
  MessageStoreConfig config = VectorConfig(root);
  {
    MessageStore store(config);
    ASSERT_TRUE(store.Load().ok());
    EXPECT_EQ(store.last_exit_ok(), expect_clean);
    EXPECT_EQ(store.GetMaxPhyOffset(), 2450);
    for (int q = 0; q < 2; ++q) EXPECT_EQ(store.GetMaxOffsetInQueue("VecStoreTopic", q), 5);
    ASSERT_TRUE(store.Start().ok());
    WaitDispatched(&store);
    ExpectServesKnownMessages(&store, known, original);
    if (!expect_clean) {
      // The pre-allocated, empty second CommitLog file was truncated away by recovery.
      EXPECT_FALSE(fs::exists(root + "/commitlog/00000000000000001048576"));
      // The index was rebuilt by recovery: header, slots and entries equal Java's own bytes.
      std::string java_index = test::ReadFile(test::VectorsDir() + "/" + name +
                                              "/index/20261122001136783");
      std::vector<std::string> ours;
      for (const auto& e : fs::directory_iterator(root + "/index")) ours.push_back(e.path());
      ASSERT_EQ(ours.size(), 1u);
      std::string rebuilt = test::ReadFile(ours[0]);
      ASSERT_EQ(rebuilt.size(), java_index.size());
      EXPECT_EQ(rebuilt, java_index);
    }
    // Append three more to queue 0; they continue the Java queue offsets.
    for (int i = 0; i < 3; ++i) {
      MessageExt m;
      m.set_topic("VecStoreTopic");
      m.set_queue_id(0);
      m.set_body("cpp message " + std::to_string(i));
      m.set_tags("TagC");
      m.set_keys("CPP-KEY-" + std::to_string(i));
      m.set_born_host(*SocketAddress::Parse("127.0.0.1:40000"));
      m.set_born_timestamp(1795306300000);
      PutMessageResult r = store.PutMessage(m);
      ASSERT_TRUE(r.IsOk()) << r.error.ToString();
      EXPECT_EQ(r.append.logics_offset, 5 + i);
      EXPECT_EQ(r.append.wrote_offset, 2450 + (i == 0 ? 0 : r.append.wrote_bytes * i));
    }
    store.Shutdown();
  }
  EXPECT_FALSE(fs::exists(root + "/abort"));
  // The Java consume-queue units are untouched; ours follow in the same format.
  std::string cq0 = test::ReadFile(root + "/consumequeue/VecStoreTopic/0/00000000000000000000");
  EXPECT_EQ(cq0.substr(0, 100), original_cq0.substr(0, 100));
  EXPECT_EQ(DecodeFixed64BE(cq0.data() + 100), 2450u);
  EXPECT_EQ(DecodeFixed64BE(cq0.data() + 112), static_cast<uint64_t>(JavaStringHashCode("TagC")));
  // Reopen: a normal recovery now, everything still there.
  {
    MessageStore store(config);
    ASSERT_TRUE(store.Start().ok());
    EXPECT_TRUE(store.last_exit_ok());
    WaitDispatched(&store);
    ExpectServesKnownMessages(&store, known, original);
    EXPECT_EQ(store.GetMaxOffsetInQueue("VecStoreTopic", 0), 8);
    GetMessageResult g = store.GetMessage("g", "VecStoreTopic", 0, 5, 32);
    auto msgs = DecodeStoredMessages(g.data);
    ASSERT_TRUE(msgs.ok());
    ASSERT_EQ(msgs->size(), 3u);
    EXPECT_EQ((*msgs)[2].body(), "cpp message 2");
    EXPECT_EQ((*msgs)[2].store_host().ToString(), "127.0.0.1:20911");
    EXPECT_EQ(store.QueryMessage("VecStoreTopic", "CPP-KEY-1", 32, 0, INT64_MAX).message_count, 1);
  }
}

TEST(StoreJavaCompatTest, CleanShutdownStoreOpensAndServesEveryMessage) {
  RunCompat("store-clean", true);
}

TEST(StoreJavaCompatTest, KilledStoreRecoversAbnormallyAndRebuildsIndex) {
  RunCompat("store-killed", false);
}

TEST(StoreJavaCompatTest, CheckpointLayoutMatchesJava) {
  TempDir tmp("store_compat");
  std::string root = CopyVectorStore("store-clean", tmp.path());
  auto env = NewPosixEnv();
  auto cp = StoreCheckpoint::Open(env.get(), root + "/checkpoint");
  ASSERT_TRUE(cp.ok());
  EXPECT_EQ((*cp)->physic_msg_timestamp(), 1795306271072);
  EXPECT_EQ((*cp)->logics_msg_timestamp(), 1795306271072);
  EXPECT_EQ((*cp)->index_msg_timestamp(), 0);
  EXPECT_EQ((*cp)->MinTimestamp(), 1795306271072 - 3000);
}

}  // namespace
}  // namespace rocketmq::store
