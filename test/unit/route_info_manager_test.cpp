// RouteInfoManager (protocol.md §2.12-2.14): registration, routes, expiry, channel close,
// unregister, write perm, delete topic, data versions, system and unit topic lists.
#include "mockbroker/namesrv/route_info_manager.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

#include "common/model/topic_config.h"

namespace rocketmq::namesrv {
namespace {

// A Channel that only records Close().
class FakeChannel : public remoting::Channel {
 public:
  explicit FakeChannel(std::string addr) : addr_(std::move(addr)) {}
  const std::string& RemoteAddress() const override { return addr_; }
  bool IsActive() const override { return !closed_; }
  uint64_t id() const override { return reinterpret_cast<uintptr_t>(this); }
  Status SendResponse(remoting::RemotingCommand) override { return Status::OK(); }
  Result<remoting::RemotingCommand> InvokeSync(remoting::RemotingCommand, int64_t) override {
    return Status::NotConnected("fake");
  }
  void InvokeAsync(remoting::RemotingCommand, int64_t, remoting::ResponseCallback) override {}
  Status InvokeOneway(remoting::RemotingCommand) override { return Status::OK(); }
  void Close() override { closed_ = true; }
  bool closed() const { return closed_; }

 private:
  std::string addr_;
  std::atomic<bool> closed_{false};
};

TopicConfig Topic(const std::string& name, int queues, int perm = 6, int sys_flag = 0) {
  TopicConfig c;
  c.topic_name = name;
  c.read_queue_nums = queues;
  c.write_queue_nums = queues;
  c.perm = perm;
  c.topic_sys_flag = sys_flag;
  return c;
}

TopicConfigSerializeWrapper Wrapper(std::vector<TopicConfig> topics, int64_t counter = 1) {
  TopicConfigSerializeWrapper w;
  w.data_version.counter = counter;
  w.data_version.timestamp = 1700000000000 + counter;
  for (auto& t : topics) w.topic_config_table[t.topic_name] = t;
  return w;
}

BrokerIdentity Broker(const std::string& cluster, const std::string& name, int64_t id,
                      const std::string& addr) {
  return BrokerIdentity{cluster, addr, name, id};
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

class RouteInfoManagerTest : public ::testing::Test {
 protected:
  RouteInfoManagerTest() : routes_([this] { return now_ms_.load(); }) {}

  std::atomic<int64_t> now_ms_{1'000'000};
  RouteInfoManager routes_;
};

TEST_F(RouteInfoManagerTest, MasterAndSlaveShareOneBrokerDataAndSlaveLearnsMasterHa) {
  auto master_ch = std::make_shared<FakeChannel>("127.0.0.1:50001");
  auto slave_ch = std::make_shared<FakeChannel>("127.0.0.1:50002");
  RegisterBrokerResult m =
      routes_.RegisterBroker(Broker("DefaultCluster", "broker-a", 0, "127.0.0.1:20911"),
                             "127.0.0.1:20912", Wrapper({Topic("T1", 4)}), nullptr, master_ch);
  EXPECT_FALSE(m.ha_server_addr.has_value());
  EXPECT_FALSE(m.master_addr.has_value());

  RegisterBrokerResult s =
      routes_.RegisterBroker(Broker("DefaultCluster", "broker-a", 1, "127.0.0.1:21911"),
                             "127.0.0.1:21912", Wrapper({Topic("T1", 8)}), nullptr, slave_ch);
  ASSERT_TRUE(s.ha_server_addr.has_value());
  EXPECT_EQ(*s.ha_server_addr, "127.0.0.1:20912");
  EXPECT_EQ(s.master_addr.value_or(""), "127.0.0.1:20911");

  std::optional<TopicRouteData> route = routes_.PickupTopicRouteData("T1");
  ASSERT_TRUE(route.has_value());
  // The slave's topic config never changes the queue datas.
  EXPECT_EQ(route->ToJson(JsonStyle::kFastjson),
            R"({"brokerDatas":[{"brokerAddrs":{0:"127.0.0.1:20911",1:"127.0.0.1:21911"},)"
            R"("brokerName":"broker-a","cluster":"DefaultCluster"}],"filterServerTable":{},)"
            R"("queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":4,)"
            R"("topicSysFlag":0,"writeQueueNums":4}]})");
  EXPECT_EQ(route->ToJson(JsonStyle::kBrowserCompatible),
            R"({"brokerDatas":[{"brokerAddrs":{"0":"127.0.0.1:20911","1":"127.0.0.1:21911"},)"
            R"("brokerName":"broker-a","cluster":"DefaultCluster"}],"filterServerTable":{},)"
            R"("queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":4,)"
            R"("topicSysFlag":0,"writeQueueNums":4}]})");
}

TEST_F(RouteInfoManagerTest, SlaveWithoutLiveMasterGetsNoHaAddress) {
  RegisterBrokerResult s =
      routes_.RegisterBroker(Broker("C", "broker-a", 1, "127.0.0.1:21911"), "127.0.0.1:21912",
                             Wrapper({Topic("T1", 4)}), nullptr, nullptr);
  EXPECT_FALSE(s.ha_server_addr.has_value());
  EXPECT_FALSE(s.master_addr.has_value());
  // A slave alone creates no queue data, so there is no route.
  EXPECT_FALSE(routes_.PickupTopicRouteData("T1").has_value());
}

TEST_F(RouteInfoManagerTest, RoutesAcrossBrokersAndClusters) {
  routes_.RegisterBroker(Broker("c1", "broker-a", 0, "10.0.0.1:10911"), "10.0.0.1:10912",
                         Wrapper({Topic("Shared", 4), Topic("OnlyA", 2)}), nullptr, nullptr);
  routes_.RegisterBroker(Broker("c1", "broker-b", 0, "10.0.0.2:10911"), "10.0.0.2:10912",
                         Wrapper({Topic("Shared", 8)}), nullptr, nullptr);
  routes_.RegisterBroker(Broker("c2", "broker-c", 0, "10.0.0.3:10911"), "10.0.0.3:10912",
                         Wrapper({Topic("Shared", 2, 4)}), nullptr, nullptr);

  std::optional<TopicRouteData> shared = routes_.PickupTopicRouteData("Shared");
  ASSERT_TRUE(shared.has_value());
  ASSERT_EQ(shared->queue_datas.size(), 3u);
  ASSERT_EQ(shared->broker_datas.size(), 3u);
  // Java HashMap<String> order of these names (String.hashCode buckets): b, c, a.
  EXPECT_EQ(shared->queue_datas[0].broker_name, "broker-b");
  EXPECT_EQ(shared->queue_datas[1].broker_name, "broker-c");
  EXPECT_EQ(shared->queue_datas[2].broker_name, "broker-a");
  EXPECT_EQ(shared->queue_datas[0].write_queue_nums, 8);
  EXPECT_EQ(shared->queue_datas[1].perm, 4);
  EXPECT_EQ(shared->queue_datas[2].write_queue_nums, 4);
  EXPECT_EQ(shared->broker_datas[1].broker_name, "broker-c");
  EXPECT_EQ(shared->broker_datas[1].cluster, "c2");
  EXPECT_EQ(shared->broker_datas[1].broker_addrs.at(0), "10.0.0.3:10911");

  std::optional<TopicRouteData> only_a = routes_.PickupTopicRouteData("OnlyA");
  ASSERT_TRUE(only_a.has_value());
  ASSERT_EQ(only_a->broker_datas.size(), 1u);
  EXPECT_EQ(only_a->broker_datas[0].broker_name, "broker-a");
  EXPECT_FALSE(routes_.PickupTopicRouteData("Nope").has_value());

  EXPECT_EQ(Sorted(routes_.GetTopicsByCluster("c1").topic_list),
            (std::vector<std::string>{"OnlyA", "Shared"}));
  EXPECT_EQ(routes_.GetTopicsByCluster("c2").topic_list, std::vector<std::string>{"Shared"});
  EXPECT_TRUE(routes_.GetTopicsByCluster("nope").topic_list.empty());
  EXPECT_EQ(Sorted(routes_.GetAllTopicList().topic_list),
            (std::vector<std::string>{"OnlyA", "Shared"}));

  ClusterInfo info = routes_.GetAllClusterInfo();
  EXPECT_EQ(info.cluster_addr_table.at("c1"), (std::set<std::string>{"broker-a", "broker-b"}));
  EXPECT_EQ(info.cluster_addr_table.at("c2"), (std::set<std::string>{"broker-c"}));
  EXPECT_EQ(info.broker_addr_table.size(), 3u);
}

TEST_F(RouteInfoManagerTest, ExpiryAfter120SecondsWithoutHeartbeat) {
  auto ch_a = std::make_shared<FakeChannel>("10.0.0.1:40000");
  auto ch_b = std::make_shared<FakeChannel>("10.0.0.2:40000");
  routes_.RegisterBroker(Broker("c", "broker-a", 0, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("T", 4)}), nullptr, ch_a);
  now_ms_ += 60'000;
  routes_.RegisterBroker(Broker("c", "broker-b", 0, "10.0.0.2:10911"), "h",
                         Wrapper({Topic("T", 4)}), nullptr, ch_b);

  now_ms_ += 60'000;  // a is exactly 120 s old: not yet expired (strictly older is required)
  EXPECT_EQ(routes_.ScanNotActiveBroker(), 0);
  now_ms_ += 1;
  EXPECT_EQ(routes_.ScanNotActiveBroker(), 1);
  EXPECT_TRUE(ch_a->closed());
  EXPECT_FALSE(ch_b->closed());

  std::optional<TopicRouteData> route = routes_.PickupTopicRouteData("T");
  ASSERT_TRUE(route.has_value());
  ASSERT_EQ(route->queue_datas.size(), 1u);
  EXPECT_EQ(route->queue_datas[0].broker_name, "broker-b");
  EXPECT_EQ(routes_.GetAllClusterInfo().broker_addr_table.count("broker-a"), 0u);

  // A heartbeat keeps b alive past its original deadline.
  now_ms_ += 30'000;
  routes_.RegisterBroker(Broker("c", "broker-b", 0, "10.0.0.2:10911"), "h",
                         Wrapper({Topic("T", 4)}), nullptr, ch_b);
  now_ms_ += 100'000;
  EXPECT_EQ(routes_.ScanNotActiveBroker(), 0);
  now_ms_ += 30'000;
  EXPECT_EQ(routes_.ScanNotActiveBroker(), 1);
  EXPECT_FALSE(routes_.PickupTopicRouteData("T").has_value());
  EXPECT_TRUE(routes_.GetAllClusterInfo().cluster_addr_table.empty());
  EXPECT_TRUE(routes_.GetAllTopicList().topic_list.empty());
}

TEST_F(RouteInfoManagerTest, ChannelCloseRemovesBrokerAtOnce) {
  auto master_ch = std::make_shared<FakeChannel>("127.0.0.1:50001");
  auto slave_ch = std::make_shared<FakeChannel>("127.0.0.1:50002");
  routes_.RegisterBroker(Broker("c", "broker-a", 0, "127.0.0.1:20911"), "127.0.0.1:20912",
                         Wrapper({Topic("T", 4)}), nullptr, master_ch);
  routes_.RegisterBroker(Broker("c", "broker-a", 1, "127.0.0.1:21911"), "127.0.0.1:21912",
                         Wrapper({Topic("T", 4)}), nullptr, slave_ch);

  // Unrelated connection (a client): nothing changes.
  FakeChannel client("127.0.0.1:60000");
  routes_.OnChannelDestroy(client.RemoteAddress(), &client);
  ASSERT_EQ(routes_.PickupTopicRouteData("T")->broker_datas[0].broker_addrs.size(), 2u);

  routes_.OnChannelDestroy(master_ch->RemoteAddress(), master_ch.get());
  std::optional<TopicRouteData> route = routes_.PickupTopicRouteData("T");
  ASSERT_TRUE(route.has_value());  // the slave keeps broker-a (and its queue datas) alive
  EXPECT_EQ(route->broker_datas[0].broker_addrs,
            (std::map<int64_t, std::string>{{1, "127.0.0.1:21911"}}));
  // A slave registering now gets no master.
  RegisterBrokerResult s =
      routes_.RegisterBroker(Broker("c", "broker-a", 1, "127.0.0.1:21911"), "127.0.0.1:21912",
                             Wrapper({Topic("T", 4)}), nullptr, slave_ch);
  EXPECT_FALSE(s.master_addr.has_value());

  routes_.OnChannelDestroy(slave_ch->RemoteAddress(), slave_ch.get());
  EXPECT_FALSE(routes_.PickupTopicRouteData("T").has_value());
  EXPECT_TRUE(routes_.GetAllClusterInfo().broker_addr_table.empty());
  EXPECT_TRUE(routes_.GetAllClusterInfo().cluster_addr_table.empty());
}

TEST_F(RouteInfoManagerTest, UnregisterRemovesAddressThenBrokerNameAndTopics) {
  routes_.RegisterBroker(Broker("c", "broker-a", 0, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("T", 4), Topic("U", 1)}), nullptr, nullptr);
  routes_.RegisterBroker(Broker("c", "broker-a", 1, "10.0.0.9:10911"), "h",
                         Wrapper({Topic("T", 4)}), nullptr, nullptr);
  routes_.RegisterBroker(Broker("c", "broker-b", 0, "10.0.0.2:10911"), "h",
                         Wrapper({Topic("T", 4)}), nullptr, nullptr);

