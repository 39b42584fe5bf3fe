#include "mockbroker/store/store_stats_service.h"

#include <sys/statvfs.h>
#include <sys/types.h>

#include <cstdio>
#include <ctime>

#include "common/json_writer.h"

namespace rocketmq::store {

namespace {

constexpr size_t kMaxRecordsOfSampling = 600;  // ten minutes of one-second samples
constexpr int64_t kPrintTpsIntervalMs = 60 * 1000;

const char* const kDistributionDesc[] = {
    "[<=0ms]", "[0~10ms]", "[10~50ms]", "[50~100ms]", "[100~200ms]", "[200~500ms]", "[500ms~1s]",
    "[1~2s]",  "[2~3s]",   "[3~4s]",    "[4~5s]",     "[5~10s]",     "[10s~]"};

// Java's bucket rule: (step, count) pairs in step order; bounds accumulate, then Long.MAX_VALUE.
std::map<int64_t, int64_t> NewBuckets() {
  static const std::pair<int64_t, int> kRule[] = {{1, 20}, {2, 15},  {5, 10},  {10, 10},
                                                  {50, 6}, {100, 5}, {1000, 9}};
  std::map<int64_t, int64_t> buckets;
  int64_t bound = 0;
  for (const auto& [step, count] : kRule) {
    for (int i = 0; i < count; ++i) buckets[bound += step] = 0;
  }
  buckets[INT64_MAX] = 0;
  return buckets;
}

size_t DistributionSlot(int64_t ms) {
  static const int64_t kLimits[] = {10, 50, 100, 200, 500, 1000, 2000, 3000, 4000, 5000, 10000};
  if (ms <= 0) return 0;
  size_t slot = 1;
  for (int64_t limit : kLimits) {
    if (ms < limit) return slot;
    ++slot;
  }
  return slot;  // 12: [10s~]
}

void RaiseTo(std::atomic<int64_t>* max, int64_t value) {
  int64_t cur = max->load();
  while (value > cur && !max->compare_exchange_weak(cur, value)) {
  }
}

std::string FormatFixed2(double v) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

int64_t LocalDayNumber(int64_t now_ms) {
  time_t secs = static_cast<time_t>(now_ms / 1000);
  struct tm local;
  localtime_r(&secs, &local);
  return static_cast<int64_t>(local.tm_year) * 400 + local.tm_yday;
}

}  // namespace

StoreStatsService::StoreStatsService(int64_t boot_ms)
    : boot_ms_(boot_ms), buckets_(NewBuckets()), last_roll_ms_(boot_ms) {}

void StoreStatsService::OnPutAppended(int32_t msgs, int64_t bytes) {
  put_times_ += msgs;
  put_bytes_ += bytes;
}

void StoreStatsService::OnPutFinished(int64_t elapsed_ms, bool ok) {
  if (!ok) ++put_failed_;
  RaiseTo(&put_time_max_, elapsed_ms);
  std::lock_guard<std::mutex> lock(mu_);
  auto bucket = buckets_.lower_bound(elapsed_ms);  // Java TreeMap.ceilingEntry
  if (bucket != buckets_.end()) ++bucket->second;
  ++distribution_[DistributionSlot(elapsed_ms)];
}

void StoreStatsService::OnGet(bool found, int32_t messages, int64_t elapsed_ms) {
  ++(found ? get_found_ : get_miss_);
  get_transferred_ += messages;
  RaiseTo(&get_time_max_, elapsed_ms);
}

void StoreStatsService::OnDispatchBehind(int64_t bytes) { RaiseTo(&dispatch_max_buffer_, bytes); }

void StoreStatsService::Sample(int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  auto add = [now_ms](Samples* list, int64_t total) {
    list->push_back({now_ms, total});
    if (list->size() > kMaxRecordsOfSampling + 1) list->pop_front();
  };
  add(&put_samples_, put_times_.load());
  add(&found_samples_, get_found_.load());
  add(&miss_samples_, get_miss_.load());
  add(&transferred_samples_, get_transferred_.load());
  if (now_ms > last_roll_ms_ + kPrintTpsIntervalMs) {
    last_roll_ms_ = now_ms;
    last_distribution_ = distribution_;
    distribution_.fill(0);
    last_buckets_ = std::move(buckets_);
    buckets_ = NewBuckets();
  }
  // Java BrokerStats.record(), scheduled for each local midnight.
  const int64_t day = LocalDayNumber(now_ms);
  if (day_ >= 0 && day != day_) {
    morning_.put_yesterday_morning = morning_.put_today_morning;
    morning_.get_yesterday_morning = morning_.get_today_morning;
    morning_.put_today_morning = put_times_.load();
    morning_.get_today_morning = get_transferred_.load();
  }
  day_ = day;
}

StoreStatsService::MorningTotals StoreStatsService::morning_totals() const {
  std::lock_guard<std::mutex> lock(mu_);
  return morning_;
}

std::string StoreStatsService::Tps(const Samples& list, size_t window) {
  if (list.size() <= window) return "";
  const CallSnapshot& last = list.back();
  const CallSnapshot& before = list[list.size() - (window + 1)];
  const double time = static_cast<double>(last.timestamp - before.timestamp);
  return FormatJavaDouble(static_cast<double>(last.total - before.total) / time * 1000);
}

std::string StoreStatsService::TpsTriple(const Samples& list) {
  return Tps(list, 10) + " " + Tps(list, 60) + " " + Tps(list, 600);
}

double StoreStatsService::PutLatencyPercentile(double px) const {
  int64_t total = 0;
  for (const auto& [bound, count] : last_buckets_) total += count;
  const int64_t px_index = static_cast<int64_t>(static_cast<double>(total) * px);
  int64_t pass = 0;
  int64_t previous_bound = 0;
  bool first = true;
  for (const auto& [bound, count] : last_buckets_) {
    if (px_index <= pass + count) {
      const int64_t relative = px_index - pass;
      // Java multiplies as longs (wrapping) before dividing as a double.
      auto scaled = [relative, count](int64_t width) {
        const int64_t product =
            static_cast<int64_t>(static_cast<uint64_t>(width) * static_cast<uint64_t>(relative));
        return count == 0 ? 0.0 : static_cast<double>(product) / static_cast<double>(count);
      };
      return first ? scaled(bound)
                   : static_cast<double>(previous_bound) +
                         scaled(static_cast<int64_t>(static_cast<uint64_t>(bound) -
                                                     static_cast<uint64_t>(previous_bound)));
    }
    pass += count;
    previous_bound = bound;
    first = false;
  }
  return 0.0;
}

std::string StoreStatsService::DistributionText() const {
  if (!last_distribution_.has_value()) return "null";  // Java: String.valueOf(null) at first
  std::string out;
  for (size_t i = 0; i < kDistributionSlots; ++i) {
    out += std::string(kDistributionDesc[i]) + ":" + std::to_string((*last_distribution_)[i]) + " ";
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> StoreStatsService::RuntimeInfo(
    int64_t now_ms) const {
  // Java divides by 1 and reports 1 when nothing was put yet.
  int64_t total_times = put_times_.load();
  if (total_times == 0) total_times = 1;
  const int64_t size_total = put_bytes_.load();

  const int64_t run = now_ms - boot_ms_;
  constexpr int64_t kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute, kDay = 24 * kHour;
  const std::string runtime = "[ " + std::to_string(run / kDay) + " days, " +
                              std::to_string((run % kDay) / kHour) + " hours, " +
                              std::to_string((run % kHour) / kMinute) + " minutes, " +
                              std::to_string((run % kMinute) / kSecond) + " seconds ]";

  std::lock_guard<std::mutex> lock(mu_);
  auto found_plus_miss = [this](size_t window) {
    double sum = 0;
    for (const Samples* list : {&found_samples_, &miss_samples_}) {
      std::string t = Tps(*list, window);
      if (!t.empty()) sum += std::stod(t);
    }
    return FormatJavaDouble(sum);
  };
  return {
      {"bootTimestamp", std::to_string(boot_ms_)},
      {"runtime", runtime},
      {"putMessageEntireTimeMax", std::to_string(put_time_max_.load())},
      {"putMessageTimesTotal", std::to_string(total_times)},
      {"putMessageFailedTimes", std::to_string(put_failed_.load())},
      {"putMessageSizeTotal", std::to_string(size_total)},
      {"putMessageDistributeTime", DistributionText()},
      {"putMessageAverageSize",
       FormatJavaDouble(static_cast<double>(size_total) / static_cast<double>(total_times))},
      {"dispatchMaxBuffer", std::to_string(dispatch_max_buffer_.load())},
      {"getMessageEntireTimeMax", std::to_string(get_time_max_.load())},
      {"putTps", TpsTriple(put_samples_)},
      {"getFoundTps", TpsTriple(found_samples_)},
      {"getMissTps", TpsTriple(miss_samples_)},
      {"getTotalTps", found_plus_miss(10) + " " + found_plus_miss(60) + " " + found_plus_miss(600)},
      {"getTransferedTps", TpsTriple(transferred_samples_)},
      {"putLatency99", FormatFixed2(PutLatencyPercentile(0.99))},
      {"putLatency999", FormatFixed2(PutLatencyPercentile(0.999))},
  };
}

std::string HumanReadableByteCount(int64_t bytes) {
  constexpr int64_t kUnit = 1024;
  if (bytes < kUnit) return std::to_string(bytes) + " B";
  int exp = 0;
  double value = static_cast<double>(bytes);
  while (value >= kUnit && exp < 6) {
    value /= kUnit;
    ++exp;
  }
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.1f %ciB", value, "KMGTPE"[exp - 1]);
  return buf;
}

double DiskPartitionSpaceUsedPercent(const std::string& path) {
  struct statvfs vfs;
  if (path.empty() || ::statvfs(path.c_str(), &vfs) != 0) return -1;
  const int64_t unit = static_cast<int64_t>(vfs.f_frsize);
  const int64_t total = static_cast<int64_t>(vfs.f_blocks) * unit;
  if (total <= 0) return -1;
  const int64_t used = total - static_cast<int64_t>(vfs.f_bfree) * unit;
  const int64_t entire = used + static_cast<int64_t>(vfs.f_bavail) * unit;
  if (entire <= 0) return -1;
  const int64_t round = (used * 100 % entire != 0) ? 1 : 0;
  return static_cast<double>(used * 100 / entire + round) / 100.0;
}

}  // namespace rocketmq::store
