#include "remoting/remoting_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <future>
#include <utility>

#include "common/listen_socket.h"
#include "common/logging.h"
#include "common/socket_address.h"
#include "remoting/connection.h"
#include "remoting/remoting_core.h"

namespace rocketmq::remoting {
namespace {

// "ip:port" of a peer, as Java's RemotingHelper.parseChannelRemoteAddr prints it: IPv4-mapped
// peers of the dual-stack socket as plain IPv4, IPv6 ones unbracketed ("::1:54321").
std::string PeerAddress(const sockaddr* addr) {
  Result<SocketAddress> peer = SocketAddress::FromSockaddr(addr);
  if (!peer.ok()) return "unknown:0";
  return peer->IpToString() + ":" + std::to_string(peer->port());
}

}  // namespace

RemotingServer::RemotingServer(RemotingServerOptions options) : options_(std::move(options)) {
  RemotingCoreOptions core_options;
  core_options.name = "rmq-server";
  core_options.serialize_type = options_.serialize_type;
  core_options.idle_timeout_ms =
      options_.channel_max_idle_seconds <= 0 ? 0 : options_.channel_max_idle_seconds * 1000;
  core_options.callback_threads = options_.callback_threads;
  core_options.worker_threads = options_.worker_threads;
  core_options.worker_queue_capacity = options_.worker_queue_capacity;
  core_options.max_frame_length = options_.max_frame_length;
  core_options.max_output_bytes = options_.max_output_bytes;
  core_ = std::make_shared<RemotingCore>(core_options);
}

RemotingServer::~RemotingServer() { Shutdown(); }

Status RemotingServer::Start() {
  if (started_) return Status::InvalidArgument("server already started");
  if (options_.tls_mode != TlsMode::kDisabled) {
    auto tls = TlsContext::CreateServer(options_.tls);
    if (!tls.ok()) return tls.status();
    tls_ = std::move(tls).value();
  }
  Result<ListenSocket> sock = OpenListenSocket(options_.listen_host, options_.listen_port, 1024);
  if (!sock.ok()) return sock.status();
  // Created before the loop thread runs, so no other thread touches the base yet.
  listener_.reset(evconnlistener_new(core_->loop().base(), &RemotingServer::OnAccept, this,
                                     LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC, 0, sock->fd));
  if (!listener_) {
    ::close(sock->fd);
    return Status::IOError("cannot watch the listening socket of port " +
                           std::to_string(sock->port));
  }
  evconnlistener_set_error_cb(listener_.get(), &RemotingServer::OnAcceptError);
  resume_accept_timer_.reset(
      evtimer_new(core_->loop().base(), &RemotingServer::OnResumeAccept, this));
  port_ = sock->port;
  started_ = true;
  core_->Start();
  RMQ_LOG(kInfo) << "remoting server listening on "
                 << (options_.listen_host.empty() ? "*" : options_.listen_host) << ":" << port_
                 << " (TLS " << TlsModeName(options_.tls_mode) << ")";
  return Status::OK();
}

void RemotingServer::Shutdown() {
  if (listener_) {
    // Stop accepting first, on the loop thread that owns the listener.
    std::promise<void> freed;
    auto freed_future = freed.get_future();
    if (core_->RunInLoop([this, &freed] {
          resume_accept_timer_.reset();
          listener_.reset();
          freed.set_value();
        })) {
      freed_future.wait();
    }
  }
  core_->Shutdown();
  resume_accept_timer_.reset();
  listener_.reset();  // loop stopped: safe from here
}

void RemotingServer::RegisterProcessor(int32_t code, std::shared_ptr<RequestProcessor> processor,
                                       std::shared_ptr<ThreadPool> executor) {
  core_->RegisterProcessor(code, std::move(processor), std::move(executor));
}

void RemotingServer::RegisterDefaultProcessor(std::shared_ptr<RequestProcessor> processor,
                                              std::shared_ptr<ThreadPool> executor) {
  core_->RegisterDefaultProcessor(std::move(processor), std::move(executor));
}

void RemotingServer::RegisterRpcHook(std::shared_ptr<RpcHook> hook) {
  core_->AddRpcHook(std::move(hook));
}

void RemotingServer::SetRequestValidator(std::shared_ptr<const RequestValidator> validator) {
  core_->SetRequestValidator(std::move(validator));
}

void RemotingServer::SetChannelEventListener(std::shared_ptr<ChannelEventListener> listener) {
  core_->SetChannelEventListener(std::move(listener));
}

void RemotingServer::OnAccept(evconnlistener*, evutil_socket_t fd, sockaddr* addr, int, void* arg) {
  auto* server = static_cast<RemotingServer*>(arg);
  if (server->core_->shutting_down()) {
    evutil_closesocket(fd);
    return;
  }
  std::shared_ptr<Connection> conn = server->core_->NewConnection(PeerAddress(addr));
  conn->StartAccepted(fd, server->options_.tls_mode, server->tls_);
}

void RemotingServer::OnAcceptError(evconnlistener* listener, void* arg) {
  auto* server = static_cast<RemotingServer*>(arg);
  const int err = EVUTIL_SOCKET_ERROR();
  // The pending connection stays in the backlog, so the listener would fire again at once:
  // without a pause, EMFILE turns into a busy loop writing this line without end.
  RMQ_LOG(kWarn) << "accept on port " << server->port_
                 << " failed: " << evutil_socket_error_to_string(err)
                 << "; not accepting connections for 1 s";
  evconnlistener_disable(listener);
  timeval one_second{1, 0};
  if (server->resume_accept_timer_) evtimer_add(server->resume_accept_timer_.get(), &one_second);
}

void RemotingServer::OnResumeAccept(evutil_socket_t, short, void* arg) {
  auto* server = static_cast<RemotingServer*>(arg);
  if (server->listener_ && !server->core_->shutting_down()) {
    evconnlistener_enable(server->listener_.get());
  }
}

}  // namespace rocketmq::remoting
