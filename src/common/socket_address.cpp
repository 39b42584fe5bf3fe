#include "common/socket_address.h"

#include <arpa/inet.h>

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

}  // namespace rocketmq
