// The bundled broker's store-maintenance codes as Java 4.9.8's AdminBrokerProcessor answers
// them: QUERY_CONSUME_QUEUE (321), CLEAN_UNUSED_TOPIC (316), CLEAN_EXPIRED_CONSUMEQUEUE (306)
// and DELETE_EXPIRED_COMMITLOG (329). The outcome checked is the one an operator cares about:
// the units the store really holds, and consume-queue / CommitLog files gone from disk.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>

#include "common/java_hash.h"
#include "common/model/json_body.h"
#include "common/model/query_consume_queue_body.h"
#include "integration/broker_test_util.h"

namespace rocketmq::test {
namespace {

namespace fs = std::filesystem;

size_t CountFiles(const std::string& dir) {
  if (!fs::exists(dir)) return 0;
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
  return n;
}

class BrokerMaintenanceTest : public BrokerFixture {
 protected:
  void SendTagged(const std::string& topic, int queue, int count, const std::string& tag,
                  const std::string& body = "m") {
    for (int i = 0; i < count; ++i) {
      RemotingCommand r =
          Call(SendV2(topic, queue, Props({{"TAGS", tag}, {"WAIT", "true"}}), body));
      ASSERT_EQ(r.code(), ResponseCode::kSuccess) << r.remark().value_or("");
    }
    ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  }

  RemotingCommand QueryCq(const std::string& topic, int queue, int64_t index, int count,
                          const std::string& group = "") {
    std::vector<std::pair<std::string, std::string>> f = {{"topic", topic},
                                                          {"queueId", std::to_string(queue)},
                                                          {"index", std::to_string(index)},
                                                          {"count", std::to_string(count)}};
    if (!group.empty()) f.emplace_back("consumerGroup", group);
    return Call(Request(RequestCode::kQueryConsumeQueue, f));
  }

