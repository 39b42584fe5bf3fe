// StoreStatsService (Java 4.9.x StoreStatsService + BrokerStats) with a synthetic clock: TPS
// windows, the per-minute put distribution and percentiles, the midnight totals and the text
// helpers, against the values Java's code computes for the same inputs.
#include "mockbroker/store/store_stats_service.h"

#include <gtest/gtest.h>

#include <ctime>
#include <map>

namespace rocketmq::store {
namespace {

std::map<std::string, std::string> Info(const StoreStatsService& s, int64_t now) {
  std::map<std::string, std::string> m;
  for (auto& [k, v] : s.RuntimeInfo(now)) m[k] = v;
  return m;
}

TEST(StoreStatsServiceTest, KeysInJavaPutOrder) {
  StoreStatsService s(1000);
  std::vector<std::string> keys;
  for (auto& [k, v] : s.RuntimeInfo(2000)) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "bootTimestamp", "runtime", "putMessageEntireTimeMax", "putMessageTimesTotal",
                      "putMessageFailedTimes", "putMessageSizeTotal", "putMessageDistributeTime",
                      "putMessageAverageSize", "dispatchMaxBuffer", "getMessageEntireTimeMax",
                      "putTps", "getFoundTps", "getMissTps", "getTotalTps", "getTransferedTps",
                      "putLatency99", "putLatency999"}));
  auto m = Info(s, 1000 + 2 * 86400000LL + 3 * 3600000 + 4 * 60000 + 5999);
  EXPECT_EQ(m["runtime"], "[ 2 days, 3 hours, 4 minutes, 5 seconds ]");
  EXPECT_EQ(m["putMessageTimesTotal"], "1");  // Java reports 1 before the first put
  EXPECT_EQ(m["putMessageAverageSize"], "0.0");
  EXPECT_EQ(m["putMessageDistributeTime"], "null");
  EXPECT_EQ(m["bootTimestamp"], "1000");
}

TEST(StoreStatsServiceTest, TpsWindows) {
  StoreStatsService s(0);
  // One sample a second; 2 puts, 1 found get (3 messages) and 1 miss per second.
  for (int i = 0; i <= 60; ++i) {
    s.Sample(1000LL * i);
    s.OnPutAppended(2, 200);
    s.OnPutFinished(3, true);
    s.OnGet(true, 3, 1);
    s.OnGet(false, 0, 0);
  }
  auto m = Info(s, 61000);
  // 61 samples: the 10 and 60 windows are full, the 600 one is not.
  EXPECT_EQ(m["putTps"], "2.0 2.0 ");
  EXPECT_EQ(m["getFoundTps"], "1.0 1.0 ");
  EXPECT_EQ(m["getMissTps"], "1.0 1.0 ");
  EXPECT_EQ(m["getTotalTps"], "2.0 2.0 0.0");
  EXPECT_EQ(m["getTransferedTps"], "3.0 3.0 ");
  EXPECT_EQ(m["putMessageTimesTotal"], "122");
  EXPECT_EQ(m["putMessageSizeTotal"], "12200");
  EXPECT_EQ(m["putMessageAverageSize"], "100.0");
  EXPECT_EQ(s.get_message_transferred_msg_count(), 183);
  EXPECT_EQ(m["putMessageEntireTimeMax"], "3");
  EXPECT_EQ(m["getMessageEntireTimeMax"], "1");
}

TEST(StoreStatsServiceTest, MinuteDistributionAndPercentiles) {
  StoreStatsService s(0);
  for (int i = 0; i < 98; ++i) s.OnPutFinished(0, true);
  s.OnPutFinished(15, true);
  s.OnPutFinished(12000, false);
  s.Sample(30000);  // not a minute yet
  EXPECT_EQ(Info(s, 30000)["putMessageDistributeTime"], "null");
  s.Sample(60001);  // rolls: the minute just ended becomes "last minute"
  auto m = Info(s, 60001);
  EXPECT_EQ(m["putMessageDistributeTime"],
            "[<=0ms]:98 [0~10ms]:0 [10~50ms]:1 [50~100ms]:0 [100~200ms]:0 [200~500ms]:0 "
            "[500ms~1s]:0 [1~2s]:0 [2~3s]:0 [3~4s]:0 [4~5s]:0 [5~10s]:0 [10s~]:1 ");
  EXPECT_EQ(m["putMessageFailedTimes"], "1");
  // 100 puts: index (long)(100 * 0.99) = 99 is the 15 ms put, in the (14, 15] bucket:
  // Java 14 + (15 - 14) * 1 / 1 = 15; (long)(100 * 0.999) = 99 as well.
  EXPECT_EQ(m["putLatency99"], "15.00");
  EXPECT_EQ(m["putLatency999"], "15.00");
  EXPECT_EQ(m["putMessageEntireTimeMax"], "12000");
}

TEST(StoreStatsServiceTest, MidnightTotals) {
  StoreStatsService s(0);
  std::tm day{};
  day.tm_year = 2026 - 1900;
  day.tm_mon = 0;
  day.tm_mday = 10;
  day.tm_hour = 23;
  day.tm_min = 59;
  day.tm_isdst = -1;
  const int64_t before_midnight = static_cast<int64_t>(std::mktime(&day)) * 1000;
  s.Sample(before_midnight);
  s.OnPutAppended(5, 50);
  s.OnGet(true, 4, 0);
  EXPECT_EQ(s.morning_totals().put_today_morning, 0);
  s.Sample(before_midnight + 120000);  // 00:01 next day
  EXPECT_EQ(s.morning_totals().put_today_morning, 5);
  EXPECT_EQ(s.morning_totals().get_today_morning, 4);
  EXPECT_EQ(s.morning_totals().put_yesterday_morning, 0);
  s.OnPutAppended(1, 10);
  s.Sample(before_midnight + 120000 + 86400000LL);
  EXPECT_EQ(s.morning_totals().put_today_morning, 6);
  EXPECT_EQ(s.morning_totals().put_yesterday_morning, 5);
}

TEST(StoreStatsServiceTest, TextHelpers) {
  EXPECT_EQ(HumanReadableByteCount(0), "0 B");
  EXPECT_EQ(HumanReadableByteCount(1023), "1023 B");
  EXPECT_EQ(HumanReadableByteCount(1536), "1.5 KiB");
  EXPECT_EQ(HumanReadableByteCount(270582939648LL), "252.0 GiB");
  EXPECT_EQ(DiskPartitionSpaceUsedPercent("/definitely/not/here"), -1);
  const double r = DiskPartitionSpaceUsedPercent("/");
  EXPECT_GT(r, 0);
  EXPECT_LE(r, 1);
  EXPECT_DOUBLE_EQ(r * 100, static_cast<double>(static_cast<int64_t>(r * 100 + 0.5)));
}

}  // namespace
}  // namespace rocketmq::store
