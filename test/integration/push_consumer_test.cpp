// DefaultMQPushConsumer against the bundled NameServer + broker: clustering shares, rebalance on
// membership changes, broadcasting, tag filtering, consumeFromWhere and committed offsets.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "integration/consumer_test_util.h"

namespace rocketmq::test {
namespace {

using namespace std::chrono_literals;

class PushConsumerTest : public ConsumerFixture {};

TEST_F(PushConsumerTest, ThreeConsumersShareEightQueuesExactlyOnce) {
  ASSERT_EQ(CreateTopic("T3", 8).code(), 0);
  Recorder rec;
  std::vector<std::unique_ptr<RecordingListener>> listeners;
  std::vector<std::unique_ptr<DefaultMQPushConsumer>> consumers;
  for (int i = 0; i < 3; ++i) {
    listeners.push_back(std::make_unique<RecordingListener>("c" + std::to_string(i), &rec));
    consumers.push_back(MakeConsumer("G3", "c" + std::to_string(i), "T3"));
    consumers.back()->registerMessageListener(listeners.back().get());
    consumers.back()->start();
  }
  // Let the group settle (every consumer saw the other two) before sending.
  std::this_thread::sleep_for(2s);
  const int kCount = 600;
  SendNumbered("T3", 8, kCount, "m");
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == kCount; }, 30s)) << rec.distinct();
  std::this_thread::sleep_for(500ms);  // no late duplicates
  for (const auto& [body, n] : rec.seen()) EXPECT_EQ(n, 1) << body;
  EXPECT_EQ(rec.total(), static_cast<size_t>(kCount));
  auto by = rec.by_consumer();
  ASSERT_EQ(by.size(), 3u);
  // AVG over 8 queues: 3 + 3 + 2 queues, 75 messages per queue.
  std::multiset<int> shares;
  for (const auto& [who, n] : by) shares.insert(n);
  EXPECT_EQ(shares, (std::multiset<int>{150, 225, 225}));
  for (auto& c : consumers) c->shutdown();
}

TEST_F(PushConsumerTest, RebalanceOnJoinAndLeaveLosesNothing) {
  ASSERT_EQ(CreateTopic("TR", 8).code(), 0);
  Recorder rec;
  RecordingListener l1("a", &rec), l2("b", &rec);
  auto a = MakeConsumer("GR", "a", "TR");
  a->registerMessageListener(&l1);
  a->start();
  SendNumbered("TR", 8, 200, "r", "TagA", 0);
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 200; }, 20s)) << rec.distinct();
  auto b = MakeConsumer("GR", "b", "TR");
  b->registerMessageListener(&l2);
  b->start();
  SendNumbered("TR", 8, 200, "r", "TagA", 200);
  std::this_thread::sleep_for(1s);
  SendNumbered("TR", 8, 200, "r", "TagA", 400);
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 600; }, 30s)) << rec.distinct();
  b->shutdown();  // a takes b's queues back from b's committed offsets
  SendNumbered("TR", 8, 200, "r", "TagA", 600);
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 800; }, 40s)) << rec.distinct();
  const size_t duplicates = rec.total() - rec.distinct();
  // Duplicates come only from batches in flight while a queue moved: bounded by what one pull
  // of each moved queue can hold.
  EXPECT_LE(duplicates, 8u * 32u) << duplicates;
  EXPECT_GT(rec.by_consumer()["b"], 0);
  a->shutdown();
}

TEST_F(PushConsumerTest, BroadcastingDeliversEverythingToEveryInstance) {
  ASSERT_EQ(CreateTopic("TB", 4).code(), 0);
  Recorder r1, r2;
  RecordingListener l1("x", &r1), l2("y", &r2);
  auto x = MakeConsumer("GB", "x", "TB");
  auto y = MakeConsumer("GB", "y", "TB");
  x->setMessageModel(BROADCASTING);
  y->setMessageModel(BROADCASTING);
  x->registerMessageListener(&l1);
  y->registerMessageListener(&l2);
  x->start();
  y->start();
  SendNumbered("TB", 4, 100, "b");
  ASSERT_TRUE(WaitFor([&] { return r1.distinct() == 100 && r2.distinct() == 100; }, 20s))
      << r1.distinct() << " " << r2.distinct();
  x->shutdown();
  y->shutdown();
}

