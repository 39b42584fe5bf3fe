// Master/slave replication at the broker level (protocol.md §6-§8): in-process NameServer and
// BrokerControllers on 127.0.0.1 with ephemeral ports, driven with a RemotingClient.
#include <chrono>
#include <thread>

#include "common/byte_order.h"
#include "common/model/json_body.h"
#include "common/model/route_data.h"
#include "integration/broker_test_util.h"
#include "mockbroker/ha/ha_socket.h"
#include "support/child_process.h"

namespace rocketmq::test {
namespace {

using broker::BrokerController;

class HaFixture : public BrokerFixture {
 protected:
  virtual std::string MasterRole() const { return "ASYNC_MASTER"; }
  virtual void TuneMaster(Properties* /*p*/) {}

  Properties BrokerProps() override {
    Properties p = BrokerFixture::BrokerProps();
    p.Set("brokerRole", MasterRole());
    p.Set("haListenPort", "0");
    p.Set("slaveTimeout", "1000");
    TuneMaster(&p);
    return p;
  }

  // A broker of name `name` with its own store under `sub`; extra keys override.
  std::unique_ptr<BrokerController> StartOther(
      const std::string& name, const std::string& sub,
      std::vector<std::pair<std::string, std::string>> kv) {
    Properties p = BrokerFixture::BrokerProps();
    p.Set("brokerName", name);
    p.Set("storePathRootDir", dir_.path() + "/" + sub);
    p.Set("haListenPort", "0");
    for (auto& [k, v] : kv) p.Set(k, v);
    auto cfg = std::make_shared<broker::BrokerConfiguration>();
    EXPECT_TRUE(cfg->Apply(p, nullptr).ok());
    broker::BrokerControllerOptions opts;
    opts.slave_sync_delay_ms = 100;
    opts.slave_sync_interval_ms = 300;
    auto b = std::make_unique<BrokerController>(cfg, opts);
    Status st = b->Start();
    EXPECT_TRUE(st.ok()) << st.ToString();
    return st.ok() ? std::move(b) : nullptr;
  }

  std::unique_ptr<BrokerController> StartSlave(
      const std::string& sub = "slave", std::vector<std::pair<std::string, std::string>> kv = {}) {
    kv.insert(kv.begin(), {{"brokerId", "1"}, {"brokerRole", "SLAVE"}});
    return StartOther("broker-a", sub, kv);
  }

  static std::string Addr(const BrokerController& b) {
    return "127.0.0.1:" + std::to_string(const_cast<BrokerController&>(b).port());
  }

  RemotingCommand CallTo(const std::string& addr, RemotingCommand req) {
    Result<RemotingCommand> r = client_.InvokeSync(addr, std::move(req), 5000);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : RemotingCommand();
  }

  RemotingCommand SendTo(const std::string& addr, const std::string& topic, int queue,
                         const std::string& body) {
    return CallTo(addr, SendV2(topic, queue, Props({{"TAGS", "TagA"}, {"WAIT", "true"}}), body));
  }

  // Waits until `slave`'s CommitLog ends where the master's does.
  bool CaughtUp(BrokerController& slave, int64_t ms = 10000) {
    return WaitFor(
        [&] {
          return slave.message_store().GetMaxPhyOffset() ==
                     broker_->message_store().GetMaxPhyOffset() &&
                 slave.message_store().DispatchBehindBytes() == 0;
        },
        std::chrono::milliseconds(ms));
  }

  TopicRouteData Route(const std::string& topic) {
    Result<RemotingCommand> r =
        client_.InvokeSync("127.0.0.1:" + std::to_string(namesrv_->port()),
                           Request(RequestCode::kGetRouteinfoByTopic, {{"topic", topic}}), 5000);
    EXPECT_TRUE(r.ok());
    if (!r.ok() || r->code() != ResponseCode::kSuccess) return TopicRouteData();
    Result<TopicRouteData> route = DecodeJsonBody<TopicRouteData>(r->body());
    EXPECT_TRUE(route.ok());
    return route.ok() ? *route : TopicRouteData();
  }

