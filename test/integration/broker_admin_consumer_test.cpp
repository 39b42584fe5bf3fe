// The bundled broker's consumer-facing admin codes (Java 4.9.8 AdminBrokerProcessor and
// Broker2Client) driven as mqadmin drives them, with real push consumers of our client on the
// receiving end of the relayed calls: GET_BROKER_CONSUME_STATS, GET_CONSUMER_RUNNING_INFO,
// CONSUME_MESSAGE_DIRECTLY, INVOKE_BROKER_TO_RESET_OFFSET (-> RESET_CONSUMER_CLIENT_OFFSET),
// INVOKE_BROKER_TO_GET_CONSUMER_STATUS (-> GET_CONSUMER_STATUS_FROM_CLIENT), CLONE_GROUP_OFFSET,
// VIEW_BROKER_STATS_DATA, QUERY_CONSUME_TIME_SPAN and GET_ALL_PRODUCER_INFO.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "common/java_hash.h"
#include "common/model/broker_stats_data.h"
#include "common/model/consume_stats_list.h"
#include "common/model/consumer_running_info.h"
#include "common/model/get_consumer_status_body.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/offset_tables.h"
#include "common/model/producer_table_info.h"
#include "common/model/query_consume_time_span_body.h"
#include "common/model/subscription_group_config.h"
#include "common/time_util.h"
#include "integration/consumer_test_util.h"

namespace rocketmq::test {
namespace {

class BrokerAdminConsumerTest : public ConsumerFixture {
 protected:
  RemotingCommand Commit(const std::string& group, const std::string& topic, int queue,
                         int64_t offset) {
    return Call(
        Request(RequestCode::kUpdateConsumerOffset, {{"consumerGroup", group},
                                                     {"topic", topic},
                                                     {"queueId", std::to_string(queue)},
                                                     {"commitOffset", std::to_string(offset)}}));
  }
  int64_t BrokerOffset(const std::string& group, const std::string& topic, int queue) {
    return broker_->consumer_offset_manager().QueryOffset(group, topic, queue);
  }
  void CreateGroup(const std::string& group) {
    SubscriptionGroupConfig c;
    c.group_name = group;
    ASSERT_EQ(Call(Request(RequestCode::kUpdateAndCreateSubscriptionGroup, {}, c.ToJson())).code(),
              ResponseCode::kSuccess);
  }
  // Sends one message to topic/queue; returns its offset msgId.
  std::string SendOne(const std::string& topic, int queue, const std::string& body) {
    RemotingCommand r = Call(SendV2(topic, queue, Props({{"WAIT", "true"}}), body));
    EXPECT_EQ(r.code(), ResponseCode::kSuccess) << r.remark().value_or("");
    return r.ext_fields().GetOr("msgId");
  }
  std::vector<std::string> ClientIds(const std::string& group) {
    RemotingCommand r =
        Call(Request(RequestCode::kGetConsumerListByGroup, {{"consumerGroup", group}}));
    if (r.code() != ResponseCode::kSuccess) return {};
    Result<ConsumerListBody> b = DecodeJsonBody<ConsumerListBody>(r.body());
    return b.ok() ? b->consumer_id_list : std::vector<std::string>();
  }
  // A started push consumer of `group` on `topic`; waits until the broker knows its client id.
  std::unique_ptr<DefaultMQPushConsumer> StartConsumer(const std::string& group,
                                                       const std::string& topic,
                                                       RecordingListener* listener,
                                                       std::string* client_id) {
    auto c = MakeConsumer(group, group + "-inst", topic);
    c->setPersistConsumerOffsetInterval(500);
    c->registerMessageListener(listener);
    c->start();
    EXPECT_TRUE(
        WaitFor([&] { return ClientIds(group).size() == 1; }, std::chrono::milliseconds(10000)));
    std::vector<std::string> ids = ClientIds(group);
    if (!ids.empty()) *client_id = ids[0];
    return c;
  }
  static std::string MqKey(const std::string& topic, int q) {
    return "{\"brokerName\":\"broker-a\",\"queueId\":" + std::to_string(q) + ",\"topic\":\"" +
           topic + "\"}";
  }
};

TEST_F(BrokerAdminConsumerTest, BrokerConsumeStatsListsEveryGroup) {
  ASSERT_EQ(CreateTopic("CS", 2).code(), ResponseCode::kSuccess);
  CreateGroup("G317");
  for (int i = 0; i < 3; ++i) SendOne("CS", 0, "m");
  SendOne("CS", 1, "m");
  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  ASSERT_EQ(Commit("G317", "CS", 0, 1).code(), ResponseCode::kSuccess);
  const int64_t t0 = broker_->message_store().GetMessageStoreTimeStamp("CS", 0, 0);

  RemotingCommand missing = Call(Request(RequestCode::kGetBrokerConsumeStats));
  EXPECT_EQ(missing.code(), ResponseCode::kSystemError);
  EXPECT_EQ(missing.remark().value_or(""), "the custom field <isOrder> is null");

  RemotingCommand resp = Call(Request(RequestCode::kGetBrokerConsumeStats, {{"isOrder", "false"}}));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  EXPECT_FALSE(resp.remark().has_value());
  EXPECT_TRUE(ExtKeys(resp).empty());
  // G317's entry: one ConsumeStats over the write queues, consumeTps 0.0 (nothing pulled).
  // (A java.util.HashMap holding CS/0 and CS/1 iterates queue 1 first.)
  const std::string g317 =
      "{\"G317\":[{\"consumeTps\":0.0,\"offsetTable\":{" + MqKey("CS", 1) +
      ":{\"brokerOffset\":1,\"consumerOffset\":0,\"lastTimestamp\":0}," + MqKey("CS", 0) +
      ":{\"brokerOffset\":3,\"consumerOffset\":1,\"lastTimestamp\":" + std::to_string(t0) + "}}}]}";
  EXPECT_NE(resp.body().find(g317), std::string::npos) << resp.body();
  Result<ConsumeStatsList> list = DecodeJsonBody<ConsumeStatsList>(resp.body());
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->broker_addr.value_or(""), BrokerAddr());
  EXPECT_EQ(list->total_diff, 3);  // (3 - 1) + (1 - 0)
  // One map per subscription group (the broker's default groups too), in the order of Java's
  // ConcurrentHashMap(1024) group table; the bytes re-encode identically.
  std::vector<std::string> groups;
  for (const auto& [name, c] :
       broker_->subscription_group_manager().BuildWrapper().subscription_group_table) {
    groups.push_back(name);
  }
  groups = JavaStringKeyOrder(groups, JavaConcurrentHashMapTableSize(1024, groups.size()));
  ASSERT_EQ(list->consume_stats_list.size(), groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    EXPECT_EQ(list->consume_stats_list[i].begin()->first, groups[i]);
  }
  EXPECT_EQ(list->ToJson(), resp.body());

