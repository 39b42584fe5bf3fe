#include "mockbroker/broker/broker_stats_manager.h"

#include <utility>
#include <vector>

#include "common/time_util.h"

namespace rocketmq::broker {

namespace {

constexpr int64_t kSecondsPeriodMs = 10 * 1000;
constexpr int64_t kMinutesPeriodMs = 10 * 60 * 1000;
constexpr int64_t kHourPeriodMs = 60 * 60 * 1000;
constexpr size_t kMinuteKeep = 7;
constexpr size_t kHourKeep = 7;
constexpr size_t kDayKeep = 25;

}  // namespace

StatsItem::StatsItem(int64_t now_ms) {
  SampleInSeconds(now_ms);
  SampleInMinutes(now_ms);
  SampleInHour(now_ms);
}

void StatsItem::Sample(std::deque<CallSnapshot>* list, int64_t now_ms, int64_t period_ms,
                       size_t keep) {
  std::lock_guard<std::mutex> lock(mu_);
  if (list->empty()) list->push_back(CallSnapshot{now_ms - period_ms, 0, 0});
  list->push_back(CallSnapshot{now_ms, times(), value()});
  if (list->size() > keep) list->pop_front();
}

void StatsItem::SampleInSeconds(int64_t now_ms) {
  Sample(&minute_, now_ms, kSecondsPeriodMs, kMinuteKeep);
}
void StatsItem::SampleInMinutes(int64_t now_ms) {
  Sample(&hour_, now_ms, kMinutesPeriodMs, kHourKeep);
}
void StatsItem::SampleInHour(int64_t now_ms) { Sample(&day_, now_ms, kHourPeriodMs, kDayKeep); }

StatsSnapshot StatsItem::Compute(const std::deque<CallSnapshot>& list) const {
  StatsSnapshot s;
  std::lock_guard<std::mutex> lock(mu_);
  if (list.empty()) return s;
  const CallSnapshot& first = list.front();
  const CallSnapshot& last = list.back();
  s.sum = last.value - first.value;
  // Java divides by the elapsed time even when it is 0 (Infinity / NaN); the first samples are a
  // period apart, so that cannot happen here.
  const int64_t elapsed = last.timestamp - first.timestamp;
  s.tps = elapsed != 0 ? (static_cast<double>(s.sum) * 1000.0) / static_cast<double>(elapsed) : 0;
  s.times = last.times - first.times;
  if (s.times > 0) s.avgpt = static_cast<double>(s.sum) / static_cast<double>(s.times);
  return s;
}

StatsSnapshot StatsItem::InMinute() const { return Compute(minute_); }
StatsSnapshot StatsItem::InHour() const { return Compute(hour_); }
StatsSnapshot StatsItem::InDay() const { return Compute(day_); }

std::shared_ptr<StatsItem> BrokerStatsManager::ItemSet::GetOrCreate(const std::string& key,
                                                                    int64_t now_ms) {
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = items_.find(key);
    if (it != items_.end()) return it->second;
  }
  std::unique_lock<std::shared_mutex> lock(mu_);
  auto [it, inserted] = items_.emplace(key, nullptr);
  if (inserted) it->second = std::make_shared<StatsItem>(now_ms);
  return it->second;
}

std::shared_ptr<StatsItem> BrokerStatsManager::ItemSet::Find(const std::string& key) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = items_.find(key);
  return it == items_.end() ? nullptr : it->second;
}

void BrokerStatsManager::ItemSet::ForEach(const std::function<void(StatsItem&)>& fn) const {
  std::vector<std::shared_ptr<StatsItem>> items;
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    items.reserve(items_.size());
    for (const auto& kv : items_) items.push_back(kv.second);
  }
  for (const auto& item : items) fn(*item);
}

