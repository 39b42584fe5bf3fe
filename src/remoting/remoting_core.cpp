#include "remoting/remoting_core.h"

#include <algorithm>
#include <future>
#include <optional>

#include "common/logging.h"
#include "common/one_shot_event.h"
#include "common/response_code.h"

namespace rocketmq::remoting {
namespace {

constexpr int64_t kHousekeepingIntervalMs = 10;
constexpr int64_t kIdleScanIntervalMs = 250;
constexpr int64_t kMaxTimeoutMs = 365LL * 24 * 3600 * 1000;  // longer timeouts are clamped
constexpr const char* kFlowControlRemark = "system busy, start flow control for a while";

Status CallTimeout(const std::string& addr, int64_t timeout_ms) {
  return Status::Timeout("wait response on the channel <" + addr + "> timeout, " +
                         std::to_string(timeout_ms) + "(ms)");
}

RemotingCommand BusyResponse(const RemotingCommand& request, const std::string& remark) {
  return RemotingCommand::CreateResponse(request, ResponseCode::kSystemBusy, remark);
}

}  // namespace

RemotingCore::RemotingCore(RemotingCoreOptions options)
    : options_(std::move(options)),
      loop_(std::make_unique<EventLoop>(options_.name + "-loop")),
      default_executor_(std::make_shared<ThreadPool>(
          options_.name + "-work", options_.worker_threads, options_.worker_queue_capacity)),
      callback_pool_(
          std::make_unique<ThreadPool>(options_.name + "-cb", options_.callback_threads)),
      event_pool_(std::make_unique<ThreadPool>(options_.name + "-evt", 1)) {}

RemotingCore::~RemotingCore() { Shutdown(); }

void RemotingCore::Start() {
  if (started_.exchange(true)) return;
  loop_->Start();
  loop_->RunEvery(kHousekeepingIntervalMs, [this] { Housekeeping(); });
}

void RemotingCore::Shutdown() {
  std::lock_guard<std::mutex> lock(shutdown_mu_);
  if (shutting_down_.exchange(true)) return;
  if (started_.load()) {
    std::promise<void> closed;
    std::future<void> closed_future = closed.get_future();
    const bool posted = loop_->RunInLoop([this, &closed] {
      std::vector<std::shared_ptr<Connection>> conns;
      {
        std::lock_guard<std::mutex> conns_lock(conns_mu_);
        for (auto& [id, conn] : connections_) conns.push_back(conn);
      }
      for (auto& conn : conns) {
        conn->CloseNow(Status::ShutdownInProgress("remoting is shutting down"),
                       CloseCause::kNormal);
      }
      closed.set_value();
    });
    if (posted) {
      closed_future.wait();
      // libevent 2.1 finalizes a freed bufferevent (closing its socket) in a later callback of
      // the same loop. A second task queues behind those finalizers, so once it has run every
      // socket is really closed and peers see the FIN; stopping the loop before that left
      // sockets open until the event_base itself was freed.
      std::promise<void> finalized;
      std::future<void> finalized_future = finalized.get_future();
      if (loop_->RunInLoop([&finalized] { finalized.set_value(); })) finalized_future.wait();
    }
    loop_->Stop();
  }
  // Calls registered after the connections closed, or whose write was dropped with the loop.
  FailAllPending(Status::ShutdownInProgress("remoting is shut down"));
  {
    std::lock_guard<std::mutex> conns_lock(conns_mu_);
    connections_.clear();
  }
  default_executor_->Shutdown();
  callback_pool_->Shutdown();
  event_pool_->Shutdown();
}

void RemotingCore::RegisterProcessor(int32_t code, std::shared_ptr<RequestProcessor> processor,
                                     std::shared_ptr<ThreadPool> executor) {
  std::lock_guard<std::mutex> lock(registry_mu_);
  processors_[code] = Registration{std::move(processor), std::move(executor)};
}

void RemotingCore::RegisterDefaultProcessor(std::shared_ptr<RequestProcessor> processor,
                                            std::shared_ptr<ThreadPool> executor) {
  std::lock_guard<std::mutex> lock(registry_mu_);
  default_processor_ = Registration{std::move(processor), std::move(executor)};
}

void RemotingCore::AddRpcHook(std::shared_ptr<RpcHook> hook) {
  if (!hook) return;
  std::lock_guard<std::mutex> lock(registry_mu_);
  hooks_.push_back(std::move(hook));
}

void RemotingCore::SetRequestValidator(std::shared_ptr<const RequestValidator> validator) {
  std::lock_guard<std::mutex> lock(registry_mu_);
  validator_ = std::move(validator);
}

void RemotingCore::SetChannelEventListener(std::shared_ptr<ChannelEventListener> listener) {
  std::lock_guard<std::mutex> lock(registry_mu_);
  listener_ = std::move(listener);
}

void RemotingCore::SetCloseObserver(
    std::function<void(const std::shared_ptr<Connection>&)> observer) {
  std::lock_guard<std::mutex> lock(registry_mu_);
  close_observer_ = std::move(observer);
}

std::shared_ptr<Connection> RemotingCore::NewConnection(std::string remote_addr) {
  auto conn = std::make_shared<Connection>(shared_from_this(), next_conn_id_.fetch_add(1),
                                           std::move(remote_addr));
  std::lock_guard<std::mutex> lock(conns_mu_);
  connections_[conn->id()] = conn;
  return conn;
}

bool RemotingCore::RunInLoop(std::function<void()> fn) {
  if (shutting_down_.load()) return false;
  return loop_->RunInLoop(std::move(fn));
}

std::vector<std::shared_ptr<RpcHook>> RemotingCore::hooks() const {
  std::lock_guard<std::mutex> lock(registry_mu_);
  return hooks_;
}

void RemotingCore::RunBeforeHooks(const std::string& addr, RemotingCommand& request) const {
  for (const auto& hook : hooks()) hook->DoBeforeRequest(addr, request);
}

void RemotingCore::RunAfterHooks(const std::string& addr, const RemotingCommand& request,
                                 RemotingCommand& response) const {
  for (const auto& hook : hooks()) hook->DoAfterResponse(addr, request, response);
}

// --- outgoing calls ---

void RemotingCore::StartCall(const std::shared_ptr<Connection>& conn, RemotingCommand request,
                             int64_t timeout_ms, ResponseCallback done, bool sync) {
  PendingCall call;
  call.conn_id = conn->id();
  call.remote_addr = conn->RemoteAddress();
  call.timeout_ms = std::clamp<int64_t>(timeout_ms, 0, kMaxTimeoutMs);
  call.callback = std::move(done);
  call.sync = sync;
  if (shutting_down_.load()) {
    Deliver(std::move(call), Status::ShutdownInProgress("remoting is shut down"));
    return;
  }
  if (!conn->IsActive()) {
    Deliver(std::move(call),
            Status::NotConnected("connection to " + conn->RemoteAddress() + " is closed"));
    return;
  }
  const int32_t opaque = next_opaque_.fetch_add(1, std::memory_order_relaxed);
  request.set_opaque(opaque);
  request.set_serialize_type(options_.serialize_type);
  RunBeforeHooks(call.remote_addr, request);
  std::string frame = request.Encode();
  call.request = std::move(request);
  call.request.mutable_body().clear();  // hooks see the header; the body is already encoded
  call.deadline_ms = NowMs() + call.timeout_ms;
  {
    std::lock_guard<std::mutex> lock(pending_mu_);
    deadlines_.emplace(call.deadline_ms, opaque);
    pending_[opaque] = std::move(call);
  }
  // A sync caller's frame goes out from its own thread; async ones are coalesced by the loop.
  conn->Write(std::move(frame), opaque, /*batched=*/!sync);
}

void RemotingCore::Deliver(PendingCall call, Result<RemotingCommand> outcome) {
  if (call.sync) {
    if (outcome.ok()) RunAfterHooks(call.remote_addr, call.request, outcome.value());
    call.callback(std::move(outcome));
    return;
  }
  auto task = [this, call = std::move(call), outcome = std::move(outcome)]() mutable {
    if (outcome.ok()) RunAfterHooks(call.remote_addr, call.request, outcome.value());
    call.callback(std::move(outcome));
  };
  if (!callback_pool_->Submit(task)) task();  // pool gone (shutdown): deliver here
}

void RemotingCore::DeliverFailure(ResponseCallback callback, Status status) {
  PendingCall call;
  call.callback = std::move(callback);
  Deliver(std::move(call), std::move(status));
}

Result<RemotingCommand> RemotingCore::InvokeSync(const std::shared_ptr<Connection>& conn,
                                                 RemotingCommand request, int64_t timeout_ms) {
  // The loop thread fills `result`, then signals; the caller reads it only after the signal.
  struct Waiter {
    OneShotEvent done;
    std::optional<Result<RemotingCommand>> result;
  };
  auto waiter = std::make_shared<Waiter>();
  timeout_ms = std::clamp<int64_t>(timeout_ms, 0, kMaxTimeoutMs);
  StartCall(
      conn, std::move(request), timeout_ms,
      [waiter](Result<RemotingCommand> outcome) {
        waiter->result.emplace(std::move(outcome));
        waiter->done.Signal();
      },
      /*sync=*/true);
  // The housekeeping timer fails the call at its deadline; the extra second only guards against
  // a stalled loop.
  if (!waiter->done.WaitFor(std::chrono::milliseconds(timeout_ms + 1000))) {
    return CallTimeout(conn->RemoteAddress(), timeout_ms);
  }
  return std::move(*waiter->result);
}

void RemotingCore::InvokeAsync(const std::shared_ptr<Connection>& conn, RemotingCommand request,
                               int64_t timeout_ms, ResponseCallback callback) {
  StartCall(conn, std::move(request), timeout_ms, std::move(callback), /*sync=*/false);
}

Status RemotingCore::InvokeOneway(const std::shared_ptr<Connection>& conn,
                                  RemotingCommand request) {
  if (shutting_down_.load()) return Status::ShutdownInProgress("remoting is shut down");
  if (!conn->IsActive()) {
    return Status::NotConnected("connection to " + conn->RemoteAddress() + " is closed");
  }
  request.set_opaque(next_opaque_.fetch_add(1, std::memory_order_relaxed));
  request.MarkOneway();
  request.set_serialize_type(options_.serialize_type);
  RunBeforeHooks(conn->RemoteAddress(), request);
  conn->Write(request.Encode(), std::nullopt, /*batched=*/true);
  return Status::OK();
}

Status RemotingCore::SendResponse(const std::shared_ptr<Connection>& conn,
                                  RemotingCommand response) {
  if (!conn->IsActive()) {
    return Status::NotConnected("connection to " + conn->RemoteAddress() + " is closed");
  }
  WriteResponse(conn, std::move(response));
  return Status::OK();
}

void RemotingCore::WriteResponse(const std::shared_ptr<Connection>& conn,
                                 RemotingCommand response) {
  std::string head = response.EncodeHead();
  conn->Write(std::move(head), response.TakeBodyRefs(), std::nullopt);
}

// --- incoming frames ---

void RemotingCore::OnConnected(const std::shared_ptr<Connection>& conn) {
  PostEvent([conn](ChannelEventListener& l) { l.OnChannelConnect(conn->RemoteAddress(), conn); });
}

void RemotingCore::OnFrame(const std::shared_ptr<Connection>& conn, RemotingCommand command) {
  if (!command.IsResponse()) {
    DispatchRequest(conn, std::move(command));
    return;
  }
  PendingCall call;
  {
    std::lock_guard<std::mutex> lock(pending_mu_);
    auto it = pending_.find(command.opaque());
    if (it == pending_.end()) {
      RMQ_LOG(kDebug) << "dropping response from " << conn->RemoteAddress() << " with opaque "
                      << command.opaque() << ": no pending call (timed out?)";
      return;
    }
    call = std::move(it->second);
    pending_.erase(it);
    deadlines_.erase({call.deadline_ms, command.opaque()});
  }
  Deliver(std::move(call), std::move(command));
}

void RemotingCore::DispatchRequest(const std::shared_ptr<Connection>& conn,
                                   RemotingCommand request) {
  Registration reg;
  std::shared_ptr<const RequestValidator> validator;
  {
    std::lock_guard<std::mutex> lock(registry_mu_);
    auto it = processors_.find(request.code());
    reg = it != processors_.end() ? it->second : default_processor_;
    validator = validator_;
  }
  const bool oneway = request.IsOneway();
  if (!reg.processor) {
    RMQ_LOG(kWarn) << conn->RemoteAddress() << ": request type " << request.code()
                   << " not supported";
    if (!oneway) {
      WriteResponse(conn,
                    RemotingCommand::CreateResponse(
                        request, ResponseCode::kRequestCodeNotSupported,
                        " request type " + std::to_string(request.code()) + " not supported"));
    }
    return;
  }
  if (reg.processor->RejectRequest()) {
    if (!oneway)
      WriteResponse(conn,
                    BusyResponse(request, std::string("[REJECTREQUEST]") + kFlowControlRemark));
    return;
  }
  if (reg.processor->RunsInLoop(request)) {
    RunProcessor(conn, reg, validator, std::move(request));
    return;
  }
  // Kept for the overload answer: `request` moves into the queued task.
  RemotingCommand busy =
      oneway ? RemotingCommand()
             : BusyResponse(request, std::string("[OVERLOAD]") + kFlowControlRemark);
  ThreadPool* pool = reg.executor ? reg.executor.get() : default_executor_.get();
  const int32_t code = request.code();
  const bool queued = pool->Submit(
      [this, conn, reg, validator = std::move(validator), request = std::move(request)]() mutable {
        RunProcessor(conn, reg, validator, std::move(request));
      });
  if (!queued) {
    RMQ_LOG(kWarn) << conn->RemoteAddress() << ": request code " << code << " rejected, pool "
                   << pool->name() << " is full";
    if (!oneway) WriteResponse(conn, std::move(busy));
  }
}

void RemotingCore::RunProcessor(const std::shared_ptr<Connection>& conn, const Registration& reg,
                                const std::shared_ptr<const RequestValidator>& validator,
                                RemotingCommand request) {
  const std::string& addr = conn->RemoteAddress();
  const bool oneway = request.IsOneway();
  if (shutting_down_.load() && !oneway && !conn->IsActive()) {
    // Queued before Shutdown closed its connection: nobody can receive the answer any more.
    return;
  }
  if (validator) {
    Status admitted = validator->Validate(addr, request);
    if (!admitted.ok()) {
      // Java logs the hook exception and answers SYSTEM_ERROR with its text, in the server's
      // default serialization (not the request's): RemotingCommand.createResponseCommand.
      RMQ_LOG(kWarn) << "request code " << request.code() << " from " << addr
                     << " refused: " << admitted.message();
      if (!oneway) {
        RemotingCommand refusal = RemotingCommand::CreateResponse(
            request, ResponseCode::kSystemError, admitted.message());
        refusal.set_serialize_type(SerializeType::kJson);
        if (conn->IsActive()) WriteResponse(conn, std::move(refusal));
      }
      return;
    }
  }
  RunBeforeHooks(addr, request);
  const int32_t opaque = request.opaque();
  std::optional<RemotingCommand> response = reg.processor->ProcessRequest(conn, request);
  if (!response || oneway) return;
  RunAfterHooks(addr, request, *response);
  response->set_opaque(opaque);
  response->MarkResponse();
  // Java answers in the serialization of the request, whatever its own default
  // (NettyRemotingAbstract.processRequestCommand).
  response->set_serialize_type(request.serialize_type());
  if (!conn->IsActive()) {
    RMQ_LOG(kDebug) << "response to " << addr << " code " << request.code()
                    << " dropped: connection closed";
    return;
  }
  WriteResponse(conn, std::move(*response));
}

void RemotingCore::OnClosed(const std::shared_ptr<Connection>& conn, const Status& reason,
                            CloseCause cause) {
  {
    std::lock_guard<std::mutex> lock(conns_mu_);
    connections_.erase(conn->id());
  }
  std::vector<PendingCall> failed;
  {
    std::lock_guard<std::mutex> lock(pending_mu_);
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (it->second.conn_id == conn->id()) {
        deadlines_.erase({it->second.deadline_ms, it->first});
        failed.push_back(std::move(it->second));
        it = pending_.erase(it);
      } else {
        ++it;
      }
    }
  }
  const Status failure = reason.code() == kCodeShutdown || reason.code() == kCodeNotConnected
                             ? reason
                             : Status::NotConnected("connection to " + conn->RemoteAddress() +
                                                    " closed: " + reason.message());
  for (auto& call : failed) Deliver(std::move(call), failure);

