// Latency fault tolerance for sends (Java 4.9.x LatencyFaultToleranceImpl + MQFaultStrategy,
// protocol.md §9.1): after every attempt the producer records the broker's latency; a slow or
// failed broker is avoided for a while (the 4.x table: latency >= 550 ms -> 30 s, >= 1 s ->
// 60 s, ... >= 15 s -> 600 s; a failure counts as 30 s of latency). Only active when
// sendLatencyFaultEnable is set; otherwise queue choice is plain round robin avoiding the broker
// that just failed.
//
// Thread-safe; owned by one producer.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "client/topic_publish_info.h"
#include "common/message_queue.h"

namespace rocketmq::producer {

// Epoch-free millisecond clock (steady). Injectable for tests.
using MillisClock = std::function<int64_t()>;
int64_t SteadyNowMs();

class LatencyFaultTolerance {
 public:
  explicit LatencyFaultTolerance(MillisClock clock = SteadyNowMs);

  // `name` had `current_latency_ms` and is to be avoided for `not_available_ms` from now.
  void UpdateFaultItem(const std::string& name, int64_t current_latency_ms,
                       int64_t not_available_ms);
  // True when `name` has no record or its avoidance window has passed.
  bool IsAvailable(const std::string& name) const;
  void Remove(const std::string& name);
  // One of the better half of the recorded brokers (available first, then lower latency, then
  // earlier window end), rotating per thread; "" when nothing is recorded.
  std::string PickOneAtLeast();

 private:
  struct FaultItem {
    int64_t current_latency = 0;
    int64_t start_timestamp = 0;  // available again from this time
  };
  MillisClock clock_;
  mutable std::mutex mu_;
  std::map<std::string, FaultItem> items_;  // guarded by mu_
  client::ThreadLocalIndex which_item_worst_;
};

class MQFaultStrategy {
 public:
  explicit MQFaultStrategy(MillisClock clock = SteadyNowMs) : fault_(std::move(clock)) {}

  void set_enabled(bool enabled) { enabled_ = enabled; }
  bool enabled() const { return enabled_; }

  // The queue for the next attempt; nullopt when `info` has no queue.
  std::optional<MessageQueue> SelectOneMessageQueue(const client::TopicPublishInfo& info,
                                                    const std::string& last_broker_name);
  // Records an attempt's outcome (`isolation`: it failed; counted as 30000 ms of latency).
  void UpdateFaultItem(const std::string& broker_name, int64_t current_latency_ms, bool isolation);
  // The 4.x table lookup: the duration of the largest latency step <= `latency_ms`.
  static int64_t ComputeNotAvailableDuration(int64_t latency_ms);

  LatencyFaultTolerance& fault_tolerance() { return fault_; }

 private:
  bool enabled_ = false;
  LatencyFaultTolerance fault_;
};

}  // namespace rocketmq::producer
