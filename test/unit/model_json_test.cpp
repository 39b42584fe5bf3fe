// Round trips of the body models and the exact bytes Java writes for them.
#include <gtest/gtest.h>

#include <algorithm>

#include "common/model/cluster_info.h"
#include "common/model/connection_bodies.h"
#include "common/model/consumer_offset_wrapper.h"
#include "common/model/heartbeat_data.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/lock_batch_body.h"
#include "common/model/message_queue_json.h"
#include "common/model/offset_tables.h"
#include "common/model/route_data.h"
#include "common/model/subscription_group_config.h"
#include "common/model/topic_config_wrapper.h"
#include "support/vectors.h"

namespace rocketmq {
namespace {

TopicRouteData VecTopicRoute() {
  TopicRouteData route;
  BrokerData b;
  b.cluster = "DefaultCluster";
  b.broker_name = "broker-a";
  b.broker_addrs[0] = "127.0.0.1:20911";
  route.broker_datas.push_back(b);
  QueueData q;
  q.broker_name = "broker-a";
  q.perm = 6;
  q.read_queue_nums = 4;
  q.write_queue_nums = 4;
  route.queue_datas.push_back(q);
  return route;
}

TEST(ModelJsonTest, RouteDataBothFormsAsTheNameServerWritesThem) {
  // 02b-route-versions.jsonl: request version 317 -> lenient, 409 -> standard.
  std::string lenient;
  std::string standard;
  for (const auto& f : test::LoadFrames("02b-route-versions.jsonl")) {
    if (f.is_request || f.body.empty() || f.body.find("\"perm\":6") == std::string::npos) continue;
    (f.body.find("{0:") != std::string::npos ? lenient : standard) = f.body;
  }
  ASSERT_FALSE(lenient.empty());
  ASSERT_FALSE(standard.empty());
  const TopicRouteData route = VecTopicRoute();
  EXPECT_EQ(route.ToJson(JsonStyle::kFastjson), lenient);
  EXPECT_EQ(route.ToJson(JsonStyle::kBrowserCompatible), standard);
  for (const std::string& body : {lenient, standard}) {
    Result<TopicRouteData> parsed = DecodeJsonBody<TopicRouteData>(body);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(*parsed, route);
  }
}

TEST(ModelJsonTest, RouteDataOptionalAndFiveXFields) {
  TopicRouteData route = VecTopicRoute();
  route.order_topic_conf = "broker-a:4";
  route.broker_datas[0].broker_addrs[1] = "127.0.0.1:21911";
  route.filter_server_table["127.0.0.1:20911"] = {"127.0.0.1:30000"};
  const std::string json = route.ToJson(JsonStyle::kFastjson);
  EXPECT_EQ(json, R"({"brokerDatas":[{"brokerAddrs":{0:"127.0.0.1:20911",1:"127.0.0.1:21911"},)"
                  R"("brokerName":"broker-a","cluster":"DefaultCluster"}],"filterServerTable":)"
                  R"({"127.0.0.1:20911":["127.0.0.1:30000"]},"orderTopicConf":"broker-a:4",)"
                  R"("queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":4,)"
                  R"("topicSysFlag":0,"writeQueueNums":4}]})");
  Result<TopicRouteData> parsed = DecodeJsonBody<TopicRouteData>(json);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, route);
  // A 5.x NameServer body: extra fields, numbers as strings.
  Result<TopicRouteData> v5 = DecodeJsonBody<TopicRouteData>(
      R"({"brokerDatas":[{"brokerAddrs":{"0":"a:1"},"brokerName":"b","cluster":"c",)"
      R"("enableActingMaster":false,"zoneName":"z"}],"queueDatas":[{"brokerName":"b",)"
      R"("perm":"6","readQueueNums":8,"writeQueueNums":8,"topicSysFlag":0}],)"
      R"("topicQueueMappingByBroker":null})");
  ASSERT_TRUE(v5.ok()) << v5.status().ToString();
  EXPECT_EQ(v5->queue_datas[0].perm, 6);
  EXPECT_EQ(v5->broker_datas[0].zone_name, "z");
  EXPECT_EQ(v5->broker_datas[0].enable_acting_master, false);
  EXPECT_NE(v5->ToJson().find(R"("enableActingMaster":false,"zoneName":"z")"), std::string::npos);
  // Bad shapes are errors, not crashes.
  EXPECT_FALSE(DecodeJsonBody<TopicRouteData>(R"({"brokerDatas":{}})").ok());
  EXPECT_FALSE(
      DecodeJsonBody<TopicRouteData>(R"({"brokerDatas":[{"brokerAddrs":{"x":"a"}}]})").ok());
  EXPECT_FALSE(DecodeJsonBody<TopicRouteData>(R"({"queueDatas":[{"perm":"six"}]})").ok());
  EXPECT_FALSE(DecodeJsonBody<TopicRouteData>("[]").ok());
}

TEST(ModelJsonTest, TopicConfigAndWrapper) {
  TopicConfig tc;
  tc.topic_name = "T1";
  tc.read_queue_nums = 8;
  tc.write_queue_nums = 8;
  EXPECT_EQ(tc.ToJson(),
            R"({"order":false,"perm":6,"readQueueNums":8,"topicFilterType":"SINGLE_TAG",)"
            R"("topicName":"T1","topicSysFlag":0,"writeQueueNums":8})");
  EXPECT_EQ(PermToString(6), "RW-");
  EXPECT_EQ(PermToString(7), "RWX");
  EXPECT_EQ(tc.EncodeCompact(), "T1 8 8 6 SINGLE_TAG");
  Result<TopicConfig> compact = TopicConfig::DecodeCompact("T1 8 8 6 SINGLE_TAG");
  ASSERT_TRUE(compact.ok());
  EXPECT_EQ(*compact, tc);
  tc.attributes = std::map<std::string, std::string>{{"+message.type", "NORMAL"}};
  EXPECT_EQ(tc.EncodeCompact(), R"(T1 8 8 6 SINGLE_TAG {"+message.type":"NORMAL"})");
  compact = TopicConfig::DecodeCompact(tc.EncodeCompact());
  ASSERT_TRUE(compact.ok()) << compact.status().ToString();
  EXPECT_EQ(*compact, tc);
  EXPECT_EQ(tc.ToJson().substr(0, 40), R"({"attributes":{"+message.type":"NORMAL"})");
  EXPECT_FALSE(TopicConfig::DecodeCompact("T1 8 8").ok());
  EXPECT_FALSE(TopicConfig::DecodeCompact("T1 x 8 6 SINGLE_TAG").ok());

  TopicConfigSerializeWrapper w;
  w.data_version.counter = 3;
  w.data_version.timestamp = 1700000000000;
  w.topic_config_table["T1"] = TopicConfig{};
  w.topic_config_table["T1"].topic_name = "T1";
  Result<TopicConfigSerializeWrapper> back =
      DecodeJsonBody<TopicConfigSerializeWrapper>(w.ToJson());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->data_version, w.data_version);
  EXPECT_EQ(back->topic_config_table, w.topic_config_table);
  // 5.x DataVersion.
  Result<DataVersion> dv =
      DecodeJsonBody<DataVersion>(R"({"counter":"3","stateVersion":1,"timestamp":5})");
  ASSERT_TRUE(dv.ok());
  EXPECT_EQ(dv->state_version, 1);
  EXPECT_EQ(dv->ToJson(), R"({"counter":3,"stateVersion":1,"timestamp":5})");
}