  // Every message of one queue, pulled from `addr` as raw PULL bodies concatenated.
  std::string PullAll(const std::string& addr, const std::string& topic, int queue,
                      int64_t* suggest = nullptr) {
    std::string all;
    int64_t offset = 0;
    for (int round = 0; round < 1000; ++round) {
      RemotingCommand r = CallTo(addr, Pull("G1", topic, queue, offset));
      if (suggest != nullptr && round == 0) {
        *suggest = std::stoll(r.ext_fields().GetOr("suggestWhichBrokerId", "-1"));
      }
      if (r.code() != ResponseCode::kSuccess) break;
      all += r.body();
      offset = std::stoll(r.ext_fields().GetOr("nextBeginOffset", "0"));
    }
    return all;
  }

  void Heartbeat(const std::string& addr, const std::string& topic) {
    RemotingCommand hb = Request(RequestCode::kHeartBeat);
    hb.set_body(HeartbeatBody("c1", "G1", topic, "*"));
    ASSERT_EQ(CallTo(addr, std::move(hb)).code(), ResponseCode::kSuccess);
  }
};

TEST_F(HaFixture, SingleMasterRouteHasOnlyTheMaster) {
  ASSERT_EQ(CreateTopic("T1", 4).code(), ResponseCode::kSuccess);
  ASSERT_TRUE(
      WaitFor([&] { return !Route("T1").broker_datas.empty(); }, std::chrono::milliseconds(5000)));
  TopicRouteData route = Route("T1");
  ASSERT_EQ(route.broker_datas.size(), 1u);
  EXPECT_EQ(route.broker_datas[0].broker_addrs.size(), 1u);
  EXPECT_EQ(route.broker_datas[0].broker_addrs.count(0), 1u);
  EXPECT_EQ(SendTo(BrokerAddr(), "T1", 0, "hello").code(), ResponseCode::kSuccess);
  // The master registers its bound HA port.
  EXPECT_GT(broker_->replication().ha_service().port(), 0);
  EXPECT_EQ(broker_->broker_config().haListenPort, broker_->replication().ha_service().port());
}

TEST_F(HaFixture, TwoMastersBothInTheRoute) {
  auto b = StartOther("broker-b", "store-b", {});
  ASSERT_NE(b, nullptr);
  ASSERT_EQ(CreateTopic("T2", 4).code(), ResponseCode::kSuccess);
  RemotingCommand create =
      Request(RequestCode::kUpdateAndCreateTopic, {{"topic", "T2"},
                                                   {"defaultTopic", "TBW102"},
                                                   {"readQueueNums", "4"},
                                                   {"writeQueueNums", "4"},
                                                   {"perm", "6"},
                                                   {"topicFilterType", "SINGLE_TAG"},
                                                   {"order", "false"}});
  ASSERT_EQ(CallTo(Addr(*b), std::move(create)).code(), ResponseCode::kSuccess);
  ASSERT_TRUE(WaitFor([&] { return Route("T2").broker_datas.size() == 2; },
                      std::chrono::milliseconds(5000)));
  TopicRouteData route = Route("T2");
  for (const auto& bd : route.broker_datas) {
    EXPECT_EQ(bd.broker_addrs.size(), 1u);
    EXPECT_EQ(bd.broker_addrs.count(0), 1u) << bd.broker_name;
  }
  EXPECT_EQ(SendTo(Addr(*b), "T2", 1, "to b").code(), ResponseCode::kSuccess);
}

TEST_F(HaFixture, AsyncSlaveCatchesUpAndServesIdenticalBytes) {
  ASSERT_EQ(CreateTopic("TA", 2).code(), ResponseCode::kSuccess);
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(SendTo(BrokerAddr(), "TA", i % 2, "before slave " + std::to_string(i)).code(),
              ResponseCode::kSuccess);
  }
  auto slave = StartSlave();
  ASSERT_NE(slave, nullptr);
  for (int i = 0; i < 150; ++i) {
    ASSERT_EQ(SendTo(BrokerAddr(), "TA", i % 2, std::string(i * 7, 'x')).code(),
              ResponseCode::kSuccess);
  }
  ASSERT_TRUE(CaughtUp(*slave));
  EXPECT_EQ(slave->message_store().GetMinPhyOffset(), 0);
  // The CommitLog is a byte copy.
  auto m = broker_->message_store().GetCommitLogData(0);
  auto s = slave->message_store().GetCommitLogData(0);
  ASSERT_TRUE(m.ok() && s.ok());
  EXPECT_EQ(*m, *s);
  // Metadata sync brings the topic; then pulls from the slave equal pulls from the master.
  ASSERT_TRUE(WaitFor([&] { return slave->topic_config_manager().Select("TA").has_value(); },
                      std::chrono::milliseconds(5000)));
  Heartbeat(BrokerAddr(), "TA");
  Heartbeat(Addr(*slave), "TA");
  for (int q = 0; q < 2; ++q) {
    int64_t suggest = -1;
    std::string from_master = PullAll(BrokerAddr(), "TA", q);
    std::string from_slave = PullAll(Addr(*slave), "TA", q, &suggest);
    EXPECT_EQ(from_master.size(), from_slave.size());
    EXPECT_TRUE(from_master == from_slave) << "queue " << q;
    EXPECT_EQ(suggest, 0);  // no slaveReadEnable: back to the master
    auto msgs = DecodeStoredMessages(from_slave);
    ASSERT_TRUE(msgs.ok());
    EXPECT_EQ(msgs->size(), 100u);
  }
  // The route lists both ids under one broker name; the slave refuses writes as Java does.
  ASSERT_TRUE(WaitFor(
      [&] {
        auto r = Route("TA");
        return r.broker_datas.size() == 1 && r.broker_datas[0].broker_addrs.size() == 2;
      },
      std::chrono::milliseconds(5000)));
  TopicRouteData route = Route("TA");
  EXPECT_EQ(route.broker_datas[0].broker_addrs[0], BrokerAddr());
  EXPECT_EQ(route.broker_datas[0].broker_addrs[1], Addr(*slave));
  RemotingCommand refused = SendTo(Addr(*slave), "TA", 0, "to the slave");
  EXPECT_EQ(refused.code(), ResponseCode::kServiceNotAvailable);
  EXPECT_NE(refused.remark().value_or("").find("messages are put to the slave"), std::string::npos);
}

TEST_F(HaFixture, SlaveSyncsMetadataFromItsMaster) {
  ASSERT_EQ(CreateTopic("TM", 3).code(), ResponseCode::kSuccess);
  SubscriptionGroupConfig group;
  group.group_name = "GM";
  group.which_broker_when_consume_slowly = 1;
  broker_->subscription_group_manager().Update(group);
  broker_->consumer_offset_manager().CommitOffset("h", "GM", "TM", 2, 42);
  auto slave = StartSlave();
  ASSERT_NE(slave, nullptr);
  ASSERT_TRUE(WaitFor(
      [&] {
        // Java's SlaveSynchronize order: topics, offsets, delay offsets, then groups.
        return slave->consumer_offset_manager().QueryOffset("GM", "TM", 2) == 42 &&
               slave->topic_config_manager().Select("TM").has_value() &&
               slave->subscription_group_manager().BuildWrapper().data_version ==
                   broker_->subscription_group_manager().BuildWrapper().data_version;
      },
      std::chrono::milliseconds(5000)));
  EXPECT_EQ(slave->topic_config_manager().data_version(),
            broker_->topic_config_manager().data_version());
  EXPECT_EQ(slave->subscription_group_manager().BuildWrapper().data_version,
            broker_->subscription_group_manager().BuildWrapper().data_version);
  // Offsets answered by the slave (a consumer falls back to it when the master is gone).
  RemotingCommand q =
      CallTo(Addr(*slave), Request(RequestCode::kQueryConsumerOffset,
                                   {{"consumerGroup", "GM"}, {"topic", "TM"}, {"queueId", "2"}}));
  EXPECT_EQ(q.code(), ResponseCode::kSuccess);
  EXPECT_EQ(q.ext_fields().GetOr("offset"), "42");
}

TEST_F(HaFixture, SlaveRestartResumesFromItsOwnOffset) {
  ASSERT_EQ(CreateTopic("TR", 1).code(), ResponseCode::kSuccess);
  auto slave = StartSlave();
  ASSERT_NE(slave, nullptr);
  for (int i = 0; i < 100; ++i) SendTo(BrokerAddr(), "TR", 0, "first " + std::to_string(i));
  ASSERT_TRUE(CaughtUp(*slave));
  const int64_t before = slave->message_store().GetMaxPhyOffset();
  slave->Shutdown();
  slave.reset();
  for (int i = 0; i < 100; ++i) SendTo(BrokerAddr(), "TR", 0, "second " + std::to_string(i));
  slave = StartSlave();
  ASSERT_NE(slave, nullptr);
  // It came back with its own data and asked only for the rest.
  EXPECT_GE(slave->message_store().GetMaxPhyOffset(), before);
  ASSERT_TRUE(CaughtUp(*slave));
  auto m = broker_->message_store().GetCommitLogData(0);
  auto s = slave->message_store().GetCommitLogData(0);
  ASSERT_TRUE(m.ok() && s.ok());
  EXPECT_TRUE(*m == *s);
  EXPECT_TRUE(WaitFor([&] { return slave->message_store().DispatchBehindBytes() == 0; }));
  EXPECT_EQ(slave->message_store().GetMaxOffsetInQueue("TR", 0), 200);
}

// A raw HA peer: connects to the master's HA port and reports `offset`.
ha::HaSocket FakeSlave(int port, int64_t offset) {
  Result<ha::HaSocket> s = ha::HaSocket::Connect("127.0.0.1:" + std::to_string(port), 3000);
  EXPECT_TRUE(s.ok());
  if (!s.ok()) return ha::HaSocket();
  char buf[8];
  EncodeFixed64BE(buf, static_cast<uint64_t>(offset));
  EXPECT_TRUE(s->WriteAll(std::string_view(buf, 8), 1000).ok());
  return std::move(*s);
}

// Reads until the master closes the link; true when it did within `ms`.
bool ClosedByMaster(ha::HaSocket* s, int64_t ms) {
  char buf[65536];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < deadline) {
    Result<size_t> n = s->ReadSome(buf, sizeof(buf), 100);
    if (!n.ok()) return true;
  }
  return false;
}

