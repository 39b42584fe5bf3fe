// Offset stores: the remote store's read/persist rules against a fake broker, and the local
// file store's path, JSON shape and .bak fallback.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "common/file_util.h"
#include "common/response_code.h"
#include "consumer/local_file_offset_store.h"
#include "consumer/remote_broker_offset_store.h"
#include "support/temp_dir.h"

namespace rocketmq::consumer {
namespace {

class FakeBroker : public OffsetBrokerClient {
 public:
  Result<int64_t> QueryConsumerOffset(const std::string& group, const MessageQueue& mq) override {
    ++queries;
    if (down) return Status::NotConnected("down");
    auto it = stored.find({group, mq});
    if (it == stored.end()) return Status(ResponseCode::kQueryNotFound, "Not found");
    return it->second;
  }
  Status UpdateConsumerOffset(const std::string& group, const MessageQueue& mq, int64_t offset,
                              bool oneway) override {
    if (down) return Status::NotConnected("down");
    stored[{group, mq}] = offset;
    last_oneway = oneway;
    ++updates;
    return Status::OK();
  }
  std::map<std::pair<std::string, MessageQueue>, int64_t> stored;
  bool down = false;
  bool last_oneway = false;
  int queries = 0;
  int updates = 0;
};

const MessageQueue kQ0("T", "broker-a", 0);
const MessageQueue kQ1("T", "broker-a", 1);
const MessageQueue kOther("U", "broker-a", 0);

TEST(RemoteBrokerOffsetStore, ReadRules) {
  FakeBroker broker;
  RemoteBrokerOffsetStore store("G", &broker);
  EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kReadFromMemory), -1);
  EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kReadFromStore), -1);  // QUERY_NOT_FOUND
  broker.stored[{"G", kQ0}] = 17;
  EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kMemoryFirstThenStore), 17);
  EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kReadFromMemory), 17);  // cached
  const int queries = broker.queries;
  EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kMemoryFirstThenStore), 17);
  EXPECT_EQ(broker.queries, queries);
  broker.down = true;
  EXPECT_EQ(store.ReadOffset(kQ1, ReadOffsetType::kReadFromStore), -2);
}

TEST(RemoteBrokerOffsetStore, UpdateIncreaseOnly) {
  FakeBroker broker;
  RemoteBrokerOffsetStore store("G", &broker);
  store.UpdateOffset(kQ0, 10, false);
  store.UpdateOffset(kQ0, 5, true);
  EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kReadFromMemory), 10);
  store.UpdateOffset(kQ0, 5, false);
  EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kReadFromMemory), 5);
}

TEST(RemoteBrokerOffsetStore, PersistAllSendsOnewayAndForgetsUnassigned) {
  FakeBroker broker;
  RemoteBrokerOffsetStore store("G", &broker);
  store.UpdateOffset(kQ0, 10, false);
  store.UpdateOffset(kQ1, 20, false);
  store.UpdateOffset(kOther, 30, false);
  store.PersistAll({kQ0, kOther});
  EXPECT_EQ(broker.updates, 2);
  EXPECT_TRUE(broker.last_oneway);
  EXPECT_EQ((broker.stored[{"G", kQ0}]), 10);
  EXPECT_EQ((broker.stored[{"G", kOther}]), 30);
  EXPECT_EQ(broker.stored.count({"G", kQ1}), 0u);
  EXPECT_EQ(store.ReadOffset(kQ1, ReadOffsetType::kReadFromMemory), -1);  // forgotten
  EXPECT_EQ(store.CloneOffsetTable("T").size(), 1u);
  EXPECT_EQ(store.CloneOffsetTable("").size(), 2u);
  store.RemoveOffset(kQ0);
  EXPECT_EQ(store.CloneOffsetTable("T").size(), 0u);
}

TEST(LocalFileOffsetStore, PathAndRoundTrip) {
  test::TempDir dir("local_offsets");
  {
    LocalFileOffsetStore store(dir.path(), "10.0.0.1@123", "G");
    EXPECT_EQ(store.store_path(), dir.path() + "/10.0.0.1@123/G/offsets.json");
    ASSERT_TRUE(store.Load().ok());  // no file yet
    EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kMemoryFirstThenStore), -1);
    store.UpdateOffset(kQ0, 12, false);
    store.UpdateOffset(kQ1, 34, false);
    store.PersistAll({kQ0, kQ1});
  }
  auto text = ReadWholeFile(dir.path() + "/10.0.0.1@123/G/offsets.json");
  ASSERT_TRUE(text.ok());
  // fastjson pretty form with MessageQueue object keys.
  EXPECT_NE(text->find("\"offsetTable\":{"), std::string::npos) << *text;
  EXPECT_NE(text->find("\"brokerName\":\"broker-a\""), std::string::npos) << *text;
  EXPECT_NE(text->find(":12"), std::string::npos) << *text;
  LocalFileOffsetStore again(dir.path(), "10.0.0.1@123", "G");
  ASSERT_TRUE(again.Load().ok());
  EXPECT_EQ(again.ReadOffset(kQ0, ReadOffsetType::kReadFromMemory), 12);
  EXPECT_EQ(again.ReadOffset(kQ1, ReadOffsetType::kReadFromMemory), 34);
}

TEST(LocalFileOffsetStore, ReadsJavaFileAndFallsBackToBak) {
  test::TempDir dir("local_offsets");
  const std::string path = dir.path() + "/cid/G/offsets.json";
  // What Java's OffsetSerializeWrapper.toJson(true) writes.
  const std::string java =
      "{\n\t\"offsetTable\":{{\n\t\t\t\"brokerName\":\"broker-a\",\n\t\t\t\"queueId\":0,\n\t\t\t"
      "\"topic\":\"T\"\n\t\t}:7\n\t}\n}";
  ASSERT_TRUE(WriteFileReplacing(path, java).ok());
  ASSERT_TRUE(WriteFileReplacing(path, "garbage{").ok());  // the good copy is now .bak
  LocalFileOffsetStore store(dir.path(), "cid", "G");
  ASSERT_TRUE(store.Load().ok());
  EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kReadFromMemory), 7);
  EXPECT_EQ(store.ReadOffset(kQ0, ReadOffsetType::kReadFromStore), 7);
}

TEST(LocalFileOffsetStore, DefaultBaseDirUnderHome) {
  EXPECT_NE(LocalFileOffsetStore::DefaultBaseDir().find(".rocketmq_offsets"), std::string::npos);
}

}  // namespace
}  // namespace rocketmq::consumer
