// Client resilience (issue 14, deliverable 7): the producer and the push consumer against a broker
// that is killed and restarted, a NameServer that goes away (cached routes keep working), 3 s of
// injected latency, connections dropped mid-call and a broker that accepts and never answers.
// Every call fails within its deadline with a clear error, the client reconnects and recovers,
// and nothing leaks.
//
// The clients reach the broker through a TcpProxy: the test runs its own NameServer on which it
// registers the broker group at the proxy's address (the real broker registers itself only on
// the embedded cluster's NameServer), so every client byte to the broker passes the proxy.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "client/client_instance_registry.h"
#include "common/listen_socket.h"
#include "common/model/topic_config_wrapper.h"
#include "integration/consumer_test_util.h"
#include "integration/producer_test_util.h"
#include "integration/remoting_test_util.h"
#include "integration/tcp_proxy.h"
#include "mockbroker/broker/broker_outer_api.h"
#include "mockbroker/namesrv/namesrv_controller.h"
#include "rocketmq/default_mq_producer.h"
#include "rocketmq/default_mq_push_consumer.h"
#include "rocketmq/mq_exception.h"
#include "rocketmq/testing/embedded_cluster.h"

namespace rocketmq::test {
namespace {

namespace fs = std::filesystem;
using rocketmq::testing::EmbeddedCluster;
using rocketmq::testing::EmbeddedClusterOptions;
using namespace std::chrono_literals;

constexpr char kTopic[] = "ResilienceTopic";

int PortOf(const std::string& addr) { return std::stoi(addr.substr(addr.rfind(':') + 1)); }

double SecondsSince(std::chrono::steady_clock::time_point begin) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
}

class ClientResilienceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cluster_ = std::make_unique<EmbeddedCluster>(EmbeddedClusterOptions().ClusterName("ResCl"));
    cluster_->CreateTopic(kTopic, 2);
    broker_port_ = PortOf(cluster_->BrokerAddress("broker-a"));
    proxy_ = std::make_unique<TcpProxy>(broker_port_);
    dir_ = fs::temp_directory_path() / ("res-ns-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(dir_);
    StartNamesrv();
    ASSERT_TRUE(registrar_.Start().ok());
    Register(proxy_->address());
    threads_before_ = CountEntries("/proc/self/task");
    fds_before_ = CountEntries("/proc/self/fd");
  }

