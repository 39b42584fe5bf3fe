// The bundled broker driven through RemotingClient, processor by processor: registration with
// the NameServer, sends (V1, V2, batch) read back byte for byte, auto-create via TBW102, long
// polling, tag filtering, queries, offsets, client management with NOTIFY, admin persistence,
// and Java's codes/remarks for invalid requests.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <sstream>

#include "common/java_hash.h"
#include "common/message_id.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/topic_config_wrapper.h"
#include "integration/broker_test_util.h"

namespace rocketmq::test {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using BrokerTest = BrokerFixture;

TEST_F(BrokerTest, RegistersWithNameServerAndPrintsBootLine) {
  std::optional<TopicRouteData> route =
      namesrv_->route_info_manager().PickupTopicRouteData("TBW102");
  ASSERT_TRUE(route.has_value());
  ASSERT_EQ(route->broker_datas.size(), 1u);
  EXPECT_EQ(route->broker_datas[0].broker_name, "broker-a");
  EXPECT_EQ(route->broker_datas[0].broker_addrs.at(0), BrokerAddr());
  EXPECT_EQ(broker_->BootSuccessLine(),
            "The broker[broker-a, " + BrokerAddr() +
                "] boot success. serializeType=JSON and name server is 127.0.0.1:" +
                std::to_string(namesrv_->port()));
}

TEST_F(BrokerTest, SendV2ThenPullReturnsStoredBytes) {
  ASSERT_EQ(CreateTopic("T1", 4).code(), ResponseCode::kSuccess);
  const std::string props =
      Props({{"KEYS", "K1"},
             {"UNIQ_KEY", "FD0000000000000000000000000000023D0E30946E096C2A7CF00000"},
             {"WAIT", "true"},
             {"TAGS", "TagA"}});
  RemotingCommand resp = Call(SendV2("T1", 1, props, "hello"));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  EXPECT_FALSE(resp.remark().has_value());
  EXPECT_EQ(ExtKeys(resp), (std::vector<std::string>{"queueId", "TRACE_ON", "MSG_REGION", "msgId",
                                                     "queueOffset"}));
  EXPECT_EQ(resp.ext_fields().GetOr("queueId"), "1");
  EXPECT_EQ(resp.ext_fields().GetOr("queueOffset"), "0");
  EXPECT_EQ(resp.ext_fields().GetOr("MSG_REGION"), "DefaultRegion");
  EXPECT_EQ(resp.ext_fields().GetOr("TRACE_ON"), "true");
  Result<OffsetMessageId> id = DecodeOffsetMessageId(resp.ext_fields().GetOr("msgId"));
  ASSERT_TRUE(id.ok());

  RemotingCommand second = Call(SendV2("T1", 1, props, "world"));
  EXPECT_EQ(second.ext_fields().GetOr("queueOffset"), "1");

  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "G1", "T1", "*"))).code(),
            ResponseCode::kSuccess);
  RemotingCommand pull = Call(Pull("G1", "T1", 1, 0));
  ASSERT_EQ(pull.code(), ResponseCode::kSuccess);
  EXPECT_EQ(pull.remark().value_or(""), "FOUND");
  EXPECT_EQ(ExtKeys(pull), (std::vector<std::string>{"suggestWhichBrokerId", "nextBeginOffset",
                                                     "maxOffset", "minOffset"}));
  EXPECT_EQ(pull.ext_fields().GetOr("nextBeginOffset"), "2");
  EXPECT_EQ(pull.ext_fields().GetOr("maxOffset"), "2");
  Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(pull.body());
  ASSERT_TRUE(msgs.ok());
  ASSERT_EQ(msgs->size(), 2u);
  EXPECT_EQ((*msgs)[0].body(), "hello");
  EXPECT_EQ((*msgs)[1].body(), "world");
  EXPECT_EQ((*msgs)[0].queue_offset(), 0);
  EXPECT_EQ((*msgs)[0].topic(), "T1");
  EXPECT_EQ((*msgs)[0].offset_msg_id(), resp.ext_fields().GetOr("msgId"));
  // Java's stored properties: WAIT dropped, CLUSTER added, Java HashMap order.
  EXPECT_EQ((*msgs)[0].properties().Encode(),
            Props({{"KEYS", "K1"},
                   {"UNIQ_KEY", "FD0000000000000000000000000000023D0E30946E096C2A7CF00000"},
                   {"CLUSTER", "DefaultCluster"},
                   {"TAGS", "TagA"}}));
  EXPECT_EQ((*msgs)[0].born_host().IpToString(), "127.0.0.1");

  // VIEW_MESSAGE_BY_ID returns the same record bytes as the pull.
  RemotingCommand view =
      Call(Request(RequestCode::kViewMessageById, {{"offset", std::to_string(id->offset)}}));
  ASSERT_EQ(view.code(), ResponseCode::kSuccess);
  EXPECT_EQ(view.body(), pull.body().substr(0, view.body().size()));

  // Pulling at the end: PULL_NOT_FOUND, OFFSET_OVERFLOW_ONE (no suspend flag).
  RemotingCommand end = Call(Pull("G1", "T1", 1, 2));
  EXPECT_EQ(end.code(), ResponseCode::kPullNotFound);
  EXPECT_EQ(end.remark().value_or(""), "OFFSET_OVERFLOW_ONE");
  EXPECT_EQ(end.ext_fields().GetOr("nextBeginOffset"), "2");
  RemotingCommand badly = Call(Pull("G1", "T1", 1, 9));
  EXPECT_EQ(badly.code(), ResponseCode::kPullOffsetMoved);
  EXPECT_EQ(badly.ext_fields().GetOr("nextBeginOffset"), "0");  // Java: minOffset when it is 0
}