TEST_F(HaFixture, DivergedSlaveIsRefused) {
  ASSERT_EQ(CreateTopic("TD", 1).code(), ResponseCode::kSuccess);
  for (int i = 0; i < 10; ++i) SendTo(BrokerAddr(), "TD", 0, "m" + std::to_string(i));
  const int port = broker_->replication().ha_service().port();
  const int64_t max = broker_->message_store().GetMaxPhyOffset();
  ha::HaSocket ahead = FakeSlave(port, max + 100);
  EXPECT_TRUE(ClosedByMaster(&ahead, 3000));
  ha::HaSocket middle = FakeSlave(port, 7);  // inside the first record
  EXPECT_TRUE(ClosedByMaster(&middle, 3000));
  ha::HaSocket good = FakeSlave(port, max);  // a boundary: kept
  EXPECT_FALSE(ClosedByMaster(&good, 500));
}

TEST_F(HaFixture, SlaveReadSuggestions) {
  // A slave with slaveReadEnable sends a consumer that is not lagging back to the master (the
  // group's brokerId 0).
  ASSERT_EQ(CreateTopic("TS", 1).code(), ResponseCode::kSuccess);
  auto slave = StartSlave("slave", {{"slaveReadEnable", "true"}});
  ASSERT_NE(slave, nullptr);
  for (int i = 0; i < 20; ++i) SendTo(BrokerAddr(), "TS", 0, "s" + std::to_string(i));
  ASSERT_TRUE(CaughtUp(*slave));
  ASSERT_TRUE(WaitFor([&] { return slave->topic_config_manager().Select("TS").has_value(); },
                      std::chrono::milliseconds(5000)));
  Heartbeat(Addr(*slave), "TS");
  int64_t suggest = -1;
  EXPECT_FALSE(PullAll(Addr(*slave), "TS", 0, &suggest).empty());
  EXPECT_EQ(suggest, 0);
}

