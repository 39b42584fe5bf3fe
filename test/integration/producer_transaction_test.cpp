// TransactionMQProducer and request-reply against the bundled NameServer + broker: committed,
// rolled back and checked transactions end with exactly the committed messages readable;
// requests get the reply a responder sends; producers start and stop without leaking.
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "client/client_instance_registry.h"
#include "client/message_access.h"
#include "common/message_const.h"
#include "integration/producer_test_util.h"

namespace rocketmq::test {
namespace {

constexpr char kTxTopic[] = "TxTopic";
constexpr char kRequestTopic[] = "RequestTopic";

class TxProducerTest : public ProducerFixture {
 protected:
  Properties BrokerProps() override {
    Properties p = ProducerFixture::BrokerProps();
    p.Set("transactionCheckInterval", "150");
    p.Set("transactionTimeOut", "300");
    p.Set("transactionCheckMax", "20");
    return p;
  }

  std::unique_ptr<TransactionMQProducer> MakeTxProducer(const std::string& group) {
    auto p = std::make_unique<TransactionMQProducer>(group);
    p->setNamesrvAddr(NamesrvAddr());
    p->setInstanceName(group);
    return p;
  }
};

// Decides by the message keys: "commit", "rollback", "unknown" (checked later: commit), "throw"
// (throws; checked later: rollback).
class KeyedListener : public TransactionListener {
 public:
  LocalTransactionState executeLocalTransaction(const MQMessage& msg, void* arg) override {
    EXPECT_EQ(arg, &tag_);
    EXPECT_EQ(msg.getProperty("TRAN_MSG"), "true");
    EXPECT_FALSE(msg.getTransactionId().empty());
    const std::string key = msg.getKeys();
    if (key == "throw") throw std::runtime_error("local database down");
    if (key == "commit") return COMMIT_MESSAGE;
    if (key == "rollback") return ROLLBACK_MESSAGE;
    return UNKNOW;
  }
  LocalTransactionState checkLocalTransaction(const MQMessageExt& msg) override {
    std::lock_guard<std::mutex> lock(mu_);
    checks_[msg.getKeys()].push_back(msg.getTransactionId());
    topics_.insert(msg.getTopic());
    if (msg.getKeys() == "unknown") return COMMIT_MESSAGE;
    if (msg.getKeys() == "throw") return ROLLBACK_MESSAGE;
    ADD_FAILURE() << "unexpected check of " << msg.getKeys();
    return UNKNOW;
  }
  std::map<std::string, std::vector<std::string>> Checks() {
    std::lock_guard<std::mutex> lock(mu_);
    return checks_;
  }
  std::set<std::string> Topics() {
    std::lock_guard<std::mutex> lock(mu_);
    return topics_;
  }
  int tag_ = 0;

