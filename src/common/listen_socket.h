// OpenListenSocket: a bound, listening, non-blocking TCP socket for the servers (remoting and HA).
//
// An empty host (or "::") binds every address of both families as Java's servers do (a Netty
// or NIO bind to a port alone): one IPv6 socket with IPV6_V6ONLY off, so IPv4 peers arrive as
// IPv4-mapped addresses (SocketAddress::FromSockaddr turns them back into IPv4). On a host
// without IPv6 it falls back to 0.0.0.0. Any other host is a numeric address or a name bound
// as given ("127.0.0.1", "::1", "0.0.0.0").
#pragma once

#include <string>

#include "common/status.h"

namespace rocketmq {

struct ListenSocket {
  int fd = -1;
  int port = 0;  // the bound port (the chosen one when asked for 0)
};

// `backlog` is passed to listen(). The caller owns (closes) the descriptor.
Result<ListenSocket> OpenListenSocket(const std::string& host, int port, int backlog);

}  // namespace rocketmq
