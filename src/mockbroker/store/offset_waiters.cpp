#include "mockbroker/store/offset_waiters.h"

#include <utility>

#include "common/logging.h"

namespace rocketmq::store {

OffsetWaiters::OffsetWaiters(std::string name, PutMessageStatus timeout_status)
    : name_(std::move(name)), timeout_status_(timeout_status) {}

OffsetWaiters::~OffsetWaiters() {
  Shutdown(timeout_status_, Status::ShutdownInProgress(name_ + " stopped"));
}

void OffsetWaiters::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (running_) return;
  running_ = true;
  timer_ = std::thread([this] { TimerLoop(); });
}

void OffsetWaiters::Shutdown(PutMessageStatus status, const Status& error) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    running_ = false;
  }
  timer_cv_.notify_all();
  if (timer_.joinable()) timer_.join();
  CompleteAll(status, error);
}

bool OffsetWaiters::Add(int64_t offset, int64_t timeout_ms, Callback&& done) {
  const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  std::lock_guard<std::mutex> lock(mu_);
  if (!running_) return false;
  waiting_.emplace(offset, Waiter{deadline, std::move(done)});
  if (deadline < timer_wake_) timer_cv_.notify_one();
  return true;
}

void OffsetWaiters::Run(std::vector<Callback>* done, PutMessageStatus status, const Status& error) {
  for (Callback& cb : *done) cb(status, error);
}

void OffsetWaiters::CompleteUpTo(int64_t offset) {
  std::vector<Callback> done;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto end = waiting_.upper_bound(offset);
    for (auto it = waiting_.begin(); it != end; ++it) done.push_back(std::move(it->second.done));
    waiting_.erase(waiting_.begin(), end);
  }
  Run(&done, PutMessageStatus::kPutOk, Status::OK());
}

void OffsetWaiters::CompleteAll(PutMessageStatus status, const Status& error) {
  std::vector<Callback> done;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [offset, w] : waiting_) done.push_back(std::move(w.done));
    waiting_.clear();
  }
  Run(&done, status, error);
}

int64_t OffsetWaiters::MaxWaitingOffset() const {
  std::lock_guard<std::mutex> lock(mu_);
  return waiting_.empty() ? -1 : waiting_.rbegin()->first;
}

void OffsetWaiters::TimerLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (running_) {
    const Clock::time_point now = Clock::now();
    std::vector<Callback> expired;
    std::vector<int64_t> offsets;
    timer_wake_ = Clock::time_point::max();
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      if (it->second.deadline <= now) {
        offsets.push_back(it->first);
        expired.push_back(std::move(it->second.done));
        it = waiting_.erase(it);
      } else {
        if (it->second.deadline < timer_wake_) timer_wake_ = it->second.deadline;
        ++it;
      }
    }
    if (!expired.empty()) {
      lock.unlock();
      for (int64_t offset : offsets) {
        RMQ_LOG(kWarn) << name_ << ": wait for offset " << offset << " timed out";
      }
      Run(&expired, timeout_status_, Status::Timeout(name_ + " wait timed out"));
      lock.lock();
      continue;
    }
    if (timer_wake_ == Clock::time_point::max()) {
      timer_cv_.wait(lock);
    } else {
      timer_cv_.wait_until(lock, timer_wake_);
    }
  }
  timer_wake_ = Clock::time_point::max();
}

}  // namespace rocketmq::store