  // isOrder: only ordered topics count; CS is not one.
  RemotingCommand ordered =
      Call(Request(RequestCode::kGetBrokerConsumeStats, {{"isOrder", "true"}}));
  ASSERT_EQ(ordered.code(), ResponseCode::kSuccess);
  EXPECT_NE(ordered.body().find("{\"G317\":[]}"), std::string::npos) << ordered.body();
  EXPECT_NE(ordered.body().find("\"totalDiff\":0}"), std::string::npos) << ordered.body();
}

TEST_F(BrokerAdminConsumerTest, ConsumerRunningInfoRelayedToTheClient) {
  ASSERT_EQ(CreateTopic("RI", 2).code(), ResponseCode::kSuccess);
  Recorder rec;
  RecordingListener listener("c", &rec);
  std::string cid;
  auto consumer = StartConsumer("G307", "RI", &listener, &cid);
  ASSERT_FALSE(cid.empty());

  for (bool jstack : {false, true}) {
    RemotingCommand resp = Call(Request(RequestCode::kGetConsumerRunningInfo,
                                        {{"consumerGroup", "G307"},
                                         {"clientId", cid},
                                         {"jstackEnable", jstack ? "true" : "false"}}),
                                15000);
    ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
    Result<ConsumerRunningInfo> info = DecodeJsonBody<ConsumerRunningInfo>(resp.body());
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    std::set<std::string> topics;
    for (const SubscriptionData& sd : info->subscription_set) topics.insert(sd.topic);
    EXPECT_EQ(topics, (std::set<std::string>{"RI", "%RETRY%G307"}));
    EXPECT_EQ(info->properties.at(ConsumerRunningInfo::kPropNamesrvAddr), NamesrvAddr());
    EXPECT_EQ(info->jstack.has_value(), jstack);
  }

  RemotingCommand gone = Call(Request(RequestCode::kGetConsumerRunningInfo,
                                      {{"consumerGroup", "G307"}, {"clientId", "nobody"}}));
  EXPECT_EQ(gone.code(), ResponseCode::kSystemError);
  EXPECT_EQ(gone.remark().value_or(""), "The Consumer <G307> <nobody> not online");
  RemotingCommand no_id =
      Call(Request(RequestCode::kGetConsumerRunningInfo, {{"consumerGroup", "G307"}}));
  EXPECT_EQ(no_id.remark().value_or(""), "the custom field <clientId> is null");
  consumer->shutdown();
}

TEST_F(BrokerAdminConsumerTest, RelayRefusesOldClientsAndTimesOut) {
  // The fixture's own client registers as two consumers: an old one, and one that never answers.
  client_.RegisterProcessor(
      RequestCode::kGetConsumerRunningInfo,
      remoting::MakeProcessor([](const std::shared_ptr<remoting::Channel>&, RemotingCommand&) {
        return std::optional<RemotingCommand>();  // never answers
      }));
  RemotingCommand old_hb =
      Request(RequestCode::kHeartBeat, {}, HeartbeatBody("old-1", "GOLD", "T", "*"));
  old_hb.set_version(50);  // V3_1_2_SNAPSHOT
  ASSERT_EQ(Call(old_hb).code(), ResponseCode::kSuccess);
  ASSERT_EQ(
      Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("slow-1", "GSLOW", "T", "*"))).code(),
      ResponseCode::kSuccess);

  RemotingCommand old = Call(Request(RequestCode::kGetConsumerRunningInfo,
                                     {{"consumerGroup", "GOLD"}, {"clientId", "old-1"}}));
  EXPECT_EQ(old.code(), ResponseCode::kSystemError);
  EXPECT_EQ(old.remark().value_or(""),
            "The Consumer <old-1> Version <V3_1_2_SNAPSHOT> too low to finish, please upgrade it "
            "to V3_1_8_SNAPSHOT");

  const auto start = std::chrono::steady_clock::now();
  RemotingCommand slow = Call(Request(RequestCode::kGetConsumerRunningInfo,
                                      {{"consumerGroup", "GSLOW"}, {"clientId", "slow-1"}}),
                              20000);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(slow.code(), ResponseCode::kConsumeMsgTimeout);
  EXPECT_EQ(slow.remark().value_or("").rfind("consumer <GSLOW> <slow-1> Timeout: ", 0), 0u)
      << slow.remark().value_or("");
  EXPECT_GE(waited, std::chrono::milliseconds(9500));  // Java's 10 s callClient timeout
}

