// Allocation strategies: the shares Java computes for the same inputs (protocol.md §9.4).
#include <gtest/gtest.h>

#include <set>

#include "consumer/allocate_strategy.h"

namespace rocketmq::consumer {
namespace {

std::vector<MessageQueue> Queues(const std::string& broker, int n) {
  std::vector<MessageQueue> out;
  for (int i = 0; i < n; ++i) out.emplace_back("TopicTest", broker, i);
  return out;
}

std::vector<int> Ids(const std::vector<MessageQueue>& mqs) {
  std::vector<int> out;
  for (const auto& mq : mqs) out.push_back(mq.queue_id);
  return out;
}

const std::vector<std::string> kCids = {"10.0.0.1@1", "10.0.0.2@1", "10.0.0.3@1"};

TEST(AllocateAveragely, EightQueuesThreeConsumers) {
  AllocateMessageQueueAveragely s;
  auto mqs = Queues("broker-a", 8);
  EXPECT_EQ(Ids(*s.Allocate("G", kCids[0], mqs, kCids)), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(Ids(*s.Allocate("G", kCids[1], mqs, kCids)), (std::vector<int>{3, 4, 5}));
  EXPECT_EQ(Ids(*s.Allocate("G", kCids[2], mqs, kCids)), (std::vector<int>{6, 7}));
  EXPECT_EQ(s.Name(), "AVG");
}

TEST(AllocateAveragely, MoreConsumersThanQueues) {
  AllocateMessageQueueAveragely s;
  auto mqs = Queues("broker-a", 2);
  std::vector<std::string> cids = {"a", "b", "c", "d"};
  EXPECT_EQ(Ids(*s.Allocate("G", "a", mqs, cids)), (std::vector<int>{0}));
  EXPECT_EQ(Ids(*s.Allocate("G", "b", mqs, cids)), (std::vector<int>{1}));
  EXPECT_TRUE(s.Allocate("G", "c", mqs, cids)->empty());
  EXPECT_TRUE(s.Allocate("G", "d", mqs, cids)->empty());
}

TEST(AllocateAveragely, EveryQueueExactlyOnce) {
  AllocateMessageQueueAveragely s;
  for (int n = 1; n <= 20; ++n) {
    for (int c = 1; c <= 7; ++c) {
      std::vector<std::string> cids;
      for (int i = 0; i < c; ++i) cids.push_back("cid" + std::to_string(i));
      auto mqs = Queues("b", n);
      std::multiset<int> seen;
      for (const auto& cid : cids) {
        for (int id : Ids(*s.Allocate("G", cid, mqs, cids))) seen.insert(id);
      }
      ASSERT_EQ(seen.size(), static_cast<size_t>(n)) << n << "/" << c;
      for (int i = 0; i < n; ++i) ASSERT_EQ(seen.count(i), 1u);
    }
  }
}

TEST(AllocateAveragely, BadArguments) {
  AllocateMessageQueueAveragely s;
  auto mqs = Queues("b", 2);
  EXPECT_TRUE(s.Allocate("G", "", mqs, kCids).status().IsInvalidArgument());
  EXPECT_TRUE(s.Allocate("G", "x", {}, kCids).status().IsInvalidArgument());
  EXPECT_TRUE(s.Allocate("G", "x", mqs, {}).status().IsInvalidArgument());
  auto r = s.Allocate("G", "not-there", mqs, kCids);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(AllocateByCircle, EightQueuesThreeConsumers) {
  AllocateMessageQueueAveragelyByCircle s;
  auto mqs = Queues("broker-a", 8);
  EXPECT_EQ(Ids(*s.Allocate("G", kCids[0], mqs, kCids)), (std::vector<int>{0, 3, 6}));
  EXPECT_EQ(Ids(*s.Allocate("G", kCids[1], mqs, kCids)), (std::vector<int>{1, 4, 7}));
  EXPECT_EQ(Ids(*s.Allocate("G", kCids[2], mqs, kCids)), (std::vector<int>{2, 5}));
  EXPECT_EQ(s.Name(), "AVG_BY_CIRCLE");
}

TEST(AllocateConsistentHash, RingHashEqualsJavaMd5Hash) {
  // Values printed by Java's ConsistentHashRouter.MD5Hash.
  EXPECT_EQ(AllocateMessageQueueConsistentHash::RingHash("abc"), 2416005272LL);
  EXPECT_EQ(AllocateMessageQueueConsistentHash::RingHash(
                "MessageQueue [topic=T, brokerName=b, queueId=0]"),
            562732085LL);
}

TEST(AllocateConsistentHash, SameSharesAsJava) {
  // Expected owners computed with Java's ConsistentHashRouter (10 virtual nodes) for 2 brokers x
  // 8 queues of TopicTest and the three client ids.
  const char* kOwner[2][8] = {{"10.0.0.2@1", "10.0.0.1@1", "10.0.0.3@1", "10.0.0.3@1", "10.0.0.1@1",
                               "10.0.0.1@1", "10.0.0.2@1", "10.0.0.2@1"},
                              {"10.0.0.2@1", "10.0.0.3@1", "10.0.0.2@1", "10.0.0.2@1", "10.0.0.2@1",
                               "10.0.0.1@1", "10.0.0.1@1", "10.0.0.3@1"}};
  auto mqs = Queues("broker-a", 8);
  auto b = Queues("broker-b", 8);
  mqs.insert(mqs.end(), b.begin(), b.end());
  AllocateMessageQueueConsistentHash s;
  std::set<MessageQueue> all;
  for (const auto& cid : kCids) {
    auto mine = s.Allocate("G", cid, mqs, kCids);
    ASSERT_TRUE(mine.ok());
    for (const auto& mq : *mine) {
      const int bi = mq.broker_name == "broker-a" ? 0 : 1;
      EXPECT_EQ(cid, kOwner[bi][mq.queue_id]) << mq.ToString();
      EXPECT_TRUE(all.insert(mq).second);
    }
  }
  EXPECT_EQ(all.size(), mqs.size());
  EXPECT_EQ(s.Name(), "CONSISTENT_HASH");
}

TEST(AllocateStrategy, ByName) {
  EXPECT_EQ((*MakeAllocateStrategy("AVG"))->Name(), "AVG");
  EXPECT_EQ((*MakeAllocateStrategy("AVG_BY_CIRCLE"))->Name(), "AVG_BY_CIRCLE");
  EXPECT_EQ((*MakeAllocateStrategy("CONSISTENT_HASH"))->Name(), "CONSISTENT_HASH");
  EXPECT_FALSE(MakeAllocateStrategy("NOPE").ok());
}

}  // namespace
}  // namespace rocketmq::consumer
