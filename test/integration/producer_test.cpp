// DefaultMQProducer against the bundled NameServer + broker: every send mode stores exactly the
// bytes sent in the queue the SendResult names.
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "client/client_instance_registry.h"
#include "common/message_const.h"
#include "integration/producer_test_util.h"

namespace rocketmq::test {
namespace {

class ProducerTest : public ProducerFixture {};

TEST_F(ProducerTest, SyncSendStoresExactBytesInTheReportedQueue) {
  ASSERT_EQ(CreateTopic("SyncTopic", 4).code(), 0);
  auto producer = MakeProducer("sync_pg");
  producer->start();
  std::map<int, std::vector<std::pair<int64_t, std::string>>> sent;  // queue -> (offset, body)
  std::map<std::string, std::string> ids;                            // uniq -> body
  for (int i = 0; i < 20; ++i) {
    std::string body = "body-" + std::to_string(i) + std::string(1, '\0') + "\xff";
    MQMessage msg("SyncTopic", "TagA", "KEY" + std::to_string(i), body);
    SendResult r = producer->send(msg);
    EXPECT_EQ(r.getSendStatus(), SEND_OK);
    EXPECT_EQ(r.getMessageQueue().getTopic(), "SyncTopic");
    EXPECT_EQ(r.getMessageQueue().getBrokerName(), "broker-a");
    EXPECT_EQ(r.getMsgId().size(), 32u);
    EXPECT_EQ(r.getOffsetMsgId().size(), 32u);
    EXPECT_EQ(msg.getProperty("UNIQ_KEY"), r.getMsgId());
    sent[r.getMessageQueue().getQueueId()].push_back({r.getQueueOffset(), body});
    ids[r.getMsgId()] = body;
  }
  // Round robin spreads over all four queues.
  EXPECT_EQ(sent.size(), 4u);
  for (const auto& [queue, list] : sent) {
    auto stored = PullAll(BrokerAddr(), "SyncTopic", queue, list.size());
    ASSERT_EQ(stored.size(), list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      EXPECT_EQ(stored[i].queue_offset(), list[i].first);
      EXPECT_EQ(stored[i].body(), list[i].second);
      EXPECT_EQ(ids[stored[i].unique_key()], list[i].second);
      EXPECT_EQ(stored[i].tags(), "TagA");
    }
  }
  producer->shutdown();
}

class Latch {
 public:
  explicit Latch(int n) : n_(n) {}
  void CountDown() {
    std::lock_guard<std::mutex> l(mu_);
    if (--n_ <= 0) cv_.notify_all();
  }
  bool Wait(int ms) {
    std::unique_lock<std::mutex> l(mu_);
    return cv_.wait_for(l, std::chrono::milliseconds(ms), [&] { return n_ <= 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int n_;
};

TEST_F(ProducerTest, AsyncSendReportsEveryResultOnALibraryThread) {
  ASSERT_EQ(CreateTopic("AsyncTopic", 2).code(), 0);
  auto producer = MakeProducer("async_pg");
  producer->start();
  const int kCount = 30;
  Latch latch(kCount);
  std::mutex mu;
  std::map<std::string, std::pair<SendResult, std::string>> results;  // uniq -> (result, body)
  std::atomic<int> errors{0};
  const auto caller = std::this_thread::get_id();
  std::atomic<bool> on_caller_thread{false};
  std::vector<MQMessage> msgs;
  for (int i = 0; i < kCount; ++i) msgs.emplace_back("AsyncTopic", "async-" + std::to_string(i));
  for (int i = 0; i < kCount; ++i) {
    std::string body = msgs[i].getBody();
    producer->send(
        msgs[i],
        [&, body](SendResult& r) {
          if (std::this_thread::get_id() == caller) on_caller_thread = true;
          std::lock_guard<std::mutex> l(mu);
          results[r.getMsgId()] = {r, body};
          latch.CountDown();
        },
        [&](MQException& e) {
          ADD_FAILURE() << e.what();
          errors++;
          latch.CountDown();
        });
  }
  ASSERT_TRUE(latch.Wait(10000));
  EXPECT_EQ(errors.load(), 0);
  EXPECT_FALSE(on_caller_thread.load());
  ASSERT_EQ(results.size(), static_cast<size_t>(kCount));
  std::map<int, size_t> per_queue;
  for (const auto& [id, entry] : results) per_queue[entry.first.getMessageQueue().getQueueId()]++;
  for (int q = 0; q < 2; ++q) {
    for (const MessageExt& m : PullAll(BrokerAddr(), "AsyncTopic", q, per_queue[q])) {
      auto it = results.find(m.unique_key());
      ASSERT_NE(it, results.end());
      EXPECT_EQ(it->second.second, m.body());
      EXPECT_EQ(it->second.first.getMessageQueue().getQueueId(), q);
      EXPECT_EQ(it->second.first.getQueueOffset(), m.queue_offset());
      results.erase(it);
    }
  }
  EXPECT_TRUE(results.empty());
  producer->shutdown();
}

TEST_F(ProducerTest, OnewayAndQueueTargetedSendsLandInTheirQueue) {
  ASSERT_EQ(CreateTopic("OnewayTopic", 4).code(), 0);
  auto producer = MakeProducer("oneway_pg");
  producer->start();
  MQMessageQueue q3("OnewayTopic", "broker-a", 3);
  for (int i = 0; i < 5; ++i) {
    MQMessage msg("OnewayTopic", "oneway-" + std::to_string(i));
    producer->sendOneway(msg, q3);
  }
  MQMessage sync_msg("OnewayTopic", "to-queue-3");
  SendResult r = producer->send(sync_msg, q3);
  EXPECT_EQ(r.getMessageQueue(), q3);
  auto stored = PullAll(BrokerAddr(), "OnewayTopic", 3, 6);
  ASSERT_EQ(stored.size(), 6u);
  // The broker's send pool has several threads (Java 4.9.8: 2 here), so a oneway send may be
  // stored after the synchronous one that followed it: compare as a set.
  std::multiset<std::string> bodies;
  for (const auto& m : stored) {
    bodies.insert(m.body());
    if (m.body() == "to-queue-3") {
      EXPECT_EQ(m.queue_offset(), r.getQueueOffset());
    }
  }
  std::multiset<std::string> expected{"to-queue-3"};
  for (int i = 0; i < 5; ++i) expected.insert("oneway-" + std::to_string(i));
  EXPECT_EQ(bodies, expected);
  producer->shutdown();
}

TEST_F(ProducerTest, HashSelectorKeepsEachKeyInOrderInOneQueue) {
  ASSERT_EQ(CreateTopic("OrderTopic", 4).code(), 0);
  auto producer = MakeProducer("order_pg");
  producer->start();
  SelectMessageQueueByHash selector;
  std::map<std::string, int> queue_of;
  std::map<int, size_t> per_queue;
  for (int i = 0; i < 40; ++i) {
    std::string key = "order-" + std::to_string(i % 5);
    MQMessage msg("OrderTopic", key + ":" + std::to_string(i));
    SendResult r = producer->send(msg, &selector, &key);
    auto [it, inserted] = queue_of.emplace(key, r.getMessageQueue().getQueueId());
    EXPECT_EQ(it->second, r.getMessageQueue().getQueueId()) << key;
    per_queue[r.getMessageQueue().getQueueId()]++;
  }
  for (const auto& [key, queue] : queue_of) {
    int last = -1;
    for (const MessageExt& m : PullAll(BrokerAddr(), "OrderTopic", queue, per_queue[queue])) {
      if (m.body().rfind(key + ":", 0) != 0) continue;
      int seq = std::stoi(m.body().substr(key.size() + 1));
      EXPECT_GT(seq, last) << key;
      last = seq;
    }
    EXPECT_GE(last, 35) << key;
  }
  producer->shutdown();
}

TEST_F(ProducerTest, BatchIsStoredAsConsecutiveMessagesOfOneQueue) {
  ASSERT_EQ(CreateTopic("BatchTopic", 2).code(), 0);
  auto producer = MakeProducer("batch_pg");
  producer->start();
  std::vector<MQMessage> batch;
  for (int i = 0; i < 5; ++i)
    batch.emplace_back("BatchTopic", "TagB", "batch-" + std::to_string(i));
  SendResult r = producer->send(batch);
  EXPECT_EQ(r.getSendStatus(), SEND_OK);
  std::vector<std::string> ids;
  for (const MQMessage& m : batch) ids.push_back(m.getProperty("UNIQ_KEY"));
  std::string joined;
  for (const auto& id : ids) joined += (joined.empty() ? "" : ",") + id;
  EXPECT_EQ(r.getMsgId(), joined);
  auto stored = PullAll(BrokerAddr(), "BatchTopic", r.getMessageQueue().getQueueId(), 5);
  ASSERT_EQ(stored.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(stored[i].body(), "batch-" + std::to_string(i));
    EXPECT_EQ(stored[i].unique_key(), ids[i]);
    EXPECT_EQ(stored[i].queue_offset(), r.getQueueOffset() + i);
  }
  // Java's batch rules.
  std::vector<MQMessage> mixed = {MQMessage("BatchTopic", "a"), MQMessage("Other", "b")};
  EXPECT_THROW(producer->send(mixed), MQClientException);
  std::vector<MQMessage> delayed = {MQMessage("BatchTopic", "a")};
  delayed[0].setDelayTimeLevel(2);
  EXPECT_THROW(producer->send(delayed), MQClientException);
  producer->shutdown();
}

TEST_F(ProducerTest, LargeBodiesAreCompressedAndComeBackIntact) {
  ASSERT_EQ(CreateTopic("ZipTopic", 1).code(), 0);
  auto producer = MakeProducer("zip_pg");
  producer->start();
  std::string body;
  for (int i = 0; i < 3000; ++i) body += "compressible line " + std::to_string(i % 10) + "\n";
  MQMessage msg("ZipTopic", body);
  producer->send(msg);
  // Acknowledged once stored; the pull sees it once dispatched to the consume queue.
  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  client::ClientApi api(&client_, {});
  auto raw = api.PullMessageSync(
      BrokerAddr(),
      [] {
        client::PullMessageRequestHeader h;
        h.consumer_group = "raw";
        h.topic = "ZipTopic";
        h.sys_flag = client::kPullFlagSubscription;
        h.subscription = "*";
        return h;
      }(),
      5000);
  ASSERT_TRUE(raw.ok());
  auto stored = DecodeStoredMessages(raw->message_binary);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].sys_flag() & 0x301, 0x301);
  EXPECT_LT((*stored)[0].body().size(), body.size() / 4);
  auto decoded = PullAll(BrokerAddr(), "ZipTopic", 0, 1);
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0].body(), body);
  producer->shutdown();
}

TEST_F(ProducerTest, NewTopicIsAutoCreatedThroughTBW102) {
  auto producer = MakeProducer("auto_pg");
  producer->start();
  MQMessage msg("BrandNewTopic", "first message");
  SendResult r = producer->send(msg);
  EXPECT_EQ(r.getSendStatus(), SEND_OK);
  EXPECT_LT(r.getMessageQueue().getQueueId(), 4);  // defaultTopicQueueNums
  auto stored = PullAll(BrokerAddr(), "BrandNewTopic", r.getMessageQueue().getQueueId(), 1);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].body(), "first message");
  producer->shutdown();
}

