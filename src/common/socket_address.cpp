#include "common/socket_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdio>
#include <cstring>

namespace rocketmq {

Result<SocketAddress> SocketAddress::FromBytes(std::string_view ip, int32_t port) {
  if (ip.size() != 4 && ip.size() != 16) {
    return Status::InvalidArgument("address must be 4 or 16 bytes, got " +
                                   std::to_string(ip.size()));
  }
  SocketAddress addr;
  std::memcpy(addr.ip_.data(), ip.data(), ip.size());
  addr.ip_len_ = static_cast<uint8_t>(ip.size());
  addr.port_ = port;
  return addr;
}

Result<SocketAddress> SocketAddress::FromSockaddr(const ::sockaddr* addr) {
  if (addr != nullptr && addr->sa_family == AF_INET) {
    const auto* in4 = reinterpret_cast<const sockaddr_in*>(addr);
    return FromBytes(std::string_view(reinterpret_cast<const char*>(&in4->sin_addr), 4),
                     ntohs(in4->sin_port));
  }
  if (addr != nullptr && addr->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
    const char* bytes = reinterpret_cast<const char*>(&in6->sin6_addr);
    if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr)) {
      return FromBytes(std::string_view(bytes + 12, 4), ntohs(in6->sin6_port));
    }
    return FromBytes(std::string_view(bytes, 16), ntohs(in6->sin6_port));
  }
  return Status::InvalidArgument("not an IPv4 or IPv6 socket address");
}

Result<SocketAddress> SocketAddress::Parse(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
    return Status::InvalidArgument("not an ip:port address: " + std::string(text));
  }
  std::string host(text.substr(0, colon));
  std::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  int32_t port = 0;
  if (port_text.size() > 5) return Status::InvalidArgument("bad port in " + std::string(text));
  for (char c : port_text) {
    if (c < '0' || c > '9') return Status::InvalidArgument("bad port in " + std::string(text));
    port = port * 10 + (c - '0');
  }
  if (port > 65535) return Status::InvalidArgument("port out of range in " + std::string(text));

  unsigned char buf[16];
  if (inet_pton(AF_INET, host.c_str(), buf) == 1) {
    return FromBytes(std::string_view(reinterpret_cast<char*>(buf), 4), port);
  }
  if (inet_pton(AF_INET6, host.c_str(), buf) == 1) {
    return FromBytes(std::string_view(reinterpret_cast<char*>(buf), 16), port);
  }
  return Status::InvalidArgument("bad ip address in " + std::string(text));
}

std::string SocketAddress::IpToString() const {
  char buf[INET6_ADDRSTRLEN];
  int family = is_ipv6() ? AF_INET6 : AF_INET;
  if (inet_ntop(family, ip_.data(), buf, sizeof(buf)) == nullptr) return std::string();
  return buf;
}

std::string SocketAddress::ToString() const {
  if (is_ipv6()) return "[" + IpToString() + "]:" + std::to_string(port_);
  return IpToString() + ":" + std::to_string(port_);
}

std::string SocketAddress::ToJavaString() const {
  if (!is_ipv6()) return ToString();
  std::string out;
  char group[8];
  for (int i = 0; i < 16; i += 2) {
    std::snprintf(group, sizeof(group), "%x", (ip_[i] << 8) | ip_[i + 1]);
    out += group;
    out += ':';
  }
  return out + std::to_string(port_);
}

}  // namespace rocketmq
