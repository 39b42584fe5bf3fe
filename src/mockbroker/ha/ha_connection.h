// HaConnection: the master's end of one slave's HA link (Java 4.9.x HAConnection). The read
// thread takes the slave's 8-byte offset reports (the first one is where the transfer starts,
// every one is an acknowledgement); the write thread validates that start, then streams
// CommitLog frames of at most haTransferBatchSize bytes and heartbeats (protocol.md §7.2).
//
// A slave whose offset lies beyond the master's CommitLog, or not on a record boundary, or
// below the oldest stored byte, is refused: logged and disconnected (it would otherwise be
// silently diverged).
//
// Owned by HaService. Threads: its read and write threads; Close() from any thread; Join() by
// the owner once finished() (or to stop it).
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "mockbroker/ha/ha_socket.h"

namespace rocketmq::ha {

class HaService;

class HaConnection {
 public:
  HaConnection(HaService* service, HaSocket socket);
  ~HaConnection();  // Close() + Join()
  HaConnection(const HaConnection&) = delete;
  HaConnection& operator=(const HaConnection&) = delete;

  void Start();
  // Stops the link (both threads return soon). Safe to call more than once.
  void Close(const std::string& why);
  // Joins both threads.
  void Join();
  // True when both threads have returned.
  bool finished() const { return threads_done_.load() == 2; }

  const std::string& peer() const { return peer_; }
  int64_t slave_ack_offset() const { return slave_ack_offset_.load(); }

 private:
  void ReadLoop();
  void WriteLoop();
  // Where the transfer starts for the slave's first report, or -1 after refusing it.
  int64_t TransferStart(int64_t request_offset);
  bool SendFrame(int64_t offset, std::string_view data);

  HaService* const service_;
  HaSocket socket_;
  const std::string peer_;
  std::atomic<int64_t> slave_request_offset_{-1};
  std::atomic<int64_t> slave_ack_offset_{-1};
  std::atomic<bool> accepted_{false};  // the writer accepted the slave's start offset
  std::atomic<bool> closed_{false};
  std::atomic<int> threads_done_{0};
  std::mutex join_mu_;
  std::thread reader_;
  std::thread writer_;
};

}  // namespace rocketmq::ha
