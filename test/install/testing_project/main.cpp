// An application test outside the tree, built only against the installed headers and
// librocketmq_testing: an embedded cluster, a producer, a crash and a restart.
#include <chrono>
#include <cstdio>
#include <string>

#include <rocketmq/rocketmq.h>
#include <rocketmq/testing/embedded_cluster.h>

int main() {
  try {
    rocketmq::testing::EmbeddedCluster cluster(
        rocketmq::testing::EmbeddedClusterOptions().Masters(2));
    cluster.CreateTopic("InstallCheck", 2);

    rocketmq::DefaultMQProducer producer("install_testing_pg");
    producer.setNamesrvAddr(cluster.NameServerAddress());
    producer.start();
    for (int i = 0; i < 4; ++i) {
      rocketmq::MQMessage msg("InstallCheck", "m" + std::to_string(i));
      if (producer.send(msg).getSendStatus() != rocketmq::SEND_OK) return 2;
    }
    cluster.KillBroker("broker-b");
    for (int i = 0; i < 4; ++i) {
      rocketmq::MQMessage msg("InstallCheck", "after" + std::to_string(i));
      if (producer.send(msg).getMessageQueue().getBrokerName() != "broker-a") return 3;
    }
    cluster.RestartBroker("broker-b");
    if (!cluster.WaitForRoute("InstallCheck", std::chrono::seconds(10), 2)) return 4;
    producer.shutdown();
    std::printf("embedded cluster at %s: 8 sends, broker-b killed and restarted\n",
                cluster.NameServerAddress().c_str());
  } catch (const rocketmq::MQException& e) {
    std::printf("failed: %s\n", e.what());
    return 1;
  }
  return 0;
}
