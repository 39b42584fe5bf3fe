// consumeFromWhere for groups without a committed offset. The broker runs with
// accessMessageInMemoryMaxRatio=0 so that QUERY_CONSUMER_OFFSET answers QUERY_NOT_FOUND for a new
// group (otherwise it answers 0 while the queue's first message is in memory, protocol.md §2.6,
// and every policy starts at 0) - the setting of the 03c capture.
#include <gtest/gtest.h>

#include <ctime>
#include <thread>

#include "integration/consumer_test_util.h"

namespace rocketmq::test {
namespace {

using namespace std::chrono_literals;

class ConsumeFromWhereTest : public ConsumerFixture {
 protected:
  Properties BrokerProps() override {
    Properties p = ConsumerFixture::BrokerProps();
    p.Set("accessMessageInMemoryMaxRatio", "0");
    return p;
  }

  // Starts a consumer of `group` with `where`, lets it take its queues, then sends 10 "new"
  // messages and returns what it received (waiting until the new ones arrived).
  std::map<std::string, int> Run(const std::string& group, ConsumeFromWhere where,
                                 const std::string& timestamp = "") {
    Recorder rec;
    RecordingListener l(group, &rec);
    auto c = MakeConsumer(group, group, "TW");
    c->setConsumeFromWhere(where);
    if (!timestamp.empty()) c->setConsumeTimestamp(timestamp);
    c->registerMessageListener(&l);
    c->start();
    std::this_thread::sleep_for(1500ms);  // queues assigned, start offsets computed
    SendNumbered("TW", 2, 10, group + "-new");
    EXPECT_TRUE(WaitFor(
        [&] {
          int fresh = 0;
          for (const auto& [body, n] : rec.seen()) fresh += body.rfind(group + "-new-", 0) == 0;
          return fresh == 10;
        },
        20s))
        << group << " got " << rec.distinct() << " distinct, " << rec.total() << " total";
    std::this_thread::sleep_for(300ms);
    c->shutdown();
    return rec.seen();
  }

  static int CountPrefix(const std::map<std::string, int>& seen, const std::string& prefix) {
    int n = 0;
    for (const auto& [body, count] : seen) n += body.rfind(prefix, 0) == 0 ? 1 : 0;
    return n;
  }
};

TEST_F(ConsumeFromWhereTest, LastFirstAndTimestamp) {
  ASSERT_EQ(CreateTopic("TW", 2).code(), 0);
  SendNumbered("TW", 2, 20, "old");
  // The broker answers a time search with the closest message (before or after, Java 4.9
  // getOffsetInQueueByTime), so put the old messages far before the stamp and the "mid" ones
  // right after it: wait, then start at a fresh second.
  std::this_thread::sleep_for(3s);
  while (NowMillis() % 1000 > 50) std::this_thread::sleep_for(5ms);
  const time_t t = static_cast<time_t>(NowMillis() / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char stamp[32];
  strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
  SendNumbered("TW", 2, 4, "mid");  // stored just after `stamp`

  auto last = Run("G_LAST", CONSUME_FROM_LAST_OFFSET);
  EXPECT_EQ(CountPrefix(last, "old"), 0);
  EXPECT_EQ(CountPrefix(last, "mid"), 0);
  EXPECT_EQ(CountPrefix(last, "G_LAST-new"), 10);

  auto first = Run("G_FIRST", CONSUME_FROM_FIRST_OFFSET);
  EXPECT_EQ(CountPrefix(first, "old"), 20);
  EXPECT_EQ(CountPrefix(first, "mid"), 4);
  EXPECT_EQ(CountPrefix(first, "G_LAST-new"), 10);

  auto ts = Run("G_TS", CONSUME_FROM_TIMESTAMP, stamp);
  EXPECT_EQ(CountPrefix(ts, "old"), 0);
  EXPECT_EQ(CountPrefix(ts, "mid"), 4);
}

}  // namespace
}  // namespace rocketmq::test
