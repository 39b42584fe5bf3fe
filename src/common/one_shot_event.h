// OneShotEvent: one thread waits until another signals, once. What a synchronous call needs to
// hand its result from the loop thread to the caller.
//
// On Linux it is one atomic word and the futex syscalls: Signal() makes a system call only when
// the waiter is already asleep, and the woken waiter takes no lock. A mutex + condition variable
// costs a third system call per call in glibc: a thread woken from pthread_cond_wait re-takes the
// mutex marked as contended, so its unlock always enters the kernel to wake nobody.
// Elsewhere it falls back to a mutex and a condition variable.
//
// Thread-safe: one Wait()ing thread, any number of Signal()s (the first one counts). The data the
// signaller wrote before Signal() is visible to the waiter after Wait() returns true.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#if !defined(__linux__)
#include <condition_variable>
#include <mutex>
#endif

namespace rocketmq {

class OneShotEvent {
 public:
  OneShotEvent() = default;
  OneShotEvent(const OneShotEvent&) = delete;
  OneShotEvent& operator=(const OneShotEvent&) = delete;

  // Marks the event signalled and wakes the waiter, if any.
  void Signal();
  // Blocks until Signal() or until `timeout` has passed; true if signalled.
  bool WaitFor(std::chrono::milliseconds timeout);
  bool signalled() const { return state_.load(std::memory_order_acquire) == kSignalled; }

 private:
  static constexpr uint32_t kIdle = 0;
  static constexpr uint32_t kSleeping = 1;  // the waiter is in (or entering) the futex wait
  static constexpr uint32_t kSignalled = 2;

  std::atomic<uint32_t> state_{kIdle};
#if !defined(__linux__)
  std::mutex mu_;
  std::condition_variable cv_;
#endif
};

}  // namespace rocketmq
