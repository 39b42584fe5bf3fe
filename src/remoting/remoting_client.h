// RemotingClient: calls to RocketMQ servers (NameServers, brokers) over the remoting protocol.
//
// One connection per "host:port", created on first use and re-created after it closes. Calls:
// InvokeSync (blocks the caller), InvokeAsync (callback on the callback pool), InvokeOneway.
// Requests the server sends us on those connections (CHECK_TRANSACTION_STATE,
// NOTIFY_CONSUMER_IDS_CHANGED, GET_CONSUMER_RUNNING_INFO...) go to processors registered per
// request code; other codes are answered REQUEST_CODE_NOT_SUPPORTED.
//
// Threads: one loop thread owns the sockets (see RemotingCore); ResponseCallbacks run on the
// callback pool (Options::callback_threads), processors on their executor (default: a pool of
// Options::worker_threads). All methods are thread-safe. Shutdown() must not be called from a
// callback or processor of this client.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/status.h"
#include "common/thread_pool.h"
#include "remoting/call_observer.h"
#include "remoting/channel.h"
#include "remoting/remoting_command.h"
#include "remoting/rpc_hook.h"
#include "remoting/tls_context.h"

namespace rocketmq::remoting {

class Connection;
class RemotingCore;

struct RemotingClientOptions {
  int64_t connect_timeout_ms = 3000;       // connectTimeoutMillis
  int64_t channel_max_idle_seconds = 120;  // clientChannelMaxIdleTimeSeconds; <= 0 never
  size_t callback_threads = 4;             // run InvokeAsync callbacks
  size_t worker_threads = 2;               // default pool for server → client requests
  bool use_tls = false;                    // useTLS / tls.enable
  TlsClientConfig tls;                     // verification off by default (test mode)
  SerializeType serialize_type = SerializeType::kJson;  // header type of our requests
  uint32_t max_frame_length = kMaxFrameLength;
  std::shared_ptr<CallObserver> call_observer;  // statistics; null: none
};

class RemotingClient {
 public:
  explicit RemotingClient(RemotingClientOptions options = RemotingClientOptions());
  ~RemotingClient();  // Shutdown()

  RemotingClient(const RemotingClient&) = delete;
  RemotingClient& operator=(const RemotingClient&) = delete;

  // Starts the loop thread (and builds the TLS context when use_tls). Call once, before any
  // Invoke*. Fails only on a TLS configuration error.
  Status Start();
  // Fails in-flight calls with ShutdownInProgress, closes every connection and joins all threads.
  // Idempotent; later calls fail with ShutdownInProgress.
  void Shutdown();

  // Handles requests with `code` sent by servers, on `executor` (null: the default pool).
  // Register before Start() or at any time after.
  void RegisterProcessor(int32_t code, std::shared_ptr<RequestProcessor> processor,
                         std::shared_ptr<ThreadPool> executor = nullptr);
  // Hooks run in registration order before every request is sent and after every response.
  void RegisterRpcHook(std::shared_ptr<RpcHook> hook);
  void SetChannelEventListener(std::shared_ptr<ChannelEventListener> listener);

  // Sends `request` to `addr` ("host:port") and waits up to `timeout_ms` for the response.
  // Errors: Timeout, NotConnected (connect failure or connection lost), ShutdownInProgress,
  // InvalidArgument (bad address). A response with a non-zero code is still a value.
  Result<RemotingCommand> InvokeSync(const std::string& addr, RemotingCommand request,
                                     int64_t timeout_ms);
  // As InvokeSync without blocking: `callback` gets the outcome exactly once, on the callback
  // pool (also for immediate failures).
  void InvokeAsync(const std::string& addr, RemotingCommand request, int64_t timeout_ms,
                   ResponseCallback callback);
  // Sends `request` with the oneway flag set; OK once queued for writing.
  Status InvokeOneway(const std::string& addr, RemotingCommand request);

  // Closes the connection to `addr`, if any (its pending calls fail; the next call reconnects).
  void CloseConnection(const std::string& addr);
  // The current connection to `addr` (connecting or connected), or null.
  std::shared_ptr<Channel> FindChannel(const std::string& addr) const;

 private:
  Result<std::shared_ptr<Connection>> GetOrCreateConnection(const std::string& addr);
  CallObserver* ObserverIfEnabled() const;  // null when none or statistics are off
  void OnConnectionClosed(const std::shared_ptr<Connection>& conn);

  const RemotingClientOptions options_;
  std::shared_ptr<RemotingCore> core_;
  std::shared_ptr<TlsContext> tls_;
  std::atomic<bool> started_{false};
  mutable std::mutex table_mu_;
  std::unordered_map<std::string, std::shared_ptr<Connection>> table_;  // guarded by table_mu_
};

}  // namespace rocketmq::remoting