  std::function<void(const std::shared_ptr<Connection>&)> observer;
  {
    std::lock_guard<std::mutex> lock(registry_mu_);
    observer = close_observer_;
  }
  if (observer) observer(conn);
  if (cause == CloseCause::kIdle) {
    PostEvent([conn](ChannelEventListener& l) { l.OnChannelIdle(conn->RemoteAddress(), conn); });
  } else if (cause == CloseCause::kError) {
    PostEvent(
        [conn](ChannelEventListener& l) { l.OnChannelException(conn->RemoteAddress(), conn); });
  }
  PostEvent([conn](ChannelEventListener& l) { l.OnChannelClose(conn->RemoteAddress(), conn); });
}

void RemotingCore::FailPending(int32_t opaque, const Status& status) {
  PendingCall call;
  {
    std::lock_guard<std::mutex> lock(pending_mu_);
    auto it = pending_.find(opaque);
    if (it == pending_.end()) return;
    call = std::move(it->second);
    pending_.erase(it);
    deadlines_.erase({call.deadline_ms, opaque});
  }
  Deliver(std::move(call), status);
}

void RemotingCore::FailAllPending(const Status& status) {
  std::unordered_map<int32_t, PendingCall> all;
  {
    std::lock_guard<std::mutex> lock(pending_mu_);
    all.swap(pending_);
    deadlines_.clear();
  }
  for (auto& [opaque, call] : all) Deliver(std::move(call), status);
}

