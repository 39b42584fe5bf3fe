// ConsumeStats: per-topic pull and consume counters of one consumer over the last minute (what
// Java's ConsumerStatsManager reports in ConsumerRunningInfo.statusTable). Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "common/model/consumer_running_info.h"

namespace rocketmq::consumer {

class ConsumeStats {
 public:
  void AddPull(const std::string& topic, int64_t messages, int64_t rt_ms);
  void AddConsumeOk(const std::string& topic, int64_t messages, int64_t rt_ms);
  void AddConsumeFailed(const std::string& topic, int64_t messages);

  // Rates per second and mean RTs over the last 60 seconds; failed messages over the last hour.
  TopicConsumeStatus Status(const std::string& topic) const;

 private:
  static constexpr int kSlots = 60;
  struct Slot {
    int64_t second = -1;
    int64_t pull_msgs = 0, pull_count = 0, pull_rt = 0;
    int64_t ok_msgs = 0, consume_count = 0, consume_rt = 0;
    int64_t failed_msgs = 0;
  };
  struct Topic {
    std::array<Slot, kSlots> slots;
    std::array<int64_t, 60> failed_minutes{};  // failed messages per minute, last hour
    std::array<int64_t, 60> failed_minute_ids{};
  };
  Slot& SlotFor(Topic& t, int64_t second);

  mutable std::mutex mu_;
  std::map<std::string, Topic> topics_;  // guarded by mu_
};

}  // namespace rocketmq::consumer
