#include "remoting/connection.h"

#include <event2/buffer.h>
#include <event2/bufferevent_ssl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <sys/socket.h>
#include <sys/uio.h>
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
  plain_ = ssl == nullptr;
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
  last_active_ms_.store(NowMs(), std::memory_order_relaxed);
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
  plain_ = !wants_tls;
  Attach(bev);
  connected_ = true;
  EnableDirectWrites();
  core_->OnConnected(self);
}

void Connection::Attach(bufferevent* bev) {
  bev_.reset(bev);
  bufferevent_setcb(bev, &Connection::OnRead, &Connection::OnWrite, &Connection::OnEvent, this);
  bufferevent_enable(bev, EV_READ | EV_WRITE);
}

void Connection::Write(std::string frame, std::vector<BodyRef> refs,
                       std::optional<int32_t> pending_opaque, bool batched) {
  const bool in_loop = core_->loop().IsInLoopThread();
  if (in_loop && corking_ && !closed_.load(std::memory_order_acquire)) {
    cork_.push_back(OutFrame{std::move(frame), std::move(refs)});
    return;
  }
  std::unique_lock<std::mutex> lock(out_mu_);
  if (closed_.load(std::memory_order_acquire)) {
    lock.unlock();
    if (pending_opaque) {
      core_->FailPending(*pending_opaque,
                         Status::NotConnected("connection to " + remote_addr_ + " is closed"));
    }
    return;
  }
  if (direct_ok_) {
    // Queued frames go first: one thread's frames stay in order.
    out_queue_.push_back(OutFrame{std::move(frame), std::move(refs)});
    if (sending_) return;  // the sending thread writes it next, with whatever else queued
    if (batched && !in_loop) {
      if (flush_posted_) return;
      flush_posted_ = true;
      lock.unlock();
      if (!core_->loop().RunInLoop([self = shared_from_this()] { self->FlushQueue(); }) &&
          pending_opaque) {
        core_->FailPending(*pending_opaque, Status::ShutdownInProgress("remoting is shut down"));
      }
      return;
    }
    sending_ = true;
    std::vector<OutFrame> batch;
    batch.swap(out_queue_);
    SendDirect(lock, std::move(batch));
    return;
  }
  out_queue_.push_back(OutFrame{std::move(frame), std::move(refs)});
  // The bufferevent owns the output (connecting, TLS, or a backlog is draining).
  if (in_loop && bev_ != nullptr) {
    MoveQueueToBufferLocked();
    return;
  }
  if (flush_posted_) return;
  flush_posted_ = true;
  lock.unlock();
  if (!core_->loop().RunInLoop([self = shared_from_this()] { self->FlushQueue(); }) &&
      pending_opaque) {
    core_->FailPending(*pending_opaque, Status::ShutdownInProgress("remoting is shut down"));
  }
}

