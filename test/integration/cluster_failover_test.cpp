// Client failover against real child-process clusters (mqnamesrv + mqbroker from build/bin, so a
// SIGKILL is a real crash): DefaultMQProducer threads and a DefaultMQPushConsumer run while a
// master dies.
//  * SYNC_MASTER + SLAVE: every acknowledged message reads back from the slave, the push
//    consumer carries on from the slave, commits its offsets there, and after the master
//    restarts consumption returns to it without re-delivering what was consumed meanwhile.
//  * Two masters: once the route refreshed, sends keep succeeding on the surviving group.
//  * ASYNC_MASTER + SLAVE: the slave catches up and a push consumer started after the kill reads
//    everything from it.
// Short client intervals (route refresh, heartbeat, offset persistence: 1 s) keep it quick.
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "client/client_api.h"
#include "client/request_headers.h"
#include "common/message_decoder.h"
#include "integration/consumer_test_util.h"
#include "remoting/remoting_client.h"
#include "rocketmq/default_mq_producer.h"
#include "rocketmq/mq_exception.h"
#include "support/child_process.h"
#include "support/temp_dir.h"

namespace rocketmq::test {
namespace {

using namespace std::chrono_literals;

constexpr int kQueues = 4;
constexpr int kClientIntervalMs = 1000;

bool Eventually(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(100ms);
  }
  return pred();
}

// A NameServer and brokers as child processes in one temporary directory. Brokers are keyed
// "<brokerName>-<brokerId>"; each keeps its config, port and store across restarts.
class Cluster {
 public:
  Cluster() : dir_("cluster_failover"), bin_(ROCKETMQ_BIN_DIR) {
    ns_port_ = FreePort();
    WriteTextFile(dir_.path() + "/ns.conf", "listenPort=" + std::to_string(ns_port_) +
                                                "\nkvConfigPath=" + dir_.path() + "/kv.json\n");
    ns_ = std::make_unique<ChildProcess>(bin_ + "/mqnamesrv",
                                         std::vector<std::string>{"-c", dir_.path() + "/ns.conf"},
                                         dir_.path() + "/ns.out");
    ns_ok_ = ns_->WaitForOutput("boot success", 10s);
  }
  ~Cluster() {
    for (auto& [key, node] : nodes_) node.proc.reset();  // brokers before the NameServer
    ns_.reset();
  }

  bool ns_ok() const { return ns_ok_; }
  std::string ns_addr() const { return "127.0.0.1:" + std::to_string(ns_port_); }

  // Writes the broker's config and starts it; true once it booted.
  bool AddBroker(const std::string& name, int id, const std::string& role) {
    const std::string key = name + "-" + std::to_string(id);
    Node& n = nodes_[key];
    n.port = FreePort();
    n.conf = dir_.path() + "/" + key + ".conf";
    WriteTextFile(n.conf, "brokerClusterName=FailoverCluster\nbrokerName=" + name +
                              "\nbrokerId=" + std::to_string(id) + "\nbrokerRole=" + role +
                              "\nbrokerIP1=127.0.0.1\nlistenPort=" + std::to_string(n.port) +
                              "\nhaListenPort=" + std::to_string(id == 0 ? FreePort() : 0) +
                              "\nstorePathRootDir=" + dir_.path() + "/store-" + key +
                              "\nmappedFileSizeCommitLog=4194304\n"
                              "mappedFileSizeConsumeQueue=60000\n");
    return Start(key);
  }
  bool Start(const std::string& key) {
    Node& n = nodes_.at(key);
    const std::string out = dir_.path() + "/" + key + "." + std::to_string(++n.starts) + ".out";
    n.proc = std::make_unique<ChildProcess>(
        bin_ + "/mqbroker", std::vector<std::string>{"-c", n.conf, "-n", ns_addr()}, out);
    return n.proc->WaitForOutput("boot success", 15s);
  }
  // SIGKILL; true when the child died of it.
  bool Kill(const std::string& key) {
    Node& n = nodes_.at(key);
    const int status = n.proc->Kill(SIGKILL);
    n.proc.reset();
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  }
  std::string addr(const std::string& key) const {
    return "127.0.0.1:" + std::to_string(nodes_.at(key).port);
  }
  const std::string& dir() const { return dir_.path(); }

