// RemotingCore: the machinery RemotingClient and RemotingServer share (NettyRemotingAbstract's
// role in Java): the loop, the open connections, the pending-call table keyed by opaque, the
// processor table, RPC hooks, and the thread pools that keep user code off the loop thread.
//
// Threads:
//   - loop thread (EventLoop): every socket; decodes frames; completes pending calls; answers
//     unknown request codes; runs the housekeeping timer (call timeouts every 10 ms, idle
//     connections every 250 ms).
//   - processor pools: RequestProcessor::ProcessRequest, then the response is written from the
//     pool thread (Connection::Write). Requests whose processor RunsInLoop are processed and
//     answered on the loop thread itself.
//   - callback pool: ResponseCallbacks of asynchronous calls.
//   - event pool (one thread): ChannelEventListener calls, in order.
// Invoke*/SendResponse/Register* are thread-safe.
//
// Internal to src/remoting; users go through RemotingClient, RemotingServer and Channel.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/thread_pool.h"
#include "remoting/channel.h"
#include "remoting/connection.h"
#include "remoting/event_loop.h"
#include "remoting/remoting_command.h"
#include "remoting/rpc_hook.h"

namespace rocketmq::remoting {

struct RemotingCoreOptions {
  std::string name = "remoting";                        // thread name prefix
  SerializeType serialize_type = SerializeType::kJson;  // for every request and response we send
  int64_t idle_timeout_ms = 120 * 1000;  // close connections silent this long; <= 0 disables
  size_t callback_threads = 4;
  size_t worker_threads = 4;  // default processor pool
  size_t worker_queue_capacity = 65536;
  uint32_t max_frame_length = kMaxFrameLength;
  // Bytes of output a connection may hold unsent (its peer not reading) before it is closed;
  // 0: no limit. Servers set it (RemotingServerOptions::max_output_bytes), clients do not.
  size_t max_output_bytes = 0;
};

class RemotingCore : public std::enable_shared_from_this<RemotingCore> {
 public:
  explicit RemotingCore(RemotingCoreOptions options);
  ~RemotingCore();

  RemotingCore(const RemotingCore&) = delete;
  RemotingCore& operator=(const RemotingCore&) = delete;

  // Starts the loop thread and the housekeeping timer.
  void Start();
  // Fails every pending call (ShutdownInProgress), closes every connection, stops the loop and
  // drains and joins the pools. Idempotent. Not from a loop, processor or callback thread.
  void Shutdown();
  bool shutting_down() const { return shutting_down_.load(); }

  const RemotingCoreOptions& options() const { return options_; }
  EventLoop& loop() { return *loop_; }

  // `executor` null → the default worker pool. Replaces an earlier registration.
  void RegisterProcessor(int32_t code, std::shared_ptr<RequestProcessor> processor,
                         std::shared_ptr<ThreadPool> executor);
  // Used for codes without a processor of their own.
  void RegisterDefaultProcessor(std::shared_ptr<RequestProcessor> processor,
                                std::shared_ptr<ThreadPool> executor);
  void AddRpcHook(std::shared_ptr<RpcHook> hook);
  // Checks every received request before the hooks and the processor (null: none).
  void SetRequestValidator(std::shared_ptr<const RequestValidator> validator);
  void SetChannelEventListener(std::shared_ptr<ChannelEventListener> listener);
  // Told (on the loop thread) about every closed connection, before the listener.
  void SetCloseObserver(std::function<void(const std::shared_ptr<Connection>&)> observer);

  // A new connection object registered as open (the caller then starts it on the loop thread).
  std::shared_ptr<Connection> NewConnection(std::string remote_addr);
  // Posts `fn` to the loop; false if shutting down.
  bool RunInLoop(std::function<void()> fn);

  Result<RemotingCommand> InvokeSync(const std::shared_ptr<Connection>& conn,
                                     RemotingCommand request, int64_t timeout_ms);
  void InvokeAsync(const std::shared_ptr<Connection>& conn, RemotingCommand request,
                   int64_t timeout_ms, ResponseCallback callback);
  Status InvokeOneway(const std::shared_ptr<Connection>& conn, RemotingCommand request);
  Status SendResponse(const std::shared_ptr<Connection>& conn, RemotingCommand response);
  // Hands `status` to `callback` on the callback pool (for calls that never got started).
  void DeliverFailure(ResponseCallback callback, Status status);