  routes_.UnregisterBroker(Broker("c", "broker-a", 1, "10.0.0.9:10911"));
  EXPECT_EQ(routes_.GetAllClusterInfo().broker_addr_table.at("broker-a").broker_addrs.size(), 1u);
  ASSERT_TRUE(routes_.PickupTopicRouteData("U").has_value());

  routes_.UnregisterBroker(Broker("c", "broker-a", 0, "10.0.0.1:10911"));
  EXPECT_FALSE(routes_.PickupTopicRouteData("U").has_value());
  std::optional<TopicRouteData> t = routes_.PickupTopicRouteData("T");
  ASSERT_TRUE(t.has_value());
  ASSERT_EQ(t->queue_datas.size(), 1u);
  EXPECT_EQ(t->queue_datas[0].broker_name, "broker-b");
  EXPECT_EQ(routes_.GetAllClusterInfo().cluster_addr_table.at("c"),
            std::set<std::string>{"broker-b"});
  EXPECT_FALSE(routes_.QueryBrokerTopicConfig("10.0.0.1:10911").has_value());
}

TEST_F(RouteInfoManagerTest, AddressReRegisteredUnderAnotherIdReplacesTheOldEntry) {
  routes_.RegisterBroker(Broker("c", "broker-a", 1, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("T", 4)}), nullptr, nullptr);
  routes_.RegisterBroker(Broker("c", "broker-a", 0, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("T", 4)}), nullptr, nullptr);
  EXPECT_EQ(routes_.GetAllClusterInfo().broker_addr_table.at("broker-a").broker_addrs,
            (std::map<int64_t, std::string>{{0, "10.0.0.1:10911"}}));
}

