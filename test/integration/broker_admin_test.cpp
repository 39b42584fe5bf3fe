// The bundled broker's mqadmin statistics codes (protocol.md §2.15) driven through
// RemotingClient: state is created with sends, heartbeats, pulls and offset commits, then every
// body is compared with the bytes Java 4.9.x would send for the same state.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "common/model/connection_bodies.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/offset_tables.h"
#include "integration/broker_test_util.h"

namespace rocketmq::test {
namespace {

class BrokerAdminTest : public BrokerFixture {
 protected:
  // Sends `count` messages to topic/queue and waits until they are dispatched.
  void SendTo(const std::string& topic, int queue, int count) {
    for (int i = 0; i < count; ++i) {
      RemotingCommand r = Call(SendV2(topic, queue, Props({{"WAIT", "true"}}), "m"));
      ASSERT_EQ(r.code(), ResponseCode::kSuccess) << r.remark().value_or("");
      // Distinct store times, so the stats prove which message's time they carry.
      std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  }

  // Store timestamps of the messages of topic/queue from offset 0, read back with a pull.
  std::vector<int64_t> StoreTimes(const std::string& topic, int queue) {
    Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("reader", "GP", topic, "*")));
    RemotingCommand pull = Call(Pull("GP", topic, queue, 0));
    std::vector<int64_t> out;
    if (pull.code() != ResponseCode::kSuccess) return out;
    Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(pull.body());
    if (!msgs.ok()) return out;
    for (const MessageExt& m : *msgs) out.push_back(m.store_timestamp());
    return out;
  }

  RemotingCommand Commit(const std::string& group, const std::string& topic, int queue,
                         int64_t offset) {
    return Call(
        Request(RequestCode::kUpdateConsumerOffset, {{"consumerGroup", group},
                                                     {"topic", topic},
                                                     {"queueId", std::to_string(queue)},
                                                     {"commitOffset", std::to_string(offset)}}));
  }
};

TEST_F(BrokerAdminTest, TopicStatsInfo) {
  ASSERT_EQ(CreateTopic("TS", 4).code(), ResponseCode::kSuccess);
  SendTo("TS", 1, 2);
  SendTo("TS", 3, 1);
  std::vector<int64_t> t1 = StoreTimes("TS", 1);
  std::vector<int64_t> t3 = StoreTimes("TS", 3);
  ASSERT_EQ(t1.size(), 2u);
  ASSERT_EQ(t3.size(), 1u);
  ASSERT_LT(t1[0], t1[1]);

  RemotingCommand resp = Call(Request(RequestCode::kGetTopicStatsInfo, {{"topic", "TS"}}));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  EXPECT_FALSE(resp.remark().has_value());
  EXPECT_TRUE(ExtKeys(resp).empty());
  TopicStatsTable expected;
  expected.offset_table[MessageQueue("TS", "broker-a", 0)] = TopicOffset{0, 0, 0};
  expected.offset_table[MessageQueue("TS", "broker-a", 1)] = TopicOffset{0, 2, t1[1]};
  expected.offset_table[MessageQueue("TS", "broker-a", 2)] = TopicOffset{0, 0, 0};
  expected.offset_table[MessageQueue("TS", "broker-a", 3)] = TopicOffset{0, 1, t3[0]};
  EXPECT_EQ(resp.body(), expected.ToJson());
  EXPECT_NE(resp.body().find("{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"TS\"}:{"
                             "\"lastUpdateTimestamp\":" +
                             std::to_string(t1[1]) + ",\"maxOffset\":2,\"minOffset\":0}"),
            std::string::npos)
      << resp.body();

  RemotingCommand missing = Call(Request(RequestCode::kGetTopicStatsInfo, {{"topic", "Nope"}}));
  EXPECT_EQ(missing.code(), ResponseCode::kTopicNotExist);
  EXPECT_EQ(missing.remark().value_or(""), "topic[Nope] not exist");
  EXPECT_TRUE(missing.body().empty());
}

TEST_F(BrokerAdminTest, ConsumeStats) {
  ASSERT_EQ(CreateTopic("TC", 2).code(), ResponseCode::kSuccess);
  ASSERT_EQ(CreateTopic("TOther", 1).code(), ResponseCode::kSuccess);
  SendTo("TC", 0, 3);
  SendTo("TC", 1, 1);
  SendTo("TOther", 0, 1);
  std::vector<int64_t> t0 = StoreTimes("TC", 0);
  ASSERT_EQ(t0.size(), 3u);
  ASSERT_LT(t0[0], t0[1]);
  ASSERT_LT(t0[1], t0[2]);
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "CG", "TC", "*"))).code(),
            ResponseCode::kSuccess);
  ASSERT_EQ(Commit("CG", "TC", 0, 2).code(), ResponseCode::kSuccess);
  // Offsets for a topic the online group does not subscribe to: Java leaves it out.
  ASSERT_EQ(Commit("CG", "TOther", 0, 1).code(), ResponseCode::kSuccess);

  ConsumeStats expected;
  expected.offset_table[MessageQueue("TC", "broker-a", 0)] = OffsetWrapper{3, 2, {}, t0[1]};
  expected.offset_table[MessageQueue("TC", "broker-a", 1)] = OffsetWrapper{1, 0, {}, 0};
  const std::string want = expected.ToJson();
  ASSERT_EQ(want.rfind("{\"consumeTps\":0.0,\"offsetTable\":{{", 0), 0u) << want;

  RemotingCommand all = Call(Request(RequestCode::kGetConsumeStats, {{"consumerGroup", "CG"}}));
  ASSERT_EQ(all.code(), ResponseCode::kSuccess) << all.remark().value_or("");
  EXPECT_TRUE(ExtKeys(all).empty());
  EXPECT_EQ(all.body(), want);

  RemotingCommand one =
      Call(Request(RequestCode::kGetConsumeStats, {{"consumerGroup", "CG"}, {"topic", "TC"}}));
  ASSERT_EQ(one.code(), ResponseCode::kSuccess);
  EXPECT_EQ(one.body(), want);

  // An offline group: every topic with offsets is reported.
  ASSERT_EQ(Commit("OFF", "TOther", 0, 1).code(), ResponseCode::kSuccess);
  ConsumeStats offline;
  offline.offset_table[MessageQueue("TOther", "broker-a", 0)] =
      OffsetWrapper{1, 1, {}, StoreTimes("TOther", 0).at(0)};
  RemotingCommand off = Call(Request(RequestCode::kGetConsumeStats, {{"consumerGroup", "OFF"}}));
  ASSERT_EQ(off.code(), ResponseCode::kSuccess);
  EXPECT_EQ(off.body(), offline.ToJson());

  RemotingCommand none = Call(Request(RequestCode::kGetConsumeStats, {{"consumerGroup", "NONE"}}));
  ASSERT_EQ(none.code(), ResponseCode::kSuccess);
  EXPECT_EQ(none.body(), "{\"consumeTps\":0.0,\"offsetTable\":{}}");
}

