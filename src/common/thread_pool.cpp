#include "common/thread_pool.h"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include "common/logging.h"

namespace rocketmq {

ThreadPool::ThreadPool(std::string name, size_t threads, size_t queue_capacity)
    : name_(std::move(name)),
      thread_count_(std::max<size_t>(1, threads)),
      capacity_(std::max<size_t>(1, queue_capacity)) {
  workers_.reserve(thread_count_);
  for (size_t i = 0; i < thread_count_; ++i) {
    workers_.emplace_back([this] { WorkerLoop(); });
    std::string thread_name = name_.substr(0, 15);
    pthread_setname_np(workers_.back().native_handle(), thread_name.c_str());
  }
}

ThreadPool::~ThreadPool() { Shutdown(); }

bool ThreadPool::Submit(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ || queue_.size() >= capacity_) return false;
    queue_.push_back({std::move(task), std::chrono::steady_clock::now()});
  }
  cv_.notify_one();
  return true;
}

void ThreadPool::Shutdown() {
  std::lock_guard<std::mutex> join_lock(join_mu_);
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
  workers_.clear();
}

size_t ThreadPool::queued() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queue_.size();
}

int64_t ThreadPool::HeadWaitMillis() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (queue_.empty()) return 0;
  const auto waited = std::chrono::steady_clock::now() - queue_.front().enqueued;
  return std::max<int64_t>(0,
                           std::chrono::duration_cast<std::chrono::milliseconds>(waited).count());
}

void ThreadPool::WorkerLoop() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      task = std::move(queue_.front().fn);
      queue_.pop_front();
    }
    task();
  }
}

}  // namespace rocketmq
