#include "common/one_shot_event.h"

#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace rocketmq {

#if defined(__linux__)

namespace {

long FutexCall(std::atomic<uint32_t>* word, int op, uint32_t value, const timespec* timeout) {
  // std::atomic<uint32_t> is a plain 32-bit word on Linux (static_assert below), as futex needs.
  return syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), op, value, timeout, nullptr, 0);
}
static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t), "futex word must be 32 bits");

}  // namespace

void OneShotEvent::Signal() {
  if (state_.exchange(kSignalled, std::memory_order_acq_rel) == kSleeping) {
    FutexCall(&state_, FUTEX_WAKE_PRIVATE, 1, nullptr);
  }
}

bool OneShotEvent::WaitFor(std::chrono::milliseconds timeout) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline = Clock::now() + timeout;
  uint32_t state = state_.load(std::memory_order_acquire);
  while (state != kSignalled) {
    if (state == kIdle &&
        !state_.compare_exchange_strong(state, kSleeping, std::memory_order_acq_rel)) {
      continue;  // signalled meanwhile: `state` now holds kSignalled
    }
    const auto left = deadline - Clock::now();
    if (left <= Clock::duration::zero()) return false;
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
    timespec ts;
    ts.tv_sec = static_cast<time_t>(ns / 1000000000);
    ts.tv_nsec = static_cast<long>(ns % 1000000000);
    // Returns at once (EAGAIN) if the word is no longer kSleeping; EINTR and spurious wake-ups
    // loop back to the check.
    FutexCall(&state_, FUTEX_WAIT_PRIVATE, kSleeping, &ts);
    state = state_.load(std::memory_order_acquire);
  }
  return true;
}

#else

void OneShotEvent::Signal() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    state_.store(kSignalled, std::memory_order_release);
  }
  cv_.notify_one();
}

bool OneShotEvent::WaitFor(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, timeout, [this] { return signalled(); });
}

#endif

}  // namespace rocketmq