TEST_F(BrokerAdminConsumerTest, ConsumeMessageDirectlyRunsTheListener) {
  ASSERT_EQ(CreateTopic("CMD", 2).code(), ResponseCode::kSuccess);
  ASSERT_EQ(CreateTopic("OTHER", 1).code(), ResponseCode::kSuccess);
  Recorder rec;
  RecordingListener listener("c", &rec);
  std::string cid;
  auto consumer = StartConsumer("G309", "CMD", &listener, &cid);
  ASSERT_FALSE(cid.empty());
  // Any stored message can be handed to the listener, even one of a topic it does not read.
  const std::string msg_id = SendOne("OTHER", 0, "direct-body");
  ASSERT_FALSE(msg_id.empty());

  RemotingCommand resp =
      Call(Request(RequestCode::kConsumeMessageDirectly,
                   {{"consumerGroup", "G309"}, {"clientId", cid}, {"msgId", msg_id}}),
           15000);
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  Result<ConsumeMessageDirectlyResult> result =
      DecodeJsonBody<ConsumeMessageDirectlyResult>(resp.body());
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->consume_result, kCMResultSuccess);
  EXPECT_FALSE(result->order);
  EXPECT_EQ(rec.seen().count("direct-body"), 1u);
  EXPECT_EQ(rec.last().getTopic(), "OTHER");

  RemotingCommand gone =
      Call(Request(RequestCode::kConsumeMessageDirectly,
                   {{"consumerGroup", "G309"}, {"clientId", "nobody"}, {"msgId", msg_id}}));
  EXPECT_EQ(gone.remark().value_or(""), "The Consumer <G309> <nobody> not online");
  consumer->shutdown();
}

