// DefaultMQAdminExt against the bundled cluster of AdminClusterFixture: every result is checked
// against what the cluster was given (topics, messages, groups) or what the servers report
// through another path.
#include <gtest/gtest.h>

#include "integration/admin_cluster_util.h"
#include "rocketmq/admin.h"
#include "rocketmq/mq_exception.h"

namespace rocketmq::test {
namespace {

class AdminApiTest : public AdminClusterFixture {};

TEST_F(AdminApiTest, ClusterInfoListsBothGroupsAndTheSlave) {
  auto admin = NewAdmin();
  admin::ClusterInfo info = admin->examineBrokerClusterInfo();
  ASSERT_EQ(info.cluster_addr_table.count(kCluster), 1u);
  EXPECT_EQ(info.cluster_addr_table[kCluster], (std::set<std::string>{"broker-a", "broker-b"}));
  const admin::BrokerData& a = info.broker_addr_table.at("broker-a");
  EXPECT_EQ(a.cluster, kCluster);
  EXPECT_EQ(a.broker_addrs.at(0), broker_a_addr());
  EXPECT_EQ(a.broker_addrs.at(1), broker_a_slave_addr());
  EXPECT_EQ(info.broker_addr_table.at("broker-b").broker_addrs.at(0), broker_b_addr());
}

TEST_F(AdminApiTest, RouteStatsAndTopicLists) {
  auto admin = NewAdmin();
  admin::TopicRouteData route = admin->examineTopicRouteInfo(kTopic);
  ASSERT_EQ(route.queue_datas.size(), 2u);
  for (const auto& q : route.queue_datas) {
    EXPECT_EQ(q.read_queue_nums, kQueuesPerBroker);
    EXPECT_EQ(q.write_queue_nums, kQueuesPerBroker);
    EXPECT_EQ(q.perm, admin::kPermRead | admin::kPermWrite);
  }
  admin::TopicStatsTable stats = admin->examineTopicStats(kTopic);
  ASSERT_EQ(stats.offset_table.size(), 2u * kQueuesPerBroker);
  int64_t total = 0;
  for (const auto& [mq, off] : stats.offset_table) total += off.max_offset - off.min_offset;
  EXPECT_EQ(total, kSeedMessages);
  // The seed message's queue offset lies inside its queue's range.
  const admin::TopicOffset& q7 = stats.offset_table.at(seed_queues()[7]);
  EXPECT_LT(seed_queue_offsets()[7], q7.max_offset);

  admin::TopicList all = admin->fetchAllTopicList();
  EXPECT_NE(std::find(all.topic_list.begin(), all.topic_list.end(), kTopic), all.topic_list.end());
  admin::TopicList by_cluster = admin->fetchTopicsByCluster(kCluster);
  EXPECT_NE(std::find(by_cluster.topic_list.begin(), by_cluster.topic_list.end(), kTopic),
            by_cluster.topic_list.end());
}

TEST_F(AdminApiTest, UnknownTopicIsAClientErrorWithTheNameServerCode) {
  auto admin = NewAdmin();
  try {
    admin->examineTopicRouteInfo("NoSuchTopic");
    FAIL() << "no exception";
  } catch (const MQClientException& e) {
    EXPECT_EQ(e.getResponseCode(), 17);
    EXPECT_NE(e.getErrorMessage().find("NoSuchTopic"), std::string::npos);
  }
}

TEST_F(AdminApiTest, BrokerRuntimeAndConfig) {
  auto admin = NewAdmin();
  admin::KVTable runtime = admin->fetchBrokerRuntimeStats(broker_a_addr());
  EXPECT_EQ(runtime.count("brokerVersionDesc"), 1u);
  EXPECT_EQ(runtime.count("msgPutTotalTodayNow"), 1u);
  admin::Properties config = admin->getBrokerConfig(broker_b_addr());
  EXPECT_EQ(config.at("brokerName"), "broker-b");
  EXPECT_EQ(config.at("brokerClusterName"), kCluster);

  admin->updateBrokerConfig(broker_b_addr(), {{"maxMessageSize", "65536"}});
  EXPECT_EQ(admin->getBrokerConfig(broker_b_addr()).at("maxMessageSize"), "65536");
  try {
    admin->updateBrokerConfig(broker_b_addr(), {{"brokerConfigPath", "/tmp/x"}});
    FAIL() << "no exception";
  } catch (const MQBrokerException& e) {
    EXPECT_EQ(e.getResponseCode(), 16);  // NO_PERMISSION: black-listed key
    EXPECT_EQ(e.getBrokerAddr(), broker_b_addr());
  }
}

TEST_F(AdminApiTest, ConsumeStatsAndConnections) {
  auto admin = NewAdmin();
  admin::ConsumeStats online = admin->examineConsumeStats(kConsumerGroup);
  EXPECT_EQ(online.computeTotalDiff(), 0);
  admin::ConsumeStats backlog = admin->examineConsumeStats(kBacklogGroup, kTopic);
  int64_t expected = 0;
  for (const auto& [mq, w] : backlog.offset_table) {
    EXPECT_EQ(w.consumer_offset, w.broker_offset / 2);
    expected += w.broker_offset - w.broker_offset / 2;
  }
  EXPECT_EQ(backlog.computeTotalDiff(), expected);

  admin::ConsumerConnection cc = admin->examineConsumerConnectionInfo(kConsumerGroup);
  ASSERT_EQ(cc.connection_set.size(), 1u);
  EXPECT_EQ(cc.connection_set[0].client_id, online_client_id());
  EXPECT_EQ(cc.message_model, "CLUSTERING");
  EXPECT_EQ(cc.subscription_table.count(kTopic), 1u);

  admin::ProducerConnection pc = admin->examineProducerConnectionInfo(kProducerGroup, kTopic);
  ASSERT_EQ(pc.connection_set.size(), 1u);
  EXPECT_EQ(pc.connection_set[0].client_id, online_client_id());

  try {
    admin->examineConsumerConnectionInfo(kBacklogGroup);
    FAIL() << "no exception";
  } catch (const MQBrokerException& e) {
    EXPECT_EQ(e.getResponseCode(), 206);  // CONSUMER_NOT_ONLINE
  }
}

TEST_F(AdminApiTest, NotStartedAndUnreachable) {
  DefaultMQAdminExt admin;
  EXPECT_THROW(admin.examineBrokerClusterInfo(), MQClientException);
  DefaultMQAdminExt far;
  far.setNamesrvAddr("127.0.0.1:1");
  far.setTimeoutMillis(1000);
  far.start();
  try {
    far.examineBrokerClusterInfo();
    FAIL() << "no exception";
  } catch (const MQClientException& e) {
    EXPECT_LT(e.getResponseCode(), 0);
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:1"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace rocketmq::test
