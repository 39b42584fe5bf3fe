// BrokerStatsManager with a fake clock: the minute / hour / day windows compute sum, tps and
// avgpt as Java's StatsItem does, items exist only once counted, and Tick samples on time.
#include <gtest/gtest.h>

#include "mockbroker/broker/broker_stats_manager.h"

namespace rocketmq::broker {
namespace {

TEST(BrokerStatsManagerTest, WindowsAsJavaStatsItem) {
  int64_t now = 1'000'000;
  BrokerStatsManager stats("DefaultCluster", [&now] { return now; });
  EXPECT_EQ(stats.GetStatsItem(kStatsTopicPutNums, "T"), nullptr);
  EXPECT_EQ(stats.GetStatsItem("NO_SUCH_STATS", "T"), nullptr);

  // Created at `now`: first samples (t - period, 0, 0) and (t, 0, 0) before the first add.
  stats.IncTopicPutNums("T", 3, 1);
  stats.IncTopicPutNums("T", 4, 1);
  auto item = stats.GetStatsItem(kStatsTopicPutNums, "T");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->InMinute().sum, 0);

  now += 10'000;
  stats.Tick(now);  // 10 s after construction: the minute list gets (t+10s, 2, 7)
  StatsSnapshot m = item->InMinute();
  EXPECT_EQ(m.sum, 7);
  EXPECT_EQ(m.times, 2);
  EXPECT_DOUBLE_EQ(m.tps, 7 * 1000.0 / 20'000);  // from t - 10 s to t + 10 s
  EXPECT_DOUBLE_EQ(m.avgpt, 3.5);
  EXPECT_EQ(item->InHour().sum, 0);  // not sampled again yet
  EXPECT_EQ(item->InDay().sum, 0);

  // Only the last 7 samples stay in the minute list: after 7 more rounds of 10 s the window
  // starts at t + 10 s and no longer holds the 7 messages.
  for (int i = 0; i < 7; ++i) {
    now += 10'000;
    stats.Tick(now);
  }
  EXPECT_EQ(item->InMinute().sum, 0);
  EXPECT_DOUBLE_EQ(item->InMinute().tps, 0.0);

  stats.IncGroupGetNums("G", "T", 5);
  EXPECT_NE(stats.GetStatsItem(kStatsGroupGetNums, "T@G"), nullptr);
  EXPECT_DOUBLE_EQ(stats.TpsGroupGetNums("G", "T"), 0.0);
  now += 10'000;
  stats.SampleAllNow();
  EXPECT_DOUBLE_EQ(stats.TpsGroupGetNums("G", "T"), 5 * 1000.0 / 20'000);
  auto hour = stats.GetStatsItem(kStatsGroupGetNums, "T@G")->InHour();
  EXPECT_EQ(hour.sum, 5);
  EXPECT_DOUBLE_EQ(hour.tps, 5 * 1000.0 / (600'000 + 10'000));

  // BROKER_* items count values only (avgpt stays 0) under the cluster name.
  stats.IncBrokerPutNums(2);
  now += 10'000;
  stats.SampleAllNow();
  auto broker = stats.GetStatsItem(kStatsBrokerPutNums, "DefaultCluster");
  ASSERT_NE(broker, nullptr);
  EXPECT_EQ(broker->InMinute().sum, 2);
  EXPECT_DOUBLE_EQ(broker->InMinute().avgpt, 0.0);
}

}  // namespace
}  // namespace rocketmq::broker
