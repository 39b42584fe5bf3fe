// HaService: classic master/slave replication of one broker (Java 4.9.x HAService,
// protocol.md §7). On every broker it listens on the HA port; each slave that connects gets an
// HaConnection that streams the CommitLog to it and reads its acknowledgements. The highest
// acknowledged offset (push2SlaveMaxOffset) completes the SYNC_MASTER waits (Java's
// GroupTransferService): each acknowledgement completes, on the connection's read thread, every
// queued send it covers. On a SLAVE it also runs the HaClient that pulls the master's CommitLog.
//
// Owned by the broker; the MessageStore must outlive it. Threads: the accept thread, two threads
// per connection, the wait-timeout thread and (SLAVE) the client thread; every public method
// may be called from any thread. Shutdown() stops and joins all of them; idempotent.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/status.h"
#include "mockbroker/ha/ha_socket.h"
#include "mockbroker/store/message_store.h"
#include "mockbroker/store/offset_waiters.h"

namespace rocketmq::ha {

class HaClient;
class HaConnection;

class HaService {
 public:
  // Settings come from store->config() (haSendHeartbeatInterval, haHousekeepingInterval,
  // haTransferBatchSize, haSlaveFallbehindMax, slaveTimeout, brokerRole, haMasterAddress).
  explicit HaService(store::MessageStore* store);
  ~HaService();
  HaService(const HaService&) = delete;
  HaService& operator=(const HaService&) = delete;

  // Binds `listen_port` (0: ephemeral, see port()) and starts the threads; a SLAVE starts its
  // client with haMasterAddress when configured.
  Status Start(int listen_port);
  void Shutdown();
  int port() const { return listener_.port(); }

  // The hooks the store calls on every append (wake the writers; SYNC_MASTER wait).
  store::ReplicationHooks Hooks();

  // --- master side ---
  // Java isSlaveOK: a slave is connected and at most haSlaveFallbehindMax bytes behind
  // `master_put_where`.
  bool IsSlaveOk(int64_t master_put_where) const;
  // The SYNC_MASTER wait (store::ReplicationHooks::submit_replica): SLAVE_NOT_AVAILABLE at once
  // when !IsSlaveOk, else PUT_OK once a slave acknowledged `next_offset` or
  // FLUSH_SLAVE_TIMEOUT after slaveTimeout (4.9.8's key; see docs/protocol-notes.md).
  void SubmitReplica(int64_t next_offset, std::function<void(store::PutMessageStatus)> done);
  // A slave acknowledged `offset`.
  void NotifyTransferSome(int64_t offset);
  int connection_count() const { return connection_count_.load(); }
  int64_t push2slave_max_offset() const { return push2slave_max_offset_.load(); }

  // Connections' transfer threads: the data sequence number, bumped on every append, and a wait
  // until it differs from `seen` (at most `timeout_ms`).
  uint64_t data_seq() const { return data_seq_.load(); }
  void WaitForData(uint64_t seen, int64_t timeout_ms);

  // --- slave side ---
  // The master's HA address ("host:port") to replicate from (SLAVE only; ignored otherwise).
  void UpdateMasterAddress(const std::string& addr);
  // True while the slave's client holds a connection to its master.
  bool slave_connected() const;

  store::MessageStore* store() const { return store_; }
  const store::MessageStoreConfig& config() const { return store_->config(); }

  // HaConnection bookkeeping.
  void OnConnectionClosed();

 private:
  void AcceptLoop();
  void NotifyDataAppended();
  // Joins and drops the connections whose threads ended; all of them with `all`.
  void ReapConnections(bool all);

  store::MessageStore* const store_;
  HaListener listener_;
  std::atomic<int64_t> push2slave_max_offset_{0};
  std::atomic<int> connection_count_{0};
  store::OffsetWaiters transfer_{"GroupTransferService",
                                 store::PutMessageStatus::kFlushSlaveTimeout};
  std::unique_ptr<HaClient> client_;  // SLAVE only

  std::atomic<uint64_t> data_seq_{0};
  std::atomic<int> data_waiters_{0};
  std::mutex data_mu_;
  std::condition_variable data_cv_;

  std::mutex conn_mu_;
  std::list<std::unique_ptr<HaConnection>> connections_;  // guarded by conn_mu_

  std::atomic<bool> stop_{false};
  bool started_ = false;  // owner thread only
  std::thread accept_thread_;
};

}  // namespace rocketmq::ha