TEST(ModelJsonTest, RegisterBrokerBodyPlainAndCompressed) {
  const auto frames = test::LoadFrames("01-broker-register.jsonl");
  ASSERT_FALSE(frames.empty());
  Result<RegisterBrokerBody> body = RegisterBrokerBody::Decode(frames[0].body, false);
  ASSERT_TRUE(body.ok()) << body.status().ToString();
  EXPECT_EQ(body->ToJson(), frames[0].body);
  body->filter_server_list = {"127.0.0.1:30000"};
  const std::string packed = body->EncodeCompressed();
  ASSERT_GE(packed.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x78);  // zlib header
  Result<RegisterBrokerBody> unpacked = RegisterBrokerBody::Decode(packed, true);
  ASSERT_TRUE(unpacked.ok()) << unpacked.status().ToString();
  EXPECT_EQ(unpacked->ToJson(), body->ToJson());
  EXPECT_FALSE(RegisterBrokerBody::Decode(packed.substr(0, packed.size() / 2), true).ok());
  EXPECT_FALSE(RegisterBrokerBody::Decode("not zlib", true).ok());
}

TEST(ModelJsonTest, ClusterInfo) {
  ClusterInfo info;
  BrokerData b;
  b.cluster = "DefaultCluster";
  b.broker_name = "broker-a";
  b.broker_addrs = {{0, "127.0.0.1:20911"}};
  info.broker_addr_table["broker-a"] = b;
  info.cluster_addr_table["DefaultCluster"] = {"broker-a"};
  EXPECT_EQ(info.ToJson(), R"({"brokerAddrTable":{"broker-a":{"brokerAddrs":{0:"127.0.0.1:20911"},)"
                           R"("brokerName":"broker-a","cluster":"DefaultCluster"}},)"
                           R"("clusterAddrTable":{"DefaultCluster":["broker-a"]}})");
  Result<ClusterInfo> back = DecodeJsonBody<ClusterInfo>(info.ToJson());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->broker_addr_table.at("broker-a"), b);
}