BrokerStatsManager::BrokerStatsManager(std::string cluster_name, Clock clock)
    : cluster_name_(std::move(cluster_name)), clock_(std::move(clock)) {
  auto add = [this](const char* name) {
    auto& set = sets_[name];
    set = std::make_unique<ItemSet>();
    return set.get();
  };
  topic_put_nums_ = add(kStatsTopicPutNums);
  topic_put_size_ = add(kStatsTopicPutSize);
  group_get_nums_ = add(kStatsGroupGetNums);
  group_get_size_ = add(kStatsGroupGetSize);
  sndbck_put_nums_ = add(kStatsSndbckPutNums);
  broker_put_nums_ = add(kStatsBrokerPutNums);
  broker_get_nums_ = add(kStatsBrokerGetNums);
  const int64_t now = Now();
  next_seconds_ = now + kSecondsPeriodMs;
  next_minutes_ = now + kMinutesPeriodMs;
  next_hour_ = now + kHourPeriodMs;
}

int64_t BrokerStatsManager::Now() const { return clock_ ? clock_() : NowMillis(); }

void BrokerStatsManager::IncTopicPutNums(const std::string& topic, int32_t num, int32_t times) {
  topic_put_nums_->GetOrCreate(topic, Now())->Add(num, times);
}
void BrokerStatsManager::IncTopicPutSize(const std::string& topic, int32_t size) {
  topic_put_size_->GetOrCreate(topic, Now())->Add(size, 1);
}
void BrokerStatsManager::IncGroupGetNums(const std::string& group, const std::string& topic,
                                         int32_t num) {
  group_get_nums_->GetOrCreate(Key(topic, group), Now())->Add(num, 1);
}
void BrokerStatsManager::IncGroupGetSize(const std::string& group, const std::string& topic,
                                         int32_t size) {
  group_get_size_->GetOrCreate(Key(topic, group), Now())->Add(size, 1);
}
void BrokerStatsManager::IncSendBackNums(const std::string& group, const std::string& topic) {
  sndbck_put_nums_->GetOrCreate(Key(topic, group), Now())->Add(1, 1);
}
void BrokerStatsManager::IncBrokerPutNums(int32_t num) {
  broker_put_nums_->GetOrCreate(cluster_name_, Now())->Add(num, 0);  // Java adds no call count
}
void BrokerStatsManager::IncBrokerGetNums(int32_t num) {
  broker_get_nums_->GetOrCreate(cluster_name_, Now())->Add(num, 0);
}

std::shared_ptr<const StatsItem> BrokerStatsManager::GetStatsItem(const std::string& name,
                                                                  const std::string& key) const {
  auto it = sets_.find(name);
  return it == sets_.end() ? nullptr : it->second->Find(key);
}

double BrokerStatsManager::TpsGroupGetNums(const std::string& group,
                                           const std::string& topic) const {
  std::shared_ptr<StatsItem> item = group_get_nums_->Find(Key(topic, group));
  return item ? item->InMinute().tps : 0;
}

void BrokerStatsManager::Tick(int64_t now_ms) {
  std::lock_guard<std::mutex> lock(tick_mu_);
  if (now_ms >= next_seconds_) {
    next_seconds_ = now_ms + kSecondsPeriodMs;
    for (const auto& kv : sets_)
      kv.second->ForEach([now_ms](StatsItem& i) { i.SampleInSeconds(now_ms); });
  }
  if (now_ms >= next_minutes_) {
    next_minutes_ = now_ms + kMinutesPeriodMs;
    for (const auto& kv : sets_)
      kv.second->ForEach([now_ms](StatsItem& i) { i.SampleInMinutes(now_ms); });
  }
  if (now_ms >= next_hour_) {
    next_hour_ = now_ms + kHourPeriodMs;
    for (const auto& kv : sets_)
      kv.second->ForEach([now_ms](StatsItem& i) { i.SampleInHour(now_ms); });
  }
}

void BrokerStatsManager::SampleAllNow() {
  const int64_t now = Now();
  for (const auto& kv : sets_) {
    kv.second->ForEach([now](StatsItem& i) {
      i.SampleInSeconds(now);
      i.SampleInMinutes(now);
      i.SampleInHour(now);
    });
  }
}

}  // namespace rocketmq::broker