TEST_F(BrokerAdminConsumerTest, ResetOffsetRewindsAnOnlineConsumer) {
  ASSERT_EQ(CreateTopic("RS", 2).code(), ResponseCode::kSuccess);
  SendNumbered("RS", 2, 10, "rs");
  Recorder rec;
  RecordingListener listener("c", &rec);
  std::string cid;
  auto consumer = StartConsumer("G222", "RS", &listener, &cid);
  ASSERT_TRUE(WaitFor([&] { return rec.total() == 10; }, std::chrono::milliseconds(20000)));
  ASSERT_TRUE(WaitFor(
      [&] { return BrokerOffset("G222", "RS", 0) == 5 && BrokerOffset("G222", "RS", 1) == 5; },
      std::chrono::milliseconds(10000)));

  // INVOKE_BROKER_TO_GET_CONSUMER_STATUS: the client's offsets per client id.
  RemotingCommand status = Call(
      Request(RequestCode::kInvokeBrokerToGetConsumerStatus, {{"topic", "RS"}, {"group", "G222"}}),
      10000);
  ASSERT_EQ(status.code(), ResponseCode::kSuccess) << status.remark().value_or("");
  // (A java.util.HashMap holding RS/0 and RS/1 iterates queue 1 first.)
  EXPECT_EQ(status.body(), "{\"consumerTable\":{\"" + cid + "\":{" + MqKey("RS", 1) + ":5," +
                               MqKey("RS", 0) + ":5}},\"messageQueueTable\":{}}");
  RemotingCommand other = Call(Request(RequestCode::kInvokeBrokerToGetConsumerStatus,
                                       {{"topic", "RS"}, {"group", "G222"}, {"clientAddr", "x"}}));
  EXPECT_EQ(other.body(), "{\"consumerTable\":{},\"messageQueueTable\":{}}");

  // Without force, a later timestamp never moves the offsets forward...
  RemotingCommand forward = Call(
      Request(RequestCode::kInvokeBrokerToResetOffset,
              {{"topic", "RS"}, {"group", "G222"}, {"timestamp", "-1"}, {"isForce", "false"}}));
  ASSERT_EQ(forward.code(), ResponseCode::kSuccess) << forward.remark().value_or("");
  EXPECT_EQ(forward.body(),
            "{\"offsetTable\":{" + MqKey("RS", 1) + ":5," + MqKey("RS", 0) + ":5}}");
  // ...while timestamp 0 rewinds both queues to their first message, and the client, told with
  // RESET_CONSUMER_CLIENT_OFFSET (array form: this admin request speaks CPP), reads them again.
  RemotingCommand reset =
      Call(Request(RequestCode::kInvokeBrokerToResetOffset,
                   {{"topic", "RS"}, {"group", "G222"}, {"timestamp", "0"}, {"isForce", "false"}}));
  ASSERT_EQ(reset.code(), ResponseCode::kSuccess) << reset.remark().value_or("");
  EXPECT_FALSE(reset.remark().has_value());
  EXPECT_TRUE(ExtKeys(reset).empty());
  EXPECT_EQ(reset.body(), "{\"offsetTable\":{" + MqKey("RS", 1) + ":0," + MqKey("RS", 0) + ":0}}");
  // The client applies the two resets in the order the broker sent them (the second wins);
  // a sanitizer build under load may need many seconds to read the queues again.
  ASSERT_TRUE(WaitFor([&] { return rec.total() == 20; }, std::chrono::milliseconds(60000)))
      << rec.total();
  for (const auto& [body, times] : rec.seen()) EXPECT_EQ(times, 2) << body;
  consumer->shutdown();

  // Errors, as Java words them.
  RemotingCommand offline =
      Call(Request(RequestCode::kInvokeBrokerToResetOffset,
                   {{"topic", "RS"}, {"group", "G222"}, {"timestamp", "0"}, {"isForce", "true"}}));
  EXPECT_EQ(offline.code(), ResponseCode::kConsumerNotOnline);
  EXPECT_EQ(offline.remark().value_or(""),
            "Consumer not online, so can not reset offset, Group: G222 Topic: RS Timestamp: 0");
  RemotingCommand unknown =
      Call(Request(RequestCode::kInvokeBrokerToResetOffset,
                   {{"topic", "RS"}, {"group", "NOPE"}, {"timestamp", "0"}, {"isForce", "true"}}));
  EXPECT_EQ(unknown.code(), ResponseCode::kSystemError);
  EXPECT_EQ(unknown.remark().value_or(""), "THe consumer group <NOPE> not exist");
  RemotingCommand no_topic =
      Call(Request(RequestCode::kInvokeBrokerToResetOffset,
                   {{"topic", "NT"}, {"group", "G222"}, {"timestamp", "0"}, {"isForce", "true"}}));
  EXPECT_EQ(no_topic.remark().value_or(""),
            "[reset-offset] reset offset failed, no topic in this broker. topic=NT");
  RemotingCommand no_force =
      Call(Request(RequestCode::kInvokeBrokerToResetOffset,
                   {{"topic", "RS"}, {"group", "G222"}, {"timestamp", "0"}}));
  EXPECT_EQ(no_force.remark().value_or(""), "the custom field <isForce> is null");
  RemotingCommand no_status = Call(
      Request(RequestCode::kInvokeBrokerToGetConsumerStatus, {{"topic", "RS"}, {"group", "G222"}}));
  EXPECT_EQ(no_status.code(), ResponseCode::kSystemError);
  EXPECT_EQ(no_status.remark().value_or(""),
            "No Any Consumer online in the consumer group: [G222]");
}

