#include "mockbroker/ha/ha_socket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/listen_socket.h"
#include "common/socket_address.h"
#include "common/time_util.h"

namespace rocketmq::ha {

namespace {

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// Waits for `events` on `fd` up to `timeout_ms`; >0 ready, 0 timeout, <0 error.
int PollOne(int fd, short events, int64_t timeout_ms) {
  pollfd p{};
  p.fd = fd;
  p.events = events;
  while (true) {
    int rc = ::poll(&p, 1, static_cast<int>(timeout_ms < 0 ? 0 : timeout_ms));
    if (rc < 0 && errno == EINTR) continue;
    return rc;
  }
}

// "ip:port" of an accepted slave, IPv4-mapped peers as plain IPv4, IPv6 ones bracketed.
std::string PeerName(const sockaddr_storage& ss) {
  Result<SocketAddress> peer = SocketAddress::FromSockaddr(reinterpret_cast<const sockaddr*>(&ss));
  return peer.ok() ? peer->ToString() : std::string("unknown:0");
}

}  // namespace

HaSocket::HaSocket(int fd, std::string peer) : fd_(fd), peer_(std::move(peer)) {}

HaSocket::~HaSocket() { Reset(); }

HaSocket::HaSocket(HaSocket&& o) noexcept : fd_(o.fd_), peer_(std::move(o.peer_)) { o.fd_ = -1; }

HaSocket& HaSocket::operator=(HaSocket&& o) noexcept {
  if (this != &o) {
    Reset();
    fd_ = o.fd_;
    peer_ = std::move(o.peer_);
    o.fd_ = -1;
  }
  return *this;
}

void HaSocket::Reset() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void HaSocket::ShutdownBoth() {
  if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
}

Result<HaSocket> HaSocket::Connect(const std::string& addr, int64_t timeout_ms) {
  Result<SocketAddress> sa = SocketAddress::Parse(addr);
  if (!sa.ok()) return sa.status();
  sockaddr_storage ss{};
  socklen_t len = 0;
  if (sa->is_ipv6()) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&ss);
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(static_cast<uint16_t>(sa->port()));
    std::memcpy(&in6->sin6_addr, sa->ip().data(), 16);
    len = sizeof(sockaddr_in6);
  } else {
    auto* in = reinterpret_cast<sockaddr_in*>(&ss);
    in->sin_family = AF_INET;
    in->sin_port = htons(static_cast<uint16_t>(sa->port()));
    std::memcpy(&in->sin_addr, sa->ip().data(), 4);
    len = sizeof(sockaddr_in);
  }
  int fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return Status::IOError(Errno("socket"));
  HaSocket sock(fd, addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0) {
    if (errno != EINPROGRESS) return Status::IOError(Errno(("connect " + addr).c_str()));
    int rc = PollOne(fd, POLLOUT, timeout_ms);
    if (rc == 0) return Status::Timeout("connect " + addr + " timed out");
    int err = 0;
    socklen_t elen = sizeof(err);
    if (rc < 0 || ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) != 0 || err != 0) {
      errno = err != 0 ? err : errno;
      return Status::IOError(Errno(("connect " + addr).c_str()));
    }
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return sock;
}

Result<size_t> HaSocket::ReadSome(char* buf, size_t len, int64_t timeout_ms) {
  if (fd_ < 0) return Status::IOError("socket closed");
  int rc = PollOne(fd_, POLLIN, timeout_ms);
  if (rc < 0) return Status::IOError(Errno("poll"));
  if (rc == 0) return static_cast<size_t>(0);
  while (true) {
    ssize_t n = ::recv(fd_, buf, len, MSG_DONTWAIT);
    if (n > 0) return static_cast<size_t>(n);
    if (n == 0) return Status::IOError("connection closed by " + peer_);
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return static_cast<size_t>(0);
    return Status::IOError(Errno(("read from " + peer_).c_str()));
  }
}

Status HaSocket::WriteAll(std::string_view data, int64_t timeout_ms) {
  if (fd_ < 0) return Status::IOError("socket closed");
  const int64_t deadline = SteadyMillis() + timeout_ms;
  while (!data.empty()) {
    ssize_t n = ::send(fd_, data.data(), data.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n > 0) {
      data.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      return Status::IOError(Errno(("write to " + peer_).c_str()));
    }
    const int64_t left = deadline - SteadyMillis();
    if (left <= 0) return Status::Timeout("write to " + peer_ + " timed out");
    if (PollOne(fd_, POLLOUT, left) < 0) return Status::IOError(Errno("poll"));
  }
  return Status::OK();
}

Status HaListener::Listen(int port) {
  Close();
  Result<ListenSocket> sock = OpenListenSocket("", port, 64);
  if (!sock.ok()) return Status::IOError("HA port: " + sock.status().message());
  fd_ = sock->fd;
  port_ = sock->port;
  return Status::OK();
}

Result<HaSocket> HaListener::Accept(int64_t timeout_ms) {
  if (fd_ < 0) return Status::IOError("HA listener closed");
  int rc = PollOne(fd_, POLLIN, timeout_ms);
  if (rc < 0) return Status::IOError(Errno("poll"));
  if (rc == 0) return HaSocket();
  sockaddr_storage ss{};
  socklen_t len = sizeof(ss);
  int fd = ::accept4(fd_, reinterpret_cast<sockaddr*>(&ss), &len, SOCK_CLOEXEC | SOCK_NONBLOCK);
  if (fd < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR || errno == ECONNABORTED) {
      return HaSocket();
    }
    return Status::IOError(Errno("accept"));
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return HaSocket(fd, PeerName(ss));
}

void HaListener::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace rocketmq::ha