TEST_F(ProducerTest, DelayLevelAndNamespaceTravelAsJavaSendsThem) {
  auto producer = MakeProducer("ns_pg");
  producer->setNamespace("InstanceA");
  producer->start();
  MQMessage msg("NsTopic", "delayed");
  msg.setDelayTimeLevel(3);
  SendResult r = producer->send(msg);
  EXPECT_EQ(r.getMessageQueue().getTopic(), "NsTopic");  // unwrapped for the application
  EXPECT_EQ(msg.getTopic(), "NsTopic");
  // Stored delayed: SCHEDULE_TOPIC_XXXX queue level-1 with the real topic wrapped.
  auto stored = PullAll(BrokerAddr(), "SCHEDULE_TOPIC_XXXX", 2, 1);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].GetProperty("REAL_TOPIC"), "InstanceA%NsTopic");
  EXPECT_EQ(stored[0].GetProperty("DELAY"), "3");
  EXPECT_EQ(stored[0].GetProperty("INSTANCE_ID"), "InstanceA");
  producer->shutdown();
}

TEST_F(ProducerTest, ValidationFailsBeforeSending) {
  auto producer = MakeProducer("valid_pg");
  MQMessage early("T", "x");
  EXPECT_THROW(producer->send(early), MQClientException);  // not started
  producer->start();
  MQMessage bad_topic("bad topic!", "x");
  EXPECT_THROW(producer->send(bad_topic), MQClientException);
  MQMessage empty("T", "");
  EXPECT_THROW(producer->send(empty), MQClientException);
  MQMessage forbidden("SCHEDULE_TOPIC_XXXX", "x");
  EXPECT_THROW(producer->send(forbidden), MQClientException);
  producer->setMaxMessageSize(10);
  producer->shutdown();
  EXPECT_THROW(producer->start(), MQClientException);
  DefaultMQProducer dflt("DEFAULT_PRODUCER");
  dflt.setNamesrvAddr(NamesrvAddr());
  EXPECT_THROW(dflt.start(), MQClientException);
}

TEST_F(ProducerTest, StartShutdownLoopLeaksNoThreadsOrFds) {
  auto cycle = [&](int i) {
    auto p = MakeProducer("loop_pg", "loop" + std::to_string(i % 3));
    p->start();
    p->shutdown();
  };
  cycle(0);  // warm up lazily created process-wide state
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

TEST_F(ProducerTest, ProducersOfOneClientIdShareOneInstance) {
  auto a = MakeProducer("share_a", "shared");
  auto b = MakeProducer("share_b", "shared");
  a->start();
  b->start();
  EXPECT_EQ(a->getClientId(), b->getClientId());
  EXPECT_EQ(client::ClientInstanceRegistry::Default().size(), 1u);
  a->shutdown();
  MQMessage msg("SharedTopic", "still works");
  EXPECT_EQ(b->send(msg).getSendStatus(), SEND_OK);
  b->shutdown();
  EXPECT_EQ(client::ClientInstanceRegistry::Default().size(), 0u);
  auto dup1 = MakeProducer("dup_pg", "dup");
  auto dup2 = MakeProducer("dup_pg", "dup");
  dup1->start();
  EXPECT_THROW(dup2->start(), MQClientException);
  dup1->shutdown();
}

}  // namespace
}  // namespace rocketmq::test
