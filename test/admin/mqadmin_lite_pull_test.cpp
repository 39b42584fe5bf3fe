// mqadmin against the other kind of consumer: a lite-pull consumer (CONSUME_ACTIVELY) online
// on AdminClusterFixture beside the push consumer. consumerConnection, consumerProgress and
// consumerStatus read it as Java's mqadmin reads Java's DefaultLitePullConsumer.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "admin/mqadmin_test_util.h"
#include "integration/admin_cluster_util.h"
#include "rocketmq/default_lite_pull_consumer.h"

namespace rocketmq::test {
namespace {

constexpr char kPullGroup[] = "CapPullGroup";

class MqadminLitePullTest : public AdminClusterFixture {
 protected:
  void SetUp() override {
    AdminClusterFixture::SetUp();
    if (HasFatalFailure()) return;
    pull_ = std::make_unique<DefaultLitePullConsumer>(kPullGroup);
    pull_->setNamesrvAddr(ns_addr());
    pull_->setClientIP("127.0.0.1");
    pull_->setInstanceName("CapPull");
    pull_->setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
    pull_->setAutoCommit(false);
    pull_->subscribe(kTopic, "*");
    pull_->start();
    int received = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (received < kSeedMessages && std::chrono::steady_clock::now() < deadline) {
      received += static_cast<int>(pull_->poll(500).size());
    }
    ASSERT_EQ(received, kSeedMessages);
    pull_->commitSync();
  }
  void TearDown() override {
    if (pull_) pull_->shutdown();
    pull_.reset();
    AdminClusterFixture::TearDown();
  }

  MqadminRun Run(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"-n", ns_addr()});
    return RunMqadmin(args);
  }

  std::unique_ptr<DefaultLitePullConsumer> pull_;
};

TEST_F(MqadminLitePullTest, ConnectionProgressAndStatusOfALitePullGroup) {
  auto admin = NewAdmin();
  admin::ConsumerConnection cc = admin->examineConsumerConnectionInfo(kPullGroup);
  ASSERT_EQ(cc.connection_set.size(), 1u);
  const std::string client_id = cc.connection_set[0].client_id;
  EXPECT_EQ(client_id.rfind("127.0.0.1@", 0), 0u) << client_id;

  MqadminRun run = Run({"consumerConnection", "-g", kPullGroup});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_NE(run.out.find("\nCapTopic             *\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\nConsumeType: CONSUME_ACTIVELY\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\nConsumeFromWhere: CONSUME_FROM_FIRST_OFFSET\n"), std::string::npos);

  // commitSync stored every queue's offset at the end: nothing left to consume.
  run = Run({"consumerProgress", "-g", kPullGroup});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::vector<std::string> lines = run.lines();
  ASSERT_GE(lines.size(), 1u + 2 * kQueuesPerBroker + 3u) << run.out;
  EXPECT_EQ(lines.back(), "Diff Total: 0") << run.out;

  // The client answers GET_CONSUMER_RUNNING_INFO as Java's lite-pull consumer: its settings,
  // start time and subscriptions, no queue tables.
  admin::ConsumerRunningInfo info = admin->getConsumerRunningInfo(kPullGroup, client_id, false);
  EXPECT_EQ(info.properties.at("PROP_CONSUME_TYPE"), "CONSUME_ACTIVELY");
  EXPECT_EQ(info.properties.at("consumerGroup"), kPullGroup);
  EXPECT_EQ(info.properties.at("autoCommit"), "false");
  EXPECT_TRUE(info.mq_table.empty());
  run = Run({"consumerStatus", "-g", kPullGroup, "-i", client_id});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out.rfind("#Consumer Properties#\n", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("CONSUME_ACTIVELY"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Topic: CapTopic"), std::string::npos) << run.out;

  // GET_CONSUMER_STATUS_FROM_CLIENT: the offsets the consumer holds.
  std::map<std::string, std::map<MQMessageQueue, int64_t>> status =
      admin->getConsumeStatus(kTopic, kPullGroup, "");
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status.begin()->second.size(), 2u * kQueuesPerBroker);
}

}  // namespace
}  // namespace rocketmq::test
