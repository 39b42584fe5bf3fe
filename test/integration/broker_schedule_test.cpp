// Delay levels, retry and DLQ on the bundled broker, driven through RemotingClient: a delayed
// send waits in SCHEDULE_TOPIC_XXXX and reaches its topic when due, stored as Java stores it;
// delayOffset.json survives restarts; CONSUMER_SEND_MSG_BACK goes through %RETRY% (byte-checked
// against the 4.9.8 capture 03a) or %DLQ%, with Java's codes and remarks; the send path's
// %RETRY% -> %DLQ% diversion. The broker runs with short delay levels (1 s and 2 s).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/message_id.h"
#include "common/time_util.h"
#include "integration/broker_test_util.h"
#include "support/vectors.h"

namespace rocketmq::test {
namespace {

constexpr char kSchedule[] = "SCHEDULE_TOPIC_XXXX";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class BrokerScheduleTest : public BrokerFixture {
 protected:
  Properties BrokerProps() override {
    Properties p = BrokerFixture::BrokerProps();
    // Level 1 = 1 s, 2 = 2 s, 3 (the send-back default for a first retry) = 1 s, ...
    p.Set("messageDelayLevel", "1s 2s 1s 1s 1s 1s");
    return p;
  }

  void WaitDispatched() {
    ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  }

  // Every stored record of a queue, read straight from the store.
  std::vector<MessageExt> Records(const std::string& topic, int queue) {
    store::GetMessageResult r = broker_->message_store().GetMessage("t", topic, queue, 0, 32);
    Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(r.data);
    EXPECT_TRUE(msgs.ok()) << msgs.status().ToString();
    return msgs.ok() ? std::move(*msgs) : std::vector<MessageExt>();
  }

  int64_t MaxOffset(const std::string& topic, int queue) {
    return broker_->message_store().GetMaxOffsetInQueue(topic, queue);
  }

  // The schedule service moves a level's offset just after the put that delivered its message
  // (as Java's DeliverDelayedMessageTimerTask does), so the offset table can lag the delivered
  // queue a moment: these wait up to 5 s for `want` and return what they saw last.
  std::string DelayOffsetBody(const std::string& want) {
    std::string body;
    (void)WaitFor(
        [&] {
          body = Call(Request(RequestCode::kGetAllDelayOffset)).body();
          return body == want;
        },
        std::chrono::seconds(5));
    return body;
  }
  std::map<int32_t, int64_t> DelayOffsetTable(const std::map<int32_t, int64_t>& want) {
    std::map<int32_t, int64_t> table;
    (void)WaitFor(
        [&] {
          table = broker_->schedule_message_service().offset_table();
          return table == want;
        },
        std::chrono::seconds(5));
    return table;
  }

  // The stored record a send response's msgId points at.
  MessageExt RecordOf(const RemotingCommand& send_resp) {
    Result<OffsetMessageId> id = DecodeOffsetMessageId(send_resp.ext_fields().GetOr("msgId"));
    EXPECT_TRUE(id.ok());
    Result<std::string> raw =
        broker_->message_store().LookMessageByOffset(id.ok() ? id->offset : -1);
    EXPECT_TRUE(raw.ok());
    Result<MessageExt> m = DecodeStoredMessage(raw.ok() ? *raw : std::string());
    EXPECT_TRUE(m.ok());
    return m.ok() ? std::move(*m) : MessageExt();
  }

  static RemotingCommand SendBack(int64_t offset, const std::string& group, int delay_level,
                                  std::optional<int> max_times = 16) {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"offset", std::to_string(offset)},
        {"bname", "broker-a"},
        {"delayLevel", std::to_string(delay_level)},
        {"originTopic", "VecConsumeTopic"},
        {"originMsgId", "FD0000000000000000000000000000023C8530946E096C2A541D0001"},
        {"unitMode", "false"},
        {"group", group}};
    if (max_times) fields.emplace_back("maxReconsumeTimes", std::to_string(*max_times));
    return Request(RequestCode::kConsumerSendMsgBack, fields);
  }

  // Sends `body` to `topic` queue `queue` and returns the response (SUCCESS expected).
  RemotingCommand Send(const std::string& topic, int queue, const std::string& props,
                       const std::string& body) {
    RemotingCommand resp = Call(SendV2(topic, queue, props, body));
    EXPECT_EQ(resp.code(), ResponseCode::kSuccess) << resp.remark().value_or("");
    return resp;
  }
};

