// StoreStatsService: the store's running statistics (Java StoreStatsService, 4.9.x) behind
// GET_BROKER_RUNTIME_INFO: put/get counters, the longest put and get, the put latency
// distribution and percentiles of the previous minute, TPS over the last 10 / 60 / 600 one-second
// samples, and the put/get totals Java's BrokerStats records at each local midnight.
//
// Owned by MessageStore. Counters are updated from any put/get thread; Sample() is called about
// once a second by the store's stats thread (it also rolls the per-minute distribution and the
// midnight totals); RuntimeInfo() may be called from any thread. Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rocketmq::store {

class StoreStatsService {
 public:
  explicit StoreStatsService(int64_t boot_ms);

  // A put that reached the CommitLog: `msgs` records, `bytes` written (Java counts these when
  // the append succeeded, before any flush wait).
  void OnPutAppended(int32_t msgs, int64_t bytes);
  // Every put that got as far as the CommitLog: its duration, and whether it ended PUT_OK.
  void OnPutFinished(int64_t elapsed_ms, bool ok);
  // A GetMessage: FOUND or not, messages returned, duration.
  void OnGet(bool found, int32_t messages, int64_t elapsed_ms);
  // Largest dispatch backlog seen (bytes appended but not yet in the consume queues).
  void OnDispatchBehind(int64_t bytes);

  // One TPS sample at `now_ms`; once a minute the distribution and percentiles move to "last
  // minute"; at the first sample of a new local day the midnight totals are recorded.
  void Sample(int64_t now_ms);

  int64_t put_message_times_total() const { return put_times_.load(); }
  int64_t get_message_transferred_msg_count() const { return get_transferred_.load(); }
  int64_t boot_timestamp() const { return boot_ms_; }

  // Java BrokerStats: totals recorded at the last two midnights (0 until then).
  struct MorningTotals {
    int64_t put_yesterday_morning = 0;
    int64_t put_today_morning = 0;
    int64_t get_yesterday_morning = 0;
    int64_t get_today_morning = 0;
  };
  MorningTotals morning_totals() const;

  // The keys of Java StoreStatsService.getRuntimeInfo, formatted as Java does, in Java's put
  // order: bootTimestamp, runtime, putMessageEntireTimeMax, putMessageTimesTotal,
  // putMessageFailedTimes, putMessageSizeTotal, putMessageDistributeTime, putMessageAverageSize,
  // dispatchMaxBuffer, getMessageEntireTimeMax, putTps, getFoundTps, getMissTps, getTotalTps,
  // getTransferedTps, putLatency99, putLatency999.
  std::vector<std::pair<std::string, std::string>> RuntimeInfo(int64_t now_ms) const;

 private:
  struct CallSnapshot {
    int64_t timestamp;
    int64_t total;
  };
  using Samples = std::deque<CallSnapshot>;
  static constexpr size_t kDistributionSlots = 13;

  static std::string Tps(const Samples& list, size_t window);
  static std::string TpsTriple(const Samples& list);
  double PutLatencyPercentile(double px) const;  // caller holds mu_
  std::string DistributionText() const;          // caller holds mu_

  const int64_t boot_ms_;
  std::atomic<int64_t> put_times_{0};
  std::atomic<int64_t> put_bytes_{0};
  std::atomic<int64_t> put_failed_{0};
  std::atomic<int64_t> put_time_max_{0};
  std::atomic<int64_t> get_found_{0};
  std::atomic<int64_t> get_miss_{0};
  std::atomic<int64_t> get_transferred_{0};
  std::atomic<int64_t> get_time_max_{0};
  std::atomic<int64_t> dispatch_max_buffer_{0};

  mutable std::mutex mu_;
  // Bucket upper bound (ms) -> puts; the current minute and the previous one (empty at first).
  std::map<int64_t, int64_t> buckets_;                                        // guarded by mu_
  std::map<int64_t, int64_t> last_buckets_;                                   // guarded by mu_
  std::array<int64_t, kDistributionSlots> distribution_{};                    // guarded by mu_
  std::optional<std::array<int64_t, kDistributionSlots>> last_distribution_;  // guarded by mu_
  int64_t last_roll_ms_;                                                      // guarded by mu_
  Samples put_samples_, found_samples_, miss_samples_, transferred_samples_;  // guarded by mu_
  MorningTotals morning_;                                                     // guarded by mu_
  int64_t day_ = -1;  // local day number of the last sample; guarded by mu_
};

// Java MixAll.humanReadableByteCount(bytes, false): "0 B", "1.5 KiB", "252.0 GiB".
std::string HumanReadableByteCount(int64_t bytes);
// Java UtilAll.getDiskPartitionSpaceUsedPercent (4.9.x): used / (used + usable) rounded up to
// whole percents, as a fraction (0.19); -1 when `path` does not exist.
double DiskPartitionSpaceUsedPercent(const std::string& path);

}  // namespace rocketmq::store
