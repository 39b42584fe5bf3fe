// DefaultLitePullConsumer against the bundled NameServer + broker: subscribe + poll, assign +
// seek + commit, offsetForTimestamp, and the low-level pull API.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "integration/consumer_test_util.h"
#include "rocketmq/default_lite_pull_consumer.h"

namespace rocketmq::test {
namespace {

using namespace std::chrono_literals;

class LitePullConsumerTest : public ConsumerFixture {
 protected:
  std::unique_ptr<DefaultLitePullConsumer> MakeLite(const std::string& group,
                                                    const std::string& instance) {
    auto c = std::make_unique<DefaultLitePullConsumer>(group);
    c->setNamesrvAddr(NamesrvAddr());
    c->setInstanceName(instance);
    c->setClientIP("127.0.0.1");
    c->setConsumeFromWhere(CONSUME_FROM_FIRST_OFFSET);
    c->setPullThreadNums(4);
    c->setOffsetStoreDir(dir_.path() + "/offsets");
    return c;
  }

  // Polls until `want` distinct bodies arrived (or the deadline).
  static std::set<std::string> PollAll(DefaultLitePullConsumer& c, size_t want,
                                       std::chrono::seconds deadline = 20s) {
    std::set<std::string> got;
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (got.size() < want && std::chrono::steady_clock::now() < end) {
      for (const auto& m : c.poll(200)) got.insert(m.getBody());
    }
    return got;
  }
};

TEST_F(LitePullConsumerTest, SubscribeAndPollEverything) {
  ASSERT_EQ(CreateTopic("LT", 4).code(), 0);
  SendNumbered("LT", 4, 100, "l");
  auto c = MakeLite("LG", "l1");
  c->subscribe("LT", "*");
  c->start();
  EXPECT_EQ(PollAll(*c, 100).size(), 100u);
  c->commitSync();
  for (int q = 0; q < 4; ++q) EXPECT_EQ(c->committed(MQMessageQueue("LT", "broker-a", q)), 25);
  c->shutdown();
}

TEST_F(LitePullConsumerTest, AssignSeekCommitAndTimestamps) {
  ASSERT_EQ(CreateTopic("LA", 2).code(), 0);
  SendNumbered("LA", 2, 40, "a");
  auto c = MakeLite("LGA", "l2");
  c->setAutoCommit(false);
  c->start();
  std::vector<MQMessageQueue> mqs = c->fetchMessageQueues("LA");
  ASSERT_EQ(mqs.size(), 2u);
  MQMessageQueue q0("LA", "broker-a", 0);
  c->assign({q0});
  std::set<std::string> got = PollAll(*c, 20);
  EXPECT_EQ(got.size(), 20u);
  for (const auto& body : got) EXPECT_EQ(std::stoi(body.substr(2)) % 2, 0) << body;
  // Nothing committed yet: the broker answers 0 for a new group on an in-memory queue.
  EXPECT_EQ(c->committed(q0), 0);
  c->commitSync();
  EXPECT_EQ(c->committed(q0), 20);

  // seek back: the same messages again, from offset 15.
  c->seek(q0, 15);
  got = PollAll(*c, 5);
  EXPECT_EQ(got, (std::set<std::string>{"a-30", "a-32", "a-34", "a-36", "a-38"}));
  // seekToBegin / seekToEnd.
  c->seekToBegin(q0);
  EXPECT_EQ(PollAll(*c, 20).size(), 20u);
  c->seekToEnd(q0);
  EXPECT_TRUE(c->poll(300).empty());
  EXPECT_THROW(c->seek(q0, 21), MQClientException);  // beyond the max offset
  EXPECT_THROW(c->seek(MQMessageQueue("LA", "broker-a", 1), 0), MQClientException);  // not mine

  // offsetForTimestamp: before everything -> the first offset; after everything -> the last
  // message's offset (Java 4.9 ConsumeQueue.getOffsetInQueueByTime).
  EXPECT_EQ(c->offsetForTimestamp(q0, 0), 0);
  EXPECT_EQ(c->offsetForTimestamp(q0, NowMillis() + 60000), 19);
  c->shutdown();
}

TEST_F(LitePullConsumerTest, PauseStopsAQueue) {
  ASSERT_EQ(CreateTopic("LP", 1).code(), 0);
  auto c = MakeLite("LGP", "l3");
  c->start();
  MQMessageQueue q("LP", "broker-a", 0);
  c->assign({q});
  c->pause({q});
  std::this_thread::sleep_for(200ms);
  SendNumbered("LP", 1, 5, "p");
  EXPECT_TRUE(c->poll(1500).empty());
  c->resume({q});
  EXPECT_EQ(PollAll(*c, 5).size(), 5u);
  c->shutdown();
}

TEST_F(LitePullConsumerTest, LowLevelPull) {
  ASSERT_EQ(CreateTopic("LL", 1).code(), 0);
  SendNumbered("LL", 1, 10, "x", "TagA");
  SendNumbered("LL", 1, 10, "y", "TagB", 10);
  auto c = MakeLite("LGL", "l4");
  c->start();
  MQMessageQueue q("LL", "broker-a", 0);
  // Sends are acknowledged before the consume queue is built: wait until it has them all.
  ASSERT_TRUE(WaitFor([&] {
    RemotingCommand r =
        Call(Request(RequestCode::kGetMaxOffset, {{"topic", "LL"}, {"queueId", "0"}}));
    return r.ext_fields().GetOr("offset") == "20";
  }));
  PullResult r = c->pull(q, "*", 0, 32);
  EXPECT_EQ(r.pullStatus, FOUND);
  EXPECT_EQ(r.msgFoundList.size(), 20u);
  EXPECT_EQ(r.nextBeginOffset, 20);
  EXPECT_EQ(r.maxOffset, 20);
  r = c->pull(q, "TagB", 0, 32);
  ASSERT_EQ(r.pullStatus, FOUND);
  ASSERT_EQ(r.msgFoundList.size(), 10u);
  EXPECT_EQ(r.msgFoundList[0].getBody(), "y-10");
  EXPECT_EQ(r.msgFoundList[0].getTags(), "TagB");
  r = c->pull(q, "*", 20, 32);
  EXPECT_EQ(r.pullStatus, NO_NEW_MSG);
  // Blocking: a message sent while the broker holds the request is returned.
  std::thread sender([this] {
    std::this_thread::sleep_for(300ms);
    SendNumbered("LL", 1, 1, "z", "TagA", 20);
  });
  const auto begin = std::chrono::steady_clock::now();
  r = c->pullBlockIfNotFound(q, "*", 20, 32);
  sender.join();
  EXPECT_EQ(r.pullStatus, FOUND);
  ASSERT_EQ(r.msgFoundList.size(), 1u);
  EXPECT_EQ(r.msgFoundList[0].getBody(), "z-20");
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 10s);
  c->shutdown();
}

}  // namespace
}  // namespace rocketmq::test