// The send header of the delayed message in capture 02a, with level 1 instead of 2.
const std::string kDelayedProps =
    "KEYS\x01KEY-D1\x02UNIQ_KEY\x01"
    "FD0000000000000000000000000000023D0E30946E096C2A833B0008\x02WAIT\x01true\x02"
    "DELAY\x01"
    "1\x02TAGS\x01TagDelay";

TEST_F(BrokerScheduleTest, DelayedSendIsHiddenUntilDueThenDeliveredAsJavaStoresIt) {
  ASSERT_EQ(CreateTopic("DelayTopic", 4).code(), ResponseCode::kSuccess);
  RemotingCommand resp = Send("DelayTopic", 2, kDelayedProps, "delayed level 1");
  // Java answers with the schedule queue's offset and the requested queue id.
  EXPECT_EQ(resp.ext_fields().GetOr("queueId"), "2");
  EXPECT_EQ(resp.ext_fields().GetOr("queueOffset"), "0");

  // Parked in SCHEDULE_TOPIC_XXXX queue 0 with Java's property map (HashMap order; WAIT is kept
  // and, removed and put back by the send path, follows DELAY in their shared bucket).
  const std::string parked_props =
      "REAL_TOPIC\x01"
      "DelayTopic\x02KEYS\x01KEY-D1\x02UNIQ_KEY\x01"
      "FD0000000000000000000000000000023D0E30946E096C2A833B0008\x02"
      "CLUSTER\x01"
      "DefaultCluster\x02"
      "DELAY\x01"
      "1\x02WAIT\x01true\x02TAGS\x01TagDelay\x02REAL_QID\x01"
      "2";
  MessageExt parked = RecordOf(resp);
  EXPECT_EQ(parked.topic(), kSchedule);
  EXPECT_EQ(parked.queue_id(), 0);
  EXPECT_EQ(parked.properties().Encode(), parked_props);
  WaitDispatched();
  std::vector<store::CqUnit> units =
      broker_->message_store().GetConsumeQueueUnits(kSchedule, 0, 0, 10);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].tags_code, parked.store_timestamp() + 1000);  // the deliver time

  EXPECT_EQ(MaxOffset("DelayTopic", 2), 0);
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("c1", "GD", "DelayTopic", "*")))
                .code(),
            ResponseCode::kSuccess);
  RemotingCommand early = Call(Pull("GD", "DelayTopic", 2, 0));
  EXPECT_NE(early.code(), ResponseCode::kSuccess);
  EXPECT_LT(NowMillis(), parked.store_timestamp() + 1000) << "the check came too late";

  ASSERT_TRUE(WaitFor([&] { return MaxOffset("DelayTopic", 2) == 1; }, std::chrono::seconds(5)));
  RemotingCommand pull = Call(Pull("GD", "DelayTopic", 2, 0));
  ASSERT_EQ(pull.code(), ResponseCode::kSuccess);
  Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(pull.body());
  ASSERT_TRUE(msgs.ok());
  ASSERT_EQ(msgs->size(), 1u);
  const MessageExt& m = (*msgs)[0];
  EXPECT_GE(m.store_timestamp(), parked.store_timestamp() + 1000);
  EXPECT_EQ(m.topic(), "DelayTopic");
  EXPECT_EQ(m.queue_id(), 2);
  EXPECT_EQ(m.queue_offset(), 0);
  EXPECT_EQ(m.body(), "delayed level 1");
  EXPECT_EQ(m.born_timestamp(), 1795305923829);
  EXPECT_EQ(m.born_host(), parked.born_host());
  EXPECT_EQ(m.sys_flag(), 0);
  EXPECT_EQ(m.reconsume_times(), 0);
  // messageTimeup encodes the map before it clears DELAY: the record keeps every property.
  EXPECT_EQ(m.properties().Encode(), parked_props);
  std::vector<store::CqUnit> real =
      broker_->message_store().GetConsumeQueueUnits("DelayTopic", 2, 0, 10);
  ASSERT_EQ(real.size(), 1u);
  EXPECT_EQ(real[0].tags_code, store::TagsStringToTagsCode("TagDelay"));

  EXPECT_EQ(DelayOffsetBody("{\"offsetTable\":{1:1}}"), "{\"offsetTable\":{1:1}}");
}