TEST(ModelJsonTest, HeartbeatAndSubscription) {
  SubscriptionData sd = SubscriptionData::Build("VecConsumeTopic", "TagA || TagB", 1795305975093);
  EXPECT_EQ(sd.tags_set, (std::vector<std::string>{"TagA", "TagB"}));
  EXPECT_EQ(sd.code_set, (std::vector<int32_t>{2598919, 2598920}));
  EXPECT_EQ(sd.ToJson(),
            R"({"classFilterMode":false,"codeSet":[2598919,2598920],"expressionType":"TAG",)"
            R"("subString":"TagA || TagB","subVersion":1795305975093,"tagsSet":["TagA","TagB"],)"
            R"("topic":"VecConsumeTopic"})");
  SubscriptionData all = SubscriptionData::Build("T", "", 1);
  EXPECT_EQ(all.sub_string, "*");
  EXPECT_TRUE(all.tags_set.empty());
  SubscriptionData odd = SubscriptionData::Build("T", " a ||| b||a||", 1);
  // Java's split("\\|\\|") gives " a ", "| b", "a": two distinct trimmed tags.
  ASSERT_EQ(odd.tags_set.size(), 2u);
  EXPECT_NE(std::find(odd.tags_set.begin(), odd.tags_set.end(), "| b"), odd.tags_set.end());
  HeartbeatData hb;
  hb.client_id = "192.0.2.2@vecc1";
  hb.producer_data_set.push_back({"CLIENT_INNER_PRODUCER"});
  ConsumerData c;
  c.group_name = "vec_consumer_group";
  c.consume_type = "CONSUME_PASSIVELY";
  c.message_model = "CLUSTERING";
  c.consume_from_where = "CONSUME_FROM_FIRST_OFFSET";
  c.subscription_data_set = {sd};
  hb.consumer_data_set.push_back(c);
  // Compare with 03a-push-consumer.jsonl:11 except the subVersion of the retry subscription.
  const std::string json = hb.ToJson();
  EXPECT_EQ(json.substr(0, 60), R"({"clientID":"192.0.2.2@vecc1","consumerDataSet":[{"consumeFr)");
  Result<HeartbeatData> back = DecodeJsonBody<HeartbeatData>(json);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->consumer_data_set, hb.consumer_data_set);
  EXPECT_EQ(back->producer_data_set, hb.producer_data_set);
  EXPECT_EQ(back->ToJson(), json);
  hb.heartbeat_fingerprint = 0;
  hb.without_sub = false;
  EXPECT_NE(hb.ToJson().find(R"("heartbeatFingerprint":0,"producerDataSet")"), std::string::npos);
  EXPECT_NE(hb.ToJson().find(R"(,"withoutSub":false})"), std::string::npos);
}

TEST(ModelJsonTest, LockBodies) {
  LockBatchRequestBody req;
  req.consumer_group = "CG";
  req.client_id = "c1";
  req.mq_set = {MessageQueue("T", "b", 0)};
  EXPECT_EQ(
      req.ToJson(),
      R"({"clientId":"c1","consumerGroup":"CG","mqSet":[{"brokerName":"b","queueId":0,"topic":"T"}]})");
  req.only_this_broker = false;
  EXPECT_NE(req.ToJson().find(R"(,"onlyThisBroker":false})"), std::string::npos);
  LockBatchResponseBody resp;
  resp.lock_ok_mq_set = req.mq_set;
  Result<LockBatchResponseBody> back = DecodeJsonBody<LockBatchResponseBody>(resp.ToJson());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->lock_ok_mq_set, resp.lock_ok_mq_set);
  EXPECT_FALSE(DecodeJsonBody<LockBatchResponseBody>(R"({"lockOKMQSet":[1]})").ok());
}