 private:
  struct Node {
    std::string conf;
    int port = 0;
    int starts = 0;
    std::unique_ptr<ChildProcess> proc;
  };
  TempDir dir_;
  std::string bin_;
  int ns_port_ = 0;
  bool ns_ok_ = false;
  std::unique_ptr<ChildProcess> ns_;
  std::map<std::string, Node> nodes_;
};

// Producer threads sending "<prefix>-<thread>-<n>" until stopped; remembers what was
// acknowledged with SEND_OK and counts failed calls (exceptions or another status) per phase.
class ProducerLoad {
 public:
  ProducerLoad(DefaultMQProducer* producer, std::string topic, std::string prefix, int threads)
      : producer_(producer), topic_(std::move(topic)), prefix_(std::move(prefix)) {
    for (int t = 0; t < threads; ++t) threads_.emplace_back([this, t] { Run(t); });
  }
  ~ProducerLoad() { Stop(); }
  void Stop() {
    stop_ = true;
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }
  // Failures from now on are counted as "after".
  void StartAfterPhase() { after_ = true; }
  std::set<std::string> acked() const {
    std::lock_guard<std::mutex> lock(mu_);
    return acked_;
  }
  std::map<std::string, int> acked_by_broker() const {
    std::lock_guard<std::mutex> lock(mu_);
    return by_broker_;
  }
  size_t acked_count() const {
    std::lock_guard<std::mutex> lock(mu_);
    return acked_.size();
  }
  int failures_before() const { return failures_[0].load(); }
  int failures_after() const { return failures_[1].load(); }
  std::string last_error() const {
    std::lock_guard<std::mutex> lock(mu_);
    return last_error_;
  }

 private:
  void Run(int t) {
    for (int n = 0; !stop_; ++n) {
      const std::string body = prefix_ + "-" + std::to_string(t) + "-" + std::to_string(n);
      const bool after = after_.load();
      try {
        MQMessage msg(topic_, "TagA", body);
        SendResult r = producer_->send(msg);
        if (r.getSendStatus() == SEND_OK) {
          std::lock_guard<std::mutex> lock(mu_);
          acked_.insert(body);
          ++by_broker_[r.getMessageQueue().getBrokerName()];
          continue;
        }
        Fail(after, "status " + std::to_string(r.getSendStatus()));
      } catch (const MQException& e) {
        Fail(after, e.what());
      }
      std::this_thread::sleep_for(20ms);  // a dead cluster is not hammered
    }
  }
  void Fail(bool after, const std::string& why) {
    ++failures_[after ? 1 : 0];
    std::lock_guard<std::mutex> lock(mu_);
    last_error_ = why;
  }

  DefaultMQProducer* producer_;
  const std::string topic_;
  const std::string prefix_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> after_{false};
  std::atomic<int> failures_[2] = {{0}, {0}};
  mutable std::mutex mu_;
  std::set<std::string> acked_;
  std::map<std::string, int> by_broker_;
  std::string last_error_;
  std::vector<std::thread> threads_;
};

// Records like RecordingListener, but every call waits until Open().
class GatedListener : public MessageListenerConcurrently {
 public:
  explicit GatedListener(Recorder* recorder) : recorder_(recorder) {}
  void Open() {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
    cv_.notify_all();
  }
  ConsumeStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override {
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return open_; });
    }
    for (const auto& m : msgs) recorder_->Record("c", m);
    return CONSUME_SUCCESS;
  }

 private:
  Recorder* recorder_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

// Opens the gate when a test ends early, so the consumer's shutdown does not wait forever.
struct GateOpener {
  explicit GateOpener(GatedListener* l) : listener(l) {}
  ~GateOpener() { listener->Open(); }
  GatedListener* listener;
};

class ClusterFailoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(cluster_.ns_ok());
    ASSERT_TRUE(remoting_.Start().ok());
    api_ = std::make_unique<client::ClientApi>(&remoting_,
                                               std::vector<std::string>{cluster_.ns_addr()});
  }
  void TearDown() override { remoting_.Shutdown(); }

  // Creates `topic` on the master `key` and waits until the NameServer routes it to
  // `broker_count` broker names.
  void CreateTopic(const std::string& key, const std::string& topic, size_t broker_count) {
    TopicConfig tc;
    tc.topic_name = topic;
    tc.read_queue_nums = kQueues;
    tc.write_queue_nums = kQueues;
    ASSERT_TRUE(api_->CreateTopic(cluster_.addr(key), "TBW102", tc, 5000).ok());
    ASSERT_TRUE(Eventually(
        [&] {
          auto r = api_->GetTopicRouteInfoFromNameServer(topic, 3000);
          return r.ok() && r->queue_datas.size() == broker_count;
        },
        15s));
  }

  // True once `addr` serves pulls of `topic` (a slave gets the topic from its master's metadata
  // sync; until then it answers TOPIC_NOT_EXIST).
  bool WaitTopicOn(const std::string& addr, const std::string& topic, const std::string& broker) {
    return Eventually([&] { return PullOnce(addr, topic, broker, 0, 0).ok(); }, 20s);
  }

  Result<client::PullResponse> PullOnce(const std::string& addr, const std::string& topic,
                                        const std::string& broker, int queue, int64_t offset) {
    client::PullMessageRequestHeader h;
    h.consumer_group = "failover_reader";
    h.topic = topic;
    h.queue_id = queue;
    h.queue_offset = offset;
    h.max_msg_nums = 32;
    h.sys_flag = client::BuildPullSysFlag(false, false, true, false);
    h.subscription = "*";
    h.broker_name = broker;
    return api_->PullMessageSync(addr, h, 5000);
  }

  std::unique_ptr<DefaultMQProducer> MakeProducer(const std::string& group) {
    auto p = std::make_unique<DefaultMQProducer>(group);
    p->setNamesrvAddr(cluster_.ns_addr());
    p->setInstanceName(group);
    p->setClientIP("127.0.0.1");
    p->setPollNameServerInterval(kClientIntervalMs);
    p->setHeartbeatBrokerInterval(kClientIntervalMs);
    p->setSendMsgTimeout(2000);
    return p;
  }

  std::unique_ptr<DefaultMQPushConsumer> MakeConsumer(const std::string& group,
                                                      const std::string& topic) {
    auto c = std::make_unique<DefaultMQPushConsumer>(group);
    c->setNamesrvAddr(cluster_.ns_addr());
    c->setInstanceName(group);
    c->setClientIP("127.0.0.1");
    c->subscribe(topic, "*");
    c->setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
    c->setConsumeThreadMin(4);
    c->setConsumeThreadMax(4);
    c->setPollNameServerInterval(kClientIntervalMs);
    c->setHeartbeatBrokerInterval(kClientIntervalMs);
    c->setPersistConsumerOffsetInterval(kClientIntervalMs);
    return c;
  }

  // Sends one message until SEND_OK (a SYNC_MASTER answers SLAVE_NOT_AVAILABLE until its slave
  // connected); true once one went through.
  bool SendUntilOk(DefaultMQProducer* producer, const std::string& topic, const std::string& body) {
    return Eventually(
        [&] {
          try {
            MQMessage msg(topic, "TagA", body);
            return producer->send(msg).getSendStatus() == SEND_OK;
          } catch (const MQException&) {
            return false;
          }
        },
        30s);
  }

  // Every message body stored in `topic` on `addr` (a plain pull of each queue from 0).
  std::multiset<std::string> PullBodies(const std::string& addr, const std::string& topic,
                                        const std::string& broker) {
    std::multiset<std::string> bodies;
    for (int q = 0; q < kQueues; ++q) {
      int64_t offset = 0;
      for (int round = 0; round < 10000; ++round) {
        Result<client::PullResponse> r = PullOnce(addr, topic, broker, q, offset);
        if (!r.ok() || r->status != client::PullStatus::kFound) break;
        Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(r->message_binary);
        if (!msgs.ok()) break;
        for (const MessageExt& m : *msgs) bodies.insert(m.body());
        offset = r->next_begin_offset;
      }
    }
    return bodies;
  }

  // The committed offset of `group` per queue at `addr` (-1 where none).
  std::vector<int64_t> CommittedOffsets(const std::string& addr, const std::string& group,
                                        const std::string& topic, const std::string& broker) {
    std::vector<int64_t> out;
    for (int q = 0; q < kQueues; ++q) {
      auto r = api_->QueryConsumerOffset(addr, group, MessageQueue{topic, broker, q}, 3000);
      out.push_back(r.ok() ? *r : -1);
    }
    return out;
  }
  std::vector<int64_t> MaxOffsets(const std::string& addr, const std::string& topic,
                                  const std::string& broker) {
    std::vector<int64_t> out;
    for (int q = 0; q < kQueues; ++q) {
      auto r = api_->GetMaxOffset(addr, MessageQueue{topic, broker, q}, 3000);
      out.push_back(r.ok() ? *r : -1);
    }
    return out;
  }

  Cluster cluster_;
  remoting::RemotingClient remoting_;
  std::unique_ptr<client::ClientApi> api_;
};

