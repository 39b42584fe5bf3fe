// Client statistics against the embedded cluster: a producer's, a push consumer's and a lite pull
// consumer's documents add up to what was sent and consumed (docs/statistics.md).
#include <json/json.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "integration/remoting_test_util.h"
#include "rocketmq/default_lite_pull_consumer.h"
#include "rocketmq/default_mq_producer.h"
#include "rocketmq/default_mq_push_consumer.h"
#include "rocketmq/mq_exception.h"
#include "rocketmq/testing/embedded_cluster.h"

namespace rocketmq::test {
namespace {

using rocketmq::remoting::test::WaitFor;
using rocketmq::testing::EmbeddedCluster;
using rocketmq::testing::EmbeddedClusterOptions;
using namespace std::chrono_literals;

Json::Value ParseJson(const std::string& text) {
  Json::CharReaderBuilder builder;
  std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
  Json::Value v;
  std::string errors;
  EXPECT_TRUE(reader->parse(text.data(), text.data() + text.size(), &v, &errors))
      << errors << ": " << text;
  return v;
}

// Collects the documents a callback receives.
struct DocSink {
  std::mutex mu;
  std::vector<std::string> docs;
  StatisticsOptions Options(int64_t interval_ms) {
    StatisticsOptions o;
    o.interval_ms = interval_ms;
    o.callback = [this](const std::string& json) {
      std::lock_guard<std::mutex> lock(mu);
      docs.push_back(json);
    };
    return o;
  }
  size_t size() {
    std::lock_guard<std::mutex> lock(mu);
    return docs.size();
  }
  Json::Value Last() {
    std::lock_guard<std::mutex> lock(mu);
    return docs.empty() ? Json::Value() : ParseJson(docs.back());
  }
};

class CountingListener : public MessageListenerConcurrently {
 public:
  ConsumeConcurrentlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override {
    count += static_cast<int>(msgs.size());
    return CONSUME_SUCCESS;
  }
  std::atomic<int> count{0};
};

class StatsSendCallback : public SendCallback {
 public:
  void onSuccess(SendResult&) override { ++ok; }
  void onException(MQException&) noexcept override { ++failed; }
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
};

TEST(ClientStatisticsIntegrationTest, ProducerAndConsumersAddUp) {
  EmbeddedCluster cluster(EmbeddedClusterOptions().Masters(1));
  cluster.CreateTopic("StatsTopic", 4);
  const std::string broker_addr = cluster.BrokerAddress("broker-a");
  constexpr int kSync = 120;
  constexpr int kAsync = 40;

  DocSink producer_docs;
  DefaultMQProducer producer("stats_pg");
  producer.setNamesrvAddr(cluster.NameServerAddress());
  producer.setInstanceName("stats_producer");
  producer.setStatisticsOptions(producer_docs.Options(100));
  EXPECT_EQ(producer.getStatistics(), "");  // not started
  producer.start();
  for (int i = 0; i < kSync; ++i) {
    MQMessage msg("StatsTopic", "body-" + std::to_string(i));
    SendResult r = producer.send(msg);
    ASSERT_EQ(r.getSendStatus(), SEND_OK);
  }
  StatsSendCallback callback;
  for (int i = 0; i < kAsync; ++i) {
    MQMessage msg("StatsTopic", "async-" + std::to_string(i));
    producer.send(msg, &callback);
  }
  ASSERT_TRUE(WaitFor([&] { return callback.ok + callback.failed == kAsync; }, 20s));
  EXPECT_EQ(callback.failed.load(), 0);

  Json::Value doc = ParseJson(producer.getStatistics());
  EXPECT_EQ(doc["type"].asString(), "producer");
  EXPECT_EQ(doc["group"].asString(), "stats_pg");
  EXPECT_EQ(doc["totals"]["sent"].asUInt64(), uint64_t{kSync + kAsync});
  EXPECT_EQ(doc["totals"]["acknowledged"].asUInt64(), uint64_t{kSync + kAsync});
  EXPECT_EQ(doc["totals"]["failed"].asUInt64(), 0u);
  ASSERT_EQ(doc["queues"].size(), 4u) << doc.toStyledString();
  uint64_t per_queue_sum = 0;
  for (const Json::Value& q : doc["queues"]) {
    EXPECT_EQ(q["topic"].asString(), "StatsTopic");
    EXPECT_EQ(q["broker"].asString(), "broker-a");
    EXPECT_GT(q["sent"].asUInt64(), 0u);  // round robin reaches every queue
    per_queue_sum += q["acknowledged"].asUInt64();
  }
  EXPECT_EQ(per_queue_sum, uint64_t{kSync + kAsync});
  const Json::Value& b = doc["brokers"][broker_addr];
  ASSERT_TRUE(b.isObject()) << doc.toStyledString();
  // Every send is a call to the broker; heartbeats add a few more.
  EXPECT_GE(b["requests"].asUInt64(), uint64_t{kSync + kAsync});
  EXPECT_EQ(b["in_flight"].asInt64(), 0);
  EXPECT_EQ(b["timeouts"].asUInt64(), 0u);
  EXPECT_EQ(b["connect_failures"].asUInt64(), 0u);
  EXPECT_EQ(b["retries"].asUInt64(), 0u);
  // The NameServer is a peer too (route queries).
  EXPECT_TRUE(doc["brokers"][cluster.NameServerAddress()].isObject());
  // The periodic callback ran and its documents parse.
  ASSERT_TRUE(WaitFor([&] { return producer_docs.size() >= 2; }, 10s));
  EXPECT_EQ(producer_docs.Last()["type"].asString(), "producer");

  // A push consumer drains the topic: pulled and consumed add up, and the lag goes to 0.
  DocSink consumer_docs;
  CountingListener listener;
  DefaultMQPushConsumer consumer("stats_cg");
  consumer.setNamesrvAddr(cluster.NameServerAddress());
  consumer.setInstanceName("stats_consumer");
  consumer.setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
  consumer.subscribe("StatsTopic", "*");
  consumer.registerMessageListener(&listener);
  consumer.setStatisticsOptions(consumer_docs.Options(100));
  consumer.start();
  ASSERT_TRUE(WaitFor([&] { return listener.count == kSync + kAsync; }, 30s));
  Json::Value c;
  ASSERT_TRUE(WaitFor(
      [&] {
        c = ParseJson(consumer.getStatistics());
        return c["totals"]["consumed"].asUInt64() == uint64_t{kSync + kAsync} &&
               c["totals"]["lag"].asInt64() == 0 &&
               c["totals"]["process_queue_msgs"].asInt64() == 0;
      },
      20s))
      << c.toStyledString();
  EXPECT_EQ(c["type"].asString(), "push_consumer");
  EXPECT_EQ(c["totals"]["pulled"].asUInt64(), uint64_t{kSync + kAsync});
  EXPECT_EQ(c["totals"]["consume_failed"].asUInt64(), 0u);
  // The topic's 4 queues and the group's retry queue.
  ASSERT_EQ(c["queues"].size(), 5u) << c.toStyledString();
  int64_t max_offsets = 0;
  int topic_queues = 0;
  for (const Json::Value& q : c["queues"]) {
    // (The retry queue's first pull may still be parked at the broker: max_offset -1.)
    if (q["topic"].asString() != "StatsTopic") continue;
    EXPECT_EQ(q["consumed_offset"].asInt64(), q["max_offset"].asInt64()) << q.toStyledString();
    ++topic_queues;
    max_offsets += q["max_offset"].asInt64();
  }
  EXPECT_EQ(topic_queues, 4);
  EXPECT_EQ(max_offsets, kSync + kAsync);  // an empty topic's queues end at the messages sent
  EXPECT_TRUE(c["brokers"][broker_addr].isObject());
  ASSERT_TRUE(WaitFor([&] { return consumer_docs.size() >= 1; }, 10s));

  // More messages while the consumer runs: the lag shows up in the producer-side view of the
  // broker offsets and drains again.
  for (int i = 0; i < 20; ++i) {
    MQMessage msg("StatsTopic", "late-" + std::to_string(i));
    producer.send(msg);
  }
  ASSERT_TRUE(WaitFor(
      [&] {
        c = ParseJson(consumer.getStatistics());
        return c["totals"]["consumed"].asUInt64() == uint64_t{kSync + kAsync + 20} &&
               c["totals"]["lag"].asInt64() == 0;
      },
      20s))
      << c.toStyledString();
  consumer.shutdown();
  EXPECT_EQ(consumer.getStatistics(), "");

  // A lite pull consumer in its own group polls everything: "consumed" counts what poll()
  // returned; after a commit the lag is 0.
  DefaultLitePullConsumer lite("stats_lite");
  lite.setNamesrvAddr(cluster.NameServerAddress());
  lite.setInstanceName("stats_lite");
  lite.setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
  lite.setAutoCommit(false);
  DocSink lite_docs;
  lite.setStatisticsOptions(lite_docs.Options(100));
  lite.subscribe("StatsTopic", "*");
  lite.start();
  int polled = 0;
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (polled < kSync + kAsync + 20 && std::chrono::steady_clock::now() < deadline) {
    polled += static_cast<int>(lite.poll(200).size());
  }
  ASSERT_EQ(polled, kSync + kAsync + 20);
  lite.commitSync();
  Json::Value l = ParseJson(lite.getStatistics());
  EXPECT_EQ(l["type"].asString(), "lite_pull_consumer");
  EXPECT_EQ(l["totals"]["consumed"].asUInt64(), uint64_t{kSync + kAsync + 20});
  EXPECT_EQ(l["totals"]["pulled"].asUInt64(), uint64_t{kSync + kAsync + 20});
  EXPECT_EQ(l["totals"]["lag"].asInt64(), 0) << l.toStyledString();
  lite.shutdown();
  producer.shutdown();
}

TEST(ClientStatisticsIntegrationTest, BadOptionsFailStartAndOffCountsNothing) {
  EmbeddedCluster cluster(EmbeddedClusterOptions().Masters(1));
  DefaultMQProducer bad("stats_bad_pg");
  bad.setNamesrvAddr(cluster.NameServerAddress());
  StatisticsOptions no_callback;
  no_callback.interval_ms = 100;
  bad.setStatisticsOptions(no_callback);
  EXPECT_THROW(bad.start(), MQClientException);

  DefaultMQProducer off("stats_off_pg");
  off.setNamesrvAddr(cluster.NameServerAddress());
  off.start();
  MQMessage msg("StatsOff", "x");
  EXPECT_EQ(off.send(msg).getSendStatus(), SEND_OK);
  EXPECT_EQ(off.getStatistics(), "");
  off.shutdown();
}

// A broker address that refuses connections shows as connect failures and errors.
TEST(ClientStatisticsIntegrationTest, ConnectFailuresAreCounted) {
  EmbeddedCluster cluster(EmbeddedClusterOptions().Masters(1));
  cluster.CreateTopic("StatsKill", 2);
  DefaultMQProducer producer("stats_kill_pg");
  producer.setNamesrvAddr(cluster.NameServerAddress());
  producer.setInstanceName("stats_kill");
  producer.setSendMsgTimeout(1000);
  producer.setRetryTimesWhenSendFailed(1);
  DocSink docs;
  producer.setStatisticsOptions(docs.Options(1000));
  producer.start();
  MQMessage first("StatsKill", "ok");
  ASSERT_EQ(producer.send(first).getSendStatus(), SEND_OK);
  const std::string addr = cluster.BrokerAddress("broker-a");
  cluster.StopBroker("broker-a");
  for (int i = 0; i < 3; ++i) {
    MQMessage msg("StatsKill", "lost");
    try {
      producer.send(msg);
    } catch (const MQException&) {
    }
  }
  const Json::Value doc = ParseJson(producer.getStatistics());
  const Json::Value& b = doc["brokers"][addr];
  EXPECT_GE(b["connect_failures"].asUInt64() + b["errors"].asUInt64(), 1u) << doc.toStyledString();
  EXPECT_GE(b["retries"].asUInt64() + doc["totals"]["failed"].asUInt64(), 1u)
      << doc.toStyledString();
  EXPECT_EQ(doc["totals"]["acknowledged"].asUInt64(), 1u);
  producer.shutdown();
}

}  // namespace
}  // namespace rocketmq::test
