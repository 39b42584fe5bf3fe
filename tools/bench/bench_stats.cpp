#include "tools/bench/bench_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <limits>

namespace rocketmq::bench {
namespace {

std::string Printf(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string Printf(const char* format, ...) {
  char buf[512];
  va_list args;
  va_start(args, format);
  const int n = std::vsnprintf(buf, sizeof(buf), format, args);
  va_end(args);
  return std::string(buf, n < 0 ? 0 : std::min<size_t>(static_cast<size_t>(n), sizeof(buf) - 1));
}

long long LL(int64_t v) { return static_cast<long long>(v); }

// Our percentile suffix, appended after Java's text: RTs measured in microseconds, shown in ms.
std::string RtPercentiles(double p50_ms, double p99_ms) {
  return Printf(" p50 RT(ms): %.3f p99 RT(ms): %.3f", p50_ms, p99_ms);
}

}  // namespace

std::vector<uint64_t> LatencyHistogram::Snapshot() const {
  std::vector<uint64_t> out(kBuckets);
  for (size_t i = 0; i < kBuckets; ++i) out[i] = counts_[i].load(std::memory_order_relaxed);
  return out;
}

size_t LatencyHistogram::BucketOf(int64_t value) {
  if (value < static_cast<int64_t>(kExact)) return value < 0 ? 0 : static_cast<size_t>(value);
  const auto v = static_cast<uint64_t>(value);
  const int bits = 64 - __builtin_clzll(v);  // >= 9
  const int shift = bits - 8;                // v >> shift is in [128, 255]
  return kExact + static_cast<size_t>(shift - 1) * kSubBuckets + ((v >> shift) - kSubBuckets);
}

double LatencyHistogram::BucketValue(size_t bucket) {
  if (bucket < kExact) return static_cast<double>(bucket);
  const size_t k = bucket - kExact;
  const int shift = static_cast<int>(k / kSubBuckets) + 1;
  const double low = std::ldexp(static_cast<double>(k % kSubBuckets + kSubBuckets), shift);
  return low + (std::ldexp(1.0, shift) - 1) / 2;
}

double LatencyHistogram::Percentile(const std::vector<uint64_t>& counts, double p) {
  uint64_t total = 0;
  for (uint64_t c : counts) total += c;
  if (total == 0) return 0;
  const auto rank = std::max<uint64_t>(1, static_cast<uint64_t>(std::ceil(p * total)));
  uint64_t seen = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    seen += counts[i];
    if (seen >= rank) return BucketValue(i);
  }
  return BucketValue(counts.size() - 1);
}

std::vector<uint64_t> LatencyHistogram::Difference(const std::vector<uint64_t>& end,
                                                   const std::vector<uint64_t>& begin) {
  std::vector<uint64_t> out = end;
  for (size_t i = 0; i < out.size() && i < begin.size(); ++i) out[i] -= begin[i];
  return out;
}

void AtomicMax(std::atomic<int64_t>& target, int64_t value) {
  int64_t prev = target.load(std::memory_order_relaxed);
  while (value > prev && !target.compare_exchange_weak(prev, value)) {
  }
}

std::string JavaHumanTime(int64_t epoch_ms) {
  const auto secs = static_cast<time_t>(epoch_ms / 1000);
  std::tm tm{};
  localtime_r(&secs, &tm);
  return Printf("%04d-%02d-%02d %02d:%02d:%02d,%03d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(epoch_ms % 1000));
}

std::string JavaFixed3(double v) {
  if (std::isnan(v)) return "    NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  return Printf("%7.3f", v);
}

int64_t JavaLong(double v) {
  if (std::isnan(v)) return 0;
  if (v >= 9.2233720368547758e18) return std::numeric_limits<int64_t>::max();
  if (v <= -9.2233720368547758e18) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(v);
}

namespace {
// Java: (long) (((end - begin) / (double) (endTime - beginTime)) * 1000L)
int64_t JavaRate(int64_t delta, int64_t delta_ms) {
  return JavaLong(static_cast<double>(delta) / static_cast<double>(delta_ms) * 1000.0);
}
// Java: Δrt / (double) Δcount, with our RT in µs shown in ms.
double AverageMs(int64_t delta_us, int64_t delta_count) {
  return static_cast<double>(delta_us) / 1000.0 / static_cast<double>(delta_count);
}
}  // namespace

ProducerFigures ComputeProducer(const ProducerSnapshot& begin, const ProducerSnapshot& end) {
  ProducerFigures f;
  const int64_t ok = end.response_success - begin.response_success;
  f.send_tps = JavaRate(ok, end.time_ms - begin.time_ms);
  f.average_rt_ms = AverageMs(end.rt_total_us - begin.rt_total_us, ok);
  const auto window = LatencyHistogram::Difference(end.rt_histogram_us, begin.rt_histogram_us);
  f.p50_rt_ms = LatencyHistogram::Percentile(window, 0.50) / 1000.0;
  f.p99_rt_ms = LatencyHistogram::Percentile(window, 0.99) / 1000.0;
  return f;
}

std::string ProducerPeriodicLine(const std::string& now, const ProducerFigures& f,
                                 int64_t max_rt_ms, const ProducerSnapshot& end) {
  return "Current Time: " + now +
         Printf(" Send TPS: %lld Max RT(ms): %lld Average RT(ms): ", LL(f.send_tps),
                LL(max_rt_ms)) +
         JavaFixed3(f.average_rt_ms) +
         Printf(" Send Failed: %lld Response Failed: %lld", LL(end.send_failed),
                LL(end.response_failed)) +
         RtPercentiles(f.p50_rt_ms, f.p99_rt_ms);
}

std::string ProducerCompleteLine(int64_t total, const ProducerFigures& f, int64_t max_rt_ms,
                                 const ProducerSnapshot& end) {
  return Printf("[Complete] Send Total: %lld Send TPS: %lld Max RT(ms): %lld Average RT(ms): ",
                LL(total), LL(f.send_tps), LL(max_rt_ms)) +
         JavaFixed3(f.average_rt_ms) +
         Printf(" Send Failed: %lld Response Failed: %lld", LL(end.send_failed),
                LL(end.response_failed)) +
         RtPercentiles(f.p50_rt_ms, f.p99_rt_ms);
}

std::string ProducerShortCompleteLine(int64_t total, int64_t send_failed, int64_t response_failed,
                                      double p50_rt_ms, double p99_rt_ms) {
  return Printf("[Complete] Send Total: %lld Send Failed: %lld Response Failed: %lld", LL(total),
                LL(send_failed), LL(response_failed)) +
         RtPercentiles(p50_rt_ms, p99_rt_ms);
}

BatchFigures ComputeBatch(const BatchSnapshot& begin, const BatchSnapshot& end) {
  BatchFigures f;
  const int64_t dt = end.time_ms - begin.time_ms;
  const int64_t requests = end.request_success - begin.request_success;
  const int64_t messages = end.message_success - begin.message_success;
  f.send_tps = JavaRate(requests, dt);
  f.send_mps = JavaRate(messages, dt);
  f.average_rt_ms = AverageMs(end.rt_total_us - begin.rt_total_us, requests);
  f.average_msg_rt_ms = AverageMs(end.rt_total_us - begin.rt_total_us, messages);
  const auto window = LatencyHistogram::Difference(end.rt_histogram_us, begin.rt_histogram_us);
  f.p50_rt_ms = LatencyHistogram::Percentile(window, 0.50) / 1000.0;
  f.p99_rt_ms = LatencyHistogram::Percentile(window, 0.99) / 1000.0;
  return f;
}

namespace {
std::string BatchBody(const BatchFigures& f, int64_t max_rt_ms, const BatchSnapshot& end) {
  return Printf(" Send TPS: %lld Send MPS: %lld Max RT(ms): %lld Average RT(ms): ", LL(f.send_tps),
                LL(f.send_mps), LL(max_rt_ms)) +
         JavaFixed3(f.average_rt_ms) +
         " Average Message RT(ms): " + JavaFixed3(f.average_msg_rt_ms) +
         Printf(" Send Failed: %lld Send Message Failed: %lld", LL(end.request_failed),
                LL(end.message_failed)) +
         RtPercentiles(f.p50_rt_ms, f.p99_rt_ms);
}
}  // namespace

std::string BatchPeriodicLine(int64_t now_ms, const BatchFigures& f, int64_t max_rt_ms,
                              const BatchSnapshot& end) {
  return Printf("Current Time: %lld", LL(now_ms)) + BatchBody(f, max_rt_ms, end);
}

std::string BatchCompleteLine(int64_t total_requests, const BatchFigures& f, int64_t max_rt_ms,
                              const BatchSnapshot& end) {
  return Printf("[Complete] Send Total: %lld", LL(total_requests)) + BatchBody(f, max_rt_ms, end);
}

ConsumerFigures ComputeConsumer(const ConsumerSnapshot& begin, const ConsumerSnapshot& end) {
  ConsumerFigures f;
  const int64_t received = end.received - begin.received;
  f.tps = JavaRate(received, end.time_ms - begin.time_ms);
  f.average_b2c_ms =
      static_cast<double>(end.b2c_total_ms - begin.b2c_total_ms) / static_cast<double>(received);
  f.average_s2c_ms =
      static_cast<double>(end.s2c_total_ms - begin.s2c_total_ms) / static_cast<double>(received);
  f.fail = end.failed - begin.failed;
  const auto window = LatencyHistogram::Difference(end.b2c_histogram_ms, begin.b2c_histogram_ms);
  f.p50_b2c_ms = std::llround(LatencyHistogram::Percentile(window, 0.50));
  f.p99_b2c_ms = std::llround(LatencyHistogram::Percentile(window, 0.99));
  return f;
}

namespace {
std::string ConsumerBody(int64_t tps, int64_t fail, double avg_b2c, double avg_s2c, int64_t b2c_max,
                         int64_t s2c_max, int64_t p50, int64_t p99) {
  return Printf(" TPS: %lld FAIL: %lld AVG(B2C) RT(ms): ", LL(tps), LL(fail)) +
         JavaFixed3(avg_b2c) + " AVG(S2C) RT(ms): " + JavaFixed3(avg_s2c) +
         Printf(" MAX(B2C) RT(ms): %lld MAX(S2C) RT(ms): %lld", LL(b2c_max), LL(s2c_max)) +
         Printf(" p50(B2C) RT(ms): %lld p99(B2C) RT(ms): %lld", LL(p50), LL(p99));
}
}  // namespace

std::string ConsumerPeriodicLine(int64_t now_ms, const ConsumerFigures& f, int64_t b2c_max_ms,
                                 int64_t s2c_max_ms) {
  return Printf("Current Time: %lld", LL(now_ms)) +
         ConsumerBody(f.tps, f.fail, f.average_b2c_ms, f.average_s2c_ms, b2c_max_ms, s2c_max_ms,
                      f.p50_b2c_ms, f.p99_b2c_ms);
}

int64_t ActiveTps(int64_t received, int64_t first_us, int64_t last_us) {
  if (received < 2 || last_us <= first_us) return received;
  return JavaLong(static_cast<double>(received - 1) * 1e6 /
                  static_cast<double>(last_us - first_us));
}

std::string ConsumerCompleteLine(const ConsumerTotals& t) {
  const double n = static_cast<double>(t.received);
  return Printf("[Complete] Receive Total: %lld", LL(t.received)) +
         ConsumerBody(ActiveTps(t.received, t.first_us, t.last_us), t.failed,
                      static_cast<double>(t.b2c_total_ms) / n,
                      static_cast<double>(t.s2c_total_ms) / n, t.b2c_max_ms, t.s2c_max_ms,
                      std::llround(LatencyHistogram::Percentile(t.b2c_histogram_ms, 0.50)),
                      std::llround(LatencyHistogram::Percentile(t.b2c_histogram_ms, 0.99)));
}

size_t PeriodicSpan(int interval_s) {
  if (interval_s >= static_cast<int>(SnapshotWindow<int>::kJavaWindow)) {
    return SnapshotWindow<int>::kJavaWindow;
  }
  return static_cast<size_t>(std::max(1, interval_s)) + 1;
}

}  // namespace rocketmq::bench
