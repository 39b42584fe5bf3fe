#include "producer/mq_fault_strategy.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <vector>

namespace rocketmq::producer {

int64_t SteadyNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

LatencyFaultTolerance::LatencyFaultTolerance(MillisClock clock) : clock_(std::move(clock)) {}

void LatencyFaultTolerance::UpdateFaultItem(const std::string& name, int64_t current_latency_ms,
                                            int64_t not_available_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  FaultItem& item = items_[name];
  item.current_latency = current_latency_ms;
  item.start_timestamp = clock_() + not_available_ms;
}

bool LatencyFaultTolerance::IsAvailable(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = items_.find(name);
  return it == items_.end() || clock_() - it->second.start_timestamp >= 0;
}

void LatencyFaultTolerance::Remove(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  items_.erase(name);
}

std::string LatencyFaultTolerance::PickOneAtLeast() {
  struct Entry {
    std::string name;
    FaultItem item;
    bool available;
  };
  std::vector<Entry> list;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const int64_t now = clock_();
    for (const auto& [name, item] : items_) {
      list.push_back(Entry{name, item, now - item.start_timestamp >= 0});
    }
  }
  if (list.empty()) return "";
  // Java shuffles, then sorts stably, so equal items come in random order.
  thread_local std::mt19937 rng(std::random_device{}());
  std::shuffle(list.begin(), list.end(), rng);
  std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
    if (a.available != b.available) return a.available;
    if (a.item.current_latency != b.item.current_latency) {
      return a.item.current_latency < b.item.current_latency;
    }
    return a.item.start_timestamp < b.item.start_timestamp;
  });
  const size_t half = list.size() / 2;
  if (half == 0) return list[0].name;
  return list[static_cast<size_t>(which_item_worst_.IncrementAndGet()) % half].name;
}

std::optional<MessageQueue> MQFaultStrategy::SelectOneMessageQueue(
    const client::TopicPublishInfo& info, const std::string& last_broker_name) {
  if (info.message_queue_list.empty()) return std::nullopt;
  if (!enabled_) return *info.SelectOneMessageQueue(last_broker_name);
  const auto& queues = info.message_queue_list;
  int32_t index = info.send_which_queue->IncrementAndGet();
  for (size_t i = 0; i < queues.size(); ++i) {
    size_t pos = static_cast<size_t>(std::abs(index)) % queues.size();
    index = static_cast<int32_t>((static_cast<uint32_t>(index) + 1) & 0x7FFFFFFF);
    if (fault_.IsAvailable(queues[pos].broker_name)) return queues[pos];
  }
  const std::string not_best = fault_.PickOneAtLeast();
  const int32_t write_queue_nums = not_best.empty() ? -1 : info.WriteQueueNumsOf(not_best);
  if (write_queue_nums > 0) {
    MessageQueue mq = *info.SelectOneMessageQueue();
    mq.broker_name = not_best;
    mq.queue_id = info.send_which_queue->IncrementAndGet() % write_queue_nums;
    return mq;
  }
  if (!not_best.empty()) fault_.Remove(not_best);
  return *info.SelectOneMessageQueue();
}

int64_t MQFaultStrategy::ComputeNotAvailableDuration(int64_t latency_ms) {
  static constexpr int64_t kLatencyMax[] = {50, 100, 550, 1000, 2000, 3000, 15000};
  static constexpr int64_t kNotAvailable[] = {0, 0, 30000, 60000, 120000, 180000, 600000};
  for (int i = 6; i >= 0; --i) {
    if (latency_ms >= kLatencyMax[i]) return kNotAvailable[i];
  }
  return 0;
}

void MQFaultStrategy::UpdateFaultItem(const std::string& broker_name, int64_t current_latency_ms,
                                      bool isolation) {
  if (!enabled_) return;
  int64_t duration = ComputeNotAvailableDuration(isolation ? 30000 : current_latency_ms);
  fault_.UpdateFaultItem(broker_name, current_latency_ms, duration);
}

}  // namespace rocketmq::producer
