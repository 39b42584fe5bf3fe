#include "remoting/connection.h"

#include <event2/buffer.h>
#include <event2/bufferevent_ssl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "common/logging.h"
#include "remoting/remoting_core.h"

namespace rocketmq::remoting {
namespace {

constexpr uint8_t kTlsHandshakeRecord = 0x16;

void SetNoDelay(evutil_socket_t fd) {
  if (fd < 0) return;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

timeval MsToTimeval(int64_t ms) {
  return timeval{static_cast<time_t>(ms / 1000), static_cast<suseconds_t>((ms % 1000) * 1000)};
}

}  // namespace

Connection::Connection(std::shared_ptr<RemotingCore> core, uint64_t id, std::string remote_addr)
    : core_(std::move(core)),
      id_(id),
      remote_addr_(std::move(remote_addr)),
      last_active_ms_(NowMs()),
      decoder_(core_->options().max_frame_length) {}

Connection::~Connection() {
  // Normally everything was released by CloseNow() on the loop thread; this covers connections
  // whose loop stopped first (the loop thread is joined by then, so nothing races).
  first_byte_ev_.reset();
  connect_timer_.reset();
  bev_.reset();
  if (accepted_fd_ >= 0) evutil_closesocket(accepted_fd_);
}

void Connection::StartConnect(const sockaddr* addr, socklen_t addr_len, SSL* ssl,
                              int64_t connect_timeout_ms) {
  event_base* base = core_->loop().base();
  bufferevent* bev = ssl != nullptr
                         ? bufferevent_openssl_socket_new(base, -1, ssl, BUFFEREVENT_SSL_CONNECTING,
                                                          BEV_OPT_CLOSE_ON_FREE)
                         : bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
  if (bev == nullptr) {
    if (ssl != nullptr) SSL_free(ssl);
    CloseNow(Status::NotConnected("cannot create socket for " + remote_addr_), CloseCause::kError);
    return;
  }
  if (ssl != nullptr) bufferevent_openssl_set_allow_dirty_shutdown(bev, 1);
  Attach(bev);
  connect_timer_.reset(evtimer_new(base, &Connection::OnConnectTimeout, this));
  timeval tv = MsToTimeval(connect_timeout_ms);
  evtimer_add(connect_timer_.get(), &tv);
  if (bufferevent_socket_connect(bev_.get(), addr, static_cast<int>(addr_len)) != 0) {
    CloseNow(
        Status::NotConnected("connect to " + remote_addr_ + " failed: " + std::strerror(errno)),
        CloseCause::kError);
    return;
  }
  SetNoDelay(bufferevent_getfd(bev_.get()));
}

void Connection::StartAccepted(evutil_socket_t fd, TlsMode mode, std::shared_ptr<TlsContext> tls) {
  accepted_fd_ = fd;
  tls_mode_ = mode;
  tls_ = std::move(tls);
  first_byte_ev_.reset(
      event_new(core_->loop().base(), fd, EV_READ, &Connection::OnFirstByte, this));
  event_add(first_byte_ev_.get(), nullptr);
}

void Connection::OnFirstByte(evutil_socket_t, short, void* arg) {
  static_cast<Connection*>(arg)->HandleFirstByte();
}

void Connection::HandleFirstByte() {
  auto self = shared_from_this();
  first_byte_ev_.reset();
  uint8_t first = 0;
  ssize_t n = recv(accepted_fd_, &first, 1, MSG_PEEK);
  if (n <= 0) {
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      first_byte_ev_.reset(
          event_new(core_->loop().base(), accepted_fd_, EV_READ, &Connection::OnFirstByte, this));
      event_add(first_byte_ev_.get(), nullptr);
      return;
    }
    CloseNow(Status::NotConnected("connection from " + remote_addr_ + " closed before any data"),
             CloseCause::kNormal);
    return;
  }
  last_active_ms_ = NowMs();
  const bool wants_tls = first == kTlsHandshakeRecord;
  if (wants_tls && tls_mode_ == TlsMode::kDisabled) {
    RMQ_LOG(kWarn) << "closing " << remote_addr_ << ": TLS connection while TLS is disabled";
    CloseNow(Status::NotConnected("TLS is disabled"), CloseCause::kError);
    return;
  }
  if (!wants_tls && tls_mode_ == TlsMode::kEnforcing) {
    RMQ_LOG(kWarn) << "closing " << remote_addr_ << ": plain connection while TLS is enforced";
    CloseNow(Status::NotConnected("TLS is enforced"), CloseCause::kError);
    return;
  }
  event_base* base = core_->loop().base();
  bufferevent* bev = nullptr;
  if (wants_tls) {
    SSL* ssl = tls_ ? tls_->NewSsl() : nullptr;
    if (ssl == nullptr) {
      CloseNow(Status::NotConnected("no TLS context"), CloseCause::kError);
      return;
    }
    bev = bufferevent_openssl_socket_new(base, accepted_fd_, ssl, BUFFEREVENT_SSL_ACCEPTING,
                                         BEV_OPT_CLOSE_ON_FREE);
    if (bev == nullptr) SSL_free(ssl);
  } else {
    bev = bufferevent_socket_new(base, accepted_fd_, BEV_OPT_CLOSE_ON_FREE);
  }
  if (bev == nullptr) {
    CloseNow(Status::NotConnected("cannot create bufferevent"), CloseCause::kError);
    return;
  }
  SetNoDelay(accepted_fd_);
  accepted_fd_ = -1;  // the bufferevent owns it now
  if (wants_tls) bufferevent_openssl_set_allow_dirty_shutdown(bev, 1);
  Attach(bev);
  connected_ = true;
  core_->OnConnected(self);
}

void Connection::Attach(bufferevent* bev) {
  bev_.reset(bev);
  bufferevent_setcb(bev, &Connection::OnRead, &Connection::OnWrite, &Connection::OnEvent, this);
  bufferevent_enable(bev, EV_READ | EV_WRITE);
}

void Connection::Write(std::string frame, std::optional<int32_t> pending_opaque) {
  auto task = [self = shared_from_this(), frame = std::move(frame), pending_opaque]() {
    if (self->bev_ == nullptr || self->closed_.load()) {
      if (pending_opaque) {
        self->core_->FailPending(
            *pending_opaque,
            Status::NotConnected("connection to " + self->remote_addr_ + " is closed"));
      }
      return;
    }
    if (bufferevent_write(self->bev_.get(), frame.data(), frame.size()) != 0) {
      if (pending_opaque) {
        self->core_->FailPending(
            *pending_opaque, Status(kCodeSendFailed, "write to " + self->remote_addr_ + " failed"));
      }
      return;
    }
    self->last_active_ms_ = NowMs();
  };
  if (core_->loop().IsInLoopThread()) {
    task();
  } else if (!core_->loop().RunInLoop(std::move(task)) && pending_opaque) {
    core_->FailPending(*pending_opaque, Status::ShutdownInProgress("remoting is shut down"));
  }
}

void Connection::Close() {
  if (core_->loop().IsInLoopThread()) {
    CloseNow(Status::NotConnected("closed by this side"), CloseCause::kNormal);
    return;
  }
  core_->loop().RunInLoop([self = shared_from_this()] {
    self->CloseNow(Status::NotConnected("closed by this side"), CloseCause::kNormal);
  });
}

void Connection::CloseNow(const Status& reason, CloseCause cause) {
  if (closed_.exchange(true, std::memory_order_acq_rel)) return;
  auto self = shared_from_this();
  first_byte_ev_.reset();
  connect_timer_.reset();
  bev_.reset();
  if (accepted_fd_ >= 0) {
    evutil_closesocket(accepted_fd_);
    accepted_fd_ = -1;
  }
  core_->OnClosed(self, reason, cause);
}

void Connection::OnRead(bufferevent*, void* arg) { static_cast<Connection*>(arg)->HandleRead(); }

void Connection::OnWrite(bufferevent*, void* arg) {
  static_cast<Connection*>(arg)->last_active_ms_ = NowMs();
}

void Connection::OnEvent(bufferevent*, short what, void* arg) {
  static_cast<Connection*>(arg)->HandleEvent(what);
}

void Connection::OnConnectTimeout(evutil_socket_t, short, void* arg) {
  auto* conn = static_cast<Connection*>(arg);
  RMQ_LOG(kWarn) << "connect to " << conn->remote_addr_ << " timed out";
  conn->CloseNow(Status::NotConnected("connect to " + conn->remote_addr_ + " timed out"),
                 CloseCause::kError);
}

void Connection::HandleRead() {
  auto self = shared_from_this();  // a handler below may close us
  last_active_ms_ = NowMs();
  evbuffer* input = bufferevent_get_input(bev_.get());
  const size_t length = evbuffer_get_length(input);
  const int chunks = evbuffer_peek(input, -1, nullptr, nullptr, 0);
  std::vector<evbuffer_iovec> iov(static_cast<size_t>(chunks > 0 ? chunks : 0));
  if (chunks > 0) evbuffer_peek(input, -1, nullptr, iov.data(), chunks);
  for (const evbuffer_iovec& v : iov) {
    decoder_.Feed(std::string_view(static_cast<const char*>(v.iov_base), v.iov_len));
  }
  evbuffer_drain(input, length);

  std::string frame;
  while (!closed_.load() && decoder_.Next(&frame)) {
    Result<RemotingCommand> cmd = RemotingCommand::Decode(frame);
    if (!cmd.ok()) {
      std::string reason = cmd.status().ToString();
      for (char& c : reason) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      RMQ_LOG(kWarn) << "closing " << remote_addr_ << ": undecodable frame: " << reason;
      CloseNow(cmd.status(), CloseCause::kError);
      return;
    }
    core_->OnFrame(self, std::move(cmd).value());
  }
  if (!closed_.load() && !decoder_.error().ok()) {
    RMQ_LOG(kWarn) << "closing " << remote_addr_ << ": bad frame: " << decoder_.error().ToString();
    CloseNow(decoder_.error(), CloseCause::kError);
  }
}

void Connection::HandleEvent(short what) {
  if ((what & BEV_EVENT_CONNECTED) != 0) {
    connect_timer_.reset();
    connected_ = true;
    last_active_ms_ = NowMs();
    core_->OnConnected(shared_from_this());
    return;
  }
  if ((what & BEV_EVENT_EOF) != 0) {
    CloseNow(Status::NotConnected("connection to " + remote_addr_ + " closed by peer"),
             CloseCause::kNormal);
    return;
  }
  if ((what & BEV_EVENT_ERROR) != 0) {
    int err = EVUTIL_SOCKET_ERROR();
    std::string detail = err != 0 ? evutil_socket_error_to_string(err) : "TLS error";
    if (err == 0 && bev_) {
      unsigned long ssl_err = bufferevent_get_openssl_error(bev_.get());  // NOLINT(runtime/int)
      if (ssl_err != 0) {
        char buf[256];
        ERR_error_string_n(ssl_err, buf, sizeof(buf));
        detail = buf;
      }
    }
    const bool was_connected = connected_;
    if (was_connected) {
      RMQ_LOG(kInfo) << "connection " << remote_addr_ << " failed: " << detail;
    } else {
      RMQ_LOG(kWarn) << "connect to " << remote_addr_ << " failed: " << detail;
    }
    CloseNow(Status::NotConnected("connection " + remote_addr_ + " failed: " + detail),
             CloseCause::kError);
  }
}

Status Connection::SendResponse(RemotingCommand response) {
  return core_->SendResponse(shared_from_this(), std::move(response));
}

Result<RemotingCommand> Connection::InvokeSync(RemotingCommand request, int64_t timeout_ms) {
  return core_->InvokeSync(shared_from_this(), std::move(request), timeout_ms);
}

void Connection::InvokeAsync(RemotingCommand request, int64_t timeout_ms,
                             ResponseCallback callback) {
  core_->InvokeAsync(shared_from_this(), std::move(request), timeout_ms, std::move(callback));
}

Status Connection::InvokeOneway(RemotingCommand request) {
  return core_->InvokeOneway(shared_from_this(), std::move(request));
}

}  // namespace rocketmq::remoting
