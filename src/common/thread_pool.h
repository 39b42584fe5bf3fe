// ThreadPool: a fixed number of worker threads draining a bounded FIFO queue.
//
// Used by the remoting layer so that request processors and user callbacks never run on an event
// loop thread. Submit() never blocks: a full queue rejects the task, and the caller decides what
// rejection means (the server answers SYSTEM_BUSY "[OVERLOAD]", like Java's rejected execution).
//
// Thread-safety: every method may be called from any thread, including from a task.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rocketmq {

class ThreadPool {
 public:
  // Queue capacity meaning "no bound".
  static constexpr size_t kUnbounded = static_cast<size_t>(-1);

  // Starts `threads` workers (at least 1) at once. `name` labels the threads (Linux shows the
  // first 15 characters). `queue_capacity` bounds the tasks waiting for a worker.
  ThreadPool(std::string name, size_t threads, size_t queue_capacity = kUnbounded);
  ~ThreadPool();  // Shutdown()

  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Queues `task`. False, without running it, when the queue is full or the pool is shut down.
  bool Submit(std::function<void()> task);

  // Stops accepting tasks, runs every task already queued, then joins the workers. Idempotent.
  // Must not be called from one of this pool's own tasks (a worker cannot join itself).
  void Shutdown();

  size_t queued() const;
  // How long the oldest queued task has been waiting, in ms (0 when the queue is empty): Java
  // BrokerController.headSlowTimeMills of a pool's queue.
  int64_t HeadWaitMillis() const;
  size_t thread_count() const { return thread_count_; }
  const std::string& name() const { return name_; }

 private:
  void WorkerLoop();

  const std::string name_;
  const size_t thread_count_;
  const size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  struct Task {
    std::function<void()> fn;
    std::chrono::steady_clock::time_point enqueued;
  };
  std::deque<Task> queue_;            // guarded by mu_
  bool stopping_ = false;             // guarded by mu_
  std::mutex join_mu_;                // serializes Shutdown() callers
  std::vector<std::thread> workers_;  // guarded by join_mu_ after construction
};

}  // namespace rocketmq
