#include "client/client_statistics.h"

#include <algorithm>
#include <mutex>

namespace rocketmq::client {

namespace {

constexpr size_t kExactBuckets = 32;
constexpr int kSubBits = 4;        // 16 buckets per power of two
constexpr int kFirstExponent = 5;  // 2^5 = 32, the first value past the exact buckets

int HighestBit(uint64_t v) { return 63 - __builtin_clzll(v); }

}  // namespace

size_t LatencyHistogram::BucketOf(int64_t us) {
  if (us < static_cast<int64_t>(kExactBuckets)) return us < 0 ? 0 : static_cast<size_t>(us);
  const auto v = static_cast<uint64_t>(us);
  const int e = HighestBit(v);
  const size_t sub = static_cast<size_t>((v >> (e - kSubBits)) & ((1u << kSubBits) - 1));
  const size_t bucket = kExactBuckets + static_cast<size_t>(e - kFirstExponent) * 16 + sub;
  return std::min(bucket, kBuckets - 1);
}

int64_t LatencyHistogram::BucketValue(size_t bucket) {
  if (bucket < kExactBuckets) return static_cast<int64_t>(bucket);
  const size_t i = bucket - kExactBuckets;
  const int e = static_cast<int>(i / 16) + kFirstExponent;
  const uint64_t sub = i % 16;
  const uint64_t width = uint64_t{1} << (e - kSubBits);
  const uint64_t lower = (16 + sub) * width;
  return static_cast<int64_t>(lower + width / 2);
}

void LatencyHistogram::Record(int64_t us) {
  counts_[BucketOf(us)].fetch_add(1, std::memory_order_relaxed);
}

LatencyHistogram::Counts LatencyHistogram::Snapshot() const {
  Counts out(kBuckets);
  for (size_t i = 0; i < kBuckets; ++i) out[i] = counts_[i].load(std::memory_order_relaxed);
  return out;
}

uint64_t LatencyHistogram::Total(const Counts& now, const Counts& before) {
  uint64_t total = 0;
  for (size_t i = 0; i < now.size(); ++i) total += now[i] - (i < before.size() ? before[i] : 0);
  return total;
}

int64_t LatencyHistogram::Percentile(const Counts& now, const Counts& before, double q) {
  const uint64_t total = Total(now, before);
  if (total == 0) return -1;
  // The smallest value with at least q of the samples at or below it.
  const auto rank =
      std::max<uint64_t>(1, static_cast<uint64_t>(q * static_cast<double>(total) + 0.999999));
  uint64_t seen = 0;
  for (size_t i = 0; i < now.size(); ++i) {
    seen += now[i] - (i < before.size() ? before[i] : 0);
    if (seen >= rank) return BucketValue(i);
  }
  return BucketValue(now.size() - 1);
}

BrokerCallCounters& ClientStatistics::For(const std::string& addr) {
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = brokers_.find(addr);
    if (it != brokers_.end()) return *it->second;
  }
  std::unique_lock<std::shared_mutex> lock(mu_);
  auto& slot = brokers_[addr];
  if (!slot) slot = std::make_unique<BrokerCallCounters>();
  return *slot;
}

void ClientStatistics::OnCallStarted(const std::string& addr) {
  BrokerCallCounters& c = For(addr);
  c.in_flight.fetch_add(1, std::memory_order_relaxed);
  c.requests.fetch_add(1, std::memory_order_relaxed);
}

void ClientStatistics::OnCallFinished(const std::string& addr, int64_t rtt_us,
                                      const Status& status) {
  BrokerCallCounters& c = For(addr);
  c.in_flight.fetch_sub(1, std::memory_order_relaxed);
  if (status.ok()) {
    c.rtt.Record(rtt_us);
  } else if (status.IsTimeout()) {
    c.timeouts.fetch_add(1, std::memory_order_relaxed);
  } else {
    c.errors.fetch_add(1, std::memory_order_relaxed);
  }
}

void ClientStatistics::OnConnectFailed(const std::string& addr) {
  For(addr).connect_failures.fetch_add(1, std::memory_order_relaxed);
}

void ClientStatistics::OnRetry(const std::string& addr) {
  if (!enabled()) return;
  For(addr).retries.fetch_add(1, std::memory_order_relaxed);
}

std::vector<BrokerCallSnapshot> ClientStatistics::Snapshot() const {
  std::vector<BrokerCallSnapshot> out;
  std::shared_lock<std::shared_mutex> lock(mu_);
  out.reserve(brokers_.size());
  for (const auto& [addr, c] : brokers_) {
    BrokerCallSnapshot s;
    s.addr = addr;
    s.in_flight = c->in_flight.load(std::memory_order_relaxed);
    s.requests = c->requests.load(std::memory_order_relaxed);
    s.timeouts = c->timeouts.load(std::memory_order_relaxed);
    s.errors = c->errors.load(std::memory_order_relaxed);
    s.retries = c->retries.load(std::memory_order_relaxed);
    s.connect_failures = c->connect_failures.load(std::memory_order_relaxed);
    s.rtt = c->rtt.Snapshot();
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const BrokerCallSnapshot& a, const BrokerCallSnapshot& b) {
    return a.addr < b.addr;
  });
  return out;
}

}  // namespace rocketmq::client
