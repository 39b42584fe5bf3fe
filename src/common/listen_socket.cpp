#include "common/listen_socket.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace rocketmq {
namespace {

std::string Describe(const std::string& host, int port) {
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + std::to_string(port);
  return (host.empty() ? std::string("*") : host) + ":" + std::to_string(port);
}

// socket + SO_REUSEADDR (+ dual stack for the IPv6 wildcard) + bind + listen; errno kept on
// failure.
int BindAndListen(const sockaddr* addr, socklen_t len, bool dual_stack, int backlog) {
  const int fd = ::socket(addr->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int one = 1;
  int zero = 0;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (addr->sa_family == AF_INET6) {
    ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, dual_stack ? &zero : &one, sizeof(int));
  }
  if (::bind(fd, addr, len) != 0 || ::listen(fd, backlog) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

int BoundPort(int fd) {
  sockaddr_storage bound{};
  socklen_t len = sizeof(bound);
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len) != 0) return 0;
  return bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                     : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
}

}  // namespace

Result<ListenSocket> OpenListenSocket(const std::string& host, int port, int backlog) {
  if (port < 0 || port > 65535) {
    return Status::InvalidArgument("listen port out of range: " + std::to_string(port));
  }
  int fd = -1;
  if (host.empty() || host == "::") {
    sockaddr_in6 any6{};
    any6.sin6_family = AF_INET6;
    any6.sin6_addr = in6addr_any;
    any6.sin6_port = htons(static_cast<uint16_t>(port));
    fd = BindAndListen(reinterpret_cast<sockaddr*>(&any6), sizeof(any6), host.empty(), backlog);
    if (fd < 0 && host.empty() && (errno == EAFNOSUPPORT || errno == EADDRNOTAVAIL)) {
      sockaddr_in any4{};
      any4.sin_family = AF_INET;
      any4.sin_addr.s_addr = htonl(INADDR_ANY);
      any4.sin_port = htons(static_cast<uint16_t>(port));
      fd = BindAndListen(reinterpret_cast<sockaddr*>(&any4), sizeof(any4), false, backlog);
    }
  } else {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    std::string bare = host;
    if (bare.size() > 2 && bare.front() == '[' && bare.back() == ']') {
      bare = bare.substr(1, bare.size() - 2);
    }
    addrinfo* raw = nullptr;
    const std::string port_text = std::to_string(port);
    const int rc = getaddrinfo(bare.c_str(), port_text.c_str(), &hints, &raw);
    if (rc != 0 || raw == nullptr) {
      return Status::InvalidArgument("cannot resolve listen address " + host + ": " +
                                     gai_strerror(rc));
    }
    std::unique_ptr<addrinfo, void (*)(addrinfo*)> ai(raw, freeaddrinfo);
    fd = BindAndListen(ai->ai_addr, ai->ai_addrlen, false, backlog);
  }
  if (fd < 0) {
    return Status::IOError("cannot listen on " + Describe(host, port) + ": " +
                           std::strerror(errno));
  }
  return ListenSocket{fd, BoundPort(fd)};
}

}  // namespace rocketmq
