// EmbeddedCluster (rocketmq/testing/): layouts, accessors, kill / restart / pause, ACL, topic and
// group creation, and the errors for bad options.
#include "rocketmq/testing/embedded_cluster.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include "integration/remoting_test_util.h"
#include "rocketmq/admin.h"
#include "rocketmq/default_mq_producer.h"
#include "rocketmq/mq_exception.h"
#include "testing/embedded_cluster_access.h"

namespace rocketmq::test {
namespace {

using rocketmq::testing::EmbeddedCluster;
using rocketmq::testing::EmbeddedClusterAccess;
using rocketmq::testing::EmbeddedClusterOptions;
using rocketmq::testing::ReplicationMode;
using namespace std::chrono_literals;

std::unique_ptr<DefaultMQProducer> StartProducer(const EmbeddedCluster& cluster,
                                                 const std::string& group, int timeout_ms = 3000) {
  auto p = std::make_unique<DefaultMQProducer>(group);
  p->setNamesrvAddr(cluster.NameServerAddress());
  p->setInstanceName(group);
  p->setSendMsgTimeout(timeout_ms);
  p->start();
  return p;
}

TEST(EmbeddedClusterTest, TwoMastersWithSyncSlavesRegisterAndReplicate) {
  EmbeddedCluster cluster(EmbeddedClusterOptions()
                              .ClusterName("EmbCluster")
                              .Masters(2)
                              .SlavesPerMaster(1)
                              .Replication(ReplicationMode::kSync));
  EXPECT_EQ(cluster.BrokerNames(), (std::vector<std::string>{"broker-a", "broker-b"}));
  auto infos = cluster.BrokerInfos();
  ASSERT_EQ(infos.size(), 4u);
  std::set<std::string> addrs;
  for (const auto& b : infos) {
    EXPECT_TRUE(b.running);
    EXPECT_EQ(b.address.rfind("127.0.0.1:", 0), 0u) << b.address;
    addrs.insert(b.address);
  }
  EXPECT_EQ(addrs.size(), 4u);

  // The NameServer lists the layout, roles included.
  DefaultMQAdminExt admin;
  admin.setNamesrvAddr(cluster.NameServerAddress());
  admin.start();
  auto info = admin.examineBrokerClusterInfo();
  ASSERT_EQ(info.broker_addr_table.size(), 2u);
  EXPECT_EQ(info.broker_addr_table["broker-a"].broker_addrs[1], cluster.BrokerAddress("broker-a", 1));
  EXPECT_EQ(info.cluster_addr_table["EmbCluster"].size(), 2u);
  broker::BrokerController* master = EmbeddedClusterAccess::Broker(cluster, "broker-b", 0);
  ASSERT_NE(master, nullptr);
  EXPECT_EQ(master->store_config().brokerRole, store::BrokerRole::kSyncMaster);

  // A SYNC_MASTER acknowledges once its slave holds the message.
  cluster.CreateTopic("EmbSync", 2);
  auto producer = StartProducer(cluster, "emb_sync_pg");
  for (int i = 0; i < 10; ++i) {
    MQMessage msg("EmbSync", "sync-" + std::to_string(i));
    EXPECT_EQ(producer->send(msg).getSendStatus(), SEND_OK);
  }
  producer->shutdown();
  admin.shutdown();
}

TEST(EmbeddedClusterTest, KilledBrokerRecoversAbnormallyWithEveryAckedMessage) {
  EmbeddedCluster cluster;
  cluster.CreateTopic("EmbKill", 1);
  const std::string store = cluster.BrokerInfos()[0].store_dir;
  const std::string addr = cluster.BrokerAddress("broker-a");
  auto producer = StartProducer(cluster, "emb_kill_pg");
  for (int i = 0; i < 20; ++i) {
    MQMessage msg("EmbKill", "k-" + std::to_string(i));
    ASSERT_EQ(producer->send(msg).getSendStatus(), SEND_OK);
  }

  cluster.KillBroker("broker-a");
  EXPECT_FALSE(cluster.BrokerInfos()[0].running);
  EXPECT_TRUE(std::filesystem::exists(store + "/abort"));  // as a crashed broker leaves it
  EXPECT_FALSE(cluster.WaitForRoute("EmbKill", 300ms, 1));  // the NameServer dropped it
  MQMessage lost("EmbKill", "while-dead");
  EXPECT_THROW(producer->send(lost), MQException);
  EXPECT_THROW(cluster.KillBroker("broker-a"), MQClientException);  // not running

  cluster.RestartBroker("broker-a");
  EXPECT_EQ(cluster.BrokerAddress("broker-a"), addr);  // same port
  broker::BrokerController* b = EmbeddedClusterAccess::Broker(cluster, "broker-a");
  ASSERT_NE(b, nullptr);
  EXPECT_FALSE(b->message_store().last_exit_ok());
  ASSERT_TRUE(cluster.WaitForRoute("EmbKill"));
  EXPECT_EQ(b->message_store().GetMaxOffsetInQueue("EmbKill", 0), 20);
  producer->shutdown();
}

TEST(EmbeddedClusterTest, PausedBrokerAcceptsButDoesNotAnswerUntilResumed) {
  EmbeddedCluster cluster;
  cluster.CreateTopic("EmbPause", 1);
  auto producer = StartProducer(cluster, "emb_pause_pg", /*timeout_ms=*/800);
  producer->setRetryTimesWhenSendFailed(0);
  MQMessage first("EmbPause", "first");
  ASSERT_EQ(producer->send(first).getSendStatus(), SEND_OK);

  cluster.PauseBroker("broker-a");
  EXPECT_TRUE(cluster.BrokerInfos()[0].paused);
  MQMessage held("EmbPause", "held");
  try {
    producer->send(held);
    ADD_FAILURE() << "a paused broker answered";
  } catch (const MQException& e) {
    EXPECT_EQ(e.getResponseCode(), -1006) << e.what();  // timeout, not a refusal
  }
  cluster.ResumeBroker("broker-a");
  // The held send is processed late; the broker serves again.
  MQMessage after("EmbPause", "after");
  EXPECT_EQ(producer->send(after).getSendStatus(), SEND_OK);
  broker::BrokerController* b = EmbeddedClusterAccess::Broker(cluster, "broker-a");
  EXPECT_TRUE(remoting::test::WaitFor(
      [&] { return b->message_store().GetMaxOffsetInQueue("EmbPause", 0) == 3; }));

  // Stopping a paused broker does not hang on its held requests.
  cluster.PauseBroker("broker-a");
  MQMessage dropped("EmbPause", "dropped");
  EXPECT_THROW(producer->send(dropped), MQException);
  producer->shutdown();
  cluster.StopBroker("broker-a");
}

// The brokers run with aclEnable and the given plain_acl.yml loaded. (Whether an unsigned request
// is refused is the broker's ACL enforcement, tested with the broker.)
TEST(EmbeddedClusterTest, AclClusterServesTheAccountAndRefusesUnsignedSends) {
  const std::string yml =
      "globalWhiteRemoteAddresses:\n"
      "accounts:\n"
      "  - accessKey: embAccess\n"
      "    secretKey: embSecret12\n"
      "    whiteRemoteAddress:\n"
      "    admin: false\n"
      "    defaultTopicPerm: PUB|SUB\n"
      "    defaultGroupPerm: PUB|SUB\n";
  EmbeddedCluster cluster(EmbeddedClusterOptions().Acl(yml));
  cluster.CreateTopic("EmbAcl", 1);  // bypasses ACL
  broker::BrokerController* b = EmbeddedClusterAccess::Broker(cluster, "broker-a");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->broker_config().aclEnable);
  ASSERT_NE(b->plain_permission_manager(), nullptr);  // conf/plain_acl.yml loaded at start

