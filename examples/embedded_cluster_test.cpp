// An application's own tests against an embedded RocketMQ cluster (rocketmq/testing/): no Java,
// no external processes, nothing to clean up. Built against the installed package like this:
//
//   find_package(RocketMQ REQUIRED COMPONENTS testing)
//   find_package(GTest REQUIRED)
//   add_executable(app_tests embedded_cluster_test.cpp)
//   target_link_libraries(app_tests PRIVATE RocketMQ::testing GTest::gtest_main)
//
// 1. OrderFlowTest: one master; the code under test publishes with DefaultMQProducer and a
//    DefaultMQPushConsumer must receive every message, exactly the bytes sent.
// 2. FailoverTest: two masters; one is killed, and sends keep succeeding on the other.
#include <gtest/gtest.h>

#include <rocketmq/rocketmq.h>
#include <rocketmq/testing/embedded_cluster.h>
#include <rocketmq/testing/gtest_fixture.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace {

using rocketmq::testing::EmbeddedClusterOptions;
using rocketmq::testing::EmbeddedClusterTest;

// What the application's consumer does with a message: here, remember its body.
class Inbox : public rocketmq::MessageListenerConcurrently {
 public:
  rocketmq::ConsumeConcurrentlyStatus consumeMessage(
      const std::vector<rocketmq::MQMessageExt>& msgs) override {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& m : msgs) bodies_.insert(m.getBody());
    cv_.notify_all();
    return rocketmq::CONSUME_SUCCESS;
  }
  // True once `n` distinct bodies arrived within `timeout`.
  bool WaitFor(size_t n, std::chrono::seconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, timeout, [&] { return bodies_.size() >= n; });
  }
  std::set<std::string> bodies() {
    std::lock_guard<std::mutex> lock(mu_);
    return bodies_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::set<std::string> bodies_;
};

class OrderFlowTest : public EmbeddedClusterTest {};

TEST_F(OrderFlowTest, EveryPublishedOrderIsConsumed) {
  cluster().CreateTopic("Orders", 4);  // returns once the NameServer routes it

  Inbox inbox;
  rocketmq::DefaultMQPushConsumer* consumer = PushConsumer("order_cg", "Orders", &inbox);
  consumer->start();

  rocketmq::DefaultMQProducer* producer = StartedProducer("order_pg");
  std::set<std::string> sent;
  for (int i = 0; i < 20; ++i) {
    const std::string body = "order-" + std::to_string(i);
    rocketmq::MQMessage msg("Orders", "created", body);
    rocketmq::SendResult r = producer->send(msg);
    ASSERT_EQ(r.getSendStatus(), rocketmq::SEND_OK);
    sent.insert(body);
  }

  ASSERT_TRUE(inbox.WaitFor(sent.size(), std::chrono::seconds(30)));
  EXPECT_EQ(inbox.bodies(), sent);
}

class FailoverTest : public EmbeddedClusterTest {
 protected:
  EmbeddedClusterOptions ClusterOptions() override {
    return EmbeddedClusterOptions().Masters(2);  // broker-a and broker-b
  }
};

TEST_F(FailoverTest, SendsKeepSucceedingWhenOneMasterDies) {
  cluster().CreateTopic("Payments", 2);  // on both masters
  rocketmq::DefaultMQProducer* producer = StartedProducer("payment_pg");

  std::set<std::string> brokers_used;
  for (int i = 0; i < 8; ++i) {
    rocketmq::MQMessage msg("Payments", "before");
    rocketmq::SendResult r = producer->send(msg);
    brokers_used.insert(r.getMessageQueue().getBrokerName());
  }
  EXPECT_EQ(brokers_used.size(), 2u);  // round robin reached both masters

  cluster().KillBroker("broker-b");  // as kill -9: connections drop, no goodbye

  // The producer retries a failed send on another broker, so every send still succeeds.
  for (int i = 0; i < 20; ++i) {
    rocketmq::MQMessage msg("Payments", "after");
    rocketmq::SendResult r = producer->send(msg);
    EXPECT_EQ(r.getSendStatus(), rocketmq::SEND_OK);
    EXPECT_EQ(r.getMessageQueue().getBrokerName(), "broker-a");
  }

  // Back from the dead on the same store: the route lists both again.
  cluster().RestartBroker("broker-b");
  EXPECT_TRUE(cluster().WaitForRoute("Payments", std::chrono::seconds(10), 2));
}

}  // namespace
