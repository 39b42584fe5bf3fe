// EventLoop: one libevent event_base and the thread that runs it.
//
// Threads: Start() spawns the loop thread; every libevent object created on this base (sockets,
// bufferevents, listeners, timers) is touched only from that thread. Other threads hand work to
// it with RunInLoop(), which is thread-safe and wakes the loop. Stop() ends the loop and joins the
// thread; tasks still queued at that moment are destroyed without running.
#pragma once

#include <event2/event.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/time_util.h"

namespace rocketmq::remoting {

struct EventBaseDeleter {
  void operator()(event_base* base) const { event_base_free(base); }
};
struct EventDeleter {
  void operator()(event* ev) const { event_free(ev); }
};
using EventBasePtr = std::unique_ptr<event_base, EventBaseDeleter>;
using EventPtr = std::unique_ptr<event, EventDeleter>;

// Makes libevent thread-aware (pthreads locking). Idempotent; EventLoop calls it.
void InitLibeventThreading();

// Monotonic milliseconds (steady clock), the time base of every deadline in remoting.
inline int64_t NowMs() { return SteadyMillis(); }

class EventLoop {
 public:
  explicit EventLoop(std::string name);
  ~EventLoop();  // Stop()

  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Starts the loop thread. Call once.
  void Start();
  // Stops the loop and joins its thread (not from the loop thread itself). Timers are freed on
  // the loop thread before it exits. Idempotent.
  void Stop();

  // Runs `fn` on the loop thread, in submission order. False (and `fn` is dropped) once stopped.
  bool RunInLoop(std::function<void()> fn);

  // Calls `fn` on the loop thread every `interval_ms` until Stop(). Thread-safe.
  void RunEvery(int64_t interval_ms, std::function<void()> fn);

  bool IsInLoopThread() const { return std::this_thread::get_id() == loop_thread_id_.load(); }
  bool stopped() const { return stopped_.load(); }
  // The base, for creating libevent objects on the loop thread.
  event_base* base() const { return base_.get(); }

 private:
  struct Timer {
    EventPtr ev;
    std::function<void()> fn;
  };
  static void OnWakeup(evutil_socket_t fd, short what, void* arg);
  static void OnTimer(evutil_socket_t fd, short what, void* arg);
  void DrainTasks();

  const std::string name_;
  EventBasePtr base_;
  EventPtr wakeup_;  // user event activated by RunInLoop
  std::thread thread_;
  std::atomic<std::thread::id> loop_thread_id_{};
  std::atomic<bool> stopped_{false};
  std::mutex mu_;
  std::vector<std::function<void()>> tasks_;    // guarded by mu_
  bool wakeup_pending_ = false;                 // guarded by mu_
  bool accepting_ = true;                       // guarded by mu_
  std::vector<std::unique_ptr<Timer>> timers_;  // loop thread only
  std::mutex stop_mu_;
};

}  // namespace rocketmq::remoting