  std::string CqDir(const std::string& topic) const {
    return dir_.path() + "/store/consumequeue/" + topic;
  }
  std::string CommitLogDir() const { return dir_.path() + "/store/commitlog"; }
};

TEST_F(BrokerMaintenanceTest, QueryConsumeQueueReportsStoredUnits) {
  ASSERT_EQ(CreateTopic("CqTopic", 2).code(), ResponseCode::kSuccess);
  SendTagged("CqTopic", 1, 3, "TagA");
  const int64_t tag_code = JavaStringHashCode("TagA");

  RemotingCommand resp = QueryCq("CqTopic", 1, 1, 5);
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  EXPECT_FALSE(resp.remark().has_value());
  EXPECT_TRUE(ExtKeys(resp).empty());
  Result<QueryConsumeQueueResponseBody> body =
      DecodeJsonBody<QueryConsumeQueueResponseBody>(resp.body());
  ASSERT_TRUE(body.ok()) << body.status().ToString();
  EXPECT_EQ(body->max_queue_index, 3);
  EXPECT_EQ(body->min_queue_index, 0);
  ASSERT_EQ(body->queue_data.size(), 2u);  // units 1 and 2: only 3 are written
  EXPECT_FALSE(body->subscription_data.has_value());
  EXPECT_FALSE(body->filter_data.has_value());
  // Each unit is exactly what the CommitLog holds for that message.
  for (size_t i = 0; i < 2; ++i) {
    const ConsumeQueueData& d = body->queue_data[i];
    EXPECT_EQ(d.tags_code, tag_code);
    EXPECT_EQ(d.physic_offset, broker_->message_store().GetCommitLogOffsetInQueue(
                                   "CqTopic", 1, static_cast<int64_t>(1 + i)));
    Result<std::string> stored = broker_->message_store().LookMessageByOffset(d.physic_offset);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(static_cast<int32_t>(stored->size()), d.physic_size);
  }
  EXPECT_EQ(body->queue_data[0].ToString(),
            "ConsumeQueueData{physicOffset=" + std::to_string(body->queue_data[0].physic_offset) +
                ", physicSize=" + std::to_string(body->queue_data[0].physic_size) +
                ", tagsCode=" + std::to_string(tag_code) +
                ", extendDataJson='null', bitMap='null', eval=false, msg='null'}");
  // fastjson member order, nulls left out.
  EXPECT_EQ(resp.body().rfind("{\"maxQueueIndex\":3,\"minQueueIndex\":0,\"queueData\":[{\"eval\":"
                              "false,\"physicOffset\":",
                              0),
            0u)
      << resp.body();
}

TEST_F(BrokerMaintenanceTest, QueryConsumeQueueWithGroupAndErrors) {
  ASSERT_EQ(CreateTopic("CqTopic", 1).code(), ResponseCode::kSuccess);
  SendTagged("CqTopic", 0, 2, "TagB");

  RemotingCommand offline = QueryCq("CqTopic", 0, 0, 1, "CqGroup");
  ASSERT_EQ(offline.code(), ResponseCode::kSuccess);
  Result<QueryConsumeQueueResponseBody> b1 =
      DecodeJsonBody<QueryConsumeQueueResponseBody>(offline.body());
  ASSERT_TRUE(b1.ok());
  EXPECT_EQ(b1->filter_data.value_or(""), "CqGroup@CqTopic is not online!");
  EXPECT_FALSE(b1->subscription_data.has_value());
  EXPECT_EQ(b1->queue_data.size(), 1u);

  Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "CqGroup", "CqTopic", "TagB")));
  RemotingCommand online = QueryCq("CqTopic", 0, 0, 2, "CqGroup");
  ASSERT_EQ(online.code(), ResponseCode::kSuccess);
  Result<QueryConsumeQueueResponseBody> b2 =
      DecodeJsonBody<QueryConsumeQueueResponseBody>(online.body());
  ASSERT_TRUE(b2.ok());
  EXPECT_EQ(b2->filter_data.value_or(""), "null");
  ASSERT_TRUE(b2->subscription_data.has_value());
  EXPECT_EQ(b2->subscription_data->sub_string, "TagB");
  EXPECT_EQ(b2->queue_data.size(), 2u);

  RemotingCommand no_queue = QueryCq("CqTopic", 7, 0, 1);
  EXPECT_EQ(no_queue.code(), ResponseCode::kSystemError);
  EXPECT_EQ(no_queue.remark().value_or(""), "7@CqTopic is not exist!");
  EXPECT_TRUE(no_queue.body().empty());

  RemotingCommand no_index = QueryCq("CqTopic", 0, 2, 1);
  EXPECT_EQ(no_index.code(), ResponseCode::kSuccess);
  EXPECT_EQ(no_index.remark().value_or(""), "Index 2 of 0@CqTopic is not exist!");
  EXPECT_TRUE(no_index.body().empty());
}

TEST_F(BrokerMaintenanceTest, CleanUnusedTopicDropsQueuesOutsideTheTopicConfig) {
  ASSERT_EQ(CreateTopic("KeptTopic", 1).code(), ResponseCode::kSuccess);
  ASSERT_EQ(CreateTopic("GoneTopic", 1).code(), ResponseCode::kSuccess);
  SendTagged("KeptTopic", 0, 1, "t");
  SendTagged("GoneTopic", 0, 2, "t");
  ASSERT_TRUE(fs::exists(CqDir("GoneTopic") + "/0"));
  // The topic config forgets the topic while its stored queues stay (what an operator gets by
  // editing topics.json or deleting the topic on a broker that failed to clean up).
  ASSERT_TRUE(broker_->topic_config_manager().DeleteTopicConfig("GoneTopic"));
  ASSERT_TRUE(fs::exists(CqDir("GoneTopic") + "/0"));

  RemotingCommand resp = Call(Request(RequestCode::kCleanUnusedTopic));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(resp.remark().has_value());
  EXPECT_TRUE(ExtKeys(resp).empty());
  EXPECT_FALSE(fs::exists(CqDir("GoneTopic")));
  EXPECT_TRUE(fs::exists(CqDir("KeptTopic") + "/0"));
  EXPECT_EQ(QueryCq("GoneTopic", 0, 0, 1).code(), ResponseCode::kSystemError);
  EXPECT_EQ(broker_->message_store().GetMaxOffsetInQueue("KeptTopic", 0), 1);
}