TEST_F(BrokerAdminTest, ConsumerAndProducerConnectionList) {
  ASSERT_EQ(CreateTopic("TK", 1).code(), ResponseCode::kSuccess);
  HeartbeatData hb;
  hb.client_id = "127.0.0.1@cid";
  ProducerData pd;
  pd.group_name = "PG";
  hb.producer_data_set.push_back(pd);
  ConsumerData cd;
  cd.group_name = "CG";
  cd.consume_type = "CONSUME_PASSIVELY";
  cd.message_model = "CLUSTERING";
  cd.consume_from_where = "CONSUME_FROM_FIRST_OFFSET";
  cd.subscription_data_set.push_back(SubscriptionData::Build("TK", "TagA || TagB", 77));
  hb.consumer_data_set.push_back(cd);
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, hb.ToJson())).code(), ResponseCode::kSuccess);

  RemotingCommand cc =
      Call(Request(RequestCode::kGetConsumerConnectionList, {{"consumerGroup", "CG"}}));
  ASSERT_EQ(cc.code(), ResponseCode::kSuccess) << cc.remark().value_or("");
  EXPECT_TRUE(ExtKeys(cc).empty());
  Result<ConsumerConnection> conn = DecodeJsonBody<ConsumerConnection>(cc.body());
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  ASSERT_EQ(conn->connection_set.size(), 1u);
  const Connection& c = conn->connection_set[0];
  EXPECT_EQ(c.client_id, "127.0.0.1@cid");
  EXPECT_EQ(c.client_addr.rfind("127.0.0.1:", 0), 0u) << c.client_addr;
  EXPECT_NE(c.client_addr, BrokerAddr());  // the client's side of the connection
  EXPECT_EQ(c.language, "CPP");
  EXPECT_EQ(c.version, remoting::kCurrentVersion);
  EXPECT_EQ(conn->consume_type, "CONSUME_PASSIVELY");
  EXPECT_EQ(conn->message_model, "CLUSTERING");
  EXPECT_EQ(conn->consume_from_where, "CONSUME_FROM_FIRST_OFFSET");
  ASSERT_EQ(conn->subscription_table.size(), 1u);
  EXPECT_EQ(conn->subscription_table.at("TK"), SubscriptionData::Build("TK", "TagA || TagB", 77));
  EXPECT_EQ(cc.body(), conn->ToJson());  // field order and spelling as Java writes them

  RemotingCommand offline =
      Call(Request(RequestCode::kGetConsumerConnectionList, {{"consumerGroup", "Ghost"}}));
  EXPECT_EQ(offline.code(), ResponseCode::kConsumerNotOnline);
  EXPECT_EQ(offline.remark().value_or(""), "the consumer group[Ghost] not online");

  RemotingCommand pc =
      Call(Request(RequestCode::kGetProducerConnectionList, {{"producerGroup", "PG"}}));
  ASSERT_EQ(pc.code(), ResponseCode::kSuccess) << pc.remark().value_or("");
  EXPECT_TRUE(ExtKeys(pc).empty());
  ProducerConnection expected;
  expected.connection_set.push_back(c);
  EXPECT_EQ(pc.body(), expected.ToJson());
  EXPECT_EQ(pc.body(), "{\"connectionSet\":[{\"clientAddr\":\"" + c.client_addr +
                           "\",\"clientId\":\"127.0.0.1@cid\",\"language\":\"CPP\","
                           "\"version\":409}]}");

  RemotingCommand nopg =
      Call(Request(RequestCode::kGetProducerConnectionList, {{"producerGroup", "NoPG"}}));
  EXPECT_EQ(nopg.code(), ResponseCode::kSystemError);
  EXPECT_EQ(nopg.remark().value_or(""), "the producer group[NoPG] not exist");
}