 private:
  std::mutex mu_;
  std::map<std::string, std::vector<std::string>> checks_;
  std::set<std::string> topics_;
};

std::multiset<std::string> Bodies(const std::vector<MessageExt>& msgs) {
  std::multiset<std::string> out;
  for (const MessageExt& m : msgs) out.insert(m.body());
  return out;
}

TEST_F(TxProducerTest, CommitRollbackAndCheckedTransactionsResolve) {
  ASSERT_EQ(CreateTopic(kTxTopic, 1).code(), 0);
  KeyedListener listener;
  auto p = MakeTxProducer("tx_pg");
  p->setTransactionListener(&listener);
  p->setCheckThreadPoolMinSize(2);
  p->setCheckThreadPoolMaxSize(4);
  p->start();

  std::map<std::string, TransactionSendResult> results;
  for (const char* key : {"commit", "rollback", "unknown", "throw"}) {
    MQMessage msg(kTxTopic, "TagA", key, std::string("body-") + key);
    msg.setDelayTimeLevel(3);  // ignored for transactional messages
    TransactionSendResult r = p->sendMessageInTransaction(msg, &listener.tag_);
    EXPECT_EQ(r.getSendStatus(), SEND_OK);
    EXPECT_FALSE(r.getOffsetMsgId().empty());
    EXPECT_EQ(r.getMsgId(), msg.getProperty("UNIQ_KEY"));
    EXPECT_EQ(msg.getTransactionId(), r.getMsgId());
    EXPECT_EQ(msg.getProperty("PGROUP"), "tx_pg");
    EXPECT_EQ(msg.getDelayTimeLevel(), 0);
    results.emplace(key, r);
  }
  EXPECT_EQ(results["commit"].getLocalTransactionState(), COMMIT_MESSAGE);
  EXPECT_EQ(results["rollback"].getLocalTransactionState(), ROLLBACK_MESSAGE);
  EXPECT_EQ(results["unknown"].getLocalTransactionState(), UNKNOW);
  EXPECT_EQ(results["throw"].getLocalTransactionState(), UNKNOW);

  // The broker checks the two open ones; the listener commits one and rolls back the other.
  ASSERT_TRUE(WaitFor(
      [&] {
        auto c = listener.Checks();
        return c.count("unknown") != 0 && c.count("throw") != 0;
      },
      std::chrono::milliseconds(10000)));
  ASSERT_TRUE(WaitFor([&] { return PullAll(BrokerAddr(), kTxTopic, 0).size() >= 2; },
                      std::chrono::milliseconds(10000)));
  // A few more check rounds: nothing else may appear.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  std::vector<MessageExt> stored = PullAll(BrokerAddr(), kTxTopic, 0, 2);
  EXPECT_EQ(Bodies(stored), (std::multiset<std::string>{"body-commit", "body-unknown"}));
  for (const MessageExt& m : stored) {
    EXPECT_EQ(m.topic(), kTxTopic);
    EXPECT_EQ(TransactionType(m.sys_flag()), kSysFlagTransactionCommitType);
  }
  auto checks = listener.Checks();
  EXPECT_EQ(checks.count("commit"), 0u);
  EXPECT_EQ(checks.count("rollback"), 0u);
  // The checked message's transaction id is its UNIQ_KEY.
  ASSERT_FALSE(checks["unknown"].empty());
  EXPECT_EQ(checks["unknown"].front(), results["unknown"].getMsgId());
  EXPECT_EQ(checks["throw"].front(), results["throw"].getMsgId());
  EXPECT_EQ(listener.Topics(), (std::set<std::string>{kTxTopic}));
  p->shutdown();
}

TEST_F(TxProducerTest, NamespacedTransactionCommits) {
  ASSERT_EQ(CreateTopic("ns1%TxNs", 1).code(), 0);
  KeyedListener listener;
  auto p = MakeTxProducer("tx_ns_pg");
  p->setNamespace("ns1");
  p->setTransactionListener(&listener);
  p->start();
  MQMessage msg("TxNs", "", "unknown", "namespaced");
  TransactionSendResult r = p->sendMessageInTransaction(msg, &listener.tag_);
  EXPECT_EQ(r.getMessageQueue().getTopic(), "TxNs");
  EXPECT_EQ(msg.getProperty("PGROUP"), "ns1%tx_ns_pg");
  ASSERT_TRUE(WaitFor([&] { return PullAll(BrokerAddr(), "ns1%TxNs", 0).size() == 1; },
                      std::chrono::milliseconds(10000)));
  // The checker saw the topic without the namespace, as Java's ClientRemotingProcessor gives it.
  EXPECT_EQ(listener.Topics(), (std::set<std::string>{"TxNs"}));
  p->shutdown();
}

TEST_F(TxProducerTest, MisuseIsReportedAsMQClientException) {
  auto p = MakeTxProducer("tx_misuse_pg");
  MQMessage msg(kTxTopic, "body");
  EXPECT_THROW(p->sendMessageInTransaction(msg, nullptr), MQClientException);  // no listener
  KeyedListener listener;
  p->setTransactionListener(&listener);
  EXPECT_THROW(p->sendMessageInTransaction(msg, nullptr), MQClientException);  // not started
  p->start();
  MQMessage no_topic("", "body");
  EXPECT_THROW(p->sendMessageInTransaction(no_topic, nullptr), MQClientException);
  p->shutdown();
}

// ---- request-reply ----

// Pulls `topic` queue 0 and answers every request with "reply to <body>" through `producer`.
class Responder {
 public:
  Responder(std::string broker, DefaultMQProducer* producer)
      : broker_(std::move(broker)), producer_(producer), api_(&client_, {}) {
    EXPECT_TRUE(client_.Start().ok());
    thread_ = std::thread([this] { Run(); });
  }
  ~Responder() {
    stop_ = true;
    thread_.join();
    client_.Shutdown();
  }
  int answered() const { return answered_.load(); }
  std::vector<MessageExt> Requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  void Run() {
    int64_t offset = 0;
    while (!stop_) {
      Result<client::PullResponse> r =
          api_.PullMessageSync(broker_, PullHeader("responder", kRequestTopic, 0, offset), 3000);
      if (!r.ok() || r->status != client::PullStatus::kFound) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      offset = r->next_begin_offset;
      Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(r->message_binary);
      if (!msgs.ok()) continue;
      for (MessageExt& m : *msgs) {
        {
          std::lock_guard<std::mutex> lock(mu_);
          requests_.push_back(m);
        }
        MQMessageExt request = MQMessageAccess::Wrap(m);
        MQMessage reply = createReplyMessage(request, "reply to " + m.body());
        try {
          producer_->send(reply);
          ++answered_;
        } catch (const MQException& e) {
          ADD_FAILURE() << "reply failed: " << e.what();
        }
      }
    }
  }

