// Client statistics: the RTT histogram's buckets and percentiles, the per-broker counters, the
// JSON document's shape and sums (docs/statistics.md), the reporter thread, and the cost of
// counting on the hot path.
#include <json/json.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "client/client_statistics.h"
#include "client/queue_statistics.h"
#include "client/statistics_reporter.h"

namespace rocketmq::client {
namespace {

Json::Value Parse(const std::string& text) {
  Json::CharReaderBuilder builder;
  std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
  Json::Value v;
  std::string errors;
  EXPECT_TRUE(reader->parse(text.data(), text.data() + text.size(), &v, &errors)) << errors << "\n"
                                                                                  << text;
  return v;
}

TEST(ClientStatisticsTest, HistogramBucketsAreMonotonicAndClose) {
  size_t last = 0;
  for (int64_t v = 0; v < (int64_t{1} << 34); v = v < 100 ? v + 1 : v + v / 7) {
    const size_t b = LatencyHistogram::BucketOf(v);
    EXPECT_GE(b, last) << v;
    last = b;
    ASSERT_LT(b, LatencyHistogram::kBuckets);
    const double reported = static_cast<double>(LatencyHistogram::BucketValue(b));
    EXPECT_LE(std::fabs(reported - static_cast<double>(v)), 0.035 * static_cast<double>(v) + 0.5)
        << v;
  }
  EXPECT_EQ(LatencyHistogram::BucketOf(-5), 0u);
  EXPECT_EQ(LatencyHistogram::BucketOf(INT64_MAX), LatencyHistogram::kBuckets - 1);
}

TEST(ClientStatisticsTest, PercentilesOverTheDifferenceOfTwoSnapshots) {
  LatencyHistogram h;
  for (int i = 0; i < 1000; ++i) h.Record(10000);  // 10 ms, before
  const LatencyHistogram::Counts before = h.Snapshot();
  for (int i = 1; i <= 100; ++i) h.Record(i);  // 1..100 us, in the interval
  const LatencyHistogram::Counts now = h.Snapshot();
  EXPECT_EQ(LatencyHistogram::Total(now, before), 100u);
  EXPECT_NEAR(static_cast<double>(LatencyHistogram::Percentile(now, before, 0.5)), 50, 2);
  EXPECT_NEAR(static_cast<double>(LatencyHistogram::Percentile(now, before, 0.99)), 99, 4);
  // Over everything, the 10 ms samples dominate.
  EXPECT_NEAR(static_cast<double>(LatencyHistogram::Percentile(now, {}, 0.5)), 10000, 350);
  EXPECT_EQ(LatencyHistogram::Percentile(now, now, 0.5), -1);
}

TEST(ClientStatisticsTest, BrokerCountersFollowTheCalls) {
  ClientStatistics s;
  EXPECT_FALSE(s.enabled());
  s.AddUser();
  EXPECT_TRUE(s.enabled());
  s.OnCallStarted("b:1");
  s.OnCallStarted("b:1");
  s.OnCallStarted("b:1");
  s.OnCallStarted("a:2");
  s.OnCallFinished("b:1", 120, Status::OK());
  s.OnCallFinished("b:1", 3000000, Status::Timeout("late"));
  s.OnConnectFailed("c:3");
  s.OnRetry("a:2");
  s.OnCallFinished("a:2", 5, Status::NotConnected("gone"));
  const std::vector<BrokerCallSnapshot> snap = s.Snapshot();
  ASSERT_EQ(snap.size(), 3u);
  EXPECT_EQ(snap[0].addr, "a:2");  // sorted
  EXPECT_EQ(snap[0].requests, 1u);
  EXPECT_EQ(snap[0].in_flight, 0);
  EXPECT_EQ(snap[0].errors, 1u);
  EXPECT_EQ(snap[0].retries, 1u);
  EXPECT_EQ(snap[1].addr, "b:1");
  EXPECT_EQ(snap[1].requests, 3u);
  EXPECT_EQ(snap[1].in_flight, 1);
  EXPECT_EQ(snap[1].timeouts, 1u);
  EXPECT_EQ(LatencyHistogram::Total(snap[1].rtt, {}), 1u);  // only answered calls
  EXPECT_EQ(snap[2].addr, "c:3");
  EXPECT_EQ(snap[2].connect_failures, 1u);
  s.RemoveUser();
  EXPECT_FALSE(s.enabled());
  s.OnRetry("a:2");  // off: not counted
  EXPECT_EQ(s.Snapshot()[0].retries, 1u);
}

TEST(ClientStatisticsTest, ProducerDocumentShapeAndTotals) {
  auto brokers = std::make_shared<ClientStatistics>();
  brokers->AddUser();
  for (int i = 0; i < 10; ++i) {
    brokers->OnCallStarted("127.0.0.1:10911");
    brokers->OnCallFinished("127.0.0.1:10911", 1000 + i, Status::OK());
  }
  ProducerQueueStatistics queues;
  queues.Enable();
  queues.For(MessageQueue("T", "broker-a", 1)).sent = 7;
  queues.For(MessageQueue("T", "broker-a", 1)).acknowledged = 6;
  queues.For(MessageQueue("T", "broker-a", 1)).failed = 1;
  queues.For(MessageQueue("T", "broker-a", 0)).sent = 3;
  queues.For(MessageQueue("T", "broker-a", 0)).acknowledged = 3;

  StatisticsOptions options;
  options.interval_ms = 1000;
  options.callback = [](const std::string&) {};
  StatisticsReporter reporter(options, "t", brokers, [&](StatisticsDocument* doc) {
    doc->type = "producer";
    doc->client_id = "127.0.0.1@1";
    doc->group = "pg";
    doc->producer_queues = &queues;
  });
  const Json::Value doc = Parse(reporter.Report());
  EXPECT_EQ(doc["type"].asString(), "producer");
  EXPECT_EQ(doc["client_id"].asString(), "127.0.0.1@1");
  EXPECT_EQ(doc["group"].asString(), "pg");
  EXPECT_GT(doc["ts"].asInt64(), 1700000000000);
  EXPECT_EQ(doc["interval_ms"].asInt64(), 1000);
  EXPECT_GE(doc["age_ms"].asInt64(), 0);
  const Json::Value& b = doc["brokers"]["127.0.0.1:10911"];
  ASSERT_TRUE(b.isObject()) << doc.toStyledString();
  for (const char* key :
       {"in_flight", "requests", "timeouts", "errors", "retries", "connect_failures"}) {
    EXPECT_TRUE(b[key].isIntegral()) << key;
  }
  EXPECT_EQ(b["requests"].asUInt64(), 10u);
  EXPECT_EQ(b["rtt"]["count"].asUInt64(), 10u);
  EXPECT_NEAR(b["rtt"]["p50_us"].asDouble(), 1005, 40);
  EXPECT_NEAR(b["rtt"]["p99_us"].asDouble(), 1009, 40);
  ASSERT_EQ(doc["queues"].size(), 2u);
  EXPECT_EQ(doc["queues"][0]["queue_id"].asInt(), 0);  // queue order
  EXPECT_EQ(doc["queues"][1]["topic"].asString(), "T");
  EXPECT_EQ(doc["queues"][1]["broker"].asString(), "broker-a");
  EXPECT_EQ(doc["queues"][1]["sent"].asUInt64(), 7u);
  EXPECT_EQ(doc["queues"][1]["acknowledged"].asUInt64(), 6u);
  EXPECT_EQ(doc["queues"][1]["failed"].asUInt64(), 1u);
  EXPECT_EQ(doc["totals"]["sent"].asUInt64(), 10u);
  EXPECT_EQ(doc["totals"]["acknowledged"].asUInt64(), 9u);
  EXPECT_EQ(doc["totals"]["failed"].asUInt64(), 1u);

  // The next document's RTT covers only the calls since this one.
  brokers->OnCallStarted("127.0.0.1:10911");
  brokers->OnCallFinished("127.0.0.1:10911", 70, Status::OK());
  const Json::Value next = Parse(reporter.Report());
  EXPECT_EQ(next["brokers"]["127.0.0.1:10911"]["rtt"]["count"].asUInt64(), 1u);
  EXPECT_EQ(next["brokers"]["127.0.0.1:10911"]["rtt"]["p50_us"].asInt64(), 70);
  EXPECT_EQ(next["brokers"]["127.0.0.1:10911"]["requests"].asUInt64(), 11u);  // a total
  const Json::Value idle = Parse(reporter.Report());
  EXPECT_EQ(idle["brokers"]["127.0.0.1:10911"]["rtt"]["count"].asUInt64(), 0u);
  EXPECT_EQ(idle["brokers"]["127.0.0.1:10911"]["rtt"]["p50_us"].asInt64(), -1);
}

TEST(ClientStatisticsTest, ConsumerDocumentLag) {
  StatisticsDocument doc;
  doc.type = "push_consumer";
  ConsumerQueueRow a;
  a.mq = MessageQueue("T", "b", 0);
  a.pulled = 100;
  a.consumed = 90;
  a.consume_failed = 2;
  a.consumed_offset = 95;
  a.max_offset = 120;
  a.process_queue_msgs = 10;
  a.process_queue_bytes = 1280;
  ConsumerQueueRow unknown;  // assigned, nothing pulled or committed yet
  unknown.mq = MessageQueue("T", "b", 1);
  doc.consumer_queues = {a, unknown};
  const Json::Value v = Parse(BuildStatisticsJson(doc));
  ASSERT_EQ(v["queues"].size(), 2u);
  const Json::Value& q = v["queues"][0];
  EXPECT_EQ(q["pulled"].asUInt64(), 100u);
  EXPECT_EQ(q["consumed"].asUInt64(), 90u);
  EXPECT_EQ(q["consume_failed"].asUInt64(), 2u);
  EXPECT_EQ(q["consumed_offset"].asInt64(), 95);
  EXPECT_EQ(q["max_offset"].asInt64(), 120);
  EXPECT_EQ(q["lag"].asInt64(), 25);
  EXPECT_EQ(q["process_queue_msgs"].asInt64(), 10);
  EXPECT_EQ(q["process_queue_bytes"].asInt64(), 1280);
  EXPECT_EQ(v["queues"][1]["lag"].asInt64(), 0);
  EXPECT_EQ(v["queues"][1]["max_offset"].asInt64(), -1);
  EXPECT_EQ(v["totals"]["lag"].asInt64(), 25);
  EXPECT_EQ(v["totals"]["pulled"].asUInt64(), 100u);
  EXPECT_EQ(v["totals"]["consumed"].asUInt64(), 90u);
  EXPECT_EQ(v["totals"]["process_queue_msgs"].asInt64(), 10);
  EXPECT_TRUE(v["brokers"].isObject());
}

TEST(ClientStatisticsTest, OptionsAreValidated) {
  StatisticsOptions off;
  EXPECT_TRUE(ValidateStatisticsOptions(off).ok());
  StatisticsOptions negative;
  negative.interval_ms = -1;
  EXPECT_TRUE(ValidateStatisticsOptions(negative).IsInvalidArgument());
  StatisticsOptions no_callback;
  no_callback.interval_ms = 100;
  Status st = ValidateStatisticsOptions(no_callback);
  EXPECT_TRUE(st.IsInvalidArgument());
  EXPECT_NE(st.message().find("callback"), std::string::npos);
}

TEST(ClientStatisticsTest, ReporterCallsBackEveryIntervalUntilStopped) {
  auto brokers = std::make_shared<ClientStatistics>();
  std::mutex mu;
  std::vector<std::string> docs;
  StatisticsOptions options;
  options.interval_ms = 20;
  options.callback = [&](const std::string& json) {
    std::lock_guard<std::mutex> lock(mu);
    docs.push_back(json);
    if (docs.size() == 2) throw std::runtime_error("a throwing callback is logged, not fatal");
  };
  StatisticsReporter reporter(options, "t-stats", brokers,
                              [](StatisticsDocument* doc) { doc->type = "push_consumer"; });
  reporter.Start();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (docs.size() >= 4) break;
    }
    ASSERT_LT(std::chrono::steady_clock::now(), deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  reporter.Stop();
  reporter.Stop();  // idempotent
  size_t seen;
  {
    std::lock_guard<std::mutex> lock(mu);
    seen = docs.size();
    EXPECT_EQ(Parse(docs[0])["type"].asString(), "push_consumer");
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(docs.size(), seen);  // nothing after Stop()
}

// The hot path: what a sync send adds when statistics are on (two broker calls' worth of
// counting: one call started and finished, one queue sent and acknowledged). Generous bound;
// the figure for the commit message comes from a release build.
TEST(ClientStatisticsTest, CountingCostsLittle) {
  ClientStatistics s;
  s.AddUser();
  ProducerQueueStatistics queues;
  queues.Enable();
  const std::string addr = "127.0.0.1:10911";
  const MessageQueue mq("BenchmarkTest", "broker-a", 3);
  constexpr int kOps = 200000;
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < kOps; ++i) {
    s.OnCallStarted(addr);
    ProducerQueueCounters& c = queues.For(mq);
    c.sent.fetch_add(1, std::memory_order_relaxed);
    s.OnCallFinished(addr, 800 + (i & 255), Status::OK());
    c.acknowledged.fetch_add(1, std::memory_order_relaxed);
  }
  const double us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() /
      kOps;
  std::printf("[ stats    ] counting per message: %.3f us\n", us);
  EXPECT_EQ(s.Snapshot()[0].requests, static_cast<uint64_t>(kOps));
}

}  // namespace
}  // namespace rocketmq::client
