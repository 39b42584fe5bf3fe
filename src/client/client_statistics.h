// ClientStatistics: the per-broker counters behind the statistics document
// (include/rocketmq/statistics.h, docs/statistics.md), one object per ClientInstance, fed by its
// RemotingClient as a CallObserver.
//
// Counting is lock-free on the hot path (a shared-lock look-up of the address, then relaxed
// atomics) and happens only while some producer or consumer of the instance has statistics on
// (AddUser / RemoveUser); otherwise enabled() is false and the remoting client skips even the
// clock reads. The RTT histogram is cumulative; each reporter keeps its previous snapshot and
// takes percentiles over the difference, so two reporters on one instance do not steal each
// other's samples.
//
// Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "remoting/call_observer.h"

namespace rocketmq::client {

// Log-linear histogram of microsecond values: exact below 32, then 16 buckets per power of two
// (a bucket's midpoint is within 3.2% of any value in it), up to about 2^40 us.
class LatencyHistogram {
 public:
  static constexpr size_t kBuckets = 32 + 36 * 16;
  using Counts = std::vector<uint64_t>;  // kBuckets entries

  void Record(int64_t us);
  Counts Snapshot() const;

  static size_t BucketOf(int64_t us);
  // The value reported for a bucket: its midpoint (exact buckets: the value itself).
  static int64_t BucketValue(size_t bucket);
  // Percentile `q` (0..1] of the samples counted in `now` minus `before` (both Snapshot()s;
  // `before` may be empty: nothing earlier). -1 when the difference holds no sample.
  static int64_t Percentile(const Counts& now, const Counts& before, double q);
  static uint64_t Total(const Counts& now, const Counts& before);

 private:
  std::array<std::atomic<uint64_t>, kBuckets> counts_{};
};

// One broker address, as counted.
struct BrokerCallCounters {
  std::atomic<int64_t> in_flight{0};
  std::atomic<uint64_t> requests{0};          // calls started
  std::atomic<uint64_t> timeouts{0};          // calls failed with a timeout
  std::atomic<uint64_t> errors{0};            // calls failed otherwise (connection, shutdown...)
  std::atomic<uint64_t> retries{0};           // sends re-attempted on this broker
  std::atomic<uint64_t> connect_failures{0};  // connections that never came up
  LatencyHistogram rtt;                       // calls that got a response
};

// A copy of one address's counters, for a document.
struct BrokerCallSnapshot {
  std::string addr;
  int64_t in_flight = 0;
  uint64_t requests = 0;
  uint64_t timeouts = 0;
  uint64_t errors = 0;
  uint64_t retries = 0;
  uint64_t connect_failures = 0;
  LatencyHistogram::Counts rtt;
};

class ClientStatistics : public remoting::CallObserver {
 public:
  // Statistics are counted while at least one user is registered.
  void AddUser() { users_.fetch_add(1, std::memory_order_relaxed); }
  void RemoveUser() { users_.fetch_sub(1, std::memory_order_relaxed); }

  bool enabled() const override { return users_.load(std::memory_order_relaxed) > 0; }
  void OnCallStarted(const std::string& addr) override;
  void OnCallFinished(const std::string& addr, int64_t rtt_us, const Status& status) override;
  void OnConnectFailed(const std::string& addr) override;
  // A producer re-sends on `addr` after an earlier attempt failed.
  void OnRetry(const std::string& addr);

  // Every address seen so far, sorted by address.
  std::vector<BrokerCallSnapshot> Snapshot() const;

 private:
  BrokerCallCounters& For(const std::string& addr);

  std::atomic<int> users_{0};
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::unique_ptr<BrokerCallCounters>> brokers_;  // guarded by mu_
};

}  // namespace rocketmq::client