size_t RemotingCore::pending_count() const {
  std::lock_guard<std::mutex> lock(pending_mu_);
  return pending_.size();
}

void RemotingCore::PostEvent(std::function<void(ChannelEventListener&)> fn) {
  std::shared_ptr<ChannelEventListener> listener;
  {
    std::lock_guard<std::mutex> lock(registry_mu_);
    listener = listener_;
  }
  if (!listener) return;
  if (!event_pool_->Submit([listener, fn = std::move(fn)] { fn(*listener); })) {
    RMQ_LOG(kDebug) << "channel event dropped: event thread stopped";
  }
}

// --- housekeeping (loop thread) ---

void RemotingCore::Housekeeping() {
  ScanTimeouts();
  const int64_t now = NowMs();
  if (now - last_idle_scan_ms_ >= kIdleScanIntervalMs) {
    last_idle_scan_ms_ = now;
    ScanIdle();
  }
}

void RemotingCore::ScanTimeouts() {
  const int64_t now = NowMs();
  std::vector<PendingCall> expired;
  {
    std::lock_guard<std::mutex> lock(pending_mu_);
    while (!deadlines_.empty() && deadlines_.begin()->first <= now) {
      const int32_t opaque = deadlines_.begin()->second;
      deadlines_.erase(deadlines_.begin());
      auto it = pending_.find(opaque);
      if (it == pending_.end()) continue;
      expired.push_back(std::move(it->second));
      pending_.erase(it);
    }
  }
  for (auto& call : expired) {
    Status status = CallTimeout(call.remote_addr, call.timeout_ms);
    RMQ_LOG(kDebug) << status.message();
    Deliver(std::move(call), std::move(status));
  }
}

void RemotingCore::ScanIdle() {
  if (options_.idle_timeout_ms <= 0) return;
  std::vector<std::shared_ptr<Connection>> conns;
  {
    std::lock_guard<std::mutex> lock(conns_mu_);
    for (auto& [id, conn] : connections_) conns.push_back(conn);
  }
  const int64_t now = NowMs();
  for (auto& conn : conns) {
    if (now - conn->last_active_ms() < options_.idle_timeout_ms) continue;
    RMQ_LOG(kInfo) << "closing idle connection " << conn->RemoteAddress() << " (no traffic for "
                   << options_.idle_timeout_ms << " ms)";
    conn->CloseNow(Status::NotConnected("idle"), CloseCause::kIdle);
  }
}

}  // namespace rocketmq::remoting
