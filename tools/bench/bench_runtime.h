// The moving parts the mqbench commands share: a printer that several threads may use, the
// once-a-second snapshot timer (Java's BenchmarkTimerThread), a process-wide interrupt request
// (SIGINT/SIGTERM ends a run with its [Complete] line), and the limit on outstanding async sends.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

#include "rocketmq/statistics.h"

namespace rocketmq::bench {

using SteadyClock = std::chrono::steady_clock;

// Wall-clock milliseconds since the epoch (Java's System.currentTimeMillis()).
int64_t NowMillis();
// Steady-clock microseconds (for RTs and active spans).
int64_t SteadyMicros();

// Asks every running mqbench command to stop and print its final line. Async-signal-safe.
void RequestStop();
bool StopRequested();
// Clears a stop request (tests run several commands in one process).
void ResetStopRequest();

// Sleeps up to `d`, returning early once `stop` is set or RequestStop() was called.
void SleepUnlessStopped(std::chrono::milliseconds d, const std::atomic<bool>& stop);

// Writes whole lines to one stream from any thread, flushing each (Java's System.out is
// line-buffered in the same way when piped).
class LinePrinter {
 public:
  explicit LinePrinter(std::ostream& out) : out_(out) {}
  void Line(const std::string& text) {
    std::lock_guard<std::mutex> lock(mu_);
    out_ << text << '\n' << std::flush;
  }
  void Raw(const std::string& text) {
    std::lock_guard<std::mutex> lock(mu_);
    out_ << text << std::flush;
  }

 private:
  std::mutex mu_;
  std::ostream& out_;  // guarded by mu_
};

// Calls tick(k) on its own thread at start + k seconds (k = 1, 2, ...), as Java's
// scheduleAtFixedRate(1000, 1000) does, until Stop(). The destructor stops it.
class SnapshotTicker {
 public:
  explicit SnapshotTicker(std::function<void(int64_t)> tick);
  ~SnapshotTicker();
  SnapshotTicker(const SnapshotTicker&) = delete;
  SnapshotTicker& operator=(const SnapshotTicker&) = delete;
  // Idempotent; joins the thread (a tick in progress completes first).
  void Stop();

 private:
  std::function<void(int64_t)> tick_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;
};

// --stats: writes each statistics document as one line on `err` (the client's reporter thread
// and the final document from the main thread, one at a time).
class StatsPrinter {
 public:
  explicit StatsPrinter(std::ostream& err) : err_(err) {}
  StatisticsOptions Options(int64_t interval_s) {
    StatisticsOptions o;
    o.interval_ms = interval_s * 1000;
    o.callback = [this](const std::string& json) { Print(json); };
    return o;
  }
  void Print(const std::string& json) {
    if (json.empty()) return;
    std::lock_guard<std::mutex> lock(mu_);
    err_ << json << '\n' << std::flush;
  }

 private:
  std::ostream& err_;
  std::mutex mu_;
};

// At most `limit` async sends outstanding: Acquire() before a send blocks while the limit is
// reached (or returns false once `stop` is set), Release() from the callback.
class InflightLimiter {
 public:
  explicit InflightLimiter(int64_t limit) : limit_(limit) {}
  bool Acquire(const std::atomic<bool>& stop);
  void Release();
  // Waits until nothing is outstanding or `timeout` passed; false on timeout.
  bool WaitIdle(std::chrono::milliseconds timeout);

 private:
  const int64_t limit_;
  std::mutex mu_;
  std::condition_variable cv_;
  int64_t outstanding_ = 0;  // guarded by mu_
  int waiters_ = 0;          // guarded by mu_
};

}  // namespace rocketmq::bench
