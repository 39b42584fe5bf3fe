// Client runtime logic without a network: queue choice, latency fault tolerance, validators,
// namespaces, client ids, route -> publish/subscribe info.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "client/client_config.h"
#include "client/namespace_util.h"
#include "client/topic_publish_info.h"
#include "client/validators.h"
#include "producer/mq_fault_strategy.h"
#include "rocketmq/select_message_queue_by_hash.h"

namespace rocketmq::client {
namespace {

TopicRouteData TwoBrokerRoute() {
  TopicRouteData route;
  route.queue_datas = {QueueData{"broker-b", 4, 4, 6, 0}, QueueData{"broker-a", 4, 2, 6, 0},
                       QueueData{"broker-c", 4, 4, 4, 0}};  // c is read-only
  route.broker_datas = {BrokerData{"c1", "broker-a", {{0, "10.0.0.1:10911"}}, {}, {}},
                        BrokerData{"c1", "broker-b", {{0, "10.0.0.2:10911"}, {1, "x:1"}}, {}, {}},
                        BrokerData{"c1", "broker-c", {{0, "10.0.0.3:10911"}}, {}, {}}};
  return route;
}

TEST(TopicPublishInfoTest, RouteGivesWritableMasterQueuesSortedByBroker) {
  TopicPublishInfo info = RouteToPublishInfo("T", TwoBrokerRoute());
  ASSERT_EQ(info.message_queue_list.size(), 6u);
  EXPECT_EQ(info.message_queue_list[0], MessageQueue("T", "broker-a", 0));
  EXPECT_EQ(info.message_queue_list[1], MessageQueue("T", "broker-a", 1));
  EXPECT_EQ(info.message_queue_list[2], MessageQueue("T", "broker-b", 0));
  EXPECT_EQ(info.message_queue_list[5], MessageQueue("T", "broker-b", 3));
  EXPECT_FALSE(info.order_topic);

  TopicRouteData no_master = TwoBrokerRoute();
  no_master.broker_datas[1].broker_addrs.erase(0);
  EXPECT_EQ(RouteToPublishInfo("T", no_master).message_queue_list.size(), 2u);

  TopicRouteData ordered = TwoBrokerRoute();
  ordered.order_topic_conf = "broker-x:2;broker-y:1";
  TopicPublishInfo o = RouteToPublishInfo("T", ordered);
  EXPECT_TRUE(o.order_topic);
  ASSERT_EQ(o.message_queue_list.size(), 3u);
  EXPECT_EQ(o.message_queue_list[2], MessageQueue("T", "broker-y", 0));
}

TEST(TopicPublishInfoTest, SubscribeInfoHasReadableQueues) {
  std::set<MessageQueue> sub = RouteToSubscribeInfo("T", TwoBrokerRoute());
  EXPECT_EQ(sub.size(), 12u);
  EXPECT_EQ(sub.count(MessageQueue("T", "broker-a", 3)), 1u);  // read 4 although write 2
}

TEST(TopicPublishInfoTest, RoundRobinVisitsEveryQueueAndAvoidsLastBroker) {
  TopicPublishInfo info = RouteToPublishInfo("T", TwoBrokerRoute());
  std::map<std::string, int> hits;
  for (int i = 0; i < 60; ++i) {
    const MessageQueue* mq = info.SelectOneMessageQueue();
    hits[mq->broker_name + std::to_string(mq->queue_id)]++;
  }
  EXPECT_EQ(hits.size(), 6u);
  for (const auto& [k, n] : hits) EXPECT_EQ(n, 10) << k;
  for (int i = 0; i < 20; ++i) {
    EXPECT_NE(info.SelectOneMessageQueue("broker-a")->broker_name, "broker-a");
  }
  TopicPublishInfo single;
  single.message_queue_list = {MessageQueue("T", "only", 0)};
  EXPECT_EQ(single.SelectOneMessageQueue("only")->broker_name, "only");
}

TEST(ThreadLocalIndexTest, IncrementsAndStaysNonNegative) {
  ThreadLocalIndex index;
  int32_t a = index.IncrementAndGet();
  int32_t b = index.IncrementAndGet();
  EXPECT_GE(a, 0);
  EXPECT_EQ(b, (a + 1) & 0x7FFFFFFF);
}

TEST(FaultStrategyTest, JavaFourTableAndAvoidance) {
  using producer::MQFaultStrategy;
  EXPECT_EQ(MQFaultStrategy::ComputeNotAvailableDuration(10), 0);
  EXPECT_EQ(MQFaultStrategy::ComputeNotAvailableDuration(100), 0);
  EXPECT_EQ(MQFaultStrategy::ComputeNotAvailableDuration(550), 30000);
  EXPECT_EQ(MQFaultStrategy::ComputeNotAvailableDuration(1999), 60000);
  EXPECT_EQ(MQFaultStrategy::ComputeNotAvailableDuration(3000), 180000);
  EXPECT_EQ(MQFaultStrategy::ComputeNotAvailableDuration(30000), 600000);

  int64_t now = 1000000;
  MQFaultStrategy strategy([&] { return now; });
  strategy.set_enabled(true);
  TopicPublishInfo info = RouteToPublishInfo("T", TwoBrokerRoute());
  strategy.UpdateFaultItem("broker-b", 5, true);  // failure: 30000 ms latency -> 600 s
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(strategy.SelectOneMessageQueue(info, "")->broker_name, "broker-a");
  }
  EXPECT_FALSE(strategy.fault_tolerance().IsAvailable("broker-b"));
  now += 600000;
  EXPECT_TRUE(strategy.fault_tolerance().IsAvailable("broker-b"));