  const std::string broker_;
  DefaultMQProducer* producer_;
  remoting::RemotingClient client_;
  client::ClientApi api_;
  std::atomic<bool> stop_{false};
  std::atomic<int> answered_{0};
  std::mutex mu_;
  std::vector<MessageExt> requests_;
  std::thread thread_;
};

class CountingCallback : public RequestCallback {
 public:
  void onSuccess(MQMessage& reply) override {
    std::lock_guard<std::mutex> lock(mu_);
    replies_.push_back(reply.getBody());
  }
  void onException(MQException& e) noexcept override {
    std::lock_guard<std::mutex> lock(mu_);
    errors_.push_back(std::string(e.GetType()) + ": " + e.getErrorMessage());
  }
  size_t count() {
    std::lock_guard<std::mutex> lock(mu_);
    return replies_.size() + errors_.size();
  }
  std::vector<std::string> replies_, errors_;

 private:
  std::mutex mu_;
};

TEST_F(TxProducerTest, RequestGetsTheResponderReply) {
  ASSERT_EQ(CreateTopic(kRequestTopic, 1).code(), 0);
  auto requester = MakeProducer("requester_pg");
  requester->start();
  auto replier = MakeProducer("replier_pg");
  replier->start();
  Responder responder(BrokerAddr(), replier.get());

  MQMessage msg(kRequestTopic, "TagR", "question-1");
  MQMessage reply = requester->request(msg, 5000);
  EXPECT_EQ(reply.getBody(), "reply to question-1");
  EXPECT_EQ(reply.getProperty("MSG_TYPE"), "reply");
  EXPECT_EQ(reply.getProperty("CORRELATION_ID"), msg.getProperty("CORRELATION_ID"));
  EXPECT_FALSE(reply.getProperty("ARRIVE_TIME").empty());
  EXPECT_EQ(reply.getTopic(), "DefaultCluster_REPLY_TOPIC");
  // The request carried what Java's prepareSendRequest puts on it.
  EXPECT_EQ(msg.getProperty("CORRELATION_ID").size(), 36u);
  EXPECT_EQ(msg.getProperty("REPLY_TO_CLIENT"), requester->getClientId());
  EXPECT_EQ(msg.getProperty("TTL"), "5000");

  // To a given queue, and asynchronously.
  MQMessage to_queue(kRequestTopic, "question-2");
  EXPECT_EQ(
      requester->request(to_queue, MQMessageQueue(kRequestTopic, "broker-a", 0), 5000).getBody(),
      "reply to question-2");
  CountingCallback cb;
  for (int i = 0; i < 5; ++i) {
    MQMessage async_msg(kRequestTopic, "async-" + std::to_string(i));
    requester->request(async_msg, &cb, 5000);
  }
  ASSERT_TRUE(WaitFor([&] { return cb.count() == 5; }, std::chrono::milliseconds(10000)));
  EXPECT_TRUE(cb.errors_.empty()) << cb.errors_.front();
  std::multiset<std::string> got(cb.replies_.begin(), cb.replies_.end());
  EXPECT_EQ(got.count("reply to async-3"), 1u);
  // The broker pushes a reply before it answers the responder's send: count after the push.
  EXPECT_TRUE(WaitFor([&] { return responder.answered() == 7; }));

  // The request as the responder read it: CLUSTER (from the broker) and the request properties.
  std::vector<MessageExt> requests = responder.Requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests[0].GetProperty(kPropertyCluster), "DefaultCluster");
  EXPECT_EQ(requests[0].GetProperty(kPropertyMessageTtl), "5000");
  replier->shutdown();
  requester->shutdown();
}

TEST_F(TxProducerTest, RequestWithoutResponderTimesOut) {
  ASSERT_EQ(CreateTopic(kRequestTopic, 1).code(), 0);
  auto requester = MakeProducer("lonely_pg");
  requester->start();
  MQMessage msg(kRequestTopic, "nobody answers");
  const auto begin = std::chrono::steady_clock::now();
  EXPECT_THROW(requester->request(msg, 800), RequestTimeoutException);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - begin)
                      .count();
  EXPECT_GE(ms, 700);
  EXPECT_LT(ms, 3000);