TEST_F(BrokerTest, SendV1AndBatch) {
  ASSERT_EQ(CreateTopic("TB", 2).code(), ResponseCode::kSuccess);
  RemotingCommand v1 = Request(RequestCode::kSendMessage,
                               {{"producerGroup", "pg"},
                                {"topic", "TB"},
                                {"defaultTopic", "TBW102"},
                                {"defaultTopicQueueNums", "4"},
                                {"queueId", "0"},
                                {"sysFlag", "0"},
                                {"bornTimestamp", "1"},
                                {"flag", "7"},
                                {"properties", Props({{"TAGS", "V1"}})},
                                {"reconsumeTimes", "0"},
                                {"unitMode", "false"},
                                {"batch", "false"}},
                               "v1-body");
  RemotingCommand r1 = Call(std::move(v1));
  ASSERT_EQ(r1.code(), ResponseCode::kSuccess) << r1.remark().value_or("");
  EXPECT_EQ(r1.ext_fields().GetOr("queueOffset"), "0");

  std::vector<Message> batch;
  for (int i = 0; i < 3; ++i) {
    Message m("TB", "TagB", "BK" + std::to_string(i), "batch-" + std::to_string(i));
    m.set_unique_key("UNIQ" + std::to_string(i));
    batch.push_back(m);
  }
  Result<std::string> body = EncodeBatchMessages(batch);
  ASSERT_TRUE(body.ok());
  RemotingCommand rb = Call(
      SendV2("TB", 0, Props({{"WAIT", "true"}}), *body, "TBW102", RequestCode::kSendBatchMessage));
  ASSERT_EQ(rb.code(), ResponseCode::kSuccess) << rb.remark().value_or("");
  EXPECT_EQ(rb.ext_fields().GetOr("queueOffset"), "1");
  const std::string ids = rb.ext_fields().GetOr("msgId");
  EXPECT_EQ(std::count(ids.begin(), ids.end(), ','), 2);

  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "GB", "TB", "*"))).code(),
            ResponseCode::kSuccess);
  RemotingCommand pull = Call(Pull("GB", "TB", 0, 0));
  ASSERT_EQ(pull.code(), ResponseCode::kSuccess);
  Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(pull.body());
  ASSERT_TRUE(msgs.ok());
  ASSERT_EQ(msgs->size(), 4u);
  EXPECT_EQ((*msgs)[0].body(), "v1-body");
  EXPECT_EQ((*msgs)[0].flag(), 7);
  for (int i = 0; i < 3; ++i) {
    const MessageExt& m = (*msgs)[i + 1];
    EXPECT_EQ(m.body(), "batch-" + std::to_string(i));
    EXPECT_EQ(m.queue_offset(), i + 1);
    EXPECT_EQ(m.keys(), "BK" + std::to_string(i));
    EXPECT_EQ(m.unique_key(), "UNIQ" + std::to_string(i));
    EXPECT_EQ(m.GetProperty("CLUSTER"), "DefaultCluster");
  }
}