  // Every broker unavailable: pickOneAtLeast picks a recorded one with a valid queue id.
  strategy.UpdateFaultItem("broker-a", 700, false);
  strategy.UpdateFaultItem("broker-b", 5, true);
  auto mq = strategy.SelectOneMessageQueue(info, "");
  ASSERT_TRUE(mq.has_value());
  EXPECT_LT(mq->queue_id, mq->broker_name == "broker-a" ? 2 : 4);

  MQFaultStrategy off;
  off.UpdateFaultItem("broker-a", 99999, true);  // disabled: not recorded
  EXPECT_TRUE(off.fault_tolerance().IsAvailable("broker-a"));
}

TEST(ValidatorsTest, TopicsGroupsAndMessages) {
  EXPECT_TRUE(CheckTopic("Topic_1-a|%b").ok());
  EXPECT_FALSE(CheckTopic("").ok());
  EXPECT_FALSE(CheckTopic("  ").ok());
  EXPECT_FALSE(CheckTopic("has space").ok());
  EXPECT_FALSE(CheckTopic(std::string(128, 'a')).ok());
  EXPECT_TRUE(CheckTopic(std::string(127, 'a')).ok());
  EXPECT_EQ(CheckTopic("a.b").message(),
            "The specified topic[a.b] contains illegal characters, allowing only "
            "^[%|a-zA-Z0-9_-]+$");
  EXPECT_FALSE(CheckGroup(std::string(256, 'g')).ok());
  EXPECT_TRUE(CheckGroup("group_1").ok());
  EXPECT_TRUE(IsNotAllowedSendTopic("SCHEDULE_TOPIC_XXXX"));
  EXPECT_FALSE(IsNotAllowedSendTopic("TBW102"));
  Message ok("T", "body");
  EXPECT_TRUE(CheckMessage(ok, 100).ok());
  EXPECT_EQ(CheckMessage(Message("T", ""), 100).message(), "the message body length is zero");
  EXPECT_EQ(CheckMessage(Message("T", std::string(101, 'x')), 100).message(),
            "the message body size over max value, MAX: 100");
  EXPECT_FALSE(CheckMessage(Message("RMQ_SYS_TRANS_HALF_TOPIC", "x"), 100).ok());
}

TEST(NamespaceTest, WrapAndUnwrapAsNamespaceUtil) {
  EXPECT_EQ(WrapNamespace("ns", "T"), "ns%T");
  EXPECT_EQ(WrapNamespace("ns", "ns%T"), "ns%T");
  EXPECT_EQ(WrapNamespace("ns", "%RETRY%G"), "%RETRY%ns%G");
  EXPECT_EQ(WrapNamespace("ns", "%DLQ%G"), "%DLQ%ns%G");
  EXPECT_EQ(WrapNamespace("ns", "TBW102"), "TBW102");
  EXPECT_EQ(WrapNamespace("ns", "rmq_sys_x"), "rmq_sys_x");
  EXPECT_EQ(WrapNamespace("", "T"), "T");
  EXPECT_EQ(WithoutNamespace("ns%T", "ns"), "T");
  EXPECT_EQ(WithoutNamespace("other%T", "ns"), "other%T");
  EXPECT_EQ(WithoutNamespace("%RETRY%ns%G", "ns"), "%RETRY%G");
  EXPECT_EQ(WithoutNamespace("ns%T"), "T");
  EXPECT_EQ(WithoutNamespace("T"), "T");
}

TEST(ClientConfigTest, ClientIdAndNamesrvList) {
  ClientConfig c;
  EXPECT_FALSE(c.client_ip.empty());
  c.client_ip = "10.1.2.3";
  c.instance_name = "inst";
  EXPECT_EQ(c.BuildClientId(), "10.1.2.3@inst");
  c.unit_name = "u1";
  EXPECT_EQ(c.BuildClientId(), "10.1.2.3@inst@u1");
  c.ChangeInstanceNameToPid();
  EXPECT_EQ(c.instance_name, "inst");  // only DEFAULT is replaced
  ClientConfig d;
  d.ChangeInstanceNameToPid();
  EXPECT_EQ(d.instance_name.find(std::to_string(::getpid()) + "#"), 0u);
  d.namesrv_addr = " 1.1.1.1:9876;;2.2.2.2:9876 ";
  EXPECT_EQ(d.NamesrvAddrList(), (std::vector<std::string>{"1.1.1.1:9876", "2.2.2.2:9876"}));
}

TEST(SelectorTest, HashSelectorMatchesJavaStringHash) {
  std::vector<MQMessageQueue> mqs;
  for (int i = 0; i < 4; ++i) mqs.emplace_back("T", "b", i);
  SelectMessageQueueByHash sel;
  MQMessage msg("T", "x");
  std::string key = "abc";  // "abc".hashCode() = 96354 -> 96354 % 4 = 2
  EXPECT_EQ(sel.select(mqs, msg, &key).getQueueId(), 2);
  std::string neg = "polygenelubricants";  // hashCode Integer.MIN_VALUE
  int q = sel.select(mqs, msg, &neg).getQueueId();
  EXPECT_GE(q, 0);
  EXPECT_LT(q, 4);
}

}  // namespace
}  // namespace rocketmq::client
