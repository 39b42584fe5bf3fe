// The arithmetic and the output lines of mqbench, kept apart from the sending and consuming so the
// unit tests can check them: Java 4.9.8's benchmark tools (example/.../benchmark/Producer.java,
// BatchProducer.java, Consumer.java) take a snapshot of their counters every second, keep the last
// ten, and print rates and averages over the first and last snapshot of that window. The
// functions here reproduce that arithmetic and Java's printf text byte for byte, then append our
// percentiles after Java's text.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace rocketmq::bench {

// A lock-free log-linear histogram of non-negative integer samples (microseconds or
// milliseconds; the unit is the caller's). Values below 256 are exact; above, each power of two
// has 128 buckets (relative error below 0.4%). Record() may be called from any thread.
class LatencyHistogram {
 public:
  static constexpr size_t kExact = 256;
  static constexpr size_t kSubBuckets = 128;
  static constexpr size_t kBuckets = kExact + 56 * kSubBuckets;

  void Record(int64_t value) { counts_[BucketOf(value)].fetch_add(1, std::memory_order_relaxed); }
  // The counts so far (one entry per bucket); subtract two snapshots to get an interval's.
  std::vector<uint64_t> Snapshot() const;

  static size_t BucketOf(int64_t value);
  // The value a bucket stands for: the value itself below kExact, else the bucket's middle.
  static double BucketValue(size_t bucket);
  // The p-quantile (0 < p <= 1) of `counts` (Snapshot() or a difference of two): the smallest
  // bucket value with at least ceil(p * total) samples at or below it; 0 when empty.
  static double Percentile(const std::vector<uint64_t>& counts, double p);
  // end - begin, bucket by bucket (begin may be empty: then end itself).
  static std::vector<uint64_t> Difference(const std::vector<uint64_t>& end,
                                          const std::vector<uint64_t>& begin);

 private:
  std::array<std::atomic<uint64_t>, kBuckets> counts_{};
};

// Raises `target` to `value` if larger (Java's compareAndSetMax).
void AtomicMax(std::atomic<int64_t>& target, int64_t value);

// Java's UtilAll.timeMillisToHumanString2: "yyyy-MM-dd HH:mm:ss,SSS" in local time.
std::string JavaHumanTime(int64_t epoch_ms);

// Java's String.format("%7.3f", v), including its "NaN" and "Infinity" spellings (a window with no
// sends divides 0 by 0, and Java prints "    NaN").
std::string JavaFixed3(double v);

// Java's (long) cast of a double: NaN -> 0, out of range -> the nearest long.
int64_t JavaLong(double v);

// One Producer snapshot: the Long[] of StatsBenchmarkProducer.createSnapshot() (time ms, send
// request success, send request failed, receive response success, receive response failed, total
// RT) plus our microsecond RT total and RT histogram counts.
struct ProducerSnapshot {
  int64_t time_ms = 0;
  int64_t send_success = 0;
  int64_t send_failed = 0;
  int64_t response_success = 0;
  int64_t response_failed = 0;
  int64_t rt_total_us = 0;
  std::vector<uint64_t> rt_histogram_us;
};

// The figures of Producer.doPrintStats over the window [begin, end].
struct ProducerFigures {
  int64_t send_tps = 0;      // (long)((Δresponse_success / Δtime_ms) * 1000)
  double average_rt_ms = 0;  // Δrt / Δresponse_success (NaN when nothing was sent)
  double p50_rt_ms = 0;
  double p99_rt_ms = 0;
};
ProducerFigures ComputeProducer(const ProducerSnapshot& begin, const ProducerSnapshot& end);

// "Current Time: 2024-01-02 03:04:05,678 Send TPS: 1234 Max RT(ms): 7 Average RT(ms):   1.234
// Send Failed: 0 Response Failed: 0 p50 RT(ms): 1.100 p99 RT(ms): 3.400" (one line, no newline).
std::string ProducerPeriodicLine(const std::string& now, const ProducerFigures& f,
                                 int64_t max_rt_ms, const ProducerSnapshot& end);
// "[Complete] Send Total: N Send TPS: ... Response Failed: F p50 RT(ms): ... p99 RT(ms): ..."
// (Java's done line; `total` = send success + send failed).
std::string ProducerCompleteLine(int64_t total, const ProducerFigures& f, int64_t max_rt_ms,
                                 const ProducerSnapshot& end);
// Java's line when fewer than two snapshots were taken (a run under two seconds):
// "[Complete] Send Total: N Send Failed: F Response Failed: R" plus our percentiles over the run.
std::string ProducerShortCompleteLine(int64_t total, int64_t send_failed, int64_t response_failed,
                                      double p50_rt_ms, double p99_rt_ms);

