#include "client/scheduler.h"

#include <pthread.h>

#include <chrono>

#include "common/logging.h"

namespace rocketmq::client {
namespace {
int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

Scheduler::Scheduler(std::string name) : name_(std::move(name)) {}

Scheduler::~Scheduler() { Shutdown(); }

void Scheduler::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (started_ || stopping_) return;
  started_ = true;
  thread_ = std::thread([this] { Run(); });
}

void Scheduler::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    queue_.clear();
    jobs_.clear();
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

uint64_t Scheduler::Schedule(std::function<void()> job, int64_t delay_ms, int64_t period_ms) {
  uint64_t id;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return 0;
    id = next_id_++;
    jobs_[id] = Job{std::move(job), period_ms};
    queue_.emplace(SteadyMs() + std::max<int64_t>(0, delay_ms), id);
  }
  cv_.notify_all();
  return id;
}

void Scheduler::Cancel(uint64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  jobs_.erase(id);  // its queue entry is skipped when it comes due
}

void Scheduler::Run() {
  pthread_setname_np(pthread_self(), name_.substr(0, 15).c_str());
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    if (queue_.empty()) {
      cv_.wait(lock);
      continue;
    }
    auto first = queue_.begin();
    const int64_t now = SteadyMs();
    if (first->first > now) {
      cv_.wait_for(lock, std::chrono::milliseconds(first->first - now));
      continue;
    }
    const uint64_t id = first->second;
    queue_.erase(first);
    auto it = jobs_.find(id);
    if (it == jobs_.end()) continue;  // cancelled
    std::function<void()> fn = it->second.fn;
    const int64_t period = it->second.period_ms;
    if (period <= 0) jobs_.erase(it);
    lock.unlock();
    fn();
    lock.lock();
    if (period > 0 && !stopping_ && jobs_.count(id) != 0) queue_.emplace(SteadyMs() + period, id);
  }
}

}  // namespace rocketmq::client