TEST_F(BrokerAdminConsumerTest, ResetOffsetWithTheJavaBodyForm) {
  ASSERT_EQ(CreateTopic("RF", 1).code(), ResponseCode::kSuccess);
  Recorder rec;
  RecordingListener listener("c", &rec);
  std::string cid;
  auto consumer = StartConsumer("GRF", "RF", &listener, &cid);
  SendNumbered("RF", 1, 2, "a");
  ASSERT_TRUE(WaitFor([&] { return rec.total() == 2; }, std::chrono::milliseconds(20000)));
  ASSERT_TRUE(
      WaitFor([&] { return BrokerOffset("GRF", "RF", 0) == 2; }, std::chrono::milliseconds(10000)));
  // A Java admin asks: the client gets the ResetOffsetBody form with MessageQueue object keys.
  RemotingCommand reset =
      Request(RequestCode::kInvokeBrokerToResetOffset,
              {{"topic", "RF"}, {"group", "GRF"}, {"timestamp", "0"}, {"isForce", "true"}});
  reset.set_language(remoting::LanguageCode::kJava);
  RemotingCommand resp = Call(std::move(reset));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  EXPECT_EQ(resp.body(), "{\"offsetTable\":{" + MqKey("RF", 0) + ":0}}");
  ASSERT_TRUE(WaitFor([&] { return rec.total() == 4; }, std::chrono::milliseconds(20000)))
      << rec.total();
  EXPECT_EQ(rec.seen().at("a-0"), 2);
  EXPECT_EQ(rec.seen().at("a-1"), 2);
  consumer->shutdown();
}