void Connection::SendDirect(std::unique_lock<std::mutex>& lock, std::vector<OutFrame> batch) {
  constexpr size_t kMaxIov = 256;
  // Cursor: the first byte not yet written is byte `off` of part `part` of frame `first`.
  size_t first = 0;
  size_t part = 0;
  size_t off = 0;
  bool hand_over = false;  // the rest goes to the bufferevent
  for (;;) {
    const evutil_socket_t fd = fd_;
    lock.unlock();
    iovec iov[kMaxIov];
    size_t count = 0;
    for (size_t i = first; i < batch.size() && count < kMaxIov; ++i) {
      for (size_t k = i == first ? part : 0; k < batch[i].parts() && count < kMaxIov; ++k) {
        std::string_view v = batch[i].part(k);
        const size_t skip = i == first && k == part ? off : 0;
        iov[count].iov_base = const_cast<char*>(v.data() + skip);
        iov[count].iov_len = v.size() - skip;
        ++count;
      }
    }
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = count;
    ssize_t n;
    do {
      n = sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    if (n > 0) last_active_ms_.store(NowMs(), std::memory_order_relaxed);
    size_t left = n > 0 ? static_cast<size_t>(n) : 0;
    while (left > 0) {
      const size_t rest = batch[first].part(part).size() - off;
      if (left < rest) {
        off += left;
        break;
      }
      left -= rest;
      off = 0;
      if (++part == batch[first].parts()) {
        part = 0;
        ++first;
      }
    }
    lock.lock();
    if (first < batch.size() && n > 0 && direct_ok_) continue;  // more than kMaxIov parts
    if (first == batch.size()) {
      if (out_queue_.empty() || !direct_ok_) break;
      batch.clear();
      batch.swap(out_queue_);
      first = part = off = 0;
      continue;
    }
    // Socket buffer full (or a socket error, which the bufferevent then reports), or closing:
    // the unwritten rest, then the queue, go to the bufferevent in order.
    std::vector<OutFrame> rest;
    rest.reserve(batch.size() - first + out_queue_.size());
    OutFrame partial;
    if (part == 0) partial.head = batch[first].head.substr(off);
    for (size_t k = std::max<size_t>(part, 1); k < batch[first].parts(); ++k) {
      BodyRef ref = std::move(batch[first].refs[k - 1]);
      if (k == part) {
        ref.data += off;
        ref.size -= off;
      }
      partial.refs.push_back(std::move(ref));
    }
    rest.push_back(std::move(partial));
    for (size_t i = first + 1; i < batch.size(); ++i) rest.push_back(std::move(batch[i]));
    for (OutFrame& f : out_queue_) rest.push_back(std::move(f));
    out_queue_.swap(rest);
    if (direct_ok_) {
      direct_ok_ = false;
      hand_over = !flush_posted_;
      flush_posted_ = true;
    }
    break;
  }
  sending_ = false;
  lock.unlock();
  out_cv_.notify_all();
  if (hand_over) core_->loop().RunInLoop([self = shared_from_this()] { self->FlushQueue(); });
}

namespace {

void ReleaseBodyRef(const void*, size_t, void* owner) {
  delete static_cast<std::shared_ptr<const void>*>(owner);
}

}  // namespace

void Connection::MoveQueueToBufferLocked() {
  evbuffer* output = bufferevent_get_output(bev_.get());
  bool ok = true;
  for (OutFrame& f : out_queue_) {
    if (ok && !f.head.empty()) ok = evbuffer_add(output, f.head.data(), f.head.size()) == 0;
    for (BodyRef& ref : f.refs) {
      if (!ok) break;
      auto* owner = new std::shared_ptr<const void>(std::move(ref.owner));
      ok = evbuffer_add_reference(output, ref.data, ref.size, &ReleaseBodyRef, owner) == 0;
      if (!ok) delete owner;
    }
  }
  out_queue_.clear();
  if (!ok) RMQ_LOG(kWarn) << "write to " << remote_addr_ << " failed: out of memory";
  const size_t limit = core_->options().max_output_bytes;
  const size_t unsent = evbuffer_get_length(output);
  if (limit != 0 && unsent > limit && !overflow_posted_) {
    // out_mu_ is held here: close from the loop's queue, after this write returns.
    overflow_posted_ = true;
    core_->loop().RunInLoop([self = shared_from_this(), unsent, limit] {
      RMQ_LOG(kWarn) << "closing " << self->remote_addr_ << ": " << unsent
                     << " bytes of output unread by the peer exceed the limit of " << limit;
      self->CloseNow(Status::IOError("peer does not read its responses"), CloseCause::kError);
    });
  }
}

void Connection::FlushQueue() {
  std::unique_lock<std::mutex> lock(out_mu_);
  flush_posted_ = false;
  if (closed_.load(std::memory_order_acquire) || bev_ == nullptr) {
    out_queue_.clear();
    return;
  }
  if (direct_ok_) {
    if (sending_ || out_queue_.empty()) return;  // the sending thread takes the queue
    sending_ = true;
    std::vector<OutFrame> batch;
    batch.swap(out_queue_);
    SendDirect(lock, std::move(batch));
    return;
  }
  MoveQueueToBufferLocked();
}

void Connection::FlushCork() {
  if (cork_.empty()) return;
  std::vector<OutFrame> frames;
  frames.swap(cork_);
  std::unique_lock<std::mutex> lock(out_mu_);
  if (closed_.load(std::memory_order_acquire) || bev_ == nullptr) return;
  for (OutFrame& f : frames) out_queue_.push_back(std::move(f));
  if (!direct_ok_) {
    MoveQueueToBufferLocked();
    return;
  }
  if (sending_) return;  // the sending thread takes them
  sending_ = true;
  std::vector<OutFrame> batch;
  batch.swap(out_queue_);
  SendDirect(lock, std::move(batch));
}

void Connection::EnableDirectWrites() {
  if (!plain_ || bev_ == nullptr) return;
  std::lock_guard<std::mutex> lock(out_mu_);
  if (closed_.load(std::memory_order_acquire) || direct_ok_ || !out_queue_.empty()) return;
  if (evbuffer_get_length(bufferevent_get_output(bev_.get())) != 0) return;  // HandleWritten
  fd_ = bufferevent_getfd(bev_.get());
  direct_ok_ = fd_ >= 0;
}

void Connection::HandleWritten() {
  last_active_ms_.store(NowMs(), std::memory_order_relaxed);
  if (bev_ == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(out_mu_);
    if (direct_ok_ || closed_.load(std::memory_order_acquire)) return;
    if (!out_queue_.empty()) {
      MoveQueueToBufferLocked();
      return;
    }
  }
  if (connected_) EnableDirectWrites();
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
  {
    // A thread may be in sendmsg() on the socket: let it finish before the descriptor is closed
    // (and its number reused).
    std::unique_lock<std::mutex> lock(out_mu_);
    direct_ok_ = false;
    out_cv_.wait(lock, [this] { return !sending_; });
    out_queue_.clear();
    fd_ = -1;
  }
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
  static_cast<Connection*>(arg)->HandleWritten();
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
  last_active_ms_.store(NowMs(), std::memory_order_relaxed);
  evbuffer* input = bufferevent_get_input(bev_.get());
  const size_t length = evbuffer_get_length(input);
  const int chunks = evbuffer_peek(input, -1, nullptr, nullptr, 0);
  std::vector<evbuffer_iovec> iov(static_cast<size_t>(chunks > 0 ? chunks : 0));
  if (chunks > 0) evbuffer_peek(input, -1, nullptr, iov.data(), chunks);
  for (const evbuffer_iovec& v : iov) {
    decoder_.Feed(std::string_view(static_cast<const char*>(v.iov_base), v.iov_len));
  }
  evbuffer_drain(input, length);

  // Answers the loop writes while dispatching go out together, after the last frame.
  struct Cork {
    Connection* conn;
    explicit Cork(Connection* c) : conn(c) { conn->corking_ = true; }
    ~Cork() {
      conn->corking_ = false;
      conn->FlushCork();
    }
  } cork(this);
  std::string_view frame;
  while (!closed_.load() && decoder_.NextView(&frame)) {
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
    last_active_ms_.store(NowMs(), std::memory_order_relaxed);
    EnableDirectWrites();
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
