// Push consumer failure paths: RECONSUME_LATER brings messages back through %RETRY%<group>,
// orderly consumers keep per-queue order across a rebalance, and the broker-initiated requests
// (running info, consume directly, reset offset) reach the consumer.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "common/message_decoder.h"
#include "common/model/consumer_running_info.h"
#include "common/model/json_body.h"
#include "common/model/lock_batch_body.h"
#include "common/model/offset_tables.h"
#include "common/response_code.h"
#include "common/time_util.h"
#include "consumer/push_consumer_impl.h"
#include "integration/consumer_test_util.h"

namespace rocketmq::test {
namespace {

using namespace std::chrono_literals;

class PushConsumerRetryTest : public ConsumerFixture {
 protected:
  // Short delay levels so retries come back within the test.
  Properties BrokerProps() override {
    Properties p = ConsumerFixture::BrokerProps();
    p.Set("messageDelayLevel", "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s");
    return p;
  }

  // Whether the broker answers CONSUMER_SEND_MSG_BACK (the delay/retry/DLQ work of branch
  // h-sched) or rejects it as unsupported: the consumer's path differs, and so do the tests.
  bool BrokerHandlesSendBack() {
    RemotingCommand r = Call(Request(RequestCode::kConsumerSendMsgBack,
                                     {{"offset", "0"}, {"group", "GPROBE"}, {"delayLevel", "0"}}));
    return r.code() != ResponseCode::kRequestCodeNotSupported;
  }

  // What an orderly test waits on, for its failure message: distinct bodies per queue and which
  // of `clients` holds each queue's broker lock in `group`.
  std::string OrderlyState(const Recorder& rec, const std::string& group, const std::string& topic,
                           int queues, const std::vector<std::string>& clients) {
    std::ostringstream out;
    const std::map<std::string, std::vector<std::string>> per_queue = rec.per_queue();
    for (int q = 0; q < queues; ++q) {
      const MessageQueue mq(topic, "broker-a", q);
      auto it = per_queue.find("broker-a/" + std::to_string(q));
      const size_t distinct =
          it == per_queue.end()
              ? 0
              : std::set<std::string>(it->second.begin(), it->second.end()).size();
      out << "\n  queue " << q << ": " << distinct << " distinct, lock held by";
      bool held = false;
      for (const std::string& client : clients) {
        if (broker_->rebalance_lock_manager().IsLocked(group, mq, client, NowMillis())) {
          out << " " << client;
          held = true;
        }
      }
      if (!held) out << " nobody";
    }
    for (const auto& [who, n] : rec.by_consumer()) out << "\n  " << who << " consumed " << n;
    return out.str();
  }