TEST_F(BrokerScheduleTest, DelayOffsetsSurviveRestartWithoutLossOrRedelivery) {
  ASSERT_EQ(CreateTopic("DelayTopic", 1).code(), ResponseCode::kSuccess);
  for (int i = 0; i < 3; ++i) Send("DelayTopic", 0, kDelayedProps, "m" + std::to_string(i));
  ASSERT_TRUE(WaitFor([&] { return MaxOffset("DelayTopic", 0) == 3; }, std::chrono::seconds(5)));
  EXPECT_EQ(DelayOffsetTable({{1, 3}}), (std::map<int32_t, int64_t>{{1, 3}}));

  // A level-2 (2 s) message still parked when the broker stops.
  std::string level2 = kDelayedProps;
  level2.replace(level2.find("DELAY\x01"
                             "1"),
                 7,
                 "DELAY\x01"
                 "2");
  Send("DelayTopic", 0, level2, "parked over a restart");
  RestartBroker();
  EXPECT_EQ(Slurp(dir_.path() + "/store/config/delayOffset.json"),
            "{\n\t\"offsetTable\":{1:3\n\t}\n}");
  EXPECT_EQ(broker_->schedule_message_service().offset_table(),
            (std::map<int32_t, int64_t>{{1, 3}}));

  ASSERT_TRUE(WaitFor([&] { return MaxOffset("DelayTopic", 0) == 4; }, std::chrono::seconds(6)));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // level 1 timer ran again
  std::vector<MessageExt> delivered = Records("DelayTopic", 0);
  ASSERT_EQ(delivered.size(), 4u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(delivered[i].body(), "m" + std::to_string(i));
  EXPECT_EQ(delivered[3].body(), "parked over a restart");
  EXPECT_EQ(DelayOffsetBody("{\"offsetTable\":{1:3,2:1}}"), "{\"offsetTable\":{1:3,2:1}}");
}

// More than one read chunk (256 units) and more than one consume-queue file (300 units here).
TEST_F(BrokerScheduleTest, BacklogAcrossConsumeQueueFilesIsDeliveredInOrder) {
  ASSERT_EQ(CreateTopic("DelayTopic", 1).code(), ResponseCode::kSuccess);
  constexpr int kCount = 310;
  for (int i = 0; i < kCount; ++i) Send("DelayTopic", 0, kDelayedProps, std::to_string(i));
  ASSERT_TRUE(
      WaitFor([&] { return MaxOffset("DelayTopic", 0) == kCount; }, std::chrono::seconds(20)));
  EXPECT_EQ(DelayOffsetTable({{1, kCount}}), (std::map<int32_t, int64_t>{{1, kCount}}));
  int expected = 0;
  for (int64_t offset = 0; offset < kCount;) {
    store::GetMessageResult r =
        broker_->message_store().GetMessage("t", "DelayTopic", 0, offset, 32);
    Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(r.data);
    ASSERT_TRUE(msgs.ok());
    ASSERT_GT(r.next_begin_offset, offset);
    for (const MessageExt& m : *msgs) EXPECT_EQ(m.body(), std::to_string(expected++));
    offset = r.next_begin_offset;
  }
  EXPECT_EQ(expected, kCount);
}

TEST_F(BrokerScheduleTest, EmptyDelayOffsetFileIsWhatJavaWrites) {
  RestartBroker();
  const std::string java =
      Slurp(VectorsDir() + "/store-clean/config/delayOffset.json");
  ASSERT_FALSE(java.empty());
  EXPECT_EQ(Slurp(dir_.path() + "/store/config/delayOffset.json"), java);
}

// Capture 03a: the Java consumer sent RETRY-ME back (delayLevel 0, maxReconsumeTimes 16) and
// got it again from %RETRY%vec_consumer_group; that record's properties are compared here.
TEST_F(BrokerScheduleTest, SendBackGoesToRetryThroughScheduleAsInCapture03a) {
  ASSERT_EQ(CreateTopic("VecConsumeTopic", 2).code(), ResponseCode::kSuccess);
  RemotingCommand sent =
      Send("VecConsumeTopic", 1,
           Props({{"KEYS", "RETRY-ME"},
                  {"UNIQ_KEY", "FD0000000000000000000000000000023C8530946E096C2A541D0001"},
                  {"WAIT", "true"},
                  {"TAGS", "TagB"}}),
           "message 1 to VecConsumeTopic");
  MessageExt original = RecordOf(sent);
  RemotingCommand back =
      Call(SendBack(original.commit_log_offset(), "vec_consumer_group", /*delay_level=*/0));
  ASSERT_EQ(back.code(), ResponseCode::kSuccess) << back.remark().value_or("");
  EXPECT_FALSE(back.remark().has_value());
  EXPECT_TRUE(back.ext_fields_null());  // as captured: no extFields

  std::optional<TopicConfig> retry =
      broker_->topic_config_manager().Select("%RETRY%vec_consumer_group");
  ASSERT_TRUE(retry.has_value());
  EXPECT_EQ(retry->perm, 6);
  EXPECT_EQ(retry->read_queue_nums, 1);
  EXPECT_EQ(retry->write_queue_nums, 1);
  WaitDispatched();
  EXPECT_EQ(MaxOffset(kSchedule, 2), 1);  // level 3 + 0 reconsumes -> queue 2
  EXPECT_EQ(MaxOffset("%RETRY%vec_consumer_group", 0), 0);

  ASSERT_TRUE(WaitFor([&] { return MaxOffset("%RETRY%vec_consumer_group", 0) == 1; },
                      std::chrono::seconds(5)));
  std::vector<MessageExt> retried = Records("%RETRY%vec_consumer_group", 0);
  ASSERT_EQ(retried.size(), 1u);
  const MessageExt& r = retried[0];
  const std::string captured =
      "REAL_TOPIC\x01%RETRY%vec_consumer_group\x02ORIGIN_MESSAGE_ID\x01"
      "7F000001000051AF00000000000000F4\x02RETRY_TOPIC\x01VecConsumeTopic\x02KEYS\x01RETRY-ME\x02"
      "UNIQ_KEY\x01"
      "FD0000000000000000000000000000023C8530946E096C2A541D0001\x02"
      "CLUSTER\x01"
      "DefaultCluster\x02WAIT\x01"
      "false\x02"
      "DELAY\x01"
      "3\x02TAGS\x01TagB\x02REAL_QID\x01"
      "0";
  std::string expected = captured;
  expected.replace(expected.find("7F000001000051AF00000000000000F4"), 32, original.msg_id());
  EXPECT_EQ(r.properties().Encode(), expected);
  EXPECT_EQ(r.reconsume_times(), 1);
  EXPECT_EQ(r.body(), "message 1 to VecConsumeTopic");
  EXPECT_EQ(r.born_timestamp(), original.born_timestamp());
  EXPECT_EQ(r.born_host(), original.born_host());
  EXPECT_EQ(r.sys_flag(), 0);
  EXPECT_EQ(r.flag(), 0);
  EXPECT_EQ(r.body_crc(), original.body_crc());
  EXPECT_EQ(DelayOffsetBody("{\"offsetTable\":{3:1}}"), "{\"offsetTable\":{3:1}}");

  // The retried message sent back again: level 3 + 1, ORIGIN_MESSAGE_ID kept, 2 reconsumes.
  ASSERT_EQ(Call(SendBack(r.commit_log_offset(), "vec_consumer_group", 0)).code(),
            ResponseCode::kSuccess);
  WaitDispatched();
  std::vector<MessageExt> parked = Records(kSchedule, 3);
  ASSERT_EQ(parked.size(), 1u);
  EXPECT_EQ(parked[0].reconsume_times(), 2);
  EXPECT_EQ(parked[0].GetProperty(kPropertyOriginMessageId), original.msg_id());
  EXPECT_EQ(parked[0].GetProperty(kPropertyRetryTopic), "VecConsumeTopic");
  EXPECT_EQ(parked[0].GetProperty(kPropertyRealTopic), "%RETRY%vec_consumer_group");
  EXPECT_EQ(parked[0].GetProperty(kPropertyDelayTimeLevel), "4");
}

TEST_F(BrokerScheduleTest, SendBackLandsInDlqAfterMaxReconsumeTimes) {
  ASSERT_EQ(CreateTopic("T", 1).code(), ResponseCode::kSuccess);
  MessageExt original =
      RecordOf(Send("T", 0, Props({{"WAIT", "true"}, {"TAGS", "TagA"}}), "poison"));

  // reconsumeTimes 0 >= the client's max 0: straight to %DLQ%G, no delay.
  RemotingCommand back = Call(SendBack(original.commit_log_offset(), "G", 0, /*max_times=*/0));
  ASSERT_EQ(back.code(), ResponseCode::kSuccess) << back.remark().value_or("");
  std::optional<TopicConfig> dlq = broker_->topic_config_manager().Select("%DLQ%G");
  ASSERT_TRUE(dlq.has_value());
  EXPECT_EQ(dlq->perm, 6);
  EXPECT_EQ(dlq->read_queue_nums, 1);
  EXPECT_EQ(dlq->write_queue_nums, 1);
  WaitDispatched();
  std::vector<MessageExt> dead = Records("%DLQ%G", 0);
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].body(), "poison");
  EXPECT_EQ(dead[0].reconsume_times(), 1);
  EXPECT_EQ(dead[0].GetProperty(kPropertyDelayTimeLevel), "0");  // Java writes the 0
  EXPECT_EQ(dead[0].GetProperty(kPropertyWaitStoreMsgOk), "false");
  EXPECT_EQ(dead[0].GetProperty(kPropertyRetryTopic), "T");
  EXPECT_EQ(dead[0].GetProperty(kPropertyOriginMessageId), original.msg_id());
  EXPECT_FALSE(dead[0].properties().Contains(kPropertyRealTopic));
  EXPECT_EQ(MaxOffset(kSchedule, 0) + MaxOffset(kSchedule, 2), 0);

  // A negative level means DLQ whatever the count.
  ASSERT_EQ(Call(SendBack(original.commit_log_offset(), "G", -1)).code(), ResponseCode::kSuccess);
  // An explicit level is used as is (level 2 -> schedule queue 1).
  ASSERT_EQ(Call(SendBack(original.commit_log_offset(), "G", 2)).code(), ResponseCode::kSuccess);
  WaitDispatched();
  EXPECT_EQ(MaxOffset("%DLQ%G", 0), 2);
  EXPECT_EQ(MaxOffset(kSchedule, 1), 1);

  // Clients older than V3_4_9 get the group's retryMaxTimes (0 here), newer ones their own.
  SubscriptionGroupConfig g = *broker_->subscription_group_manager().Find("G");
  g.retry_max_times = 0;
  broker_->subscription_group_manager().Update(g);
  RemotingCommand old_client = SendBack(original.commit_log_offset(), "G", 0, 16);
  old_client.set_version(165);  // V3_4_8
  ASSERT_EQ(Call(old_client).code(), ResponseCode::kSuccess);
  WaitDispatched();
  EXPECT_EQ(MaxOffset("%DLQ%G", 0), 3);
  ASSERT_EQ(Call(SendBack(original.commit_log_offset(), "G", 0, 16)).code(),
            ResponseCode::kSuccess);
  WaitDispatched();
  EXPECT_EQ(MaxOffset("%DLQ%G", 0), 3);
  EXPECT_EQ(MaxOffset(kSchedule, 2), 1);  // retried: level 3 + 0 reconsumes
}

