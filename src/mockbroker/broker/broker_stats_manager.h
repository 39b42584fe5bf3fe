// BrokerStatsManager: the per-key call statistics of the broker (Java BrokerStatsManager /
// StatsItemSet / StatsItem, 4.9.x) that VIEW_BROKER_STATS_DATA, GET_CONSUME_STATS' consumeTps and
// mqadmin statsAll read:
//   TOPIC_PUT_NUMS / TOPIC_PUT_SIZE   key topic           (sends)
//   GROUP_GET_NUMS / GROUP_GET_SIZE   key "topic@group"   (pulls that found messages)
//   SNDBCK_PUT_NUMS                   key "topic@group"   (CONSUMER_SEND_MSG_BACK)
//   BROKER_PUT_NUMS / BROKER_GET_NUMS key cluster name    (value only, no call count)
// An item exists from its first increment on (items of deleted topics and groups stay, as with
// Java's default autoDeleteUnusedStats=false). Each keeps a running value and call count
// (relaxed atomics: the send and pull paths pay one shared lock, one hash lookup and two atomic
// adds) and snapshot lists sampled as Java samples them: every 10 s (the last 7 samples, "in
// minute"), every 10 min (7, "in hour") and every hour (25, "in day"), the first sample of each
// list taken when the item is created, preceded by a zero sample dated one period earlier. A
// snapshot over a list gives sum = last - first value, tps = sum * 1000 / elapsed ms and
// avgpt = sum / calls.
//
// Thread-safe. Inc* run on request threads; Tick runs on the broker's scheduler thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace rocketmq::broker {

inline constexpr char kStatsTopicPutNums[] = "TOPIC_PUT_NUMS";
inline constexpr char kStatsTopicPutSize[] = "TOPIC_PUT_SIZE";
inline constexpr char kStatsGroupGetNums[] = "GROUP_GET_NUMS";
inline constexpr char kStatsGroupGetSize[] = "GROUP_GET_SIZE";
inline constexpr char kStatsSndbckPutNums[] = "SNDBCK_PUT_NUMS";
inline constexpr char kStatsBrokerPutNums[] = "BROKER_PUT_NUMS";
inline constexpr char kStatsBrokerGetNums[] = "BROKER_GET_NUMS";

// Java StatsSnapshot.
struct StatsSnapshot {
  int64_t sum = 0;
  double tps = 0;
  double avgpt = 0;
  int64_t times = 0;
};

// One key's counters (Java StatsItem).
class StatsItem {
 public:
  // Takes the first sample of every list at `now_ms` (Java StatsItem.init's immediate runs).
  explicit StatsItem(int64_t now_ms);

  void Add(int64_t value, int64_t times) {
    value_.fetch_add(value, std::memory_order_relaxed);
    times_.fetch_add(times, std::memory_order_relaxed);
  }
  int64_t value() const { return value_.load(std::memory_order_relaxed); }
  int64_t times() const { return times_.load(std::memory_order_relaxed); }

  StatsSnapshot InMinute() const;
  StatsSnapshot InHour() const;
  StatsSnapshot InDay() const;

  void SampleInSeconds(int64_t now_ms);  // every 10 s
  void SampleInMinutes(int64_t now_ms);  // every 10 min
  void SampleInHour(int64_t now_ms);     // every hour

 private:
  struct CallSnapshot {
    int64_t timestamp;
    int64_t times;
    int64_t value;
  };
  void Sample(std::deque<CallSnapshot>* list, int64_t now_ms, int64_t period_ms, size_t keep);
  StatsSnapshot Compute(const std::deque<CallSnapshot>& list) const;

  std::atomic<int64_t> value_{0};
  std::atomic<int64_t> times_{0};
  mutable std::mutex mu_;
  std::deque<CallSnapshot> minute_;  // guarded by mu_
  std::deque<CallSnapshot> hour_;    // guarded by mu_
  std::deque<CallSnapshot> day_;     // guarded by mu_
};

class BrokerStatsManager {
 public:
  using Clock = std::function<int64_t()>;  // epoch ms

  // `cluster_name` keys the BROKER_* items. `clock` defaults to the system clock.
  explicit BrokerStatsManager(std::string cluster_name, Clock clock = nullptr);
  BrokerStatsManager(const BrokerStatsManager&) = delete;
  BrokerStatsManager& operator=(const BrokerStatsManager&) = delete;

  void IncTopicPutNums(const std::string& topic, int32_t num, int32_t times);
  void IncTopicPutSize(const std::string& topic, int32_t size);
  void IncGroupGetNums(const std::string& group, const std::string& topic, int32_t num);
  void IncGroupGetSize(const std::string& group, const std::string& topic, int32_t size);
  void IncSendBackNums(const std::string& group, const std::string& topic);
  void IncBrokerPutNums(int32_t num);
  void IncBrokerGetNums(int32_t num);

  // The item of statsName/statsKey; nullptr when the name is unknown or the key never counted.
  std::shared_ptr<const StatsItem> GetStatsItem(const std::string& name,
                                                const std::string& key) const;
  // Java tpsGroupGetNums: the GROUP_GET_NUMS tps over the last minute, 0 when never counted.
  double TpsGroupGetNums(const std::string& group, const std::string& topic) const;

  // Takes the samples that are due at `now_ms` (10 s / 10 min / 1 h after the previous round).
  // Call it at least every 10 s.
  void Tick(int64_t now_ms);
  // Samples every list of every item now, whatever is due (tests).
  void SampleAllNow();

 private:
  class ItemSet {
   public:
    // The item of `key`, created (and first sampled) at `now_ms` when new.
    std::shared_ptr<StatsItem> GetOrCreate(const std::string& key, int64_t now_ms);
    std::shared_ptr<StatsItem> Find(const std::string& key) const;
    void ForEach(const std::function<void(StatsItem&)>& fn) const;

   private:
    mutable std::shared_mutex mu_;
    std::unordered_map<std::string, std::shared_ptr<StatsItem>> items_;  // guarded by mu_
  };

  static std::string Key(const std::string& topic, const std::string& group) {
    return topic + "@" + group;
  }
  int64_t Now() const;

  const std::string cluster_name_;
  const Clock clock_;
  std::map<std::string, std::unique_ptr<ItemSet>> sets_;  // fixed after construction
  ItemSet* topic_put_nums_;
  ItemSet* topic_put_size_;
  ItemSet* group_get_nums_;
  ItemSet* group_get_size_;
  ItemSet* sndbck_put_nums_;
  ItemSet* broker_put_nums_;
  ItemSet* broker_get_nums_;

  std::mutex tick_mu_;
  int64_t next_seconds_ = 0;  // guarded by tick_mu_
  int64_t next_minutes_ = 0;  // guarded by tick_mu_
  int64_t next_hour_ = 0;     // guarded by tick_mu_
};

}  // namespace rocketmq::broker
