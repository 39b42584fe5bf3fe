// AdminClusterFixture: the cluster the admin tests run against, laid out like the one Java's
// mqadmin outputs were captured on (test/vectors/mqadmin/README.md), an EmbeddedCluster (this
// process, 127.0.0.1 ephemeral ports, a temporary directory):
//   * a NameServer;
//   * broker-a: master (brokerId 0, SYNC_MASTER) and slave (brokerId 1, SLAVE);
//   * broker-b: master (brokerId 0, ASYNC_MASTER);
//   all in cluster "BarCluster".
// Traffic (SeedTraffic(), called by SetUp):
//   * topic CapTopic with 8 read/write queues on each master (16 queues);
//   * 200 messages from producer group CapSeedProducer: keys "CAP_KEY_<i>" (plus "CapDupKey" for
//     i = 0, 50, 100, 150), tags TagA..TagD (i mod 4), bodies "cap body <i>";
//   * producer group CapProducerGroup stays online (instance CapOnline, sends nothing more);
//   * push consumer group CapConsumerGroup (instance CapOnline, CONSUME_FROM_FIRST_OFFSET) stays
//     online and has consumed and committed all 200;
//   * group CapBacklogGroup is offline with committed offset maxOffset/2 on every queue.
// Message i = 7 (`seed_ids()[7]`) is the one the query tests use.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "client/client_api.h"
#include "common/message_queue.h"
#include "common/model/heartbeat_data.h"
#include "remoting/remoting_client.h"
#include "common/properties.h"
#include "integration/remoting_test_util.h"
#include "rocketmq/admin.h"
#include "rocketmq/default_mq_producer.h"
#include "rocketmq/default_mq_push_consumer.h"
#include "rocketmq/message_listener.h"
#include "rocketmq/testing/embedded_cluster.h"

namespace rocketmq::test {

class AdminClusterFixture : public ::testing::Test {
 protected:
  static constexpr char kCluster[] = "BarCluster";
  static constexpr char kTopic[] = "CapTopic";
  static constexpr int kQueuesPerBroker = 8;
  static constexpr int kSeedMessages = 200;
  static constexpr char kConsumerGroup[] = "CapConsumerGroup";
  static constexpr char kProducerGroup[] = "CapProducerGroup";
  static constexpr char kBacklogGroup[] = "CapBacklogGroup";
  static constexpr char kClientInstance[] = "CapOnline";

  void SetUp() override {
    using rocketmq::testing::EmbeddedClusterOptions;
    EmbeddedClusterOptions options = EmbeddedClusterOptions()
                                         .ClusterName(kCluster)
                                         .Masters(2)
                                         .SlavesPerMaster(1)
                                         .SlavesFor("broker-b", 0)  // ASYNC_MASTER alone
                                         .Replication(rocketmq::testing::ReplicationMode::kSync)
                                         .BrokerConfig("mappedFileSizeCommitLog", "4194304")
                                         .BrokerConfig("mappedFileSizeConsumeQueue", "60000")
                                         .BrokerConfig("defaultTopicQueueNums", "4");
    options.slave_sync_delay = std::chrono::milliseconds(100);
    options.slave_sync_interval = std::chrono::milliseconds(300);
    cluster_ = std::make_unique<rocketmq::testing::EmbeddedCluster>(options);
    ASSERT_EQ(RegisteredBrokers(), 3);  // the cluster waited for every registration
    if (SeedsTraffic()) SeedTraffic();
  }

  void TearDown() override {
    if (consumer_) consumer_->shutdown();
    if (producer_) producer_->shutdown();
    cluster_.reset();
  }

  // Tests that need an empty cluster override this.
  virtual bool SeedsTraffic() const { return true; }

  std::string ns_addr() const { return cluster_->NameServerAddress(); }
  std::string broker_a_addr() const { return cluster_->BrokerAddress("broker-a", 0); }
  std::string broker_a_slave_addr() const { return cluster_->BrokerAddress("broker-a", 1); }
  std::string broker_b_addr() const { return cluster_->BrokerAddress("broker-b", 0); }
  std::string dir() const { return cluster_->Dir(); }
  // msgId (UNIQ_KEY) and offsetMsgId of each seed message, by i.
  const std::vector<std::string>& seed_ids() const { return seed_ids_; }
  const std::vector<std::string>& seed_offset_ids() const { return seed_offset_ids_; }
  const std::vector<MQMessageQueue>& seed_queues() const { return seed_queues_; }
  const std::vector<int64_t>& seed_queue_offsets() const { return seed_queue_offsets_; }
  std::string online_client_id() const { return "127.0.0.1@" + std::string(kClientInstance); }

  // A started admin on this cluster.
  std::unique_ptr<DefaultMQAdminExt> NewAdmin() {
    auto admin = std::make_unique<DefaultMQAdminExt>();
    admin->setNamesrvAddr(ns_addr());
    admin->start();
    return admin;
  }

  // Brokers the NameServer lists (masters and slaves).
  int RegisteredBrokers() {
    try {
      auto admin = NewAdmin();
      int n = 0;
      for (const auto& [name, bd] : admin->examineBrokerClusterInfo().broker_addr_table) {
        n += static_cast<int>(bd.broker_addrs.size());
      }
      return n;
    } catch (const MQException&) {
      return 0;
    }
  }

  // Consumed messages of the online push consumer.
  int consumed() const { return consumed_->load(); }

 private:
  class CountingListener : public MessageListenerConcurrently {
   public:
    explicit CountingListener(std::atomic<int>* count) : count_(count) {}
    ConsumeConcurrentlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override {
      count_->fetch_add(static_cast<int>(msgs.size()));
      return CONSUME_SUCCESS;
    }