std::string Join(const std::vector<int64_t>& v) {
  std::string s;
  for (int64_t x : v) s += (s.empty() ? "" : ",") + std::to_string(x);
  return s;
}

TEST_F(ClusterFailoverTest, SyncMasterKilledConsumerCarriesOnFromSlaveAndReturnsToMaster) {
  const std::string topic = "FailoverSync";
  const std::string group = "failover_sync_cg";
  ASSERT_TRUE(cluster_.AddBroker("broker-s", 0, "SYNC_MASTER"));
  ASSERT_TRUE(cluster_.AddBroker("broker-s", 1, "SLAVE"));
  const std::string master = cluster_.addr("broker-s-0");
  const std::string slave = cluster_.addr("broker-s-1");
  CreateTopic("broker-s-0", topic, 1);
  ASSERT_TRUE(WaitTopicOn(slave, topic, "broker-s"));

  auto producer = MakeProducer("failover_sync_pg");
  producer->start();
  ASSERT_TRUE(SendUntilOk(producer.get(), topic, "probe"));

  // The listener holds its first batches until the master is dead, and the consumer caches at
  // most ~100 messages per queue, so most of the backlog must be pulled from the slave.
  Recorder rec;
  GatedListener listener(&rec);
  auto consumer = MakeConsumer(group, topic);
  consumer->setPullThresholdForQueue(64);
  consumer->registerMessageListener(&listener);
  consumer->start();
  GateOpener open_on_exit(&listener);

  auto load = std::make_unique<ProducerLoad>(producer.get(), topic, "s", 4);
  ASSERT_TRUE(Eventually([&] { return load->acked_count() >= 1600; }, 30s));
  ASSERT_TRUE(cluster_.Kill("broker-s-0"));
  std::this_thread::sleep_for(1500ms);  // producers keep trying against the dead master
  load->Stop();
  EXPECT_EQ(rec.total(), 0u);
  listener.Open();
  const std::set<std::string> acked = load->acked();
  ASSERT_GE(acked.size(), 1600u);

  // Every acknowledged message is stored on the slave...
  const std::multiset<std::string> on_slave = PullBodies(slave, topic, "broker-s");
  size_t missing_on_slave = 0;
  for (const std::string& body : acked) missing_on_slave += on_slave.count(body) == 0 ? 1 : 0;
  EXPECT_EQ(missing_on_slave, 0u) << "of " << acked.size();
  // ...and the push consumer, now reading from the slave, received every one of them.
  EXPECT_TRUE(Eventually(
      [&] {
        const auto seen = rec.seen();
        for (const std::string& body : acked) {
          if (seen.count(body) == 0) return false;
        }
        return true;
      },
      30s))
      << rec.distinct() << " distinct of " << acked.size() + 1;
  // Duplicates only from batches in flight at the kill: at most one pull (32) per queue.
  const size_t dup_at_kill = rec.total() - rec.distinct();
  EXPECT_LE(dup_at_kill, static_cast<size_t>(kQueues * 32)) << dup_at_kill;

  // While the master is away the consumer commits its offsets to the slave.
  const std::vector<int64_t> slave_max = MaxOffsets(slave, topic, "broker-s");
  EXPECT_TRUE(Eventually(
      [&] { return CommittedOffsets(slave, group, topic, "broker-s") == slave_max; }, 15s))
      << "slave committed " << Join(CommittedOffsets(slave, group, topic, "broker-s")) << " max "
      << Join(slave_max);

  // The master comes back: its stale offsets must not make the consumer re-read the outage's
  // consumption, and new messages are consumed from it.
  const std::map<std::string, int> seen_before_restart = rec.seen();
  ASSERT_TRUE(cluster_.Start("broker-s-0"));
  ASSERT_TRUE(SendUntilOk(producer.get(), topic, "after-probe"));
  std::set<std::string> after;
  for (int i = 0; i < 200; ++i) {
    MQMessage msg(topic, "TagA", "after-" + std::to_string(i));
    SendResult r = producer->send(msg);
    if (r.getSendStatus() == SEND_OK) after.insert(msg.getBody());
  }
  EXPECT_EQ(after.size(), 200u);
  EXPECT_TRUE(Eventually(
      [&] {
        const auto seen = rec.seen();
        for (const std::string& body : after) {
          if (seen.count(body) == 0) return false;
        }
        return seen.count("after-probe") != 0;
      },
      30s))
      << rec.distinct();
  std::this_thread::sleep_for(500ms);
  // Nothing consumed before the restart came again. (The master may still deliver messages it
  // wrote but never replicated nor acknowledged before the kill: new bodies, not repeats.)
  size_t redelivered = 0;
  const std::map<std::string, int> seen_after = rec.seen();
  for (const auto& [body, n] : seen_before_restart) redelivered += seen_after.at(body) - n;
  EXPECT_EQ(redelivered, 0u);
  // The master holds the consumer's progress again: every queue committed to its end.
  const std::vector<int64_t> master_max = MaxOffsets(master, topic, "broker-s");
  EXPECT_TRUE(Eventually(
      [&] { return CommittedOffsets(master, group, topic, "broker-s") == master_max; }, 15s))
      << "master committed " << Join(CommittedOffsets(master, group, topic, "broker-s")) << " max "
      << Join(master_max);

  consumer->shutdown();
  producer->shutdown();
}