TEST_F(BrokerScheduleTest, SendBackErrorsCarryJavaRemarks) {
  RemotingCommand no_group =
      Call(Request(RequestCode::kConsumerSendMsgBack, {{"offset", "0"}, {"delayLevel", "0"}}));
  EXPECT_EQ(no_group.code(), ResponseCode::kSystemError);
  EXPECT_EQ(no_group.remark().value_or(""), "the custom field <group> is null");

  RemotingCommand lost = Call(SendBack(123456789, "G", 0));
  EXPECT_EQ(lost.code(), ResponseCode::kSystemError);
  EXPECT_EQ(lost.remark().value_or(""), "look message by offset failed, 123456789");

  // retryQueueNums 0: accepted and dropped.
  SubscriptionGroupConfig none;
  none.group_name = "NoRetry";
  none.retry_queue_nums = 0;
  broker_->subscription_group_manager().Update(none);
  RemotingCommand dropped = Call(SendBack(123456789, "NoRetry", 0));
  EXPECT_EQ(dropped.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(dropped.remark().has_value());
  EXPECT_FALSE(broker_->topic_config_manager().Select("%RETRY%NoRetry").has_value());

  // A read-only %RETRY% topic.
  TopicConfig ro;
  ro.topic_name = "%RETRY%RO";
  ro.perm = 4;
  broker_->topic_config_manager().UpdateTopicConfig(ro);
  RemotingCommand forbidden = Call(SendBack(0, "RO", 0));
  EXPECT_EQ(forbidden.code(), ResponseCode::kNoPermission);
  EXPECT_EQ(forbidden.remark().value_or(""), "the topic[%RETRY%RO] sending message is forbidden");
}

// The plain send path: a message sent to %RETRY%<group> that has used up its reconsume times
// goes to %DLQ%<group> (Java handleRetryAndDLQ; 4.9.x loses the DLQ's delay reset, so a DELAY
// the client set still parks it first).
TEST_F(BrokerScheduleTest, SendToRetryTopicPastMaxGoesToDlq) {
  auto retry_send = [&](const std::string& props) {
    RemotingCommand req = SendV2("%RETRY%GS", 0, props, "orderly gave up");
    req.SetExtField("j", "3");
    req.SetExtField("l", "3");
    return Call(std::move(req));
  };
  RemotingCommand direct = retry_send(Props({{"RETRY_TOPIC", "T"}, {"WAIT", "true"}}));
  ASSERT_EQ(direct.code(), ResponseCode::kSuccess) << direct.remark().value_or("");
  WaitDispatched();
  std::vector<MessageExt> dead = Records("%DLQ%GS", 0);
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].reconsume_times(), 3);

  RemotingCommand delayed =
      retry_send(Props({{"RETRY_TOPIC", "T"}, {"WAIT", "true"}, {"DELAY", "1"}}));
  ASSERT_EQ(delayed.code(), ResponseCode::kSuccess);
  ASSERT_TRUE(WaitFor([&] { return MaxOffset("%DLQ%GS", 0) == 2; }, std::chrono::seconds(5)));
  EXPECT_TRUE(WaitFor(
      [&] {
        const std::map<int32_t, int64_t> table = broker_->schedule_message_service().offset_table();
        auto level1 = table.find(1);
        return level1 != table.end() && level1->second == 1;
      },
      std::chrono::seconds(5)));
}

