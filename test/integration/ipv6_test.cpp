// IPv6: a NameServer, a SYNC_MASTER and its slave on [::1]; clients reach them through IPv6
// NameServer lists; messages carry IPv6 born/store hosts (sysFlag bits 0x10/0x20) and 56-digit
// offset message ids that round-trip through the admin API; IPv4 peers of the dual-stack ports
// stay IPv4.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "common/message_const.h"
#include "common/socket_address.h"
#include "integration/consumer_test_util.h"
#include "integration/remoting_test_util.h"
#include "remoting/remoting_client.h"
#include "support/send_request.h"
#include "rocketmq/admin.h"
#include "rocketmq/default_mq_producer.h"
#include "rocketmq/default_mq_push_consumer.h"
#include "rocketmq/testing/embedded_cluster.h"

namespace rocketmq::test {
namespace {

using rocketmq::testing::EmbeddedCluster;
using rocketmq::testing::EmbeddedClusterOptions;
using rocketmq::testing::ReplicationMode;
using namespace std::chrono_literals;

bool HasIpv6Loopback() {
  const int fd = ::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in6 addr{};
  addr.sin6_family = AF_INET6;
  addr.sin6_addr = in6addr_loopback;
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  ::close(fd);
  return ok;
}

// "::1:9876" -> "[::1]:9876", the bracketed spelling users write in lists.
std::string Bracketed(const std::string& addr) {
  const size_t colon = addr.rfind(':');
  return "[" + addr.substr(0, colon) + "]" + addr.substr(colon);
}

class Ipv6Test : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HasIpv6Loopback()) GTEST_SKIP() << "this host has no IPv6 loopback (::1)";
    cluster_ = std::make_unique<EmbeddedCluster>(EmbeddedClusterOptions()
                                                     .ClusterName("V6Cluster")
                                                     .SlavesPerMaster(1)
                                                     .Replication(ReplicationMode::kSync)
                                                     .Host("::1"));
    cluster_->CreateTopic("V6Topic", 2);
  }

  std::unique_ptr<EmbeddedCluster> cluster_;
};

TEST_F(Ipv6Test, SendConsumeAndQueryOverIpv6) {
  const std::string namesrv = cluster_->NameServerAddress();
  ASSERT_EQ(namesrv.rfind("::1:", 0), 0u) << namesrv;
  const std::string master = cluster_->BrokerAddress("broker-a", 0);
  const std::string slave = cluster_->BrokerAddress("broker-a", 1);

  // The NameServer lists both brokers by their IPv6 addresses.
  DefaultMQAdminExt admin;
  admin.setNamesrvAddr(Bracketed(namesrv));
  admin.start();
  admin::ClusterInfo info = admin.examineBrokerClusterInfo();
  EXPECT_EQ(info.broker_addr_table["broker-a"].broker_addrs[0], master);
  EXPECT_EQ(info.broker_addr_table["broker-a"].broker_addrs[1], slave);

  // A list whose first entry refuses connections: the client moves on to the next one. The
  // SYNC_MASTER acknowledges once the slave (replicating over IPv6 too) holds each message.
  DefaultMQProducer producer("v6_pg");
  producer.setNamesrvAddr("[::1]:1;" + Bracketed(namesrv));
  producer.setInstanceName("v6_pg");
  producer.setSendMsgTimeout(5000);
  producer.start();
  std::vector<SendResult> sent;
  for (int i = 0; i < 10; ++i) {
    MQMessage msg("V6Topic", "TagA", "v6-" + std::to_string(i));
    sent.push_back(producer.send(msg));
    ASSERT_EQ(sent.back().getSendStatus(), SEND_OK);
  }
  producer.shutdown();

  // Offset message ids hold the 16-byte store address: 56 hex digits.
  const std::string offset_id = sent[0].getOffsetMsgId();
  EXPECT_EQ(offset_id.size(), 56u) << offset_id;
  MQMessageExt viewed = admin.viewMessage(offset_id);
  EXPECT_EQ(viewed.getBody(), "v6-0");
  EXPECT_EQ(viewed.getSysFlag() & (kSysFlagBornHostV6 | kSysFlagStoreHostV6),
            kSysFlagBornHostV6 | kSysFlagStoreHostV6);
  EXPECT_EQ(viewed.getStoreHostString(), Bracketed(master));
  EXPECT_EQ(viewed.getBornHostString().rfind("[::1]:", 0), 0u) << viewed.getBornHostString();
  EXPECT_EQ(viewed.getOffsetMsgId(), offset_id);

  // A push consumer on an IPv6 NameServer address reads them all.
  Recorder rec;
  RecordingListener listener("v6", &rec);
  DefaultMQPushConsumer consumer("v6_cg");
  consumer.setNamesrvAddr(namesrv);
  consumer.setInstanceName("v6_cg");
  consumer.setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
  consumer.subscribe("V6Topic", "*");
  consumer.registerMessageListener(&listener);
  consumer.start();
  EXPECT_TRUE(remoting::test::WaitFor([&] { return rec.distinct() == 10; }, 30s))
      << rec.distinct();
  consumer.shutdown();
  admin.shutdown();
}

TEST_F(Ipv6Test, Ipv4PeersOfTheDualStackPortsStayIpv4) {
  // The broker listens on every address of both families, as Java binds: a SEND_MESSAGE_V2
  // reaching it over 127.0.0.1 is stored with an IPv4 born host (not ::ffff:127.0.0.1) and the
  // broker's own IPv6 store host, so its offset id is still 56 digits.
  const std::string master = cluster_->BrokerAddress("broker-a", 0);
  const std::string v4 = "127.0.0.1" + master.substr(master.rfind(':'));
  remoting::RemotingClient client{remoting::RemotingClientOptions{}};
  ASSERT_TRUE(client.Start().ok());
  remoting::RemotingCommand send = SendMessageV2Request("v4_pg", "V6Topic", 0, "", "from-v4");
  Result<remoting::RemotingCommand> r = client.InvokeSync(v4, std::move(send), 5000);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->code(), 0) << r->remark().value_or("");
  const std::string offset_id = r->ext_fields().GetOr("msgId");
  EXPECT_EQ(offset_id.size(), 56u) << offset_id;
  client.Shutdown();

  DefaultMQAdminExt admin;
  admin.setNamesrvAddr(cluster_->NameServerAddress());
  admin.start();
  MQMessageExt viewed = admin.viewMessage(offset_id);
  EXPECT_EQ(viewed.getBody(), "from-v4");
  EXPECT_EQ(viewed.getBornHostString().rfind("127.0.0.1:", 0), 0u) << viewed.getBornHostString();
  EXPECT_EQ(viewed.getSysFlag() & kSysFlagBornHostV6, 0);
  EXPECT_EQ(viewed.getSysFlag() & kSysFlagStoreHostV6, kSysFlagStoreHostV6);
  admin.shutdown();
}

}  // namespace
}  // namespace rocketmq::test