TEST_F(PushConsumerTest, TagFilter) {
  ASSERT_EQ(CreateTopic("TT", 2).code(), 0);
  SendNumbered("TT", 2, 20, "a", "TagA");
  SendNumbered("TT", 2, 20, "b", "TagB");
  SendNumbered("TT", 2, 20, "c", "TagC");
  Recorder rec;
  RecordingListener l("t", &rec);
  auto c = MakeConsumer("GT", "t", "TT", "TagA || TagC");
  c->registerMessageListener(&l);
  c->start();
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 40; }, 20s)) << rec.distinct();
  std::this_thread::sleep_for(300ms);
  for (const auto& [body, n] : rec.seen()) EXPECT_NE(body[0], 'b') << body;
  EXPECT_EQ(rec.distinct(), 40u);
  c->shutdown();
}

TEST_F(PushConsumerTest, NewGroupOnInMemoryQueueStartsAtZeroAndOffsetsAreCommitted) {
  ASSERT_EQ(CreateTopic("TL", 2).code(), 0);
  SendNumbered("TL", 2, 50, "old");
  {
    // CONSUME_FROM_LAST_OFFSET, but the broker answers QUERY_CONSUMER_OFFSET with 0 for a new
    // group while the queue's first message is still in memory (protocol.md §2.6), so the whole
    // backlog is delivered, as with a Java consumer.
    Recorder rec;
    RecordingListener l("l", &rec);
    auto c = MakeConsumer("GL", "l", "TL");
    c->setConsumeFromWhere(CONSUME_FROM_LAST_OFFSET);
    c->registerMessageListener(&l);
    c->start();
    SendNumbered("TL", 2, 10, "new");
    ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 60; }, 20s)) << rec.distinct();
    c->shutdown();  // persists offsets
  }
  // The committed offsets are the queue ends.
  for (int q = 0; q < 2; ++q) {
    RemotingCommand r =
        Call(Request(RequestCode::kQueryConsumerOffset,
                     {{"consumerGroup", "GL"}, {"topic", "TL"}, {"queueId", std::to_string(q)}}));
    ASSERT_EQ(r.code(), 0);
    EXPECT_EQ(r.ext_fields().GetOr("offset"), "30");
  }
  // A restarted consumer of the group continues from there, whatever consumeFromWhere says.
  SendNumbered("TL", 2, 6, "later");
  Recorder rec;
  RecordingListener l("l2", &rec);
  auto c = MakeConsumer("GL", "l2", "TL");
  c->registerMessageListener(&l);
  c->start();
  ASSERT_TRUE(WaitFor([&] { return rec.distinct() == 6; }, 20s)) << rec.distinct();
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(rec.distinct(), 6u);
  for (const auto& [body, n] : rec.seen()) EXPECT_EQ(body.rfind("later", 0), 0u) << body;
  c->shutdown();
}

size_t CountEntries(const char* dir) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    (void)e;
    ++n;
  }
  return n;
}
size_t ThreadCount() { return CountEntries("/proc/self/task"); }
size_t FdCount() { return CountEntries("/proc/self/fd"); }

TEST_F(PushConsumerTest, StartShutdownLoopLeaksNoThreadsOrFds) {
  ASSERT_EQ(CreateTopic("TS", 2).code(), 0);
  Recorder rec;
  RecordingListener l("s", &rec);
  auto cycle = [&](int i) {
    auto c = MakeConsumer("GS", "s" + std::to_string(i), "TS");
    c->registerMessageListener(&l);
    c->start();
    c->shutdown();
  };
  cycle(0);  // warm-up: library-wide threads (if any) start here
  const size_t threads = ThreadCount();
  const size_t fds = FdCount();
  for (int i = 1; i <= 20; ++i) cycle(i);
  EXPECT_TRUE(WaitFor([&] { return ThreadCount() <= threads; }, 5s))
      << "threads before " << threads << ", after " << ThreadCount();
  // The broker side may still be closing its ends; ours are gone at once.
  EXPECT_TRUE(WaitFor([&] { return FdCount() <= fds; }, 5s))
      << "fds before " << fds << ", after " << FdCount();
}

}  // namespace
}  // namespace rocketmq::test