TEST_F(BrokerTest, AutoCreateTopicThroughTbw102) {
  RemotingCommand resp = Call(SendV2("AutoTopic", 0, Props({{"TAGS", "x"}}), "auto"));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
  std::optional<TopicConfig> tc = broker_->topic_config_manager().Select("AutoTopic");
  ASSERT_TRUE(tc.has_value());
  EXPECT_EQ(tc->read_queue_nums, 4);  // min(d=4, TBW102's 8)
  EXPECT_EQ(tc->perm, 6);
  EXPECT_NE(Slurp(dir_.path() + "/store/config/topics.json").find("\"AutoTopic\""),
            std::string::npos);
  EXPECT_TRUE(WaitFor([&] {
    return namesrv_->route_info_manager().PickupTopicRouteData("AutoTopic").has_value();
  }));
  // A default topic without INHERIT cannot create.
  RemotingCommand no = Call(SendV2("Auto2", 0, "", "x", "SELF_TEST_TOPIC"));
  EXPECT_EQ(no.code(), ResponseCode::kTopicNotExist);
  EXPECT_EQ(no.remark().value_or(""),
            "topic[Auto2] not exist, apply first please!\nSee "
            "http://rocketmq.apache.org/docs/faq/ for further details.");
  EXPECT_EQ(ExtKeys(no), (std::vector<std::string>{"TRACE_ON", "MSG_REGION"}));
}

TEST_F(BrokerTest, InvalidSendsGetJavaCodes) {
  ASSERT_EQ(CreateTopic("T2", 2).code(), ResponseCode::kSuccess);
  RemotingCommand bad = Call(SendV2("bad topic!", 0, "", "x"));
  EXPECT_EQ(bad.code(), ResponseCode::kSystemError);
  EXPECT_EQ(bad.remark().value_or(""),
            "The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
  RemotingCommand longer = Call(SendV2(std::string(128, 'a'), 0, "", "x"));
  EXPECT_EQ(longer.remark().value_or(""), "The specified topic is longer than topic max length.");
  RemotingCommand forbidden = Call(SendV2("SCHEDULE_TOPIC_XXXX", 0, "", "x"));
  EXPECT_EQ(forbidden.code(), ResponseCode::kNoPermission);
  EXPECT_EQ(forbidden.remark().value_or(""),
            "Sending message to topic[SCHEDULE_TOPIC_XXXX] is forbidden.");
  RemotingCommand queue = Call(SendV2("T2", 2, "", "x"));
  EXPECT_EQ(queue.code(), ResponseCode::kSystemError);
  EXPECT_EQ(queue.remark().value_or("").rfind(
                "request queueId[2] is illegal, TopicConfig [topicName=T2, readQueueNums=2, "
                "writeQueueNums=2, perm=RW-, topicFilterType=SINGLE_TAG, topicSysFlag=0, "
                "order=false] Producer: 127.0.0.1:",
                0),
            0u)
      << queue.remark().value_or("");
  RemotingCommand big = Call(SendV2("T2", 0, "", std::string(70000, 'b')));
  EXPECT_EQ(big.code(), ResponseCode::kMessageIllegal);
  EXPECT_EQ(big.remark().value_or(""),
            "the message is illegal, maybe msg body or properties length not matched. msg body "
            "length limit 65536B, msg properties length limit 32KB.");
  // Pull of an unknown queue and of a group without heartbeat.
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c", "G2", "T2", "*"))).code(),
            ResponseCode::kSuccess);
  RemotingCommand q = Call(Pull("G2", "T2", 5, 0));
  EXPECT_EQ(q.code(), ResponseCode::kSystemError);
  EXPECT_EQ(q.remark().value_or("").rfind(
                "queueId[5] is illegal, topic:[T2] topicConfig.readQueueNums:[2] consumer:[", 0),
            0u);
  RemotingCommand nosub = Call(Pull("G3", "T2", 0, 0));
  EXPECT_EQ(nosub.code(), ResponseCode::kSubscriptionNotExist);
  RemotingCommand stale = Call(Pull("G2", "T2", 0, 0, 0, 0, /*sub_version=*/2000));
  EXPECT_EQ(stale.code(), ResponseCode::kSubscriptionNotLatest);
  EXPECT_EQ(stale.remark().value_or(""), "the consumer's subscription not latest");
}