  // LOCK_BATCH_MQ / UNLOCK_BATCH_MQ of queues 0..queues-1 of `topic` for `client_id`, as another
  // consumer of `group` would send it.
  RemotingCommand LockRequest(int32_t code, const std::string& group, const std::string& client_id,
                              const std::string& topic, int queues) {
    LockBatchRequestBody body;
    body.consumer_group = group;
    body.client_id = client_id;
    for (int q = 0; q < queues; ++q) body.mq_set.emplace_back(topic, "broker-a", q);
    return Request(code, {}, body.ToJson());
  }
};

// Fails the first delivery of every message, accepts the redelivery.
class FailOnceListener : public MessageListenerConcurrently {
 public:
  ConsumeStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override {
    std::lock_guard<std::mutex> lock(mu);
    for (const auto& m : msgs) {
      deliveries.push_back({m.getBody(), m.getTopic(), m.getReconsumeTimes()});
      if (m.getReconsumeTimes() == 0) return RECONSUME_LATER;
    }
    return CONSUME_SUCCESS;
  }
  struct Delivery {
    std::string body;
    std::string topic;
    int reconsume_times;
  };
  std::mutex mu;
  std::vector<Delivery> deliveries;
};

// When the broker does not answer CONSUMER_SEND_MSG_BACK, the consumer falls back to re-sending
// the message to %RETRY%<group> itself, with Java's retry properties and delay level
// 3 + reconsumeTimes; the store parks it in SCHEDULE_TOPIC_XXXX queue (level - 1).
TEST_F(PushConsumerRetryTest, ReconsumeLaterFallsBackToResendingToTheRetryTopic) {
  if (BrokerHandlesSendBack()) GTEST_SKIP() << "the broker handles send-back: no fallback";
  ASSERT_EQ(CreateTopic("TRY", 1).code(), 0);
  Recorder rec;
  RecordingListener listener("r", &rec, RECONSUME_LATER);
  auto c = MakeConsumer("GRY", "r", "TRY");
  c->registerMessageListener(&listener);
  c->start();
  SendNumbered("TRY", 1, 3, "x");
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 3; }, 20s));
  // A reader group for the schedule topic.
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {},
                         HeartbeatBody("reader@1", "GSCHED", "SCHEDULE_TOPIC_XXXX", "*")))
                .code(),
            0);
  std::vector<MessageExt> parked;
  ASSERT_TRUE(WaitFor(
      [&] {
        RemotingCommand r = Call(Pull("GSCHED", "SCHEDULE_TOPIC_XXXX", 2, 0));
        if (r.code() != 0) return false;
        auto msgs = DecodeStoredMessages(r.body());
        if (!msgs.ok() || msgs->size() < 3) return false;
        parked = std::move(*msgs);
        return true;
      },
      20s));
  std::set<std::string> bodies;
  for (const MessageExt& m : parked) {
    bodies.insert(m.body());
    EXPECT_EQ(m.GetProperty(kPropertyRealTopic), "%RETRY%GRY");
    EXPECT_EQ(m.GetProperty(kPropertyRetryTopic), "TRY");
    EXPECT_EQ(m.GetProperty(kPropertyReconsumeTime), "1");
    EXPECT_EQ(m.GetProperty(kPropertyMaxReconsumeTimes), "16");
    EXPECT_EQ(m.GetProperty(kPropertyDelayTimeLevel), "3");
    EXPECT_EQ(m.GetProperty(kPropertyOriginMessageId), m.unique_key());
    EXPECT_EQ(m.reconsume_times(), 1);
  }
  EXPECT_EQ(bodies, (std::set<std::string>{"x-0", "x-1", "x-2"}));
  // The failed messages no longer hold the queue back: the committed offset moved past them.
  c->shutdown();
  RemotingCommand r = Call(Request(RequestCode::kQueryConsumerOffset,
                                   {{"consumerGroup", "GRY"}, {"topic", "TRY"}, {"queueId", "0"}}));
  ASSERT_EQ(r.code(), 0);
  EXPECT_EQ(r.ext_fields().GetOr("offset"), "3");
}

// End to end through the broker's CONSUMER_SEND_MSG_BACK and delay-level scheduling.
TEST_F(PushConsumerRetryTest, ReconsumeLaterComesBackThroughTheRetryTopic) {
  if (!BrokerHandlesSendBack()) GTEST_SKIP() << "the broker does not handle send-back yet";
  ASSERT_EQ(CreateTopic("TRB", 2).code(), 0);
  FailOnceListener listener;
  auto c = MakeConsumer("GRB", "r", "TRB");
  c->registerMessageListener(&listener);
  c->start();
  SendNumbered("TRB", 2, 10, "x");
  // Each message: a failed first delivery, then one more with reconsumeTimes 1 and the original
  // topic restored from RETRY_TOPIC.
  ASSERT_TRUE(WaitFor(
      [&] {
        std::lock_guard<std::mutex> lock(listener.mu);
        int retried = 0;
        for (const auto& d : listener.deliveries) retried += d.reconsume_times >= 1 ? 1 : 0;
        return retried >= 10;
      },
      40s));
  std::lock_guard<std::mutex> lock(listener.mu);
  std::map<std::string, int> firsts, retries;
  for (const auto& d : listener.deliveries) {
    EXPECT_EQ(d.topic, "TRB") << d.body;
    (d.reconsume_times == 0 ? firsts : retries)[d.body]++;
  }
  EXPECT_EQ(firsts.size(), 10u);
  EXPECT_EQ(retries.size(), 10u);
  c->shutdown();
}