TEST_F(ClusterFailoverTest, TwoMastersProducersMoveToTheSurvivorWithoutFailedCalls) {
  const std::string topic = "FailoverMulti";
  ASSERT_TRUE(cluster_.AddBroker("broker-a", 0, "ASYNC_MASTER"));
  ASSERT_TRUE(cluster_.AddBroker("broker-b", 0, "ASYNC_MASTER"));
  CreateTopic("broker-a-0", topic, 1);
  CreateTopic("broker-b-0", topic, 2);

  auto producer = MakeProducer("failover_multi_pg");
  producer->start();
  ASSERT_TRUE(SendUntilOk(producer.get(), topic, "probe"));
  auto load = std::make_unique<ProducerLoad>(producer.get(), topic, "m", 4);
  ASSERT_TRUE(Eventually([&] { return load->acked_count() >= 400; }, 20s));
  ASSERT_TRUE(cluster_.Kill("broker-b-0"));
  // The NameServer drops the dead group; give the producer two refresh periods to see it.
  ASSERT_TRUE(Eventually(
      [&] {
        auto r = api_->GetTopicRouteInfoFromNameServer(topic, 3000);
        return r.ok() && r->broker_datas.size() == 1;
      },
      15s));
  std::this_thread::sleep_for(std::chrono::milliseconds(2 * kClientIntervalMs + 500));
  const std::map<std::string, int> by_broker_before = load->acked_by_broker();
  load->StartAfterPhase();
  std::this_thread::sleep_for(3s);
  load->Stop();
  const std::map<std::string, int> by_broker = load->acked_by_broker();
  ASSERT_GT(by_broker_before.count("broker-b"), 0u);  // both groups took traffic before
  ASSERT_GT(by_broker_before.count("broker-a"), 0u);
  EXPECT_EQ(by_broker.at("broker-b"), by_broker_before.at("broker-b"));
  EXPECT_GT(by_broker.at("broker-a"), by_broker_before.at("broker-a") + 50);
  EXPECT_EQ(load->failures_after(), 0) << load->last_error();
  RecordProperty("failures_before_refresh", load->failures_before());
  std::cout << "[ multi-master ] failed calls before the refresh " << load->failures_before()
            << ", after " << load->failures_after() << "\n";
  producer->shutdown();
}