TEST_F(BrokerTest, LongPollingHeldUntilMessageArrives) {
  ASSERT_EQ(CreateTopic("TL", 1).code(), ResponseCode::kSuccess);
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c", "GL", "TL", "*"))).code(),
            ResponseCode::kSuccess);
  std::promise<RemotingCommand> got;
  auto fut = got.get_future();
  client_.InvokeAsync(BrokerAddr(), Pull("GL", "TL", 0, 0, /*suspend*/ 2, 20000), 30000,
                      [&got](Result<RemotingCommand> r) {
                        got.set_value(r.ok() ? std::move(*r) : RemotingCommand());
                      });
  EXPECT_EQ(fut.wait_for(std::chrono::milliseconds(500)), std::future_status::timeout);
  EXPECT_TRUE(WaitFor([&] { return broker_->pull_request_hold_service().HeldCount() == 1; }));
  const auto sent_at = std::chrono::steady_clock::now();
  ASSERT_EQ(Call(SendV2("TL", 0, Props({{"TAGS", "A"}}), "wake")).code(), ResponseCode::kSuccess);
  ASSERT_EQ(fut.wait_for(std::chrono::seconds(3)), std::future_status::ready);
  EXPECT_LT(std::chrono::steady_clock::now() - sent_at, std::chrono::seconds(2));
  RemotingCommand r = fut.get();
  EXPECT_EQ(r.code(), ResponseCode::kSuccess);
  Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(r.body());
  ASSERT_TRUE(msgs.ok());
  ASSERT_EQ(msgs->size(), 1u);
  EXPECT_EQ((*msgs)[0].body(), "wake");
}

TEST_F(BrokerTest, LongPollingAnswersNotFoundAfterTimeout) {
  ASSERT_EQ(CreateTopic("TT", 1).code(), ResponseCode::kSuccess);
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c", "GT", "TT", "*"))).code(),
            ResponseCode::kSuccess);
  const auto start = std::chrono::steady_clock::now();
  RemotingCommand r = Call(Pull("GT", "TT", 0, 0, 2, 700), 5000);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.code(), ResponseCode::kPullNotFound);
  EXPECT_EQ(r.remark().value_or(""), "NO_MATCHED_LOGIC_QUEUE");  // never written
  EXPECT_GE(took, std::chrono::milliseconds(650));
  EXPECT_LT(took, std::chrono::milliseconds(3000));
}

TEST_F(BrokerTest, TagFilteringAndHeldPullIgnoresOtherTags) {
  ASSERT_EQ(CreateTopic("TF", 1).code(), ResponseCode::kSuccess);
  for (const char* tag : {"TagA", "TagB", "TagA", "TagC"}) {
    ASSERT_EQ(Call(SendV2("TF", 0, Props({{"TAGS", tag}}), tag)).code(), ResponseCode::kSuccess);
  }
  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  ASSERT_EQ(
      Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c", "GF", "TF", "TagA"))).code(),
      ResponseCode::kSuccess);
  RemotingCommand r = Call(Pull("GF", "TF", 0, 0));
  ASSERT_EQ(r.code(), ResponseCode::kSuccess);
  Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(r.body());
  ASSERT_TRUE(msgs.ok());
  ASSERT_EQ(msgs->size(), 2u);
  EXPECT_EQ((*msgs)[0].queue_offset(), 0);
  EXPECT_EQ((*msgs)[1].queue_offset(), 2);
  EXPECT_EQ(r.ext_fields().GetOr("nextBeginOffset"), "4");
}

