// GroupTransferService: the SYNC_MASTER replication wait (Java HAService.GroupTransferService,
// 4.9.x). Writers queue a request for "a slave acknowledged the CommitLog up to next_offset" and
// block; one service thread re-checks the whole group each time a slave acknowledgement arrives
// (NotifyTransferSome) and completes every satisfied request at once with PUT_OK, or with
// FLUSH_SLAVE_TIMEOUT when its deadline passed (protocol.md §6, §7.3).
//
// Threads: WaitForTransfer from any number of writer threads; NotifyTransferSome from the HA
// read threads; the service thread after Start(). Shutdown() completes the waiting requests
// with FLUSH_SLAVE_TIMEOUT and joins. Idempotent.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "mockbroker/store/store_types.h"

namespace rocketmq::ha {

class GroupTransferService {
 public:
  // `acked` is the highest offset any slave acknowledged (push2SlaveMaxOffset); it must outlive
  // the service.
  explicit GroupTransferService(const std::atomic<int64_t>* acked);
  ~GroupTransferService();
  GroupTransferService(const GroupTransferService&) = delete;
  GroupTransferService& operator=(const GroupTransferService&) = delete;

  void Start();
  void Shutdown();

  // Blocks until a slave acknowledged `next_offset` (PUT_OK) or `timeout_ms` passed
  // (FLUSH_SLAVE_TIMEOUT).
  store::PutMessageStatus WaitForTransfer(int64_t next_offset, int64_t timeout_ms);
  // A slave acknowledged more data: re-check the waiting group.
  void NotifyTransferSome();

 private:
  struct Request {
    int64_t next_offset = 0;
    int64_t deadline = 0;  // steady ms
    bool done = false;     // guarded by mu_
    store::PutMessageStatus status = store::PutMessageStatus::kFlushSlaveTimeout;
  };

  void Run();

  const std::atomic<int64_t>* acked_;
  std::mutex mu_;
  std::condition_variable work_cv_;                 // wakes the service thread
  std::condition_variable done_cv_;                 // wakes the writers
  std::vector<std::shared_ptr<Request>> incoming_;  // guarded by mu_
  bool notified_ = false;                           // guarded by mu_
  bool stop_ = false;                               // guarded by mu_
  bool started_ = false;                            // guarded by mu_
  std::thread thread_;
};

}  // namespace rocketmq::ha
