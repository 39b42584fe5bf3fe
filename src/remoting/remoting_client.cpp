#include "remoting/remoting_client.h"

#include <netdb.h>
#include <sys/socket.h>

#include <chrono>
#include <cstring>
#include <utility>

#include "common/logging.h"
#include "remoting/connection.h"
#include "remoting/remoting_core.h"

namespace rocketmq::remoting {
namespace {

int64_t MicrosSince(std::chrono::steady_clock::time_point begin) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               begin)
      .count();
}

struct AddrInfoDeleter {
  void operator()(addrinfo* ai) const { freeaddrinfo(ai); }
};

struct ResolvedAddress {
  sockaddr_storage storage{};
  socklen_t length = 0;
};

// "host:port", "[v6]:port" or "v6:port" (split at the last ':'), resolved with getaddrinfo.
Result<ResolvedAddress> Resolve(const std::string& addr) {
  const size_t colon = addr.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == addr.size()) {
    return Status::InvalidArgument("bad address \"" + addr + "\": want host:port");
  }
  std::string host = addr.substr(0, colon);
  const std::string port = addr.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* raw = nullptr;
  const int rc = getaddrinfo(host.c_str(), port.c_str(), &hints, &raw);
  std::unique_ptr<addrinfo, AddrInfoDeleter> result(raw);
  if (rc != 0 || result == nullptr) {
    return Status::NotConnected("cannot resolve \"" + addr + "\": " + gai_strerror(rc));
  }
  ResolvedAddress resolved;
  std::memcpy(&resolved.storage, result->ai_addr, result->ai_addrlen);
  resolved.length = result->ai_addrlen;
  return resolved;
}

int64_t IdleMs(int64_t seconds) { return seconds <= 0 ? 0 : seconds * 1000; }

}  // namespace

RemotingClient::RemotingClient(RemotingClientOptions options) : options_(std::move(options)) {
  RemotingCoreOptions core_options;
  core_options.name = "rmq-client";
  core_options.serialize_type = options_.serialize_type;
  core_options.idle_timeout_ms = IdleMs(options_.channel_max_idle_seconds);
  core_options.callback_threads = options_.callback_threads;
  core_options.worker_threads = options_.worker_threads;
  core_options.max_frame_length = options_.max_frame_length;
  core_ = std::make_shared<RemotingCore>(core_options);
  core_->SetCloseObserver(
      [this](const std::shared_ptr<Connection>& conn) { OnConnectionClosed(conn); });
}

RemotingClient::~RemotingClient() { Shutdown(); }

CallObserver* RemotingClient::ObserverIfEnabled() const {
  CallObserver* observer = options_.call_observer.get();
  return observer != nullptr && observer->enabled() ? observer : nullptr;
}

Status RemotingClient::Start() {
  if (options_.use_tls) {
    auto tls = TlsContext::CreateClient(options_.tls);
    if (!tls.ok()) return tls.status();
    tls_ = std::move(tls).value();
  }
  started_ = true;
  core_->Start();
  return Status::OK();
}

void RemotingClient::Shutdown() {
  core_->Shutdown();
  std::lock_guard<std::mutex> lock(table_mu_);
  table_.clear();
}

void RemotingClient::RegisterProcessor(int32_t code, std::shared_ptr<RequestProcessor> processor,
                                       std::shared_ptr<ThreadPool> executor) {
  core_->RegisterProcessor(code, std::move(processor), std::move(executor));
}

void RemotingClient::RegisterRpcHook(std::shared_ptr<RpcHook> hook) {
  core_->AddRpcHook(std::move(hook));
}

void RemotingClient::SetChannelEventListener(std::shared_ptr<ChannelEventListener> listener) {
  core_->SetChannelEventListener(std::move(listener));
}