TEST_F(BrokerTest, QueryMessageByKeyAndUniqKey) {
  ASSERT_EQ(CreateTopic("TQ", 1).code(), ResponseCode::kSuccess);
  ASSERT_EQ(Call(SendV2("TQ", 0, Props({{"KEYS", "KQ1 KQ2"}, {"UNIQ_KEY", "U-1"}}), "q1")).code(),
            ResponseCode::kSuccess);
  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  auto query = [&](const std::string& key, bool uniq) {
    return Call(Request(RequestCode::kQueryMessage, {{"_UNIQUE_KEY_QUERY", uniq ? "true" : "false"},
                                                     {"beginTimestamp", "0"},
                                                     {"topic", "TQ"},
                                                     {"maxNum", "64"},
                                                     {"endTimestamp", "9223372036854775807"},
                                                     {"key", key}}));
  };
  RemotingCommand byKey = query("KQ2", false);
  ASSERT_EQ(byKey.code(), ResponseCode::kSuccess);
  EXPECT_EQ(ExtKeys(byKey),
            (std::vector<std::string>{"indexLastUpdatePhyoffset", "indexLastUpdateTimestamp"}));
  Result<std::vector<MessageExt>> m = DecodeStoredMessages(byKey.body());
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].body(), "q1");
  RemotingCommand byUniq = query("U-1", true);
  ASSERT_EQ(byUniq.code(), ResponseCode::kSuccess);
  EXPECT_EQ(byUniq.body(), byKey.body());
  RemotingCommand none = query("nope", false);
  EXPECT_EQ(none.code(), ResponseCode::kQueryNotFound);
  RemotingCommand view = Call(Request(RequestCode::kViewMessageById, {{"offset", "999999"}}));
  EXPECT_EQ(view.code(), ResponseCode::kSystemError);
  EXPECT_EQ(view.remark().value_or(""), "can not find message by the offset, 999999");
}

TEST_F(BrokerTest, OffsetQueries) {
  ASSERT_EQ(CreateTopic("TO", 1).code(), ResponseCode::kSuccess);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(Call(SendV2("TO", 0, "", "o")).code(), ResponseCode::kSuccess);
  }
  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  auto q = [&](int32_t code, std::vector<std::pair<std::string, std::string>> extra = {}) {
    std::vector<std::pair<std::string, std::string>> f = {{"topic", "TO"}, {"queueId", "0"}};
    for (auto& e : extra) f.push_back(e);
    return Call(Request(code, f));
  };
  EXPECT_EQ(q(RequestCode::kGetMaxOffset).ext_fields().GetOr("offset"), "3");
  EXPECT_EQ(q(RequestCode::kGetMinOffset).ext_fields().GetOr("offset"), "0");
  RemotingCommand earliest = q(RequestCode::kGetEarliestMsgStoretime);
  EXPECT_GT(std::stoll(earliest.ext_fields().GetOr("timestamp", "-1")), 0);
  EXPECT_EQ(
      q(RequestCode::kSearchOffsetByTimestamp, {{"timestamp", "0"}}).ext_fields().GetOr("offset"),
      "0");
}

TEST_F(BrokerTest, ConsumerOffsetsPersistAcrossRestart) {
  ASSERT_EQ(CreateTopic("TC", 2).code(), ResponseCode::kSuccess);
  ASSERT_EQ(Call(SendV2("TC", 0, "", "x")).code(), ResponseCode::kSuccess);
  auto query = [&](int queue) {
    return Call(
        Request(RequestCode::kQueryConsumerOffset,
                {{"consumerGroup", "GC"}, {"topic", "TC"}, {"queueId", std::to_string(queue)}}));
  };
  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  // No offset: queue 0 has its first message in memory -> 0; queue 1 is empty, so nothing is
  // swapped out either -> 0 (Java 4.9.8, captured in 03a/03c; the QUERY_NOT_FOUND case is
  // replayed in broker_replay_test.cpp).
  EXPECT_EQ(query(0).ext_fields().GetOr("offset"), "0");
  RemotingCommand empty = query(1);
  EXPECT_EQ(empty.code(), ResponseCode::kSuccess);
  EXPECT_EQ(empty.ext_fields().GetOr("offset"), "0");

  RemotingCommand up = Call(Request(
      RequestCode::kUpdateConsumerOffset,
      {{"consumerGroup", "GC"}, {"topic", "TC"}, {"queueId", "1"}, {"commitOffset", "42"}}));
  EXPECT_EQ(up.code(), ResponseCode::kSuccess);
  RestartBroker();
  RemotingCommand after = query(1);
  EXPECT_EQ(after.code(), ResponseCode::kSuccess);
  EXPECT_EQ(after.ext_fields().GetOr("offset"), "42");
  EXPECT_EQ(Slurp(dir_.path() + "/store/config/consumerOffset.json"),
            "{\n\t\"offsetTable\":{\n\t\t\"TC@GC\":{1:42\n\t\t}\n\t}\n}");
}

