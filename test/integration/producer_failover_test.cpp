// DefaultMQProducer with two broker groups: when one group dies, sends keep succeeding on the
// other (retry on another broker, latency fault tolerance), and ACL signing is accepted by a
// NameServer that verifies it.
#include "client/client_instance_registry.h"
#include "integration/producer_test_util.h"
#include "remoting/acl_rpc_hook.h"
#include "remoting/remoting_server.h"

namespace rocketmq::test {
namespace {

class ProducerFailoverTest : public ProducerFixture {
 protected:
  void SetUp() override {
    ProducerFixture::SetUp();
    Properties p = BrokerProps();
    p.Set("brokerName", "broker-b");
    p.Set("storePathRootDir", dir_.path() + "/store-b");
    auto cfg = std::make_shared<broker::BrokerConfiguration>();
    ASSERT_TRUE(cfg->Apply(p, nullptr).ok());
    broker_b_ = std::make_unique<broker::BrokerController>(cfg);
    ASSERT_TRUE(broker_b_->Start().ok());
  }
  void TearDown() override {
    broker_b_.reset();
    ProducerFixture::TearDown();
  }
  std::string BrokerBAddr() const { return "127.0.0.1:" + std::to_string(broker_b_->port()); }

  void CreateTopicOnBoth(const std::string& topic) {
    ASSERT_EQ(CreateTopic(topic, 2).code(), 0);
    client::ClientApi api(&client_, {});
    TopicConfig tc;
    tc.topic_name = topic;
    tc.read_queue_nums = 2;
    tc.write_queue_nums = 2;
    ASSERT_TRUE(api.CreateTopic(BrokerBAddr(), "TBW102", tc, 5000).ok());
    // Both brokers re-register; wait until the NameServer routes to both.
    client::ClientApi ns(&client_, {NamesrvAddr()});
    ASSERT_TRUE(WaitFor([&] {
      auto r = ns.GetTopicRouteInfoFromNameServer(topic, 3000);
      return r.ok() && r->queue_datas.size() == 2;
    }));
  }

  std::unique_ptr<broker::BrokerController> broker_b_;
};

void RunKillScenario(ProducerFailoverTest* t, DefaultMQProducer* producer, const std::string& topic,
                     broker::BrokerController* victim, std::set<std::string>* brokers_used) {
  for (int i = 0; i < 10; ++i) {
    MQMessage msg(topic, "before-" + std::to_string(i));
    brokers_used->insert(producer->send(msg).getMessageQueue().getBrokerName());
  }
  victim->Shutdown();
  for (int i = 0; i < 30; ++i) {
    MQMessage msg(topic, "after-" + std::to_string(i));
    SendResult r = producer->send(msg);  // throws if a send fails
    EXPECT_EQ(r.getMessageQueue().getBrokerName(), "broker-a");
  }
  (void)t;
}

TEST_F(ProducerFailoverTest, SendsMoveToTheSurvivingBrokerGroup) {
  CreateTopicOnBoth("FailTopic");
  auto producer = MakeProducer("fail_pg");
  producer->start();
  std::set<std::string> used;
  RunKillScenario(this, producer.get(), "FailTopic", broker_b_.get(), &used);
  EXPECT_EQ(used.size(), 2u);  // round robin reached both groups before the kill
  EXPECT_TRUE(WaitFor([&] {
    return PullAll(BrokerAddr(), "FailTopic", 0).size() +
               PullAll(BrokerAddr(), "FailTopic", 1).size() >=
           30u;
  }));
  producer->shutdown();
}

TEST_F(ProducerFailoverTest, LatencyFaultToleranceAvoidsTheDeadGroup) {
  CreateTopicOnBoth("FaultTopic");
  auto producer = MakeProducer("fault_pg");
  producer->setSendLatencyFaultEnable(true);
  producer->start();
  std::set<std::string> used;
  RunKillScenario(this, producer.get(), "FaultTopic", broker_b_.get(), &used);
  producer->shutdown();
}

TEST_F(ProducerFailoverTest, AsyncSendRetriesOnAnotherBroker) {
  CreateTopicOnBoth("AsyncFailTopic");
  auto producer = MakeProducer("async_fail_pg");
  producer->start();
  MQMessage warm("AsyncFailTopic", "warm");
  producer->send(warm);
  broker_b_->Shutdown();
  std::atomic<int> ok{0}, failed{0};
  std::vector<MQMessage> msgs(20, MQMessage("AsyncFailTopic", "async"));
  for (auto& m : msgs) {
    producer->send(
        m, [&](SendResult&) { ok++; },
        [&](MQException& e) {
          ADD_FAILURE() << e.what();
          failed++;
        });
  }
  ASSERT_TRUE(WaitFor([&] { return ok + failed == 20; }));
  EXPECT_EQ(ok.load(), 20);
  producer->shutdown();
}

// A NameServer stand-in that serves the real route only to correctly signed requests.
TEST_F(ProducerFailoverTest, AclSignedRequestsAreAccepted) {
  CreateTopicOnBoth("AclTopic");
  remoting::RemotingServerOptions opts;
  opts.listen_port = 0;
  remoting::RemotingServer fake_ns(opts);
  std::atomic<int> verified{0}, rejected{0};
  client::ClientApi real_ns(&client_, {NamesrvAddr()});
  fake_ns.RegisterProcessor(
      RequestCode::kGetRouteinfoByTopic,
      remoting::MakeProcessor([&](const std::shared_ptr<remoting::Channel>&,
                                  RemotingCommand& req) -> std::optional<RemotingCommand> {
        if (req.ext_fields().GetOr("AccessKey") != "ak" ||
            !remoting::VerifyAclSignature(req, "sk").ok()) {
          rejected++;
          return RemotingCommand::CreateResponse(req, ResponseCode::kNoPermission, "bad sign");
        }
        verified++;
        auto route = real_ns.GetTopicRouteInfoFromNameServer(req.ext_fields().GetOr("topic"), 3000);
        if (!route.ok()) {
          return RemotingCommand::CreateResponse(req, route.status().code(),
                                                 route.status().message());
        }
        RemotingCommand resp = RemotingCommand::CreateResponse(req, ResponseCode::kSuccess);
        resp.set_body(route->ToJson());
        return resp;
      }));
  ASSERT_TRUE(fake_ns.Start().ok());
  auto producer = MakeProducer("acl_pg");
  producer->setNamesrvAddr("127.0.0.1:" + std::to_string(fake_ns.port()));
  producer->setSessionCredentials("ak", "sk", "ALIYUN");
  producer->start();
  MQMessage msg("AclTopic", "signed");
  EXPECT_EQ(producer->send(msg).getSendStatus(), SEND_OK);
  EXPECT_GT(verified.load(), 0);
  EXPECT_EQ(rejected.load(), 0);
  producer->shutdown();
  fake_ns.Shutdown();
}

}  // namespace
}  // namespace rocketmq::test