TEST_F(ClusterFailoverTest, AsyncSlaveCatchesUpAndServesAPushConsumerAfterTheKill) {
  const std::string topic = "FailoverAsync";
  ASSERT_TRUE(cluster_.AddBroker("broker-x", 0, "ASYNC_MASTER"));
  ASSERT_TRUE(cluster_.AddBroker("broker-x", 1, "SLAVE"));
  const std::string master = cluster_.addr("broker-x-0");
  const std::string slave = cluster_.addr("broker-x-1");
  CreateTopic("broker-x-0", topic, 1);
  ASSERT_TRUE(WaitTopicOn(slave, topic, "broker-x"));

  auto producer = MakeProducer("failover_async_pg");
  producer->start();
  ASSERT_TRUE(SendUntilOk(producer.get(), topic, "probe"));
  auto load = std::make_unique<ProducerLoad>(producer.get(), topic, "a", 4);
  ASSERT_TRUE(Eventually([&] { return load->acked_count() >= 1000; }, 20s));
  load->Stop();
  EXPECT_EQ(load->failures_before(), 0) << load->last_error();
  const std::set<std::string> acked = load->acked();

  // The slave catches up with everything the master acknowledged, then the master dies.
  const std::vector<int64_t> master_max = MaxOffsets(master, topic, "broker-x");
  ASSERT_TRUE(Eventually([&] { return MaxOffsets(slave, topic, "broker-x") == master_max; }, 20s))
      << Join(MaxOffsets(slave, topic, "broker-x")) << " vs " << Join(master_max);
  ASSERT_TRUE(cluster_.Kill("broker-x-0"));
  producer->shutdown();
  ASSERT_TRUE(Eventually(
      [&] {
        auto r = api_->GetTopicRouteInfoFromNameServer(topic, 3000);
        return r.ok() && r->broker_datas.size() == 1 && r->broker_datas[0].broker_addrs.size() == 1;
      },
      15s));

  // A consumer that never saw the master reads everything from the slave.
  Recorder rec;
  RecordingListener listener("c", &rec);
  auto consumer = MakeConsumer("failover_async_cg", topic);
  consumer->registerMessageListener(&listener);
  consumer->start();
  EXPECT_TRUE(Eventually([&] { return rec.distinct() == acked.size() + 1; }, 30s))
      << rec.distinct() << " of " << acked.size() + 1;
  const auto seen = rec.seen();
  for (const std::string& body : acked) EXPECT_EQ(seen.count(body), 1u) << body;
  EXPECT_EQ(rec.total(), rec.distinct());
  consumer->shutdown();
}

}  // namespace
}  // namespace rocketmq::test