// One BatchProducer snapshot (StatsBenchmarkBatchProducer.createSnapshot: time, request success,
// request failed, message success, message failed, total RT) plus our RT figures.
struct BatchSnapshot {
  int64_t time_ms = 0;
  int64_t request_success = 0;
  int64_t request_failed = 0;
  int64_t message_success = 0;
  int64_t message_failed = 0;
  int64_t rt_total_us = 0;
  std::vector<uint64_t> rt_histogram_us;
};
struct BatchFigures {
  int64_t send_tps = 0;  // requests (batches) per second
  int64_t send_mps = 0;  // messages per second
  double average_rt_ms = 0;
  double average_msg_rt_ms = 0;
  double p50_rt_ms = 0;
  double p99_rt_ms = 0;
};
BatchFigures ComputeBatch(const BatchSnapshot& begin, const BatchSnapshot& end);
// "Current Time: <epoch ms> Send TPS: ... Send Message Failed: F p50 RT(ms): ... p99 RT(ms): ..."
// (BatchProducer prints the raw System.currentTimeMillis()).
std::string BatchPeriodicLine(int64_t now_ms, const BatchFigures& f, int64_t max_rt_ms,
                              const BatchSnapshot& end);
// Ours (BatchProducer runs forever): "[Complete] Send Total: <requests> Send TPS: ..." with the
// periodic line's figures.
std::string BatchCompleteLine(int64_t total_requests, const BatchFigures& f, int64_t max_rt_ms,
                              const BatchSnapshot& end);

// One Consumer snapshot (StatsBenchmarkConsumer.createSnapshot: time, received, born-to-consumer
// RT total, store-to-consumer RT total, failures) plus the B2C histogram (ms).
struct ConsumerSnapshot {
  int64_t time_ms = 0;
  int64_t received = 0;
  int64_t b2c_total_ms = 0;
  int64_t s2c_total_ms = 0;
  int64_t failed = 0;
  std::vector<uint64_t> b2c_histogram_ms;
};
struct ConsumerFigures {
  int64_t tps = 0;
  int64_t fail = 0;
  double average_b2c_ms = 0;
  double average_s2c_ms = 0;
  int64_t p50_b2c_ms = 0;
  int64_t p99_b2c_ms = 0;
};
ConsumerFigures ComputeConsumer(const ConsumerSnapshot& begin, const ConsumerSnapshot& end);
// "Current Time: <epoch ms> TPS: ... MAX(S2C) RT(ms): M p50(B2C) RT(ms): A p99(B2C) RT(ms): B".
std::string ConsumerPeriodicLine(int64_t now_ms, const ConsumerFigures& f, int64_t b2c_max_ms,
                                 int64_t s2c_max_ms);

// Ours: the totals of a consumer run that stopped (-q reached or --duration_s over).
struct ConsumerTotals {
  int64_t received = 0;
  int64_t failed = 0;
  int64_t first_us = -1;  // steady-clock µs of the first and last message counted
  int64_t last_us = -1;
  int64_t b2c_total_ms = 0;
  int64_t s2c_total_ms = 0;
  int64_t b2c_max_ms = 0;
  int64_t s2c_max_ms = 0;
  std::vector<uint64_t> b2c_histogram_ms;
};
// Messages per second over the active time only: (received - 1) / (last - first); `received`
// when there was a single message or no measurable span.
int64_t ActiveTps(int64_t received, int64_t first_us, int64_t last_us);
// "[Complete] Receive Total: N TPS: T FAIL: F AVG(B2C) RT(ms): ... p99(B2C) RT(ms): B".
std::string ConsumerCompleteLine(const ConsumerTotals& t);

// The last ten snapshots (Java's LinkedList<Long[]> trimmed to 10 entries).
template <typename Snapshot>
class SnapshotWindow {
 public:
  static constexpr size_t kJavaWindow = 10;
  void Add(Snapshot s) {
    list_.push_back(std::move(s));
    if (list_.size() > kJavaWindow) list_.pop_front();
  }
  size_t size() const { return list_.size(); }
  const Snapshot& Last() const { return list_.back(); }
  // The first snapshot of the newest `span` entries (span <= size()).
  const Snapshot& FirstOfLast(size_t span) const { return list_[list_.size() - span]; }
  const Snapshot& First() const { return list_.front(); }

 private:
  std::deque<Snapshot> list_;
};

// How many snapshots a periodic line spans when it is printed every `interval_s` seconds: Java's
// ten for 10 s and more, else interval + 1 (a 1 s interval compares the last two snapshots).
size_t PeriodicSpan(int interval_s);

}  // namespace rocketmq::bench