TEST(ModelJsonTest, OffsetTablesWithObjectKeys) {
  const MessageQueue mq("VecTopic", "broker-a", 3);
  EXPECT_EQ(MessageQueueToJson(mq), R"({"brokerName":"broker-a","queueId":3,"topic":"VecTopic"})");
  TopicStatsTable stats;
  stats.offset_table[mq] = TopicOffset{0, 3, 1795306023319};
  EXPECT_EQ(stats.ToJson(),
            R"({"offsetTable":{{"brokerName":"broker-a","queueId":3,"topic":"VecTopic"}:)"
            R"({"lastUpdateTimestamp":1795306023319,"maxOffset":3,"minOffset":0}}})");
  ConsumeStats cs;
  cs.consume_tps = 1.5;
  cs.offset_table[mq] = OffsetWrapper{10, 7, std::nullopt, 5};
  EXPECT_EQ(cs.ToJson(),
            R"({"consumeTps":1.5,"offsetTable":{{"brokerName":"broker-a","queueId":3,)"
            R"("topic":"VecTopic"}:{"brokerOffset":10,"consumerOffset":7,"lastTimestamp":5}}})");
  EXPECT_EQ(cs.ComputeTotalDiff(), 3);
  Result<ConsumeStats> back = DecodeJsonBody<ConsumeStats>(cs.ToJson());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->offset_table, cs.offset_table);
  // A peer that quoted the object keys (BrowserCompatible) parses too.
  Result<ConsumeStats> quoted = DecodeJsonBody<ConsumeStats>(
      R"({"consumeTps":"0.5","offsetTable":{"{\"brokerName\":\"broker-a\",\"queueId\":3,)"
      R"(\"topic\":\"VecTopic\"}":{"brokerOffset":1,"consumerOffset":1,"pullOffset":1,"lastTimestamp":0}}})");
  ASSERT_TRUE(quoted.ok()) << quoted.status().ToString();
  EXPECT_EQ(quoted->offset_table.at(mq).pull_offset, 1);
  EXPECT_FALSE(DecodeJsonBody<ConsumeStats>(R"({"offsetTable":{5:{}}})").ok());

  ResetOffsetBody reset;
  reset.offset_table[mq] = 12;
  EXPECT_EQ(reset.ToJson(),
            R"({"offsetTable":{{"brokerName":"broker-a","queueId":3,"topic":"VecTopic"}:12}})");
  Result<ResetOffsetBody> reset_back = DecodeJsonBody<ResetOffsetBody>(reset.ToJson());
  ASSERT_TRUE(reset_back.ok());
  EXPECT_EQ(reset_back->offset_table, reset.offset_table);
  ResetOffsetBodyForC for_c;
  for_c.offset_table.emplace_back(mq, 12);
  EXPECT_EQ(
      for_c.ToJson(),
      R"({"offsetTable":[{"brokerName":"broker-a","offset":12,"queueId":3,"topic":"VecTopic"}]})");
  Result<ResetOffsetBodyForC> c_back = DecodeJsonBody<ResetOffsetBodyForC>(for_c.ToJson());
  ASSERT_TRUE(c_back.ok());
  EXPECT_EQ(c_back->offset_table, for_c.offset_table);
}