TEST_F(RouteInfoManagerTest, WipeAndAddWritePermCountTopics) {
  routes_.RegisterBroker(Broker("c", "broker-a", 0, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("T1", 4, 6), Topic("T2", 4, 7), Topic("T3", 4, 4)}),
                         nullptr, nullptr);
  routes_.RegisterBroker(Broker("c", "broker-b", 0, "10.0.0.2:10911"), "h",
                         Wrapper({Topic("T1", 4, 6)}), nullptr, nullptr);
  EXPECT_EQ(routes_.WipeWritePermOfBroker("broker-a"), 3);
  EXPECT_EQ(routes_.WipeWritePermOfBroker("nope"), 0);
  auto perm_of = [&](const std::string& topic, const std::string& broker) {
    const std::optional<TopicRouteData> route = routes_.PickupTopicRouteData(topic);
    for (const auto& q : route->queue_datas) {
      if (q.broker_name == broker) return q.perm;
    }
    return -1;
  };
  EXPECT_EQ(perm_of("T1", "broker-a"), 4);
  EXPECT_EQ(perm_of("T2", "broker-a"), 5);  // inherit bit kept
  EXPECT_EQ(perm_of("T3", "broker-a"), 4);
  EXPECT_EQ(perm_of("T1", "broker-b"), 6);
  EXPECT_EQ(routes_.AddWritePermOfBroker("broker-a"), 3);
  EXPECT_EQ(perm_of("T1", "broker-a"), 6);
  EXPECT_EQ(perm_of("T2", "broker-a"), 6);  // Java sets RW, dropping the inherit bit
}

