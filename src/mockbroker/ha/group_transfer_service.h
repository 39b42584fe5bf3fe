// GroupTransferService: the SYNC_MASTER replication wait (Java HAService.GroupTransferService,
// 4.9.x semantics; protocol.md §6, §7.3). A writer queues "a slave acknowledged the CommitLog
// up to next_offset" and blocks; every slave acknowledgement (NotifyTransferSome, on the HA
// read thread) completes the whole group of satisfied requests at once with PUT_OK, waking
// only those writers; a request whose slaveTimeout passes ends with FLUSH_SLAVE_TIMEOUT.
//
// Unlike Java there is no separate service thread: the acknowledging thread is the group's
// leader, which saves a thread hop per round trip (the wait is on the send path).
//
// Threads: WaitForTransfer from any number of writer threads; NotifyTransferSome from the HA
// read threads; Shutdown() from the owner (ends every wait with FLUSH_SLAVE_TIMEOUT and refuses
// new ones). Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

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
  // A slave acknowledged more data: completes every request it satisfies.
  void NotifyTransferSome();

 private:
  struct Request {
    std::condition_variable cv;
    bool done = false;  // guarded by mu_
    store::PutMessageStatus status = store::PutMessageStatus::kFlushSlaveTimeout;
  };
  using Queue = std::multimap<int64_t, std::shared_ptr<Request>>;  // by next_offset

  const std::atomic<int64_t>* acked_;
  std::mutex mu_;
  Queue waiting_;         // guarded by mu_
  bool running_ = false;  // guarded by mu_
};

}  // namespace rocketmq::ha