class SlowConsumerFixture : public HaFixture {
 protected:
  void TuneMaster(Properties* p) override {
    p->Set("slaveReadEnable", "true");
    p->Set("accessMessageInMemoryMaxRatio", "0");  // everything counts as swapped out
  }
};

TEST_F(SlowConsumerFixture, MasterSendsALaggingConsumerToTheSlave) {
  ASSERT_EQ(CreateTopic("TL", 1).code(), ResponseCode::kSuccess);
  for (int i = 0; i < 20; ++i) SendTo(BrokerAddr(), "TL", 0, "l" + std::to_string(i));
  Heartbeat(BrokerAddr(), "TL");
  RemotingCommand r = Call(Pull("G1", "TL", 0, 0));
  ASSERT_EQ(r.code(), ResponseCode::kSuccess);
  EXPECT_EQ(r.ext_fields().GetOr("suggestWhichBrokerId"), "1");  // whichBrokerWhenConsumeSlowly
}

class FixedHaPortFixture : public HaFixture {
 protected:
  void TuneMaster(Properties* p) override { p->Set("haListenPort", std::to_string(ha_port_)); }
  const int ha_port_ = FreePort();
};

TEST_F(FixedHaPortFixture, SlaveReconnectsAfterTheMasterRestarts) {
  ASSERT_EQ(CreateTopic("TK", 1).code(), ResponseCode::kSuccess);
  auto slave = StartSlave();
  ASSERT_NE(slave, nullptr);
  for (int i = 0; i < 30; ++i) SendTo(BrokerAddr(), "TK", 0, "before " + std::to_string(i));
  ASSERT_TRUE(CaughtUp(*slave));
  RestartBroker();
  ASSERT_EQ(broker_->replication().ha_service().port(), ha_port_);
  for (int i = 0; i < 30; ++i) SendTo(BrokerAddr(), "TK", 0, "after " + std::to_string(i));
  ASSERT_TRUE(CaughtUp(*slave, 20000));
  EXPECT_TRUE(WaitFor([&] { return slave->message_store().DispatchBehindBytes() == 0; }));
  EXPECT_EQ(slave->message_store().GetMaxOffsetInQueue("TK", 0), 60);
}

