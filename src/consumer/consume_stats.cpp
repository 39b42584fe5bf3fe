#include "consumer/consume_stats.h"

#include "common/time_util.h"

namespace rocketmq::consumer {

ConsumeStats::Slot& ConsumeStats::SlotFor(Topic& t, int64_t second) {
  Slot& s = t.slots[static_cast<size_t>(second % kSlots)];
  if (s.second != second) s = Slot{second};
  return s;
}

void ConsumeStats::AddPull(const std::string& topic, int64_t messages, int64_t rt_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  Slot& s = SlotFor(topics_[topic], SteadyMillis() / 1000);
  s.pull_msgs += messages;
  s.pull_count += 1;
  s.pull_rt += rt_ms;
}

void ConsumeStats::AddConsumeOk(const std::string& topic, int64_t messages, int64_t rt_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  Slot& s = SlotFor(topics_[topic], SteadyMillis() / 1000);
  s.ok_msgs += messages;
  s.consume_count += 1;
  s.consume_rt += rt_ms;
}

void ConsumeStats::AddConsumeFailed(const std::string& topic, int64_t messages) {
  std::lock_guard<std::mutex> lock(mu_);
  Topic& t = topics_[topic];
  const int64_t now = SteadyMillis();
  SlotFor(t, now / 1000).failed_msgs += messages;
  const int64_t minute = now / 60000;
  const size_t i = static_cast<size_t>(minute % 60);
  if (t.failed_minute_ids[i] != minute) {
    t.failed_minute_ids[i] = minute;
    t.failed_minutes[i] = 0;
  }
  t.failed_minutes[i] += messages;
}

TopicConsumeStatus ConsumeStats::Status(const std::string& topic) const {
  TopicConsumeStatus out;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = topics_.find(topic);
  if (it == topics_.end()) return out;
  const int64_t now_ms = SteadyMillis();
  const int64_t now = now_ms / 1000;
  int64_t pull_msgs = 0, pull_count = 0, pull_rt = 0, ok = 0, count = 0, rt = 0, failed = 0;
  for (const Slot& s : it->second.slots) {
    if (s.second < 0 || now - s.second >= kSlots) continue;
    pull_msgs += s.pull_msgs;
    pull_count += s.pull_count;
    pull_rt += s.pull_rt;
    ok += s.ok_msgs;
    count += s.consume_count;
    rt += s.consume_rt;
    failed += s.failed_msgs;
  }
  out.pull_tps = static_cast<double>(pull_msgs) / kSlots;
  out.pull_rt = pull_count > 0 ? static_cast<double>(pull_rt) / pull_count : 0;
  out.consume_ok_tps = static_cast<double>(ok) / kSlots;
  out.consume_rt = count > 0 ? static_cast<double>(rt) / count : 0;
  out.consume_failed_tps = static_cast<double>(failed) / kSlots;
  const int64_t minute = now_ms / 60000;
  for (size_t i = 0; i < 60; ++i) {
    if (minute - it->second.failed_minute_ids[i] < 60) {
      out.consume_failed_msgs += it->second.failed_minutes[i];
    }
  }
  return out;
}

}  // namespace rocketmq::consumer
