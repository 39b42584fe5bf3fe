// Connection: one TCP or TLS connection, on a libevent bufferevent, carrying remoting frames.
//
// Threads: created on any thread, but its socket, bufferevent, timers and frame decoder belong to
// the owner's loop thread; Close() from other threads hops onto the loop. Decoded frames and the
// close notification go to the RemotingCore on the loop thread. Implements Channel by delegating
// invocations to the core, so a processor can keep it and use it from any thread.
//
// Output: while a plain-TCP connection has nothing waiting in its bufferevent, Write() sends the
// frame from the calling thread with one sendmsg() (no loop wake-up, no copy into the
// bufferevent). Threads that arrive while another one is sending queue their frames and the
// sending thread writes them too, in one vectored call (writes coalesce under load). Whatever a
// non-blocking send cannot take is handed to the bufferevent on the loop thread, which then owns
// the output until it has drained; TLS connections always write through the loop.
//
// Lifetime: shared_ptr. The core holds every open connection; closing frees the socket at once
// (on the loop thread), while handles kept elsewhere stay valid and report !IsActive().
#pragma once

#include <event2/bufferevent.h>
#include <event2/event.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

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
  // `batched` frames (async and oneway requests) are not written by the calling thread: the loop
  // thread writes all that queued up with one call; the others go out from the calling thread
  // when the socket is free (a sync caller waits for its answer anyway). Frames written by the
  // loop thread while it handles what it read from this connection go out together afterwards.
  void Write(std::string frame, std::optional<int32_t> pending_opaque, bool batched = false) {
    Write(std::move(frame), {}, pending_opaque, batched);
  }
  // As above, the frame's last bytes being `refs`, written in place and released once written
  // (or dropped). `frame` counts them in its length field (RemotingCommand::EncodeHead).
  void Write(std::string frame, std::vector<BodyRef> refs, std::optional<int32_t> pending_opaque,
             bool batched = false);
  // Loop thread: closes now (idempotent) and tells the core.
  void CloseNow(const Status& reason, CloseCause cause);

  // Loop thread: whether the connection was ever established (false after a failed connect).
  bool ever_connected() const { return connected_; }

  // Loop thread: NowMs() of the last byte read or written (creation time before that).
  int64_t last_active_ms() const { return last_active_ms_.load(std::memory_order_relaxed); }

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
  // Loop thread: the connection is up; plain TCP may now be written from any thread.
  void EnableDirectWrites();
  // Writes `batch` (and whatever queues meanwhile) to the socket; out_mu_ held by `lock`, sending_
  // set by the caller. Returns with sending_ cleared and `lock` released.
  struct OutFrame {
    std::string head;
    std::vector<BodyRef> refs;
    size_t parts() const { return 1 + refs.size(); }
    std::string_view part(size_t k) const {
      return k == 0 ? std::string_view(head) : std::string_view(refs[k - 1].data, refs[k - 1].size);
    }
  };
  void SendDirect(std::unique_lock<std::mutex>& lock, std::vector<OutFrame> batch);
  // Loop thread: writes the frames corked while handling a read.
  void FlushCork();
  // Loop thread: moves queued frames into the bufferevent (out_mu_ held).
  void MoveQueueToBufferLocked();
  // Loop thread: posted when frames queued for the bufferevent.
  void FlushQueue();
  void HandleWritten();
  void HandleFirstByte();
  void HandleRead();
  void HandleEvent(short what);

  // Declared first so that it is destroyed last: the core owns the event_base that the handles
  // below were created on.
  std::shared_ptr<RemotingCore> core_;
  const uint64_t id_;
  const std::string remote_addr_;
  std::atomic<bool> closed_{false};

  std::atomic<int64_t> last_active_ms_;

  // Output state, shared by every writing thread.
  std::mutex out_mu_;
  std::condition_variable out_cv_;   // sending_ cleared (CloseNow waits for it)
  bool direct_ok_ = false;           // guarded by out_mu_: the socket may be written directly
  bool sending_ = false;             // guarded by out_mu_: a thread is in sendmsg() on fd_
  bool flush_posted_ = false;        // guarded by out_mu_: FlushQueue is queued on the loop
  bool overflow_posted_ = false;     // guarded by out_mu_: the output-limit close is queued
  evutil_socket_t fd_ = -1;          // guarded by out_mu_: valid while direct_ok_
  std::vector<OutFrame> out_queue_;  // guarded by out_mu_: frames not yet written, in order

  // Loop thread only.
  bool connected_ = false;
  bool plain_ = false;          // no TLS: the socket may be written directly
  bool corking_ = false;        // HandleRead is dispatching frames: the loop's writes wait
  std::vector<OutFrame> cork_;  // frames the loop wrote meanwhile
  FrameDecoder decoder_;
  TlsMode tls_mode_ = TlsMode::kPermissive;
  std::shared_ptr<TlsContext> tls_;
  evutil_socket_t accepted_fd_ = -1;  // owned until handed to a bufferevent
  EventPtr first_byte_ev_;
  EventPtr connect_timer_;
  BufferEventPtr bev_;
};

}  // namespace rocketmq::remoting