TEST_F(RouteInfoManagerTest, DeleteTopicEverywhereOrInOneCluster) {
  routes_.RegisterBroker(Broker("c1", "broker-a", 0, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("T", 4), Topic("V", 4)}), nullptr, nullptr);
  routes_.RegisterBroker(Broker("c2", "broker-b", 0, "10.0.0.2:10911"), "h",
                         Wrapper({Topic("T", 4), Topic("V", 4)}), nullptr, nullptr);
  routes_.DeleteTopic("T", "c1");
  std::optional<TopicRouteData> t = routes_.PickupTopicRouteData("T");
  ASSERT_TRUE(t.has_value());
  ASSERT_EQ(t->queue_datas.size(), 1u);
  EXPECT_EQ(t->queue_datas[0].broker_name, "broker-b");
  routes_.DeleteTopic("T", "c2");
  EXPECT_FALSE(routes_.PickupTopicRouteData("T").has_value());
  routes_.DeleteTopic("V");
  EXPECT_FALSE(routes_.PickupTopicRouteData("V").has_value());
  EXPECT_TRUE(routes_.GetAllTopicList().topic_list.empty());
}

TEST_F(RouteInfoManagerTest, QueueDataOnlyRebuiltWhenDataVersionChanges) {
  const BrokerIdentity a = Broker("c", "broker-a", 0, "10.0.0.1:10911");
  routes_.RegisterBroker(a, "h", Wrapper({Topic("T", 4)}, 1), nullptr, nullptr);
  routes_.WipeWritePermOfBroker("broker-a");
  // Same data version (a heartbeat): the wiped perm stays, a new topic is not picked up.
  routes_.RegisterBroker(a, "h", Wrapper({Topic("T", 4), Topic("New", 2)}, 1), nullptr, nullptr);
  EXPECT_EQ(routes_.PickupTopicRouteData("T")->queue_datas[0].perm, 4);
  EXPECT_FALSE(routes_.PickupTopicRouteData("New").has_value());
  EXPECT_FALSE(routes_.IsBrokerTopicConfigChanged("10.0.0.1:10911", Wrapper({}, 1).data_version));
  EXPECT_TRUE(routes_.IsBrokerTopicConfigChanged("10.0.0.1:10911", Wrapper({}, 2).data_version));
  EXPECT_TRUE(routes_.IsBrokerTopicConfigChanged("10.9.9.9:1", Wrapper({}, 1).data_version));

  // New version: queue datas rebuilt from the body.
  routes_.RegisterBroker(a, "h", Wrapper({Topic("T", 4), Topic("New", 2)}, 2), nullptr, nullptr);
  EXPECT_EQ(routes_.PickupTopicRouteData("T")->queue_datas[0].perm, 6);
  ASSERT_TRUE(routes_.PickupTopicRouteData("New").has_value());
  EXPECT_EQ(routes_.QueryBrokerTopicConfig("10.0.0.1:10911")->counter, 2);
}