TEST_F(BrokerAdminTest, AllDelayOffset) {
  RemotingCommand empty = Call(Request(RequestCode::kGetAllDelayOffset));
  ASSERT_EQ(empty.code(), ResponseCode::kSuccess) << empty.remark().value_or("");
  EXPECT_FALSE(empty.remark().has_value());
  EXPECT_TRUE(ExtKeys(empty).empty());
  EXPECT_EQ(empty.body(), "{\"offsetTable\":{}}");  // what Java 4.9.8 sent (05-ha-remoting)

  // The live table of the schedule service: a file written while the broker is down is loaded
  // at start, each offset clamped into its (here empty) SCHEDULE_TOPIC_XXXX queue.
  broker_->Shutdown();
  {
    std::ofstream out(dir_.path() + "/store/config/delayOffset.json", std::ios::binary);
    out << "{\n\t\"offsetTable\":{3:7,1:0,2:15\n\t}\n}";
  }
  StartBroker();
  RemotingCommand filled = Call(Request(RequestCode::kGetAllDelayOffset));
  ASSERT_EQ(filled.code(), ResponseCode::kSuccess);
  EXPECT_EQ(filled.body(), "{\"offsetTable\":{1:0,2:0,3:0}}");
}

TEST_F(BrokerAdminTest, SystemTopicList) {
  ASSERT_EQ(CreateTopic("UserTopic", 1).code(), ResponseCode::kSuccess);
  RemotingCommand resp = Call(Request(RequestCode::kGetSystemTopicListFromBroker));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  EXPECT_TRUE(ExtKeys(resp).empty());
  Result<TopicList> list = DecodeJsonBody<TopicList>(resp.body());
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_FALSE(list->broker_addr.has_value());
  std::set<std::string> got(list->topic_list.begin(), list->topic_list.end());
  EXPECT_EQ(got.size(), list->topic_list.size());
  EXPECT_EQ(got, (std::set<std::string>{"TBW102", "SCHEDULE_TOPIC_XXXX", "BenchmarkTest",
                                        "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRACE_TOPIC",
                                        "RMQ_SYS_TRANS_OP_HALF_TOPIC", "TRANS_CHECK_MAX_TIME_TOPIC",
                                        "SELF_TEST_TOPIC", "OFFSET_MOVED_EVENT", "DefaultCluster",
                                        "broker-a", "DefaultCluster_REPLY_TOPIC"}));
  EXPECT_EQ(resp.body(), list->ToJson());
}

TEST_F(BrokerAdminTest, CreateTopicRemarksAsJava) {
  // Header decoded first: the first absent @CFNotNull field in declaration order.
  RemotingCommand no_perm =
      Call(Request(RequestCode::kUpdateAndCreateTopic, {{"topic", "DefaultCluster"},
                                                        {"defaultTopic", "TBW102"},
                                                        {"readQueueNums", "1"},
                                                        {"writeQueueNums", "1"},
                                                        {"topicFilterType", "SINGLE_TAG"},
                                                        {"order", "false"}}));
  EXPECT_EQ(no_perm.code(), ResponseCode::kSystemError);
  EXPECT_EQ(no_perm.remark().value_or(""), "the custom field <perm> is null");
  EXPECT_EQ(CreateTopic("DefaultCluster", 1).remark().value_or(""),
            "the topic[DefaultCluster] is conflict with system reserved words.");
  EXPECT_EQ(CreateTopic("RMQ_SYS_TRACE_TOPIC", 1).remark().value_or(""),
            "The topic[RMQ_SYS_TRACE_TOPIC] is conflict with system topic.");
  EXPECT_EQ(CreateTopic("rmq_sys_anything", 1).remark().value_or(""),
            "The topic[rmq_sys_anything] is conflict with system topic.");
  EXPECT_EQ(CreateTopic("bad topic", 1).remark().value_or(""),
            "The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
  RemotingCommand ok = CreateTopic("FineTopic", 1);
  EXPECT_EQ(ok.code(), ResponseCode::kSuccess);
  EXPECT_EQ(ok.remark().value_or(""), "not set any response code");  // as captured (04)
}

}  // namespace
}  // namespace rocketmq::test