// A broker whose CommitLog rolls every few messages and whose files expire at once, but whose
// retention never runs by itself (deleteWhen is another hour, the disk is not full).
class BrokerRetentionTest : public BrokerMaintenanceTest {
 protected:
  Properties BrokerProps() override {
    Properties p = BrokerFixture::BrokerProps();
    p.Set("mappedFileSizeCommitLog", "4096");
    p.Set("maxMessageSize", "1024");
    p.Set("fileReservedTime", "0");
    p.Set("cleanResourceInterval", "100");
    p.Set("flushIntervalCommitLog", "50");
    p.Set("flushCommitLogLeastPages", "0");  // retention deletes flushed files only
    time_t now = time(nullptr);
    struct tm local;
    localtime_r(&now, &local);
    p.Set("deleteWhen", std::to_string((local.tm_hour + 12) % 24));
    return p;
  }
};

TEST_F(BrokerRetentionTest, DeleteExpiredCommitLogThenCleanExpiredConsumeQueue) {
  ASSERT_EQ(CreateTopic("OldTopic", 1).code(), ResponseCode::kSuccess);
  ASSERT_EQ(CreateTopic("NewTopic", 1).code(), ResponseCode::kSuccess);
  const std::string body(400, 'x');
  SendTagged("OldTopic", 0, 12, "t", body);  // about two files
  SendTagged("NewTopic", 0, 24, "t", body);  // about three more, the last one NewTopic's
  const size_t files_before = CountFiles(CommitLogDir());
  ASSERT_GE(files_before, 4u);
  // Nothing is deleted while retention is not due.
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  ASSERT_EQ(CountFiles(CommitLogDir()), files_before);
  ASSERT_EQ(broker_->message_store().GetMinPhyOffset(), 0);

  RemotingCommand del = Call(Request(RequestCode::kDeleteExpiredCommitlog));
  ASSERT_EQ(del.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(del.remark().has_value());
  // The next passes delete every expired, flushed file but the one being written.
  ASSERT_TRUE(WaitFor([&] { return CountFiles(CommitLogDir()) == 1; }))
      << CountFiles(CommitLogDir()) << " CommitLog files left";
  // The same pass then drops consume-queue files below the new min offset and moves the
  // queues' min offsets up.
  ASSERT_TRUE(
      WaitFor([&] { return broker_->message_store().GetMinOffsetInQueue("NewTopic", 0) > 0; }));
  const int64_t min_phy = broker_->message_store().GetMinPhyOffset();
  EXPECT_GT(min_phy, 0);
  // OldTopic's queue now points only at deleted CommitLog data, but its last file stays until
  // CLEAN_EXPIRED_CONSUMEQUEUE.
  ASSERT_LT(broker_->message_store().GetConsumeQueue("OldTopic", 0)->max_physic_offset(), min_phy);
  ASSERT_TRUE(fs::exists(CqDir("OldTopic") + "/0"));

  RemotingCommand clean = Call(Request(RequestCode::kCleanExpiredConsumequeue));
  ASSERT_EQ(clean.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(clean.remark().has_value());
  EXPECT_FALSE(fs::exists(CqDir("OldTopic")));
  EXPECT_EQ(broker_->message_store().GetConsumeQueue("OldTopic", 0), nullptr);
  // NewTopic still has messages in the live file.
  EXPECT_TRUE(fs::exists(CqDir("NewTopic") + "/0"));
  EXPECT_EQ(broker_->message_store().GetMaxOffsetInQueue("NewTopic", 0), 24);
  // Its consume queue now starts at the first message still stored.
  RemotingCommand q = QueryCq("NewTopic", 0, 23, 1);
  ASSERT_EQ(q.code(), ResponseCode::kSuccess);
  Result<QueryConsumeQueueResponseBody> b = DecodeJsonBody<QueryConsumeQueueResponseBody>(q.body());
  ASSERT_TRUE(b.ok());
  EXPECT_GT(b->min_queue_index, 0);
  ASSERT_EQ(b->queue_data.size(), 1u);
  EXPECT_GE(b->queue_data[0].physic_offset, min_phy);
}

}  // namespace
}  // namespace rocketmq::test