Result<std::shared_ptr<Connection>> RemotingClient::GetOrCreateConnection(const std::string& addr) {
  if (!started_) return Status::ShutdownInProgress("remoting client not started");
  if (core_->shutting_down()) return Status::ShutdownInProgress("remoting client is shut down");
  std::lock_guard<std::mutex> lock(table_mu_);
  auto it = table_.find(addr);
  if (it != table_.end() && it->second->IsActive()) return it->second;
  Result<ResolvedAddress> resolved = Resolve(addr);
  if (!resolved.ok()) {
    if (options_.call_observer && options_.call_observer->enabled()) {
      options_.call_observer->OnConnectFailed(addr);
    }
    return resolved.status();
  }
  std::shared_ptr<Connection> conn = core_->NewConnection(addr);
  auto ssl = std::make_shared<SslPtr>(tls_ ? tls_->NewSsl() : nullptr);
  if (tls_ && *ssl == nullptr) {
    conn->Close();
    return Status::NotConnected("cannot create TLS session for " + addr);
  }
  const int64_t connect_timeout_ms = options_.connect_timeout_ms;
  const bool posted =
      core_->RunInLoop([conn, ssl, target = std::move(resolved).value(), connect_timeout_ms] {
        conn->StartConnect(reinterpret_cast<const sockaddr*>(&target.storage), target.length,
                           ssl->release(), connect_timeout_ms);
      });
  if (!posted) return Status::ShutdownInProgress("remoting client is shut down");
  table_[addr] = conn;
  return conn;
}

void RemotingClient::OnConnectionClosed(const std::shared_ptr<Connection>& conn) {
  if (!conn->ever_connected() && options_.call_observer && options_.call_observer->enabled()) {
    options_.call_observer->OnConnectFailed(conn->RemoteAddress());
  }
  std::lock_guard<std::mutex> lock(table_mu_);
  auto it = table_.find(conn->RemoteAddress());
  if (it != table_.end() && it->second == conn) table_.erase(it);
}

Result<RemotingCommand> RemotingClient::InvokeSync(const std::string& addr, RemotingCommand request,
                                                   int64_t timeout_ms) {
  CallObserver* observer = ObserverIfEnabled();
  if (observer == nullptr) {
    auto conn = GetOrCreateConnection(addr);
    if (!conn.ok()) return conn.status();
    return core_->InvokeSync(conn.value(), std::move(request), timeout_ms);
  }
  const auto begin = std::chrono::steady_clock::now();
  observer->OnCallStarted(addr);
  auto conn = GetOrCreateConnection(addr);
  Result<RemotingCommand> r = conn.ok()
                                  ? core_->InvokeSync(conn.value(), std::move(request), timeout_ms)
                                  : Result<RemotingCommand>(conn.status());
  observer->OnCallFinished(addr, MicrosSince(begin), r.ok() ? Status::OK() : r.status());
  return r;
}

void RemotingClient::InvokeAsync(const std::string& addr, RemotingCommand request,
                                 int64_t timeout_ms, ResponseCallback callback) {
  if (CallObserver* observer = ObserverIfEnabled()) {
    const auto begin = std::chrono::steady_clock::now();
    observer->OnCallStarted(addr);
    callback = [observer = options_.call_observer, addr, begin,
                inner = std::move(callback)](Result<RemotingCommand> r) {
      observer->OnCallFinished(addr, MicrosSince(begin), r.ok() ? Status::OK() : r.status());
      inner(std::move(r));
    };
  }
  auto conn = GetOrCreateConnection(addr);
  if (!conn.ok()) {
    Status failure = conn.status();
    RMQ_LOG(kDebug) << "async call to " << addr << " code " << request.code()
                    << " failed: " << failure.ToString();
    core_->DeliverFailure(std::move(callback), failure);
    return;
  }
  core_->InvokeAsync(conn.value(), std::move(request), timeout_ms, std::move(callback));
}

Status RemotingClient::InvokeOneway(const std::string& addr, RemotingCommand request) {
  auto conn = GetOrCreateConnection(addr);
  if (!conn.ok()) return conn.status();
  return core_->InvokeOneway(conn.value(), std::move(request));
}

void RemotingClient::CloseConnection(const std::string& addr) {
  std::shared_ptr<Connection> conn;
  {
    std::lock_guard<std::mutex> lock(table_mu_);
    auto it = table_.find(addr);
    if (it == table_.end()) return;
    conn = it->second;
  }
  conn->Close();
}

std::shared_ptr<Channel> RemotingClient::FindChannel(const std::string& addr) const {
  std::lock_guard<std::mutex> lock(table_mu_);
  auto it = table_.find(addr);
  return it == table_.end() ? nullptr : it->second;
}

}  // namespace rocketmq::remoting