class SyncMasterFixture : public HaFixture {
 protected:
  std::string MasterRole() const override { return "SYNC_MASTER"; }
};

TEST_F(SyncMasterFixture, NoSlaveMeansSlaveNotAvailable) {
  ASSERT_EQ(CreateTopic("TN", 1).code(), ResponseCode::kSuccess);
  RemotingCommand r = SendTo(BrokerAddr(), "TN", 0, "alone");
  EXPECT_EQ(r.code(), ResponseCode::kSlaveNotAvailable);
  EXPECT_FALSE(r.ext_fields().GetOr("msgId").empty());  // stored all the same
  // WAIT=false does not wait for (or need) a slave.
  RemotingCommand nowait =
      Call(SendV2("TN", 0, Props({{"TAGS", "T"}, {"WAIT", "false"}}), "no wait"));
  EXPECT_EQ(nowait.code(), ResponseCode::kSuccess);
}

TEST_F(SyncMasterFixture, AckImpliesTheSlaveHasTheMessage) {
  ASSERT_EQ(CreateTopic("TY", 2).code(), ResponseCode::kSuccess);
  auto slave = StartSlave();
  ASSERT_NE(slave, nullptr);
  ASSERT_TRUE(WaitFor([&] { return broker_->replication().ha_service().connection_count() == 1; },
                      std::chrono::milliseconds(10000)));
  for (int i = 0; i < 100; ++i) {
    RemotingCommand r = SendTo(BrokerAddr(), "TY", i % 2, "sync " + std::to_string(i));
    ASSERT_EQ(r.code(), ResponseCode::kSuccess) << r.remark().value_or("");
    ASSERT_GE(slave->message_store().GetMaxPhyOffset(), broker_->message_store().GetMaxPhyOffset());
  }
}

TEST_F(SyncMasterFixture, StalledSlaveMeansFlushSlaveTimeout) {
  ASSERT_EQ(CreateTopic("TT", 1).code(), ResponseCode::kSuccess);
  const int64_t max = broker_->message_store().GetMaxPhyOffset();
  // A slave that connects, reports where the master is, and then never acknowledges.
  ha::HaSocket stalled = FakeSlave(broker_->replication().ha_service().port(), max);
  ASSERT_TRUE(WaitFor([&] { return broker_->replication().ha_service().connection_count() == 1; },
                      std::chrono::milliseconds(5000)));
  const auto start = std::chrono::steady_clock::now();
  RemotingCommand r = SendTo(BrokerAddr(), "TT", 0, "never acked");
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.code(), ResponseCode::kFlushSlaveTimeout);
  EXPECT_GE(waited, std::chrono::milliseconds(900));  // slaveTimeout=1000
  EXPECT_FALSE(r.ext_fields().GetOr("msgId").empty());
}

}  // namespace
}  // namespace rocketmq::test