  // --- called by Connection on the loop thread ---
  void OnConnected(const std::shared_ptr<Connection>& conn);
  void OnFrame(const std::shared_ptr<Connection>& conn, RemotingCommand command);
  void OnClosed(const std::shared_ptr<Connection>& conn, const Status& reason, CloseCause cause);
  // Fails the pending call `opaque`, if still pending. Any thread.
  void FailPending(int32_t opaque, const Status& status);

  // Number of calls waiting for a response (for tests and metrics).
  size_t pending_count() const;

 private:
  struct PendingCall {
    uint64_t conn_id = 0;
    int64_t deadline_ms = 0;
    int64_t timeout_ms = 0;
    std::string remote_addr;
    RemotingCommand request;  // kept for the after-response hooks
    ResponseCallback callback;
    bool sync = false;  // complete on the spot (a waiter is blocked) instead of on the pool
  };
  struct Registration {
    std::shared_ptr<RequestProcessor> processor;
    std::shared_ptr<ThreadPool> executor;
  };

  // Registers the call and writes the request; `done` gets the outcome (via Deliver).
  void StartCall(const std::shared_ptr<Connection>& conn, RemotingCommand request,
                 int64_t timeout_ms, ResponseCallback done, bool sync);
  void Deliver(PendingCall call, Result<RemotingCommand> outcome);
  void DispatchRequest(const std::shared_ptr<Connection>& conn, RemotingCommand request);
  void RunProcessor(const std::shared_ptr<Connection>& conn, const Registration& reg,
                    const std::shared_ptr<const RequestValidator>& validator,
                    RemotingCommand request);
  void WriteResponse(const std::shared_ptr<Connection>& conn, RemotingCommand response);
  void Housekeeping();
  void ScanTimeouts();
  void ScanIdle();
  void FailAllPending(const Status& status);
  void PostEvent(std::function<void(ChannelEventListener&)> fn);
  std::vector<std::shared_ptr<RpcHook>> hooks() const;
  void RunBeforeHooks(const std::string& addr, RemotingCommand& request) const;
  void RunAfterHooks(const std::string& addr, const RemotingCommand& request,
                     RemotingCommand& response) const;

  const RemotingCoreOptions options_;
  std::unique_ptr<EventLoop> loop_;
  std::shared_ptr<ThreadPool> default_executor_;
  std::unique_ptr<ThreadPool> callback_pool_;
  std::unique_ptr<ThreadPool> event_pool_;
  std::atomic<bool> started_{false};
  std::atomic<bool> shutting_down_{false};
  std::mutex shutdown_mu_;
  std::atomic<int32_t> next_opaque_{0};
  std::atomic<uint64_t> next_conn_id_{1};

  mutable std::mutex pending_mu_;
  std::unordered_map<int32_t, PendingCall> pending_;  // guarded by pending_mu_
  std::set<std::pair<int64_t, int32_t>> deadlines_;   // guarded by pending_mu_

  mutable std::mutex registry_mu_;
  std::unordered_map<int32_t, Registration> processors_;  // guarded by registry_mu_
  Registration default_processor_;                        // guarded by registry_mu_
  std::vector<std::shared_ptr<RpcHook>> hooks_;           // guarded by registry_mu_
  std::shared_ptr<const RequestValidator> validator_;     // guarded by registry_mu_
  std::shared_ptr<ChannelEventListener> listener_;        // guarded by registry_mu_
  std::function<void(const std::shared_ptr<Connection>&)>
      close_observer_;  // guarded by registry_mu_

  mutable std::mutex conns_mu_;
  std::unordered_map<uint64_t, std::shared_ptr<Connection>> connections_;  // guarded by conns_mu_
  int64_t last_idle_scan_ms_ = 0;                                          // loop thread
};

}  // namespace rocketmq::remoting
