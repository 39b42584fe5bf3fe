// EmbeddedClusterTest: a GoogleTest fixture that gives every test a fresh EmbeddedCluster (one
// master unless ClusterOptions() says otherwise), started in SetUp() and torn down in
// TearDown(). Header-only: include it from a test that links GTest and RocketMQ::testing.
//
//   class OrderServiceTest : public rocketmq::testing::EmbeddedClusterTest {};
//
//   TEST_F(OrderServiceTest, PublishesOrders) {
//     cluster().CreateTopic("Orders", 4);
//     rocketmq::DefaultMQProducer* producer = StartedProducer("order_pg");
//     rocketmq::MQMessage msg("Orders", "new", "o-1");
//     EXPECT_EQ(producer->send(msg).getSendStatus(), rocketmq::SEND_OK);
//   }
//
// Override ClusterOptions() for another layout:
//
//   rocketmq::testing::EmbeddedClusterOptions ClusterOptions() override {
//     return rocketmq::testing::EmbeddedClusterOptions().Masters(2);
//   }
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rocketmq/default_mq_producer.h"
#include "rocketmq/default_mq_push_consumer.h"
#include "rocketmq/mq_exception.h"
#include "rocketmq/testing/embedded_cluster.h"

namespace rocketmq::testing {

class EmbeddedClusterTest : public ::testing::Test {
 protected:
  // The layout of this test's cluster; called once by SetUp().
  virtual EmbeddedClusterOptions ClusterOptions() { return EmbeddedClusterOptions(); }

  void SetUp() override {
    try {
      cluster_ = std::make_unique<EmbeddedCluster>(ClusterOptions());
    } catch (const MQException& e) {
      GTEST_FAIL() << "embedded cluster did not start: " << e.what();
    }
  }

  // Producers and consumers made by the helpers shut down before the cluster stops, so they do
  // not spend the teardown retrying dead brokers.
  void TearDown() override {
    for (auto& c : consumers_) c->shutdown();
    for (auto& p : producers_) p->shutdown();
    consumers_.clear();
    producers_.clear();
    cluster_.reset();
  }

  EmbeddedCluster& cluster() { return *cluster_; }
  std::string NameServerAddress() const { return cluster_->NameServerAddress(); }

  // A started DefaultMQProducer of `group` on this cluster. The fixture shuts it down in
  // TearDown(); the pointer stays valid until then. The instance name is unique per call, so
  // several producers in one test do not share a client instance.
  DefaultMQProducer* StartedProducer(const std::string& group) {
    auto producer = std::make_unique<DefaultMQProducer>(group);
    producer->setNamesrvAddr(NameServerAddress());
    producer->setInstanceName(group + "_" + std::to_string(++instances_));
    producer->start();
    producers_.push_back(std::move(producer));
    return producers_.back().get();
  }

  // A DefaultMQPushConsumer of `group` subscribed to `topic`/`expression`, reading from the first
  // offset (broadcasting offsets kept under the cluster's directory), with `listener` registered and not started yet (set more options, then start()). The
  // fixture shuts it down in TearDown(); `listener` must outlive the test body.
  DefaultMQPushConsumer* PushConsumer(const std::string& group, const std::string& topic,
                                      MessageListenerConcurrently* listener,
                                      const std::string& expression = "*") {
    auto consumer = std::make_unique<DefaultMQPushConsumer>(group);
    consumer->setNamesrvAddr(NameServerAddress());
    consumer->setInstanceName(group + "_" + std::to_string(++instances_));
    consumer->subscribe(topic, expression);
    consumer->setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
    consumer->setOffsetStoreDir(cluster_->Dir() + "/client-offsets");  // broadcasting, not $HOME
    consumer->registerMessageListener(listener);
    consumers_.push_back(std::move(consumer));
    return consumers_.back().get();
  }

 private:
  std::unique_ptr<EmbeddedCluster> cluster_;
  std::vector<std::unique_ptr<DefaultMQProducer>> producers_;
  std::vector<std::unique_ptr<DefaultMQPushConsumer>> consumers_;
  int instances_ = 0;
};

}  // namespace rocketmq::testing
