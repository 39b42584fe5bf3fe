// Connection: one TCP or TLS connection, on a libevent bufferevent, carrying remoting frames.
//
// Threads: created on any thread, but its socket, bufferevent, timers and frame decoder belong to
// the owner's loop thread; Write() and Close() from other threads hop onto the loop. Decoded
// frames and the close notification go to the RemotingCore on the loop thread. Implements Channel
// by delegating invocations to the core, so a processor can keep it and use it from any thread.
//
// Lifetime: shared_ptr. The core holds every open connection; closing frees the socket at once
// (on the loop thread), while handles kept elsewhere stay valid and report !IsActive().
#pragma once

#include <event2/bufferevent.h>
#include <event2/event.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "remoting/channel.h"
#include "remoting/event_loop.h"
#include "remoting/remoting_command.h"
#include "remoting/tls_context.h"

namespace rocketmq::remoting {

class RemotingCore;

struct BufferEventDeleter {
  void operator()(bufferevent* bev) const { bufferevent_free(bev); }
};
using BufferEventPtr = std::unique_ptr<bufferevent, BufferEventDeleter>;

// Why a connection closed; decides which listener event precedes OnChannelClose.
enum class CloseCause { kNormal, kIdle, kError };

class Connection final : public Channel, public std::enable_shared_from_this<Connection> {
 public:
  Connection(std::shared_ptr<RemotingCore> core, uint64_t id, std::string remote_addr);
  ~Connection() override;

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Loop thread, client side: connects to `addr`, over TLS when `ssl` is non-null (taking
  // ownership of it). Closes with NotConnected if not connected within `connect_timeout_ms`.
  void StartConnect(const sockaddr* addr, socklen_t addr_len, SSL* ssl, int64_t connect_timeout_ms);
  // Loop thread, server side: takes ownership of the accepted socket `fd`, waits for the first
  // byte and, per protocol.md §10.2, continues in TLS (0x16) or plain text, or closes.
  void StartAccepted(evutil_socket_t fd, TlsMode mode, std::shared_ptr<TlsContext> tls);

  // Any thread: queues one encoded frame. When the connection is (or turns out to be) closed, the
  // pending call `pending_opaque`, if given, fails with NotConnected.
  void Write(std::string frame, std::optional<int32_t> pending_opaque);
  // Loop thread: closes now (idempotent) and tells the core.
  void CloseNow(const Status& reason, CloseCause cause);

  // Loop thread: NowMs() of the last byte read or written (creation time before that).
  int64_t last_active_ms() const { return last_active_ms_; }

  // Channel.
  const std::string& RemoteAddress() const override { return remote_addr_; }
  bool IsActive() const override { return !closed_.load(std::memory_order_acquire); }
  uint64_t id() const override { return id_; }
  Status SendResponse(RemotingCommand response) override;
  Result<RemotingCommand> InvokeSync(RemotingCommand request, int64_t timeout_ms) override;
  void InvokeAsync(RemotingCommand request, int64_t timeout_ms, ResponseCallback callback) override;
  Status InvokeOneway(RemotingCommand request) override;
  void Close() override;

 private:
  static void OnRead(bufferevent* bev, void* arg);
  static void OnWrite(bufferevent* bev, void* arg);
  static void OnEvent(bufferevent* bev, short what, void* arg);
  static void OnConnectTimeout(evutil_socket_t fd, short what, void* arg);
  static void OnFirstByte(evutil_socket_t fd, short what, void* arg);

  void Attach(bufferevent* bev);
  void HandleFirstByte();
  void HandleRead();
  void HandleEvent(short what);

  // Declared first so that it is destroyed last: the core owns the event_base that the handles
  // below were created on.
  std::shared_ptr<RemotingCore> core_;
  const uint64_t id_;
  const std::string remote_addr_;
  std::atomic<bool> closed_{false};

  // Loop thread only.
  int64_t last_active_ms_;
  bool connected_ = false;
  FrameDecoder decoder_;
  TlsMode tls_mode_ = TlsMode::kPermissive;
  std::shared_ptr<TlsContext> tls_;
  evutil_socket_t accepted_fd_ = -1;  // owned until handed to a bufferevent
  EventPtr first_byte_ev_;
  EventPtr connect_timer_;
  BufferEventPtr bev_;
};

}  // namespace rocketmq::remoting