TEST_F(BrokerAdminConsumerTest, CloneGroupOffsetAsJava) {
  ASSERT_EQ(CreateTopic("CL", 2).code(), ResponseCode::kSuccess);
  ASSERT_EQ(Commit("GSRC", "CL", 0, 7).code(), ResponseCode::kSuccess);
  ASSERT_EQ(Commit("GSRC", "CL", 1, 9).code(), ResponseCode::kSuccess);
  ASSERT_EQ(Commit("GDST", "CL", 1, 1).code(), ResponseCode::kSuccess);

  // Java passes the header's topic to cloneOffset: without one nothing is copied.
  RemotingCommand blank = Call(
      Request(RequestCode::kCloneGroupOffset, {{"srcGroup", "GSRC"}, {"destGroup", "GBLANK"}}));
  ASSERT_EQ(blank.code(), ResponseCode::kSuccess);
  EXPECT_EQ(BrokerOffset("GBLANK", "CL", 0), -1);

  RemotingCommand resp = Call(Request(
      RequestCode::kCloneGroupOffset,
      {{"srcGroup", "GSRC"}, {"destGroup", "GDST"}, {"topic", "CL"}, {"offline", "false"}}));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(resp.remark().has_value());
  EXPECT_EQ(BrokerOffset("GDST", "CL", 0), 7);
  EXPECT_EQ(BrokerOffset("GDST", "CL", 1), 9);

  // An online source group that does not subscribe to the topic is skipped unless offline.
  ASSERT_EQ(
      Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "GSRC", "ELSE", "*"))).code(),
      ResponseCode::kSuccess);
  Call(Request(RequestCode::kCloneGroupOffset,
               {{"srcGroup", "GSRC"}, {"destGroup", "GON"}, {"topic", "CL"}}));
  EXPECT_EQ(BrokerOffset("GON", "CL", 0), -1);
  Call(Request(RequestCode::kCloneGroupOffset,
               {{"srcGroup", "GSRC"}, {"destGroup", "GON"}, {"topic", "CL"}, {"offline", "true"}}));
  EXPECT_EQ(BrokerOffset("GON", "CL", 0), 7);

  RemotingCommand missing = Call(Request(RequestCode::kCloneGroupOffset, {{"srcGroup", "GSRC"}}));
  EXPECT_EQ(missing.remark().value_or(""), "the custom field <destGroup> is null");
}

TEST_F(BrokerAdminConsumerTest, ViewBrokerStatsDataAndConsumeTps) {
  ASSERT_EQ(CreateTopic("ST", 1).code(), ResponseCode::kSuccess);
  for (int i = 0; i < 3; ++i) SendOne("ST", 0, "stats");
  Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "GST", "ST", "*")));
  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  ASSERT_EQ(Call(Pull("GST", "ST", 0, 0)).code(), ResponseCode::kSuccess);

  RemotingCommand none = Call(Request(RequestCode::kViewBrokerStatsData,
                                      {{"statsName", "TOPIC_PUT_NUMS"}, {"statsKey", "nope"}}));
  EXPECT_EQ(none.code(), ResponseCode::kSystemError);
  EXPECT_EQ(none.remark().value_or(""), "The stats <TOPIC_PUT_NUMS> <nope> not exist");

  broker_->broker_stats_manager().SampleAllNow();
  RemotingCommand put = Call(Request(RequestCode::kViewBrokerStatsData,
                                     {{"statsName", "TOPIC_PUT_NUMS"}, {"statsKey", "ST"}}));
  ASSERT_EQ(put.code(), ResponseCode::kSuccess) << put.remark().value_or("");
  EXPECT_TRUE(ExtKeys(put).empty());
  Result<BrokerStatsData> data = DecodeJsonBody<BrokerStatsData>(put.body());
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  for (const BrokerStatsItem* item : {&data->stats_minute, &data->stats_hour, &data->stats_day}) {
    EXPECT_EQ(item->sum, 3);
    EXPECT_DOUBLE_EQ(item->avgpt, 1.0);  // one message per send
    EXPECT_GT(item->tps, 0.0);
  }
  EXPECT_EQ(data->ToJson(), put.body());
  EXPECT_EQ(put.body().rfind("{\"statsDay\":{\"avgpt\":1.0,\"sum\":3,\"tps\":", 0), 0u)
      << put.body();

  RemotingCommand get = Call(Request(RequestCode::kViewBrokerStatsData,
                                     {{"statsName", "GROUP_GET_NUMS"}, {"statsKey", "ST@GST"}}));
  ASSERT_EQ(get.code(), ResponseCode::kSuccess) << get.remark().value_or("");
  Result<BrokerStatsData> got = DecodeJsonBody<BrokerStatsData>(get.body());
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->stats_minute.sum, 3);
  EXPECT_DOUBLE_EQ(got->stats_minute.avgpt, 3.0);  // one pull of three messages

  // GET_CONSUME_STATS' consumeTps is the group's GROUP_GET_NUMS tps over the last minute.
  RemotingCommand cs =
      Call(Request(RequestCode::kGetConsumeStats, {{"consumerGroup", "GST"}, {"topic", "ST"}}));
  ASSERT_EQ(cs.code(), ResponseCode::kSuccess);
  Result<ConsumeStats> stats = DecodeJsonBody<ConsumeStats>(cs.body());
  ASSERT_TRUE(stats.ok());
  EXPECT_DOUBLE_EQ(stats->consume_tps,
                   broker_->broker_stats_manager().TpsGroupGetNums("GST", "ST"));
  EXPECT_GT(stats->consume_tps, 0.0);
}

