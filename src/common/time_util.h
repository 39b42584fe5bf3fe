// Clocks in milliseconds, the unit of every RocketMQ timestamp and timeout.
#pragma once

#include <chrono>
#include <cstdint>

namespace rocketmq {

// Wall-clock milliseconds since the Unix epoch (Java's System.currentTimeMillis): what goes on
// the wire and on disk (born/store timestamps, heartbeat times).
inline int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Monotonic milliseconds: the time base for deadlines and intervals, immune to clock steps.
inline int64_t SteadyMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace rocketmq
