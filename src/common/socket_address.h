// SocketAddress: an IPv4 or IPv6 address plus a port, in the raw form RocketMQ puts in stored
// messages and message ids (4 or 16 address bytes, big-endian 4-byte port).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

struct sockaddr;  // <sys/socket.h>

namespace rocketmq {

class SocketAddress {
 public:
  // 0.0.0.0:0.
  SocketAddress() = default;

  // From raw network-order address bytes: 4 (IPv4) or 16 (IPv6). InvalidArgument for any other
  // length.
  static Result<SocketAddress> FromBytes(std::string_view ip, int32_t port);

  // From a socket API address (AF_INET or AF_INET6). An IPv4-mapped IPv6 address
  // (::ffff:a.b.c.d, what a dual-stack socket reports for IPv4 peers) becomes the IPv4 address,
  // as Java's InetAddress does. InvalidArgument for other families.
  static Result<SocketAddress> FromSockaddr(const ::sockaddr* addr);

  // Parses "a.b.c.d:port", "[v6]:port" or "v6:port" (split at the last ':', like Java's
  // RemotingHelper.string2SocketAddress). Numeric addresses only, no name lookup; the port must
  // be 0..65535. InvalidArgument on anything else.
  static Result<SocketAddress> Parse(std::string_view text);

  bool is_ipv6() const { return ip_len_ == 16; }
  // The raw address bytes (4 or 16).
  std::string_view ip() const {
    return std::string_view(reinterpret_cast<const char*>(ip_.data()), ip_len_);
  }
  // Kept as the 4-byte int of the wire, so that any stored value re-encodes unchanged.
  int32_t port() const { return port_; }
  void set_port(int32_t port) { port_ = port; }

  // Address only: "127.0.0.1" or the compressed IPv6 text form "fd00::2".
  std::string IpToString() const;
  // "127.0.0.1:20911" for IPv4, "[fd00::2]:20911" for IPv6.
  std::string ToString() const;
  // As Java prints an InetSocketAddress of a stored message (its toString() minus the leading
  // '/', what mqadmin shows): "127.0.0.1:20911"; IPv6 uncompressed, unbracketed, in lower-case
  // hex without leading zeros: "fd00:0:0:0:0:0:0:2:20911".
  std::string ToJavaString() const;

  bool operator==(const SocketAddress& o) const {
    return ip_len_ == o.ip_len_ && port_ == o.port_ && ip() == o.ip();
  }
  bool operator!=(const SocketAddress& o) const { return !(*this == o); }

 private:
  std::array<uint8_t, 16> ip_{};
  uint8_t ip_len_ = 4;
  int32_t port_ = 0;
};

}  // namespace rocketmq