TEST_F(BrokerAdminConsumerTest, QueryConsumeTimeSpanPerQueue) {
  ASSERT_EQ(CreateTopic("TSP", 2).code(), ResponseCode::kSuccess);
  for (int i = 0; i < 3; ++i) {
    SendOne("TSP", 0, "m");
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
  }
  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  ASSERT_EQ(Commit("GTS", "TSP", 0, 1).code(), ResponseCode::kSuccess);
  store::MessageStore& s = broker_->message_store();
  const int64_t t0 = s.GetMessageStoreTimeStamp("TSP", 0, 0);
  const int64_t t1 = s.GetMessageStoreTimeStamp("TSP", 0, 1);
  const int64_t t2 = s.GetMessageStoreTimeStamp("TSP", 0, 2);

  const int64_t before = NowMillis();
  RemotingCommand resp =
      Call(Request(RequestCode::kQueryConsumeTimeSpan, {{"topic", "TSP"}, {"group", "GTS"}}));
  const int64_t after = NowMillis();
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  Result<QueryConsumeTimeSpanBody> body = DecodeJsonBody<QueryConsumeTimeSpanBody>(resp.body());
  ASSERT_TRUE(body.ok()) << body.status().ToString();
  ASSERT_EQ(body->consume_time_span_set.size(), 2u);
  const QueueTimeSpan& q0 = body->consume_time_span_set[0];
  EXPECT_EQ(q0.message_queue, MessageQueue("TSP", "broker-a", 0));
  EXPECT_EQ(q0.min_time_stamp, t0);
  EXPECT_EQ(q0.max_time_stamp, t2);
  EXPECT_EQ(q0.consume_time_stamp, t0);   // the last consumed message is offset 0
  EXPECT_GE(q0.delay_time, before - t1);  // the next one to consume is offset 1
  EXPECT_LE(q0.delay_time, after - t1);
  // Queue 1 holds nothing and the group has no offset there (-1): Java's arithmetic on the
  // "no message" answers.
  const QueueTimeSpan& q1 = body->consume_time_span_set[1];
  EXPECT_EQ(q1.min_time_stamp, s.GetEarliestMessageTime("TSP", 1));
  EXPECT_EQ(q1.consume_time_stamp, q1.min_time_stamp);
  EXPECT_EQ(body->ToJson(), resp.body());

  RemotingCommand unknown =
      Call(Request(RequestCode::kQueryConsumeTimeSpan, {{"topic", "NOPE"}, {"group", "GTS"}}));
  EXPECT_EQ(unknown.code(), ResponseCode::kTopicNotExist);
  EXPECT_EQ(unknown.remark().value_or(""), "topic[NOPE] not exist");
}

TEST_F(BrokerAdminConsumerTest, AllProducerInfo) {
  HeartbeatData hb;
  hb.client_id = "pc-328";
  ProducerData pd;
  pd.group_name = "PG328";
  hb.producer_data_set.push_back(pd);
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, hb.ToJson())).code(), ResponseCode::kSuccess);

  RemotingCommand resp = Call(Request(RequestCode::kGetAllProducerInfo));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  Result<ProducerTableInfo> table = DecodeJsonBody<ProducerTableInfo>(resp.body());
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ(table->data.count("PG328"), 1u);
  ASSERT_EQ(table->data.at("PG328").size(), 1u);
  const ProducerInfo& p = table->data.at("PG328")[0];
  EXPECT_EQ(p.client_id, "pc-328");
  EXPECT_EQ(p.language, "CPP");
  EXPECT_EQ(p.version, remoting::kCurrentVersion);
  EXPECT_EQ(p.remote_ip.rfind("/127.0.0.1:", 0), 0u) << p.remote_ip;
  EXPECT_GT(p.last_update_timestamp, 0);
  EXPECT_EQ(table->ToJson(), resp.body());
}

}  // namespace
}  // namespace rocketmq::test
