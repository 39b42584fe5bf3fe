// The string-keyed settings of the consumers: Java key names and defaults, enum and range
// checks, unknown keys, the public set()/get() of DefaultMQPushConsumer and
// DefaultLitePullConsumer, and their place in docs/settings.md.
#include <gtest/gtest.h>

#include "client/settings_registry.h"
#include "consumer/consumer_settings.h"
#include "rocketmq/rocketmq.h"

namespace rocketmq {
namespace {

using consumer::LitePullConsumerConfig;
using consumer::LitePullConsumerSettings;
using consumer::PushConsumerConfig;
using consumer::PushConsumerSettings;

// Expects set(key, value) to throw MQClientException whose message contains `needle`.
template <typename Consumer>
void ExpectRejected(Consumer& c, const std::string& key, const std::string& value,
                    const std::string& needle) {
  try {
    c.set(key, value);
    ADD_FAILURE() << key << "=" << value << " accepted";
  } catch (const MQClientException& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    EXPECT_EQ(e.getResponseCode(), kCodeInvalidArgument);
  }
}

TEST(ConsumerSettingsTest, PushDefaultsMatchJava) {
  const auto& r = PushConsumerSettings();
  PushConsumerConfig c;
  EXPECT_EQ(*r.Get(c, "messageModel"), "CLUSTERING");
  EXPECT_EQ(*r.Get(c, "consumeFromWhere"), "CONSUME_FROM_LAST_OFFSET");
  EXPECT_EQ(*r.Get(c, "allocateMessageQueueStrategy"), "AVG");
  EXPECT_EQ(*r.Get(c, "consumeThreadMin"), "20");
  EXPECT_EQ(*r.Get(c, "consumeThreadMax"), "20");
  EXPECT_EQ(*r.Get(c, "consumeConcurrentlyMaxSpan"), "2000");
  EXPECT_EQ(*r.Get(c, "pullThresholdForQueue"), "1000");
  EXPECT_EQ(*r.Get(c, "pullThresholdSizeForQueue"), "100");
  EXPECT_EQ(*r.Get(c, "pullInterval"), "0");
  EXPECT_EQ(*r.Get(c, "consumeMessageBatchMaxSize"), "1");
  EXPECT_EQ(*r.Get(c, "pullBatchSize"), "32");
  EXPECT_EQ(*r.Get(c, "postSubscriptionWhenPull"), "false");
  EXPECT_EQ(*r.Get(c, "maxReconsumeTimes"), "-1");
  EXPECT_EQ(*r.Get(c, "suspendCurrentQueueTimeMillis"), "1000");
  EXPECT_EQ(*r.Get(c, "consumeTimeout"), "15");
  EXPECT_EQ(*r.Get(c, "persistConsumerOffsetInterval"), "5000");  // a ClientConfig key
  EXPECT_FALSE(r.Has("autoCommit"));
  EXPECT_FALSE(r.Has("sendMsgTimeout"));
}

TEST(ConsumerSettingsTest, LitePullDefaultsMatchJava) {
  const auto& r = LitePullConsumerSettings();
  LitePullConsumerConfig c;
  EXPECT_EQ(*r.Get(c, "autoCommit"), "true");
  EXPECT_EQ(*r.Get(c, "autoCommitIntervalMillis"), "5000");
  EXPECT_EQ(*r.Get(c, "pullBatchSize"), "10");
  EXPECT_EQ(*r.Get(c, "pullThreadNums"), "20");
  EXPECT_EQ(*r.Get(c, "pullThresholdForAll"), "10000");
  EXPECT_EQ(*r.Get(c, "consumeMaxSpan"), "2000");
  EXPECT_EQ(*r.Get(c, "pollTimeoutMillis"), "5000");
  EXPECT_EQ(*r.Get(c, "brokerSuspendMaxTimeMillis"), "20000");
  EXPECT_EQ(*r.Get(c, "consumerTimeoutMillisWhenSuspend"), "30000");
  EXPECT_EQ(*r.Get(c, "consumerPullTimeoutMillis"), "10000");
  EXPECT_EQ(*r.Get(c, "messageModel"), "CLUSTERING");
  EXPECT_FALSE(r.Has("consumeThreadMin"));
}

TEST(ConsumerSettingsTest, PublicPushSetAndGet) {
  DefaultMQPushConsumer p("push_settings_group");
  p.set("consumeThreadMin", "10");
  EXPECT_EQ(p.get("consumeThreadMin"), "10");
  p.set("messageModel", "BROADCASTING");
  EXPECT_EQ(p.getMessageModel(), BROADCASTING);
  EXPECT_EQ(p.get("messageModel"), "BROADCASTING");
  p.set("consumeFromWhere", "CONSUME_FROM_TIMESTAMP");
  EXPECT_EQ(p.getConsumeFromWhere(), CONSUME_FROM_TIMESTAMP);
  p.set("consumeTimestamp", "20240131235959");
  EXPECT_EQ(p.getConsumeTimestamp(), "20240131235959");
  p.set("allocateMessageQueueStrategy", "CONSISTENT_HASH");
  EXPECT_EQ(p.get("allocateMessageQueueStrategy"), "CONSISTENT_HASH");
  p.set("consumeMessageBatchMaxSize", "16");
  EXPECT_EQ(p.getConsumeMessageBatchMaxSize(), 16);
  p.set("maxReconsumeTimes", "3");
  EXPECT_EQ(p.getMaxReconsumeTimes(), 3);
  p.set("postSubscriptionWhenPull", "TRUE");
  EXPECT_EQ(p.get("postSubscriptionWhenPull"), "true");
  p.set("namesrvAddr", "127.0.0.1:9876");
  EXPECT_EQ(p.getNamesrvAddr(), "127.0.0.1:9876");
  p.set("consumerGroup", "other_group");
  EXPECT_EQ(p.getGroupName(), "other_group");
  p.setPullInterval(250);
  EXPECT_EQ(p.get("pullInterval"), "250");  // typed setters and keys share the values

  ExpectRejected(p, "consumeThreadMn", "1", "unknown setting \"consumeThreadMn\"");
  ExpectRejected(p, "consumeThreadMin", "0", "out of range [1, 1000]");
  ExpectRejected(p, "consumeThreadMax", "1001", "out of range [1, 1000]");
  ExpectRejected(p, "pullThresholdForQueue", "65536", "out of range [1, 65535]");
  ExpectRejected(p, "pullThresholdSizeForQueue", "0", "pullThresholdSizeForQueue");
  ExpectRejected(p, "pullInterval", "-1", "out of range [0, 65535]");
  ExpectRejected(p, "pullBatchSize", "1025", "out of range [1, 1024]");
  ExpectRejected(p, "consumeThreadMin", "ten", "is not an integer");
  ExpectRejected(p, "messageModel", "clustering", "not one of BROADCASTING, CLUSTERING");
  ExpectRejected(p, "consumeFromWhere", "CONSUME_FROM_NOWHERE", "CONSUME_FROM_FIRST_OFFSET");
  ExpectRejected(p, "allocateMessageQueueStrategy", "RANDOM", "AVG, AVG_BY_CIRCLE");
  ExpectRejected(p, "consumeTimestamp", "2024-01-31", "yyyyMMddHHmmss");
  ExpectRejected(p, "consumerGroup", "bad group", "setting consumerGroup");
  ExpectRejected(p, "postSubscriptionWhenPull", "yes", "not a boolean");
  ExpectRejected(p, "autoCommit", "true", "for DefaultMQPushConsumer");  // a lite pull key
  EXPECT_THROW(p.get("nope"), MQClientException);
  // Rejected values left the settings as they were.
  EXPECT_EQ(p.get("consumeThreadMin"), "10");
  EXPECT_EQ(p.get("messageModel"), "BROADCASTING");
  EXPECT_EQ(p.get("consumerGroup"), "other_group");

  p.shutdown();
  ExpectRejected(p, "consumeThreadMin", "5", "before start()");
  EXPECT_EQ(p.get("consumeThreadMin"), "10");
}

TEST(ConsumerSettingsTest, PushThreadBoundsCheckedAtStart) {
  DefaultMQPushConsumer p("push_settings_threads");
  p.set("namesrvAddr", "127.0.0.1:1");
  p.set("consumeThreadMin", "30");
  p.set("consumeThreadMax", "10");
  p.subscribe("SettingsTopic", "*");
  struct Listener : MessageListenerConcurrently {
    ConsumeConcurrentlyStatus consumeMessage(const std::vector<MQMessageExt>&) override {
      return CONSUME_SUCCESS;
    }
  } listener;
  p.registerMessageListener(&listener);
  EXPECT_THROW(p.start(), MQClientException);
}

TEST(ConsumerSettingsTest, PublicLitePullSetAndGet) {
  DefaultLitePullConsumer c("lite_settings_group");
  c.set("pullBatchSize", "64");
  EXPECT_EQ(c.get("pullBatchSize"), "64");
  c.set("autoCommit", "false");
  EXPECT_FALSE(c.isAutoCommit());
  c.set("autoCommitIntervalMillis", "1000");
  c.set("pollTimeoutMillis", "250");
  EXPECT_EQ(c.getPollTimeoutMillis(), 250);
  c.setPollTimeoutMillis(300);
  EXPECT_EQ(c.get("pollTimeoutMillis"), "300");
  c.set("messageModel", "BROADCASTING");
  c.set("consumeFromWhere", "CONSUME_FROM_FIRST_OFFSET");
  EXPECT_EQ(c.get("consumeFromWhere"), "CONSUME_FROM_FIRST_OFFSET");
  c.set("accessKey", "ak");
  EXPECT_EQ(c.get("accessKey"), "ak");

  ExpectRejected(c, "autoCommitIntervalMillis", "999", "out of range [1000, 2147483647]");
  ExpectRejected(c, "pullThreadNums", "0", "pullThreadNums");
  ExpectRejected(c, "consumeThreadMin", "1", "for DefaultLitePullConsumer");  // a push key
  ExpectRejected(c, "messageModel", "", "not one of");
  EXPECT_THROW(c.get("nope"), MQClientException);
  EXPECT_EQ(c.get("pullBatchSize"), "64");
}

TEST(ConsumerSettingsTest, LitePullSuspendTimeoutsCheckedAtStart) {
  DefaultLitePullConsumer c("lite_settings_suspend");
  c.set("namesrvAddr", "127.0.0.1:1");
  c.set("brokerSuspendMaxTimeMillis", "20000");
  c.set("consumerTimeoutMillisWhenSuspend", "1000");
  try {
    c.start();
    FAIL() << "started with consumerTimeoutMillisWhenSuspend < brokerSuspendMaxTimeMillis";
  } catch (const MQClientException& e) {
    EXPECT_NE(std::string(e.what()).find("consumerTimeoutMillisWhenSuspend must greater than "
                                         "brokerSuspendMaxTimeMillis"),
              std::string::npos)
        << e.what();
  }
}

TEST(ConsumerSettingsTest, DocListsConsumerKeys) {
  std::string doc = client::RenderSettingsDoc(
      {{"DefaultMQPushConsumer", PushConsumerSettings().Describe()},
       {"DefaultLitePullConsumer", LitePullConsumerSettings().Describe()}});
  EXPECT_NE(doc.find("## Consumer (push and lite pull)"), std::string::npos);
  EXPECT_NE(doc.find("| `messageModel` | enum | `CLUSTERING` | `BROADCASTING`, `CLUSTERING` | "
                     "DefaultMQPushConsumer, DefaultLitePullConsumer |"),
            std::string::npos)
      << doc;
  // pullBatchSize has a different default per class, so each class lists its own.
  EXPECT_NE(doc.find("| `pullBatchSize` | int | `32` | 1 .. 1024 | DefaultMQPushConsumer |"),
            std::string::npos);
  EXPECT_NE(doc.find("| `pullBatchSize` | int | `10` | 1 .. 1024 | DefaultLitePullConsumer |"),
            std::string::npos);
  EXPECT_NE(doc.find("| `namesrvAddr` | string |  |  | DefaultMQPushConsumer, "
                     "DefaultLitePullConsumer |"),
            std::string::npos);
}

}  // namespace
}  // namespace rocketmq
