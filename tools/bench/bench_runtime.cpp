#include "tools/bench/bench_runtime.h"

namespace rocketmq::bench {
namespace {
std::atomic<bool> g_stop_requested{false};
}  // namespace

int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t SteadyMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             SteadyClock::now().time_since_epoch())
      .count();
}

void RequestStop() { g_stop_requested.store(true); }
bool StopRequested() { return g_stop_requested.load(); }
void ResetStopRequest() { g_stop_requested.store(false); }

void SleepUnlessStopped(std::chrono::milliseconds d, const std::atomic<bool>& stop) {
  const auto until = SteadyClock::now() + d;
  while (!stop && !StopRequested() && SteadyClock::now() < until) {
    std::this_thread::sleep_for(
        std::min<SteadyClock::duration>(std::chrono::milliseconds(20), until - SteadyClock::now()));
  }
}

SnapshotTicker::SnapshotTicker(std::function<void(int64_t)> tick) : tick_(std::move(tick)) {
  thread_ = std::thread([this] {
    const auto start = SteadyClock::now();
    for (int64_t k = 1;; ++k) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        if (cv_.wait_until(lock, start + std::chrono::seconds(k), [this] { return stopping_; })) {
          return;
        }
      }
      tick_(k);
    }
  });
}

SnapshotTicker::~SnapshotTicker() { Stop(); }

void SnapshotTicker::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool InflightLimiter::Acquire(const std::atomic<bool>& stop) {
  std::unique_lock<std::mutex> lock(mu_);
  while (outstanding_ >= limit_) {
    if (stop || StopRequested()) return false;
    ++waiters_;
    cv_.wait_for(lock, std::chrono::milliseconds(20));
    --waiters_;
  }
  ++outstanding_;
  return true;
}

void InflightLimiter::Release() {
  std::lock_guard<std::mutex> lock(mu_);
  --outstanding_;
  if (waiters_ > 0) cv_.notify_all();
}

bool InflightLimiter::WaitIdle(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  const auto until = SteadyClock::now() + timeout;
  while (outstanding_ > 0) {
    ++waiters_;
    const bool timed_out = cv_.wait_until(lock, until) == std::cv_status::timeout;
    --waiters_;
    if (timed_out && outstanding_ > 0) return false;
  }
  return true;
}

}  // namespace rocketmq::bench
