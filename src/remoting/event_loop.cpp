#include "remoting/event_loop.h"

#include <event2/thread.h>
#include <pthread.h>

#include <chrono>
#include <cstdlib>
#include <utility>

#include "common/logging.h"

namespace rocketmq::remoting {

void InitLibeventThreading() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (evthread_use_pthreads() != 0) {
      RMQ_LOG(kError) << "evthread_use_pthreads failed";
    }
  });
}

EventLoop::EventLoop(std::string name) : name_(std::move(name)) {
  InitLibeventThreading();
  base_.reset(event_base_new());
  if (!base_) {
    RMQ_LOG(kError) << "event_base_new failed for " << name_;
    std::abort();
  }
  wakeup_.reset(event_new(base_.get(), -1, EV_PERSIST, &EventLoop::OnWakeup, this));
  event_add(wakeup_.get(), nullptr);
}

EventLoop::~EventLoop() {
  Stop();
  timers_.clear();
  wakeup_.reset();
  base_.reset();
}

void EventLoop::Start() {
  thread_ = std::thread([this] {
    loop_thread_id_.store(std::this_thread::get_id());
    event_base_loop(base_.get(), EVLOOP_NO_EXIT_ON_EMPTY);
    // Free timers here: they belong to the loop thread.
    timers_.clear();
  });
  std::string thread_name = name_.substr(0, 15);
  pthread_setname_np(thread_.native_handle(), thread_name.c_str());
}

void EventLoop::Stop() {
  std::lock_guard<std::mutex> stop_lock(stop_mu_);
  {
    std::lock_guard<std::mutex> lock(mu_);
    accepting_ = false;
  }
  if (stopped_.exchange(true)) return;
  event_base_loopbreak(base_.get());
  if (thread_.joinable()) thread_.join();
  std::vector<std::function<void()>> dropped;
  {
    std::lock_guard<std::mutex> lock(mu_);
    dropped.swap(tasks_);
  }
}

bool EventLoop::RunInLoop(std::function<void()> fn) {
  bool activate = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!accepting_) return false;
    tasks_.push_back(std::move(fn));
    if (!wakeup_pending_) {
      wakeup_pending_ = true;
      activate = true;
    }
  }
  if (activate) event_active(wakeup_.get(), EV_READ, 0);
  return true;
}

void EventLoop::RunEvery(int64_t interval_ms, std::function<void()> fn) {
  RunInLoop([this, interval_ms, fn = std::move(fn)]() mutable {
    auto timer = std::make_unique<Timer>();
    timer->fn = std::move(fn);
    timer->ev.reset(event_new(base_.get(), -1, EV_PERSIST, &EventLoop::OnTimer, timer.get()));
    timeval tv{static_cast<time_t>(interval_ms / 1000),
               static_cast<suseconds_t>((interval_ms % 1000) * 1000)};
    event_add(timer->ev.get(), &tv);
    timers_.push_back(std::move(timer));
  });
}

void EventLoop::OnWakeup(evutil_socket_t, short, void* arg) {
  static_cast<EventLoop*>(arg)->DrainTasks();
}

void EventLoop::OnTimer(evutil_socket_t, short, void* arg) { static_cast<Timer*>(arg)->fn(); }

void EventLoop::DrainTasks() {
  std::vector<std::function<void()>> batch;
  {
    std::lock_guard<std::mutex> lock(mu_);
    batch.swap(tasks_);
    wakeup_pending_ = false;
  }
  for (auto& task : batch) task();
}

}  // namespace rocketmq::remoting
