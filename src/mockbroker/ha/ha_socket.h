// Blocking TCP plumbing for the HA link (plain sockets, no RemotingCommand framing,
// protocol.md §7.2): HaSocket, one owned connection with time-bounded reads and writes, and
// HaListener, the master's listening socket.
//
// Threads: a HaSocket may be read by one thread and written by another at the same time;
// ShutdownBoth() may be called from any thread to wake both (the descriptor itself is closed
// only by the destructor). HaListener is used by one thread, Close() excepted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace rocketmq::ha {

class HaSocket {
 public:
  HaSocket() = default;
  explicit HaSocket(int fd, std::string peer);
  ~HaSocket();
  HaSocket(HaSocket&& o) noexcept;
  HaSocket& operator=(HaSocket&& o) noexcept;
  HaSocket(const HaSocket&) = delete;
  HaSocket& operator=(const HaSocket&) = delete;

  // Connects to numeric "host:port" within `timeout_ms`.
  static Result<HaSocket> Connect(const std::string& addr, int64_t timeout_ms);

  bool valid() const { return fd_ >= 0; }
  const std::string& peer() const { return peer_; }

  // Reads what is available (at most `len` bytes), waiting at most `timeout_ms` for data.
  // Returns the byte count (> 0), or 0 when nothing arrived in time. IOError when the peer
  // closed the connection or the socket failed.
  Result<size_t> ReadSome(char* buf, size_t len, int64_t timeout_ms);
  // Writes all of `data`; Timeout when the peer did not take it within `timeout_ms`, IOError on
  // failure.
  Status WriteAll(std::string_view data, int64_t timeout_ms);
  // Shuts both directions down so that blocked readers and writers return.
  void ShutdownBoth();

 private:
  void Reset();

  int fd_ = -1;
  std::string peer_;
};

class HaListener {
 public:
  HaListener() = default;
  ~HaListener() { Close(); }
  HaListener(const HaListener&) = delete;
  HaListener& operator=(const HaListener&) = delete;

  // Binds every interface (as Java's HA AcceptSocketService) on `port` (0: ephemeral).
  Status Listen(int port);
  // The bound port.
  int port() const { return port_; }
  // Waits up to `timeout_ms` for a connection; an invalid socket when none came.
  Result<HaSocket> Accept(int64_t timeout_ms);
  void Close();

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace rocketmq::ha
