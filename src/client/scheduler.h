// Scheduler: one thread running timed jobs one at a time (the client instance's
// ScheduledExecutorService): route refresh, heartbeats, offset persistence, and whatever
// consumers add. A periodic job runs again `period` after its previous run ended, so a slow
// job never piles up.
//
// Owned by a ClientInstance. Schedule/Cancel may be called from any thread, including a job.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace rocketmq::client {

class Scheduler {
 public:
  explicit Scheduler(std::string name);
  ~Scheduler();  // Shutdown()
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Starts the thread. Idempotent.
  void Start();
  // Drops pending jobs, waits for a running one to end, joins the thread. Idempotent. Not from
  // a job.
  void Shutdown();

  // Runs `job` after `delay_ms`, then every `period_ms` after each run ends (period <= 0: once).
  // Returns an id for Cancel; 0 when the scheduler is shut down.
  uint64_t Schedule(std::function<void()> job, int64_t delay_ms, int64_t period_ms = 0);
  // Removes a job; a run in progress finishes. Unknown ids are ignored.
  void Cancel(uint64_t id);

 private:
  struct Job {
    std::function<void()> fn;
    int64_t period_ms;
  };
  void Run();

  const std::string name_;
  std::mutex mu_;
  std::condition_variable cv_;
  // due time (steady ms) + sequence -> job id; jobs_: id -> job. Both guarded by mu_.
  std::multimap<int64_t, uint64_t> queue_;
  std::map<uint64_t, Job> jobs_;
  uint64_t next_id_ = 1;   // guarded by mu_
  bool started_ = false;   // guarded by mu_
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace rocketmq::client