// After maxReconsumeTimes the broker moves the message to %DLQ%<group>.
TEST_F(PushConsumerRetryTest, AfterMaxReconsumeTimesTheMessageLandsInTheDlq) {
  if (!BrokerHandlesSendBack()) GTEST_SKIP() << "the broker does not handle send-back yet";
  ASSERT_EQ(CreateTopic("TDL", 1).code(), 0);
  Recorder rec;
  RecordingListener listener("d", &rec, RECONSUME_LATER);
  auto c = MakeConsumer("GDL", "d", "TDL");
  c->setMaxReconsumeTimes(2);
  c->registerMessageListener(&listener);
  c->start();
  SendNumbered("TDL", 1, 1, "dead");
  // First delivery + 2 retries, then the DLQ.
  ASSERT_TRUE(WaitFor([&] { return rec.total() >= 3; }, 40s)) << rec.total();
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {},
                         HeartbeatBody("reader@2", "GDLQREADER", "%DLQ%GDL", "*")))
                .code(),
            0);
  ASSERT_TRUE(WaitFor(
      [&] {
        RemotingCommand r = Call(Pull("GDLQREADER", "%DLQ%GDL", 0, 0));
        if (r.code() != 0) return false;
        auto msgs = DecodeStoredMessages(r.body());
        return msgs.ok() && msgs->size() == 1 && (*msgs)[0].body() == "dead-0";
      },
      20s));
  c->shutdown();
}

TEST_F(PushConsumerRetryTest, OrderlyKeepsQueueOrderThroughARebalance) {
  ASSERT_EQ(CreateTopic("TO", 4).code(), 0);
  Recorder rec;
  RecordingOrderlyListener l1("o1", &rec), l2("o2", &rec);
  auto a = MakeConsumer("GO", "o1", "TO");
  a->registerMessageListener(&l1);
  a->start();
  SendNumbered("TO", 4, 200, "o", "TagA", 0);
  auto b = MakeConsumer("GO", "o2", "TO");
  b->registerMessageListener(&l2);
  b->start();
  SendNumbered("TO", 4, 200, "o", "TagA", 200);
  // Worst case in Java's timing: the old owner still had cached messages, so it unlocks 20 s
  // after dropping the queue, and the new owner retries at its next 20 s rebalance.
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 400; }, 60s))
      << rec.distinct() << " distinct"
      << OrderlyState(rec, "GO", "TO", 4, {a->getClientId(), b->getClientId()});
  // Per queue, first deliveries come in send order (a redelivery after a queue moved may repeat
  // a suffix, never reorder).
  for (const auto& [queue, bodies] : rec.per_queue()) {
    int last = -1;
    std::set<int> seen;
    for (const std::string& body : bodies) {
      const int n = std::stoi(body.substr(2));
      if (seen.insert(n).second) {
        EXPECT_GT(n, last) << queue;
        last = n;
      }
    }
  }
  a->shutdown();
  b->shutdown();
}

// A queue whose broker lock another client still holds when this consumer is given it (the
// previous owner has not unlocked yet) is not forgotten: the periodic rebalance tries again and
// takes it once the lock is free.
TEST_F(PushConsumerRetryTest, OrderlyRetriesALockHeldElsewhereAtTheNextRebalance) {
  ASSERT_EQ(CreateTopic("TL", 2).code(), 0);
  SendNumbered("TL", 2, 20, "l");
  const std::string holder = "127.0.0.2@previous-owner";
  RemotingCommand locked = Call(LockRequest(RequestCode::kLockBatchMq, "GL", holder, "TL", 2));
  ASSERT_EQ(locked.code(), 0) << locked.remark().value_or("");
  auto held = DecodeJsonBody<LockBatchResponseBody>(locked.body());
  ASSERT_TRUE(held.ok());
  ASSERT_EQ(held->lock_ok_mq_set.size(), 2u);

  Recorder rec;
  RecordingOrderlyListener listener("l", &rec);
  consumer::PushConsumerConfig config;
  config.client.namesrv_addr = NamesrvAddr();
  config.client.instance_name = "l";
  config.client.client_ip = "127.0.0.1";
  config.client.rebalance_interval_ms = 300;
  config.group = "GL";
  config.subscriptions["TL"] = "*";
  config.consume_from_where = CONSUME_FROM_FIRST_OFFSET;
  config.consume_thread_min = config.consume_thread_max = 2;
  config.offset_store_dir = dir_.path() + "/offsets";
  auto c = std::make_shared<consumer::PushConsumerImpl>(config, nullptr, &listener);
  ASSERT_TRUE(c->Start().ok());
  // Its first rebalances cannot lock either queue.
  ASSERT_TRUE(WaitFor([&] { return broker_->consumer_manager().GetGroup("GL").has_value(); }, 10s));
  std::this_thread::sleep_for(1s);
  EXPECT_EQ(rec.distinct(), 0u) << OrderlyState(rec, "GL", "TL", 2, {holder, c->client_id()});

  // The previous owner lets go.
  ASSERT_EQ(Call(LockRequest(RequestCode::kUnlockBatchMq, "GL", holder, "TL", 2)).code(), 0);
  EXPECT_TRUE(WaitFor([&] { return rec.distinct() == 20; }, 15s))
      << rec.distinct() << " distinct"
      << OrderlyState(rec, "GL", "TL", 2, {holder, c->client_id()});
  c->Shutdown();
}

