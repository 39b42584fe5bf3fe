// RemotingServer: accepts remoting connections (NameServer and broker ports).
//
// Requests are dispatched to the processor registered for their code and run on that
// processor's thread pool, so slow handlers never block the loop; a full pool answers SYSTEM_BUSY
// "[OVERLOAD]...", a code without a processor (and no default processor) answers
// REQUEST_CODE_NOT_SUPPORTED " request type <code> not supported". Oneway requests never get a
// response. Responses use the server's serialize type whatever the request used (protocol.md §1.7).
// Processors get a Channel they may keep to answer later or to call the client.
//
// Accept failures (EMFILE: out of file descriptors) pause accepting for a second, with one WARN
// line, as Netty's ServerBootstrapAcceptor does, instead of spinning on the pending connection.
//
// TLS (protocol.md §10.2): the first byte of each connection picks TLS (0x16) or plain text,
// subject to Options::tls_mode. A frame that fails to decode, or a length field above
// max_frame_length, closes only that connection (one WARN line).
//
// Threads: one loop thread (accepting, reading, writing, timers); processors on their pools;
// listener calls on one event thread; async-call callbacks on the callback pool. All methods
// are thread-safe. Shutdown() must not be called from a processor or callback of this server.
#pragma once

#include <event2/listener.h>

#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "common/thread_pool.h"
#include "remoting/channel.h"
#include "remoting/event_loop.h"
#include "remoting/remoting_command.h"
#include "remoting/rpc_hook.h"
#include "remoting/tls_context.h"

namespace rocketmq::remoting {

class RemotingCore;

struct RemotingServerOptions {
  // Empty: every address of both families (IPv4 arrives IPv4-mapped), as Java binds.
  std::string listen_host;
  int listen_port = 0;                     // 0 → an ephemeral port, see port()
  int64_t channel_max_idle_seconds = 120;  // serverChannelMaxIdleTimeSeconds; <= 0 never
  size_t worker_threads = 4;               // default processor pool (Java's public executor)
  size_t worker_queue_capacity = 65536;
  size_t callback_threads = 2;  // callbacks of server → client async calls
  SerializeType serialize_type =
      SerializeType::kJson;                 // of requests we send; responses use the request's
  TlsMode tls_mode = TlsMode::kPermissive;  // tls.server.mode
  TlsServerConfig tls;                      // empty: self-signed certificate in memory
  uint32_t max_frame_length = kMaxFrameLength;
  // A connection whose peer leaves this many bytes of responses unread is closed (one WARN
  // line), so a client that never reads cannot make the server buffer without limit (Java's
  // Netty would stop at its write-buffer high-water mark). Well above what a legitimate peer
  // leaves queued: a PULL answers at most maxTransferBytesOnMessageInMemory (256 KiB) or one
  // message (maxMessageSize, 4 MiB).
  size_t max_output_bytes = 64 * 1024 * 1024;
};

class RemotingServer {
 public:
  explicit RemotingServer(RemotingServerOptions options = RemotingServerOptions());
  ~RemotingServer();  // Shutdown()

  RemotingServer(const RemotingServer&) = delete;
  RemotingServer& operator=(const RemotingServer&) = delete;

  // Binds, listens and starts the threads. Register processors before calling it (requests that
  // arrive before their processor is registered get REQUEST_CODE_NOT_SUPPORTED).
  Status Start();
  // Stops accepting, closes every connection (pending server → client calls fail), drains and
  // joins every thread it owns. Queued requests that expect a response are dropped (their
  // connection is gone); queued oneway requests still run. Idempotent.
  void Shutdown();

  // The bound port (useful with listen_port 0); 0 before Start().
  int port() const { return port_; }

  // `executor` null → the default pool. The server does not shut down executors it was given.
  void RegisterProcessor(int32_t code, std::shared_ptr<RequestProcessor> processor,
                         std::shared_ptr<ThreadPool> executor = nullptr);
  // Handles every code without a processor of its own.
  void RegisterDefaultProcessor(std::shared_ptr<RequestProcessor> processor,
                                std::shared_ptr<ThreadPool> executor = nullptr);
  // Before each request is dispatched and after its response is built; also around server →
  // client calls made through a Channel.
  void RegisterRpcHook(std::shared_ptr<RpcHook> hook);
  // Admits or refuses every request before the hooks and its processor (see RequestValidator);
  // null removes it. May be called at any time.
  void SetRequestValidator(std::shared_ptr<const RequestValidator> validator);
  // Connection events (connect, close, idle, exception), e.g. to forget a broker's channel.
  void SetChannelEventListener(std::shared_ptr<ChannelEventListener> listener);

 private:
  struct ListenerDeleter {
    void operator()(evconnlistener* l) const { evconnlistener_free(l); }
  };
  static void OnAccept(evconnlistener* listener, evutil_socket_t fd, sockaddr* addr, int len,
                       void* arg);
  static void OnAcceptError(evconnlistener* listener, void* arg);
  static void OnResumeAccept(evutil_socket_t fd, short what, void* arg);

  const RemotingServerOptions options_;
  std::shared_ptr<RemotingCore> core_;
  std::shared_ptr<TlsContext> tls_;
  std::unique_ptr<evconnlistener, ListenerDeleter> listener_;  // loop thread once started
  // Re-enables accepting a second after accept() failed (loop thread once started).
  EventPtr resume_accept_timer_;
  int port_ = 0;
  bool started_ = false;
};

}  // namespace rocketmq::remoting