TEST(ModelJsonTest, BrokerOffsetFiles) {
  ConsumerOffsetSerializeWrapper offsets;
  offsets.offset_table[ConsumerOffsetSerializeWrapper::Key("T", "CG")] = {{0, 123}, {1, 456}};
  EXPECT_EQ(offsets.ToJson(), R"({"offsetTable":{"T@CG":{0:123,1:456}}})");
  EXPECT_EQ(offsets.ToJson(true),
            "{\n\t\"offsetTable\":{\n\t\t\"T@CG\":{0:123,1:456"
            "\n\t\t}\n\t}\n}");  // fastjson: no line break before a non-string key
  Result<ConsumerOffsetSerializeWrapper> back =
      DecodeJsonBody<ConsumerOffsetSerializeWrapper>(offsets.ToJson(true));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->offset_table, offsets.offset_table);
  DelayOffsetSerializeWrapper delay;
  delay.offset_table = {{1, 0}, {2, 15}};
  EXPECT_EQ(delay.ToJson(), R"({"offsetTable":{1:0,2:15}})");
  EXPECT_EQ(delay.ToJson(true), "{\n\t\"offsetTable\":{1:0,2:15\n\t}\n}");
  Result<DelayOffsetSerializeWrapper> d = DecodeJsonBody<DelayOffsetSerializeWrapper>(
      R"({"dataVersion":{"counter":1,"timestamp":2},"offsetTable":{"1":0,2:"15"}})");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->offset_table, delay.offset_table);
  EXPECT_TRUE(d->data_version.has_value());
  EXPECT_FALSE(DecodeJsonBody<DelayOffsetSerializeWrapper>(R"({"offsetTable":{"x":1}})").ok());
}

TEST(ModelJsonTest, SubscriptionGroupConfigDefaults) {
  SubscriptionGroupConfig c;
  c.group_name = "CG";
  EXPECT_EQ(c.ToJson(),
            R"({"brokerId":0,"consumeBroadcastEnable":true,"consumeEnable":true,)"
            R"("consumeFromMinEnable":true,"groupName":"CG","notifyConsumerIdsChangedEnable":true,)"
            R"("retryMaxTimes":16,"retryQueueNums":1,"whichBrokerWhenConsumeSlowly":1})");
  Result<SubscriptionGroupConfig> v5 = DecodeJsonBody<SubscriptionGroupConfig>(
      R"({"groupName":"CG","consumeMessageOrderly":true,"groupSysFlag":0,)"
      R"("groupRetryPolicy":{"type":"CUSTOMIZED"},"attributes":{}})");
  ASSERT_TRUE(v5.ok());
  EXPECT_EQ(v5->consume_message_orderly, true);
  EXPECT_NE(v5->ToJson().find(R"("consumeMessageOrderly":true,"groupName":"CG","groupSysFlag":0)"),
            std::string::npos);
}

TEST(ModelJsonTest, ListsTablesAndConnections) {
  TopicList tl;
  tl.topic_list = {"B", "A"};
  tl.broker_addr = "127.0.0.1:20911";
  EXPECT_EQ(tl.ToJson(), R"({"brokerAddr":"127.0.0.1:20911","topicList":["A","B"]})");
  GroupList gl;
  gl.group_list = {"CG"};
  EXPECT_EQ(gl.ToJson(), R"({"groupList":["CG"]})");
  ConsumerListBody cl;
  cl.consumer_id_list = {"b", "a"};
  EXPECT_EQ(cl.ToJson(), R"({"consumerIdList":["b","a"]})");
  KVTable kv;
  kv.table = {{"k", "v"}};
  EXPECT_EQ(kv.ToJson(), R"({"table":{"k":"v"}})");
  Result<KVTable> kv_back = DecodeJsonBody<KVTable>(R"({"table":{"n":5,"b":true,"z":null}})");
  ASSERT_TRUE(kv_back.ok());
  EXPECT_EQ(kv_back->table.at("n"), "5");
  EXPECT_EQ(kv_back->table.at("z"), "");
  KVConfigSerializeWrapper cfg;
  cfg.config_table["ORDER_TOPIC_CONFIG"] = {{"T", "broker-a:4"}};
  EXPECT_EQ(cfg.ToJson(), R"({"configTable":{"ORDER_TOPIC_CONFIG":{"T":"broker-a:4"}}})");
  Result<KVConfigSerializeWrapper> cfg_back =
      DecodeJsonBody<KVConfigSerializeWrapper>(cfg.ToJson(true));
  ASSERT_TRUE(cfg_back.ok());
  EXPECT_EQ(cfg_back->config_table, cfg.config_table);
  ProducerConnection pc;
  pc.connection_set.push_back({"c1", "127.0.0.1:1", "CPP", 409});
  EXPECT_EQ(
      pc.ToJson(),
      R"({"connectionSet":[{"clientAddr":"127.0.0.1:1","clientId":"c1","language":"CPP","version":409}]})");
}

}  // namespace
}  // namespace rocketmq