  DefaultMQProducer signed_producer("emb_acl_pg");
  signed_producer.setSessionCredentials("embAccess", "embSecret12");
  signed_producer.setNamesrvAddr(cluster.NameServerAddress());
  signed_producer.setInstanceName("emb_acl_pg");
  signed_producer.start();
  MQMessage ok("EmbAcl", "signed");
  EXPECT_EQ(signed_producer.send(ok).getSendStatus(), SEND_OK);
  signed_producer.shutdown();

  // The broker checks every request: an unsigned producer's send is refused.
  DefaultMQProducer unsigned_producer("emb_acl_unsigned_pg");
  unsigned_producer.setNamesrvAddr(cluster.NameServerAddress());
  unsigned_producer.setInstanceName("emb_acl_unsigned_pg");
  unsigned_producer.setRetryTimesWhenSendFailed(0);
  unsigned_producer.start();
  MQMessage refused("EmbAcl", "unsigned");
  EXPECT_THROW(unsigned_producer.send(refused), MQException);
  unsigned_producer.shutdown();
}

TEST(EmbeddedClusterTest, StopThenStartKeepsStoresAndGroups) {
  EmbeddedCluster cluster(EmbeddedClusterOptions().AutoCreateGroups(false));
  cluster.CreateTopic("EmbStop", 2);
  cluster.CreateGroup("emb_group");
  const std::string dir = cluster.Dir();
  cluster.Stop();
  cluster.Stop();  // idempotent
  EXPECT_TRUE(std::filesystem::exists(dir));
  EXPECT_THROW(cluster.WaitForRoute("EmbStop"), MQClientException);
  cluster.Start();
  EXPECT_TRUE(cluster.WaitForRoute("EmbStop"));
  broker::BrokerController* b = EmbeddedClusterAccess::Broker(cluster, "broker-a");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->subscription_group_manager().Find("emb_group").has_value());
}