class BrokerScheduleLockedTest : public BrokerScheduleTest {
 protected:
  Properties BrokerProps() override {
    Properties p = BrokerScheduleTest::BrokerProps();
    p.Set("autoCreateSubscriptionGroup", "false");
    p.Set("brokerPermission", "4");
    return p;
  }
};

TEST_F(BrokerScheduleLockedTest, SendBackNeedsAGroupAndAWritableBroker) {
  RemotingCommand missing = Call(SendBack(0, "Unknown", 0));
  EXPECT_EQ(missing.code(), ResponseCode::kSubscriptionGroupNotExist);
  EXPECT_EQ(missing.remark().value_or(""),
            "subscription group not exist, Unknown \nSee http://rocketmq.apache.org/docs/faq/ for "
            "further details.");
  SubscriptionGroupConfig g;
  g.group_name = "Known";
  broker_->subscription_group_manager().Update(g);
  RemotingCommand read_only = Call(SendBack(0, "Known", 0));
  EXPECT_EQ(read_only.code(), ResponseCode::kNoPermission);
  EXPECT_EQ(read_only.remark().value_or(""), "the broker[127.0.0.1] sending message is forbidden");
}

class BrokerScheduleBadLevelsTest : public BrokerFixture {
 protected:
  void SetUp() override {}  // the broker must fail to start
};

TEST_F(BrokerScheduleBadLevelsTest, BrokerRefusesAMalformedDelayLevelList) {
  Properties p;
  p.Set("brokerIP1", "127.0.0.1");
  p.Set("listenPort", "0");
  p.Set("storePathRootDir", dir_.path() + "/store");
  p.Set("mappedFileSizeCommitLog", "1048576");
  p.Set("mappedFileSizeConsumeQueue", "6000");
  p.Set("messageDelayLevel", "1s 5x");
  auto cfg = std::make_shared<broker::BrokerConfiguration>();
  ASSERT_TRUE(cfg->Apply(p, nullptr).ok());
  broker::BrokerController broker(cfg);
  Status st = broker.Start();
  EXPECT_EQ(st.code(), kCodeInvalidArgument) << st.ToString();
  EXPECT_NE(st.message().find("5x"), std::string::npos) << st.ToString();
}

}  // namespace
}  // namespace rocketmq::test