TEST_F(PushConsumerRetryTest, BrokerInitiatedRequestsReachTheConsumer) {
  ASSERT_EQ(CreateTopic("TI", 2).code(), 0);
  Recorder rec;
  RecordingListener l("i", &rec);
  auto c = MakeConsumer("GI", "i", "TI");
  c->registerMessageListener(&l);
  c->start();
  SendNumbered("TI", 2, 10, "i");
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 10; }, 20s));
  // Send the requests as the broker does: on the connection the consumer opened to it.
  auto group = broker_->consumer_manager().GetGroup("GI");
  ASSERT_TRUE(group.has_value());
  ASSERT_FALSE(group->channels.empty());
  std::shared_ptr<remoting::Channel> channel = group->channels.begin()->second.channel;

  RemotingCommand info = RemotingCommand::CreateRequest(RequestCode::kGetConsumerRunningInfo);
  info.SetExtField("consumerGroup", "GI");
  info.SetExtField("clientId", c->getClientId());
  info.SetExtField("jstackEnable", "false");
  auto r = channel->InvokeSync(std::move(info), 3000);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->code(), 0) << r->remark().value_or("");
  auto running = DecodeJsonBody<ConsumerRunningInfo>(r->body());
  ASSERT_TRUE(running.ok()) << running.status().ToString();
  EXPECT_EQ(running->properties["consumerGroup"], "GI");
  EXPECT_EQ(running->properties[ConsumerRunningInfo::kPropConsumeType], "CONSUME_PASSIVELY");
  EXPECT_EQ(running->mq_table.size(), 3u);  // 2 queues of TI + the retry queue
  EXPECT_EQ(running->subscription_set.size(), 2u);

  // CONSUME_MESSAGE_DIRECTLY with a stored message.
  RemotingCommand pull = Call(Pull("GI", "TI", 0, 0));
  ASSERT_EQ(pull.code(), 0);
  auto msgs = DecodeStoredMessages(pull.body());
  ASSERT_TRUE(msgs.ok());
  RemotingCommand direct = RemotingCommand::CreateRequest(RequestCode::kConsumeMessageDirectly);
  direct.SetExtField("consumerGroup", "GI");
  direct.SetExtField("clientId", c->getClientId());
  direct.SetExtField("msgId", (*msgs)[0].msg_id());
  direct.SetExtField("brokerName", "broker-a");
  direct.set_body(*EncodeStoredMessage((*msgs)[0]));
  r = channel->InvokeSync(std::move(direct), 3000);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->code(), 0) << r->remark().value_or("");
  auto result = DecodeJsonBody<ConsumeMessageDirectlyResult>(r->body());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->consume_result, kCMResultSuccess);
  EXPECT_FALSE(result->order);
  EXPECT_GE(rec.total(), 11u);

  // RESET_CONSUMER_CLIENT_OFFSET (C form) back to 0: everything is delivered again.
  ResetOffsetBodyForC body;
  body.offset_table.push_back({MessageQueue("TI", "broker-a", 0), 0});
  body.offset_table.push_back({MessageQueue("TI", "broker-a", 1), 0});
  RemotingCommand reset = RemotingCommand::CreateRequest(RequestCode::kResetConsumerClientOffset);
  reset.SetExtField("topic", "TI");
  reset.SetExtField("group", "GI");
  reset.SetExtField("timestamp", "0");
  reset.SetExtField("isForce", "true");
  reset.set_body(body.ToJson());
  ASSERT_TRUE(channel->InvokeOneway(std::move(reset)).ok());
  ASSERT_TRUE(WaitFor([&] { return rec.total() >= 21u; }, 20s)) << rec.total();
  c->shutdown();
}

}  // namespace
}  // namespace rocketmq::test