  void TearDown() override {
    registrar_.Shutdown();
    if (namesrv_) namesrv_->Shutdown();
    proxy_.reset();
    cluster_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void StartNamesrv() {
    namesrv::NamesrvConfig config;
    config.listen_address = "127.0.0.1";
    config.listen_port = 0;
    config.kv_config_path = (dir_ / "kvConfig.json").string();
    config.config_store_path = (dir_ / "namesrv.properties").string();
    namesrv_ = std::make_unique<namesrv::NamesrvController>(config);
    ASSERT_TRUE(namesrv_->Start().ok());
    namesrv_addr_ = "127.0.0.1:" + std::to_string(namesrv_->port());
    registrar_.UpdateNameServerAddressList(namesrv_addr_);
  }

  // Registers broker-a of cluster ResCl at `addr` with the test's NameServer (as a broker's
  // heartbeat would), so the clients' routes lead there.
  void Register(const std::string& addr) {
    broker::BrokerIdentity id;
    id.cluster_name = "ResCl";
    id.broker_name = "broker-a";
    id.broker_id = 0;
    id.broker_addr = addr;
    id.ha_server_addr = addr;
    TopicConfigSerializeWrapper topics;
    TopicConfig tc;
    tc.topic_name = kTopic;
    tc.read_queue_nums = tc.write_queue_nums = 2;
    topics.topic_config_table[kTopic] = tc;
    for (const Status& st : registrar_.RegisterBrokerAll(id, topics, false, 3000)) {
      ASSERT_TRUE(st.ok()) << st.ToString();
    }
  }

  // (Retries are set before start(): the producer reads its settings when it starts.)
  std::unique_ptr<DefaultMQProducer> StartProducer(const std::string& group, int timeout_ms,
                                                   int retries = 2) {
    auto p = std::make_unique<DefaultMQProducer>(group);
    p->setRetryTimesWhenSendFailed(retries);
    p->setNamesrvAddr(namesrv_addr_);
    p->setInstanceName(group);
    p->setSendMsgTimeout(timeout_ms);
    p->start();
    return p;
  }

  // After every client is shut down: no thread or descriptor more than before the test's clients.
  void ExpectNoLeaks() {
    EXPECT_TRUE(remoting::test::WaitFor(
        [&] { return CountEntries("/proc/self/task") <= threads_before_; }, 5s))
        << CountEntries("/proc/self/task") << " threads, " << threads_before_ << " before";
    // The proxy closes its side of a relayed pair on its next poll after the client closed.
    EXPECT_TRUE(remoting::test::WaitFor(
        [&] { return CountEntries("/proc/self/fd") <= fds_before_; }, 5s))
        << CountEntries("/proc/self/fd") << " fds, " << fds_before_ << " before";
    EXPECT_EQ(client::ClientInstanceRegistry::Default().size(), 0u);
  }

  std::unique_ptr<EmbeddedCluster> cluster_;
  std::unique_ptr<TcpProxy> proxy_;
  fs::path dir_;
  std::unique_ptr<namesrv::NamesrvController> namesrv_;
  std::string namesrv_addr_;
  broker::BrokerOuterApi registrar_;
  int broker_port_ = 0;
  int threads_before_ = 0;
  int fds_before_ = 0;
};

TEST_F(ClientResilienceTest, NameServerDownCachedRoutesKeepWorking) {
  auto producer = StartProducer("res_ns_pg", 3000);
  MQMessage first(kTopic, "before");
  ASSERT_EQ(producer->send(first).getSendStatus(), SEND_OK);

  registrar_.Shutdown();
  namesrv_->Shutdown();
  namesrv_.reset();
  // Routes are refreshed every 30 s; sends keep going to the cached broker meanwhile.
  for (int i = 0; i < 20; ++i) {
    MQMessage msg(kTopic, "while-ns-down-" + std::to_string(i));
    EXPECT_EQ(producer->send(msg).getSendStatus(), SEND_OK);
  }
  // A topic never seen has no route: a clear error within the deadline, not a hang.
  MQMessage unknown("NeverRoutedTopic", "x");
  const auto begin = std::chrono::steady_clock::now();
  try {
    producer->send(unknown);
    ADD_FAILURE() << "a send without any route succeeded";
  } catch (const MQException& e) {
    EXPECT_NE(std::string(e.what()).find("NeverRoutedTopic"), std::string::npos) << e.what();
  }
  EXPECT_LT(SecondsSince(begin), 6.0);
  producer->shutdown();
  ExpectNoLeaks();
}

TEST_F(ClientResilienceTest, InjectedLatencyFailsWithinTheDeadlineThenRecovers) {
  auto producer = StartProducer("res_lat_pg", 1000, 2);
  MQMessage warm(kTopic, "warm");
  ASSERT_EQ(producer->send(warm).getSendStatus(), SEND_OK);

  proxy_->SetDelay(3000ms);
  MQMessage slow(kTopic, "slow");
  auto begin = std::chrono::steady_clock::now();
  try {
    producer->send(slow);
    ADD_FAILURE() << "a send through 3 s of latency met a 1 s deadline";
  } catch (const MQException& e) {
    EXPECT_FALSE(std::string(e.what()).empty());
  }
  // The deadline holds across retries (Java: the timeout is the budget of the whole call).
  EXPECT_LT(SecondsSince(begin), 2.0);

  // Async: the callback reports the failure within its deadline too.
  std::promise<std::string> outcome;
  MQMessage async_msg(kTopic, "slow-async");
  begin = std::chrono::steady_clock::now();
  producer->send(
      async_msg, [&](SendResult&) { outcome.set_value("ok"); },
      [&](MQException& e) { outcome.set_value(std::string("error: ") + e.what()); }, 1000);
  std::future<std::string> f = outcome.get_future();
  ASSERT_EQ(f.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(f.get().rfind("error: ", 0), 0u);
  EXPECT_LT(SecondsSince(begin), 2.5);

  // Latency gone: the same producer sends again (late answers of the failed calls are dropped).
  proxy_->SetDelay(0ms);
  std::this_thread::sleep_for(3500ms);
  MQMessage again(kTopic, "again");
  EXPECT_EQ(producer->send(again).getSendStatus(), SEND_OK);
  producer->shutdown();
  ExpectNoLeaks();
}

TEST_F(ClientResilienceTest, ConnectionDroppedMidCallFailsFastAndReconnects) {
  auto producer = StartProducer("res_drop_pg", 5000, 0);
  MQMessage warm(kTopic, "warm");
  ASSERT_EQ(producer->send(warm).getSendStatus(), SEND_OK);
  const int connections = proxy_->accepted();

  // The request is swallowed, then the connection drops under the waiting call.
  proxy_->SetBlackHole(true);
  std::thread dropper([&] {
    std::this_thread::sleep_for(300ms);
    proxy_->DropAll();
  });
  MQMessage cut(kTopic, "cut");
  const auto begin = std::chrono::steady_clock::now();
  try {
    producer->send(cut);
    ADD_FAILURE() << "a send over a dropped connection succeeded";
  } catch (const MQException& e) {
    EXPECT_LT(SecondsSince(begin), 3.0) << e.what();  // well before the 5 s deadline
  }
  dropper.join();

  proxy_->SetBlackHole(false);
  MQMessage after(kTopic, "after");
  EXPECT_EQ(producer->send(after).getSendStatus(), SEND_OK);
  EXPECT_GT(proxy_->accepted(), connections);  // a new connection
  producer->shutdown();
  ExpectNoLeaks();
}

TEST_F(ClientResilienceTest, BrokerThatNeverAnswersCostsOneDeadlinePerCall) {
  // A listening socket that accepts and never reads: the route leads there.
  Result<ListenSocket> silent = OpenListenSocket("127.0.0.1", 0, 16);
  ASSERT_TRUE(silent.ok());
  Register("127.0.0.1:" + std::to_string(silent->port));
  auto producer = StartProducer("res_silent_pg", 800);
  for (int i = 0; i < 3; ++i) {
    MQMessage msg(kTopic, "to-nowhere");
    const auto begin = std::chrono::steady_clock::now();
    EXPECT_THROW(producer->send(msg), MQException);
    EXPECT_LT(SecondsSince(begin), 1.8);
  }
  // A push consumer of the silent broker neither crashes nor blocks its own shutdown.
  Recorder rec;
  RecordingListener listener("silent", &rec);
  DefaultMQPushConsumer consumer("res_silent_cg");
  consumer.setNamesrvAddr(namesrv_addr_);
  consumer.setInstanceName("res_silent_cg");
  consumer.subscribe(kTopic, "*");
  consumer.registerMessageListener(&listener);
  consumer.start();
  std::this_thread::sleep_for(1500ms);
  // Each shutdown waits at most for a heartbeat already in flight and its own unregister call,
  // 3 s each (Java's fixed timeouts).
  auto begin = std::chrono::steady_clock::now();
  consumer.shutdown();
  EXPECT_LT(SecondsSince(begin), 7.5);
  begin = std::chrono::steady_clock::now();
  producer->shutdown();
  EXPECT_LT(SecondsSince(begin), 7.5);
  EXPECT_EQ(rec.total(), 0u);
  ::close(silent->fd);
  ExpectNoLeaks();
}

TEST_F(ClientResilienceTest, BrokerKilledAndRestartedProducerAndConsumerRecover) {
  auto producer = StartProducer("res_kill_pg", 1500, 0);
  Recorder rec;
  RecordingListener listener("kill", &rec);
  DefaultMQPushConsumer consumer("res_kill_cg");
  consumer.setNamesrvAddr(namesrv_addr_);
  consumer.setInstanceName("res_kill_cg");
  consumer.setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
  consumer.subscribe(kTopic, "*");
  consumer.registerMessageListener(&listener);
  consumer.start();

  int acked = 0;
  auto send_one = [&](const std::string& body) {
    MQMessage msg(kTopic, body);
    try {
      if (producer->send(msg).getSendStatus() == SEND_OK) ++acked;
      return true;
    } catch (const MQException&) {
      return false;
    }
  };
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(send_one("pre-" + std::to_string(i)));

  cluster_->KillBroker("broker-a");
  for (int i = 0; i < 3; ++i) {
    const auto begin = std::chrono::steady_clock::now();
    EXPECT_FALSE(send_one("dead-" + std::to_string(i)));
    EXPECT_LT(SecondsSince(begin), 2.5);
  }
  cluster_->RestartBroker("broker-a");
  ASSERT_EQ(PortOf(cluster_->BrokerAddress("broker-a")), broker_port_);  // the proxy's upstream
  EXPECT_TRUE(remoting::test::WaitFor([&] { return send_one("probe"); }, 20s));
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(send_one("post-" + std::to_string(i)));

  // Every acknowledged message reaches the consumer, which reconnected on its own.
  auto all_seen = [&] {
    const std::map<std::string, int> seen = rec.seen();
    for (const char* prefix : {"pre-", "post-"}) {
      for (int i = 0; i < 10; ++i) {
        if (seen.count(prefix + std::to_string(i)) == 0) return false;
      }
    }
    return seen.count("probe") == 1;
  };
  EXPECT_TRUE(remoting::test::WaitFor(all_seen, 30s)) << rec.distinct() << " of " << acked;
  consumer.shutdown();
  producer->shutdown();
  ExpectNoLeaks();
}

}  // namespace
}  // namespace rocketmq::test