TEST_F(BrokerTest, HeartbeatConsumerListNotifyAndUnregister) {
  ASSERT_EQ(CreateTopic("TH", 1).code(), ResponseCode::kSuccess);
  std::atomic<int> notified{0};
  std::string notified_group;
  std::mutex mu;
  remoting::RemotingClient other;
  other.RegisterProcessor(
      RequestCode::kNotifyConsumerIdsChanged,
      remoting::MakeProcessor([&](const std::shared_ptr<remoting::Channel>&,
                                  RemotingCommand& req) -> std::optional<RemotingCommand> {
        std::lock_guard<std::mutex> lock(mu);
        notified_group = req.ext_fields().GetOr("consumerGroup");
        ++notified;
        return std::nullopt;
      }));
  ASSERT_TRUE(other.Start().ok());
  RemotingCommand hb1 = *other.InvokeSync(
      BrokerAddr(), Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "GH", "TH", "*")),
      3000);
  EXPECT_EQ(hb1.code(), ResponseCode::kSuccess);
  EXPECT_TRUE(hb1.ext_fields_null());
  EXPECT_TRUE(broker_->topic_config_manager().Select("%RETRY%GH").has_value());
  EXPECT_TRUE(WaitFor([&] { return notified.load() == 1; }));  // its own arrival

  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c2", "GH", "TH", "*"))).code(),
            ResponseCode::kSuccess);
  EXPECT_TRUE(WaitFor([&] { return notified.load() == 2; }));
  {
    std::lock_guard<std::mutex> lock(mu);
    EXPECT_EQ(notified_group, "GH");
  }
  RemotingCommand list =
      Call(Request(RequestCode::kGetConsumerListByGroup, {{"consumerGroup", "GH"}}));
  ASSERT_EQ(list.code(), ResponseCode::kSuccess);
  Result<ConsumerListBody> ids = DecodeJsonBody<ConsumerListBody>(list.body());
  ASSERT_TRUE(ids.ok());
  std::vector<std::string> sorted = ids->consumer_id_list;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<std::string>{"c1", "c2"}));

  RemotingCommand un =
      Call(Request(RequestCode::kUnregisterClient, {{"clientID", "c2"}, {"consumerGroup", "GH"}}));
  EXPECT_EQ(un.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(un.ext_fields_null());
  EXPECT_TRUE(WaitFor([&] { return notified.load() == 3; }));
  list = Call(Request(RequestCode::kGetConsumerListByGroup, {{"consumerGroup", "GH"}}));
  EXPECT_EQ(list.body(), "{\"consumerIdList\":[\"c1\"]}");
  RemotingCommand none =
      Call(Request(RequestCode::kGetConsumerListByGroup, {{"consumerGroup", "nobody"}}));
  EXPECT_EQ(none.code(), ResponseCode::kSystemError);
  EXPECT_EQ(none.remark().value_or(""), "no consumer for this group, nobody");

  // The last consumer leaving removes the group.
  RemotingCommand un1 = *other.InvokeSync(
      BrokerAddr(),
      Request(RequestCode::kUnregisterClient, {{"clientID", "c1"}, {"consumerGroup", "GH"}}), 3000);
  EXPECT_EQ(un1.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(broker_->consumer_manager().GetGroup("GH").has_value());
  other.Shutdown();
}

TEST_F(BrokerTest, AdminTopicAndGroupPersistedAndReregistered) {
  RemotingCommand create = CreateTopic("VecAdminTopic", 3);
  EXPECT_EQ(create.code(), ResponseCode::kSuccess);
  EXPECT_EQ(create.remark().value_or(""), "not set any response code");
  EXPECT_TRUE(create.ext_fields_null());
  EXPECT_TRUE(WaitFor([&] {
    auto r = namesrv_->route_info_manager().PickupTopicRouteData("VecAdminTopic");
    return r.has_value() && r->queue_datas.size() == 1 && r->queue_datas[0].read_queue_nums == 3;
  }));
  Result<TopicConfigSerializeWrapper> file =
      DecodeJsonBody<TopicConfigSerializeWrapper>(Slurp(dir_.path() + "/store/config/topics.json"));
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->topic_config_table.at("VecAdminTopic").write_queue_nums, 3);

  RemotingCommand all = Call(Request(RequestCode::kGetAllTopicConfig));
  ASSERT_EQ(all.code(), ResponseCode::kSuccess);
  EXPECT_NE(all.body().find("\"VecAdminTopic\""), std::string::npos);

  RemotingCommand sys = CreateTopic("TBW102", 3);
  EXPECT_EQ(sys.code(), ResponseCode::kSystemError);
  EXPECT_EQ(sys.remark().value_or(""), "The topic[TBW102] is conflict with system topic.");

  const std::string group =
      "{\"brokerId\":0,\"consumeBroadcastEnable\":false,\"consumeEnable\":true,"
      "\"consumeFromMinEnable\":false,\"groupName\":\"vec_admin_group\","
      "\"notifyConsumerIdsChangedEnable\":true,\"retryMaxTimes\":16,\"retryQueueNums\":1,"
      "\"whichBrokerWhenConsumeSlowly\":1}";
  RemotingCommand sub = Call(Request(RequestCode::kUpdateAndCreateSubscriptionGroup, {}, group));
  EXPECT_EQ(sub.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(sub.remark().has_value());
  EXPECT_NE(Slurp(dir_.path() + "/store/config/subscriptionGroup.json")
                .find("\"groupName\":\"vec_admin_group\""),
            std::string::npos);

  RemotingCommand del =
      Call(Request(RequestCode::kDeleteTopicInBroker, {{"topic", "VecAdminTopic"}}));
  EXPECT_EQ(del.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(broker_->topic_config_manager().Select("VecAdminTopic").has_value());
  EXPECT_EQ(Slurp(dir_.path() + "/store/config/topics.json").find("VecAdminTopic"),
            std::string::npos);

  RestartBroker();
  EXPECT_FALSE(broker_->topic_config_manager().Select("VecAdminTopic").has_value());
  EXPECT_TRUE(broker_->subscription_group_manager().Find("vec_admin_group").has_value());
}

TEST_F(BrokerTest, GetBrokerConfig) {
  RemotingCommand r = Call(Request(RequestCode::kGetBrokerConfig));
  ASSERT_EQ(r.code(), ResponseCode::kSuccess);
  EXPECT_EQ(ExtKeys(r), std::vector<std::string>{"version"});
  EXPECT_NE(r.ext_fields().GetOr("version").find("\"counter\":0"), std::string::npos);
  Properties p = Properties::Parse(r.body());
  EXPECT_EQ(p.GetOr("listenPort", ""), std::to_string(broker_->port()));
  // listenPort=0 makes the HA port ephemeral too; the bound one is served.
  EXPECT_EQ(p.GetOr("haListenPort", ""),
            std::to_string(broker_->replication().ha_service().port()));
  EXPECT_EQ(p.GetOr("brokerName", ""), "broker-a");
  EXPECT_EQ(p.GetOr("maxMessageSize", ""), "65536");
  EXPECT_EQ(p.GetOr("msgTraceTopicName", ""), "RMQ_SYS_TRACE_TOPIC");
  EXPECT_EQ(p.size(), 178u);  // every key of the Java 4.9.8 capture
}

TEST_F(BrokerTest, GarbageFrameClosesOnlyItsConnection) {
  RawSocket raw(broker_->port());
  ASSERT_TRUE(raw.connected());
  raw.Send(std::string("\x00\x00\x00\x08\x00\x00\x00\x7fgarbage!", 16));
  EXPECT_TRUE(raw.WaitClosed());
  EXPECT_EQ(
      Call(Request(RequestCode::kGetMaxOffset, {{"topic", "TBW102"}, {"queueId", "0"}})).code(),
      ResponseCode::kSuccess);
}

TEST_F(BrokerTest, UnregistersOnShutdown) {
  broker_->Shutdown();
  EXPECT_FALSE(namesrv_->route_info_manager().PickupTopicRouteData("TBW102").has_value());
}

}  // namespace
}  // namespace rocketmq::test
