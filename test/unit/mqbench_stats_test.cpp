// mqbench's arithmetic and output lines against Java 4.9.8's benchmark tools: the TPS / average
// RT over a window of snapshots (Producer.doPrintStats, BatchProducer and Consumer printStats),
// their printf text, Java's NaN spelling, and the option rewriting that keeps the older gflags
// spellings working.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <regex>
#include <sstream>

#include "tools/bench/bench_options.h"
#include "tools/bench/bench_stats.h"
#include "tools/bench/producer_bench.h"

namespace rocketmq::bench {
namespace {

ProducerSnapshot PSnap(int64_t t, int64_t ok, int64_t send_failed, int64_t resp_failed,
                       int64_t rt_us) {
  ProducerSnapshot s;
  s.time_ms = t;
  s.send_success = ok;
  s.response_success = ok;
  s.send_failed = send_failed;
  s.response_failed = resp_failed;
  s.rt_total_us = rt_us;
  return s;
}

TEST(MqbenchStats, ProducerWindowArithmeticIsJavas) {
  // 9 s window (Java's first to tenth snapshot), 90,000 sends, 180 s of RT in total.
  const ProducerSnapshot begin = PSnap(1'000'000, 10'000, 0, 0, 20'000'000);
  const ProducerSnapshot end = PSnap(1'009'000, 100'000, 3, 2, 200'000'000);
  const ProducerFigures f = ComputeProducer(begin, end);
  EXPECT_EQ(f.send_tps, 10000);            // (long)((90000 / 9000.0) * 1000)
  EXPECT_DOUBLE_EQ(f.average_rt_ms, 2.0);  // 180,000 ms / 90,000
  EXPECT_EQ(
      ProducerPeriodicLine("2026-12-07 21:00:00,123", f, 17, end),
      "Current Time: 2026-12-07 21:00:00,123 Send TPS: 10000 Max RT(ms): 17 Average "
      "RT(ms):   2.000 Send Failed: 3 Response Failed: 2 p50 RT(ms): 0.000 p99 RT(ms): 0.000");
  EXPECT_EQ(ProducerCompleteLine(100'003, f, 17, end),
            "[Complete] Send Total: 100003 Send TPS: 10000 Max RT(ms): 17 Average RT(ms):   2.000 "
            "Send Failed: 3 Response Failed: 2 p50 RT(ms): 0.000 p99 RT(ms): 0.000");
  EXPECT_EQ(ProducerShortCompleteLine(200, 0, 0, 0.5, 1.25),
            "[Complete] Send Total: 200 Send Failed: 0 Response Failed: 0 p50 RT(ms): 0.500 "
            "p99 RT(ms): 1.250");
}

TEST(MqbenchStats, TpsTruncatesLikeJavasLongCast) {
  // 1000 sends in 3001 ms: 333.2222... -> 333.
  const ProducerFigures f = ComputeProducer(PSnap(0, 0, 0, 0, 0), PSnap(3001, 1000, 0, 0, 1000));
  EXPECT_EQ(f.send_tps, 333);
}

TEST(MqbenchStats, IdleWindowPrintsJavasNaN) {
  const ProducerFigures f = ComputeProducer(PSnap(0, 5, 0, 0, 10), PSnap(9000, 5, 0, 0, 10));
  EXPECT_EQ(f.send_tps, 0);
  EXPECT_TRUE(std::isnan(f.average_rt_ms));
  EXPECT_EQ(JavaFixed3(f.average_rt_ms), "    NaN");
  EXPECT_EQ(JavaFixed3(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(JavaFixed3(12345.6789), "12345.679");
  EXPECT_EQ(JavaLong(std::nan("")), 0);
}

TEST(MqbenchStats, HumanTimeIsJavasTimeMillisToHumanString2) {
  const std::string s = JavaHumanTime(1'700'000'000'123);
  EXPECT_TRUE(std::regex_match(s, std::regex(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},123)"))) << s;
}

TEST(MqbenchStats, BatchLine) {
  BatchSnapshot b, e;
  b.time_ms = 0;
  e.time_ms = 9000;
  e.request_success = 900;
  e.message_success = 900 * 32;
  e.rt_total_us = 900 * 4000;  // 4 ms per batch
  e.request_failed = 1;
  e.message_failed = 32;
  const BatchFigures f = ComputeBatch(b, e);
  EXPECT_EQ(f.send_tps, 100);
  EXPECT_EQ(f.send_mps, 3200);
  EXPECT_EQ(BatchPeriodicLine(1765000000000, f, 9, e),
            "Current Time: 1765000000000 Send TPS: 100 Send MPS: 3200 Max RT(ms): 9 Average "
            "RT(ms):   4.000 Average Message RT(ms):   0.125 Send Failed: 1 Send Message Failed: "
            "32 p50 RT(ms): 0.000 p99 RT(ms): 0.000");
}

TEST(MqbenchStats, ConsumerLineAndActiveTps) {
  ConsumerSnapshot b, e;
  e.time_ms = 9000;
  e.received = 4500;
  e.b2c_total_ms = 4500 * 3;
  e.s2c_total_ms = 4500 * 2;
  e.failed = 7;
  const ConsumerFigures f = ComputeConsumer(b, e);
  EXPECT_EQ(ConsumerPeriodicLine(1765000000000, f, 12, 11),
            "Current Time: 1765000000000 TPS: 500 FAIL: 7 AVG(B2C) RT(ms):   3.000 AVG(S2C) "
            "RT(ms):   2.000 MAX(B2C) RT(ms): 12 MAX(S2C) RT(ms): 11 p50(B2C) RT(ms): 0 "
            "p99(B2C) RT(ms): 0");
  // 1001 messages, the first at 5 s and the last at 7 s: 500/s, idle time around them ignored.
  EXPECT_EQ(ActiveTps(1001, 5'000'000, 7'000'000), 500);
  EXPECT_EQ(ActiveTps(1, 5'000'000, 5'000'000), 1);
  ConsumerTotals t;
  t.received = 1001;
  t.first_us = 5'000'000;
  t.last_us = 7'000'000;
  t.b2c_total_ms = 2002;
  t.s2c_total_ms = 1001;
  t.b2c_max_ms = 9;
  t.s2c_max_ms = 8;
  LatencyHistogram h;
  for (int i = 0; i < 1001; ++i) h.Record(i < 990 ? 2 : 9);
  t.b2c_histogram_ms = h.Snapshot();
  EXPECT_EQ(ConsumerCompleteLine(t),
            "[Complete] Receive Total: 1001 TPS: 500 FAIL: 0 AVG(B2C) RT(ms):   2.000 AVG(S2C) "
            "RT(ms):   1.000 MAX(B2C) RT(ms): 9 MAX(S2C) RT(ms): 8 p50(B2C) RT(ms): 2 "
            "p99(B2C) RT(ms): 9");
}

TEST(MqbenchStats, HistogramPercentiles) {
  LatencyHistogram h;
  for (int v = 1; v <= 100; ++v) h.Record(v);  // exact below 256
  const auto counts = h.Snapshot();
  EXPECT_EQ(LatencyHistogram::Percentile(counts, 0.50), 50);
  EXPECT_EQ(LatencyHistogram::Percentile(counts, 0.99), 99);
  // Large values land within 0.4% of themselves.
  for (int64_t v : {300LL, 1'234LL, 98'765LL, 12'345'678LL, 5'000'000'000LL}) {
    const double got = LatencyHistogram::BucketValue(LatencyHistogram::BucketOf(v));
    EXPECT_LT(std::abs(got - static_cast<double>(v)) / static_cast<double>(v), 0.004) << v;
  }
  EXPECT_LT(LatencyHistogram::BucketOf(INT64_MAX), LatencyHistogram::kBuckets);
  EXPECT_EQ(LatencyHistogram::Percentile(std::vector<uint64_t>(10, 0), 0.5), 0);
  // A window is the difference of two snapshots.
  h.Record(1000);
  const auto window = LatencyHistogram::Difference(h.Snapshot(), counts);
  EXPECT_NEAR(LatencyHistogram::Percentile(window, 0.5), 1000, 4);
}

TEST(MqbenchStats, PeriodicSpanFollowsTheInterval) {
  EXPECT_EQ(PeriodicSpan(10), 10u);  // Java: 10 snapshots, printed every 10 s
  EXPECT_EQ(PeriodicSpan(60), 10u);
  EXPECT_EQ(PeriodicSpan(1), 2u);
  EXPECT_EQ(PeriodicSpan(5), 6u);
}

TEST(MqbenchOptions, LegacyGflagsSpellingsStillParse) {
  cli::Options o = ServerUtilOptions();
  o.AddOption("w", "threadCount", true, "");
  o.AddOption("", "threads", true, "");
  o.AddOption("", "duration_s", true, "");
  o.AddOption("", "async", true, "");
  const std::set<std::string> bools = {"async"};
  EXPECT_EQ(NormalizeLegacyFlags({"--threads=16", "-duration_s=5", "--async", "-w", "4"}, o, bools),
            (std::vector<std::string>{"--threads", "16", "--duration_s", "5", "--async", "true",
                                      "-w", "4"}));
  EXPECT_EQ(
      NormalizeLegacyFlags({"--noasync", "-async=false", "-duration_s", "300"}, o, bools),
      (std::vector<std::string>{"--async", "false", "--async", "false", "-duration_s", "300"}));
}

TEST(MqbenchOptions, BadValuesAreClearErrorsAndHelpIsJavas) {
  std::ostringstream out, err;
  EXPECT_EQ(RunProducer({"-w", "many"}, out, err), 1);
  EXPECT_NE(err.str().find("option -w: 'many' is not an integer"), std::string::npos) << err.str();
  out.str("");
  err.str("");
  EXPECT_EQ(RunProducer({"--bogus"}, out, err), 1);
  EXPECT_NE(err.str().find("Unrecognized option: --bogus"), std::string::npos) << err.str();
  EXPECT_EQ(out.str().rfind("usage: benchmarkProducer [-a <arg>]", 0), 0u) << out.str();
  out.str("");
  EXPECT_EQ(RunProducer({"-h"}, out, err), 0);
  EXPECT_NE(out.str().find(" -w,--threadCount <arg>       Thread count, Default: 64\n"),
            std::string::npos)
      << out.str();
  EXPECT_EQ(RunProducer({"-m", "true", "-n", "127.0.0.1:1"}, out, err), 1);
  EXPECT_NE(err.str().find("no message trace"), std::string::npos);
}

}  // namespace
}  // namespace rocketmq::bench