TEST_F(RouteInfoManagerTest, SystemTopicListHoldsClusterAndBrokerNames) {
  EXPECT_TRUE(routes_.GetSystemTopicList().topic_list.empty());
  EXPECT_FALSE(routes_.GetSystemTopicList().broker_addr.has_value());
  routes_.RegisterBroker(Broker("c1", "broker-a", 0, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("T", 4)}), nullptr, nullptr);
  routes_.RegisterBroker(Broker("c1", "broker-b", 1, "10.0.0.2:10911"), "h", Wrapper({}), nullptr,
                         nullptr);
  routes_.RegisterBroker(Broker("c2", "broker-c", 0, "10.0.0.3:10911"), "h", Wrapper({}), nullptr,
                         nullptr);
  TopicList list = routes_.GetSystemTopicList();
  EXPECT_EQ(Sorted(list.topic_list),
            (std::vector<std::string>{"broker-a", "broker-b", "broker-c", "c1", "c2"}));
  ASSERT_TRUE(list.broker_addr.has_value());
  // The first broker in HashMap(128) order is broker-b (its only address, id 1).
  EXPECT_EQ(*list.broker_addr, "10.0.0.2:10911");
  EXPECT_EQ(list.ToJson(),
            R"({"brokerAddr":"10.0.0.2:10911","topicList":["broker-b","broker-c","broker-a",)"
            R"("c1","c2"]})");
}

TEST_F(RouteInfoManagerTest, UnitTopicListsFollowTopicSysFlag) {
  routes_.RegisterBroker(Broker("c", "broker-a", 0, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("Plain", 1, 6, 0), Topic("Unit", 1, 6, kTopicFlagUnit),
                                  Topic("UnitSub", 1, 6, kTopicFlagUnitSub),
                                  Topic("Both", 1, 6, kTopicFlagUnit | kTopicFlagUnitSub)}),
                         nullptr, nullptr);
  EXPECT_EQ(Sorted(routes_.GetUnitTopics().topic_list), (std::vector<std::string>{"Both", "Unit"}));
  EXPECT_EQ(Sorted(routes_.GetHasUnitSubTopicList().topic_list),
            (std::vector<std::string>{"Both", "UnitSub"}));
  EXPECT_EQ(routes_.GetHasUnitSubUnUnitTopicList().topic_list, std::vector<std::string>{"UnitSub"});
}

TEST_F(RouteInfoManagerTest, FilterServersAppearInRoutes) {
  std::vector<std::string> filters = {"10.0.0.1:30000"};
  routes_.RegisterBroker(Broker("c", "broker-a", 0, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("T", 4)}), &filters, nullptr);
  std::optional<TopicRouteData> route = routes_.PickupTopicRouteData("T");
  ASSERT_TRUE(route.has_value());
  EXPECT_EQ(route->filter_server_table.at("10.0.0.1:10911"), filters);
  std::vector<std::string> none;
  routes_.RegisterBroker(Broker("c", "broker-a", 0, "10.0.0.1:10911"), "h",
                         Wrapper({Topic("T", 4)}), &none, nullptr);
  EXPECT_TRUE(routes_.PickupTopicRouteData("T")->filter_server_table.empty());
}

}  // namespace
}  // namespace rocketmq::namesrv