   private:
    std::atomic<int>* count_;
  };

  void SeedTraffic() {
    auto admin = NewAdmin();
    admin::TopicConfig tc;
    tc.topic_name = kTopic;
    tc.read_queue_nums = kQueuesPerBroker;
    tc.write_queue_nums = kQueuesPerBroker;
    admin->createAndUpdateTopicConfig(broker_a_addr(), tc);
    admin->createAndUpdateTopicConfig(broker_b_addr(), tc);
    ASSERT_TRUE(remoting::test::WaitFor([&] {
      try {
        return admin->examineTopicRouteInfo(kTopic).queue_datas.size() == 2;
      } catch (const MQException&) {
        return false;
      }
    }));

    DefaultMQProducer seed("CapSeedProducer");
    seed.setNamesrvAddr(ns_addr());
    seed.setClientIP("127.0.0.1");
    seed.setInstanceName("CapSeed");
    seed.start();
    for (int i = 0; i < kSeedMessages; ++i) {
      std::string keys = "CAP_KEY_" + std::to_string(i);
      if (i % 50 == 0) keys += " CapDupKey";
      static const char* const kTags[] = {"TagA", "TagB", "TagC", "TagD"};
      MQMessage msg(kTopic, kTags[i % 4], keys, "cap body " + std::to_string(i));
      SendResult r = seed.send(msg);
      seed_ids_.push_back(r.getMsgId());
      seed_offset_ids_.push_back(r.getOffsetMsgId());
      seed_queues_.push_back(r.getMessageQueue());
      seed_queue_offsets_.push_back(r.getQueueOffset());
    }
    seed.shutdown();

    // The backlog group: a pull consumer (CONSUME_ACTIVELY) that came once, committed half of
    // every queue and left. Its heartbeat makes the masters create %RETRY%CapBacklogGroup, as a
    // Java pull consumer's does.
    remoting::RemotingClient raw;
    ASSERT_TRUE(raw.Start().ok());
    client::ClientApi api(&raw, {ns_addr()});
    HeartbeatData hb;
    hb.client_id = "127.0.0.1@CapBacklog";
    ConsumerData cd;
    cd.group_name = kBacklogGroup;
    cd.consume_type = "CONSUME_ACTIVELY";
    cd.message_model = "CLUSTERING";
    cd.consume_from_where = "CONSUME_FROM_LAST_OFFSET";
    cd.subscription_data_set.push_back(SubscriptionData::Build(kTopic, "*", 1));
    hb.consumer_data_set.push_back(cd);
    for (const std::string& addr : {broker_a_addr(), broker_b_addr()}) {
      ASSERT_TRUE(api.SendHeartbeat(addr, hb, 3000).ok());
      ASSERT_TRUE(api.UnregisterClient(addr, hb.client_id, "", kBacklogGroup, 3000).ok());
    }
    for (const auto& [name, addr] : {std::pair<std::string, std::string>{"broker-a", broker_a_addr()},
                                     {"broker-b", broker_b_addr()}}) {
      for (int q = 0; q < kQueuesPerBroker; ++q) {
        MessageQueue mq(kTopic, name, q);
        Result<int64_t> max = api.GetMaxOffset(addr, mq, 3000);
        ASSERT_TRUE(max.ok()) << max.status().ToString();
        ASSERT_TRUE(api.UpdateConsumerOffset(addr, kBacklogGroup, mq, *max / 2, 3000).ok());
      }
    }
    raw.Shutdown();

    listener_ = std::make_unique<CountingListener>(consumed_.get());
    consumer_ = std::make_unique<DefaultMQPushConsumer>(kConsumerGroup);
    consumer_->setNamesrvAddr(ns_addr());
    consumer_->setClientIP("127.0.0.1");
    consumer_->setInstanceName(kClientInstance);
    consumer_->subscribe(kTopic, "*");
    consumer_->setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
    consumer_->setOffsetStoreDir(dir() + "/offsets");
    consumer_->setPersistConsumerOffsetInterval(1000);
    consumer_->registerMessageListener(listener_.get());
    consumer_->start();
    // The producer joins the consumer's client instance (same client id), which keeps the
    // consumer's settings (a 1 s offset persistence).
    producer_ = std::make_unique<DefaultMQProducer>(kProducerGroup);
    producer_->setNamesrvAddr(ns_addr());
    producer_->setClientIP("127.0.0.1");
    producer_->setInstanceName(kClientInstance);
    producer_->start();

    ASSERT_TRUE(remoting::test::WaitFor([&] { return consumed() >= kSeedMessages; },
                                        std::chrono::seconds(30)));
    // The consumer commits its offsets to the brokers every persistConsumerOffsetInterval (5 s).
    ASSERT_TRUE(remoting::test::WaitFor(
        [&] {
          try {
            return admin->examineConsumeStats(kConsumerGroup).computeTotalDiff() == 0;
          } catch (const MQException&) {
            return false;
          }
        },
        std::chrono::seconds(20)));
  }

  std::unique_ptr<rocketmq::testing::EmbeddedCluster> cluster_;
  std::unique_ptr<DefaultMQProducer> producer_;
  std::unique_ptr<DefaultMQPushConsumer> consumer_;
  std::unique_ptr<CountingListener> listener_;
  std::shared_ptr<std::atomic<int>> consumed_ = std::make_shared<std::atomic<int>>(0);
  std::vector<std::string> seed_ids_;
  std::vector<std::string> seed_offset_ids_;
  std::vector<MQMessageQueue> seed_queues_;
  std::vector<int64_t> seed_queue_offsets_;
};

}  // namespace rocketmq::test