  CountingCallback cb;
  MQMessage async_msg(kRequestTopic, "nobody answers either");
  requester->request(async_msg, &cb, 500);
  ASSERT_TRUE(WaitFor([&] { return cb.count() == 1; }, std::chrono::milliseconds(6000)));
  ASSERT_EQ(cb.errors_.size(), 1u);
  EXPECT_NE(cb.errors_[0].find("RequestTimeoutException: request timeout, no reply message."),
            std::string::npos)
      << cb.errors_[0];

  // A request that cannot be sent is an MQClientException, not a timeout.
  MQMessage bad("NoSuchTopicAnywhere", "x");
  try {
    requester->request(bad, MQMessageQueue("NoSuchTopicAnywhere", "broker-zz", 0), 1000);
    FAIL() << "request to an unknown broker succeeded";
  } catch (const RequestTimeoutException& e) {
    FAIL() << "reported as a timeout: " << e.what();
  } catch (const MQClientException& e) {
    EXPECT_NE(std::string(e.what()).find("fail"), std::string::npos) << e.what();
  }
  EXPECT_EQ(requester->getClientId().empty(), false);
  requester->shutdown();
  EXPECT_THROW(createReplyMessage(MQMessage("T", "no cluster"), "x"), MQClientException);
}

TEST_F(TxProducerTest, TransactionProducerStartShutdownLoopLeaksNothing) {
  KeyedListener listener;
  auto cycle = [&](int i) {
    auto p = MakeTxProducer("tx_loop_pg");
    p->setInstanceName("txloop" + std::to_string(i % 3));
    p->setTransactionListener(&listener);
    p->start();
    p->shutdown();
  };
  cycle(0);
  const int threads = CountEntries("/proc/self/task");
  const int fds = CountEntries("/proc/self/fd");
  const auto begin = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) cycle(i);
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  EXPECT_LT(secs, 30.0);
  EXPECT_EQ(CountEntries("/proc/self/task"), threads);
  EXPECT_LE(CountEntries("/proc/self/fd"), fds);
  EXPECT_EQ(client::ClientInstanceRegistry::Default().size(), 0u);
}

}  // namespace
}  // namespace rocketmq::test