TEST(EmbeddedClusterTest, DestructorRemovesItsTemporaryDirectory) {
  std::string dir;
  {
    EmbeddedCluster cluster;
    dir = cluster.Dir();
    EXPECT_TRUE(std::filesystem::exists(dir + "/broker-a-0/store"));
  }
  EXPECT_FALSE(std::filesystem::exists(dir));
}

TEST(EmbeddedClusterTest, BadOptionsAreRefusedWithAClearError) {
  auto refused = [](EmbeddedClusterOptions o, const std::string& needle) {
    try {
      EmbeddedCluster cluster(std::move(o));
      ADD_FAILURE() << "accepted; expected: " << needle;
    } catch (const MQClientException& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
      EXPECT_EQ(e.getResponseCode(), -2001);
    }
  };
  refused(EmbeddedClusterOptions().BrokerConfig("flushDiskTyp", "SYNC_FLUSH"),
          "unknown broker config key: flushDiskTyp");
  refused(EmbeddedClusterOptions().BrokerConfigFor("broker-c", "maxMessageSize", "1024"),
          "names no broker of the layout: broker-c");
  refused(EmbeddedClusterOptions().Masters(0), "masters must be 1..26");
  refused(EmbeddedClusterOptions().NamesrvConfig("listenPortt", "1"),
          "unknown NameServer config key: listenPortt");
  EmbeddedClusterOptions acl;
  acl.acl_enable = true;
  refused(acl, "acl_enable needs plain_acl_yml");

  EmbeddedCluster cluster;
  EXPECT_THROW(cluster.BrokerAddress("broker-b"), MQClientException);
  EXPECT_THROW(cluster.CreateTopic("bad topic", 1), MQClientException);
  EXPECT_THROW(cluster.CreateTopic("EmbQ", 0), MQClientException);
  EXPECT_THROW(cluster.PauseBroker("broker-a", 1), MQClientException);
}

}  // namespace
}  // namespace rocketmq::test
