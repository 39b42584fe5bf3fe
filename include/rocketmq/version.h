// The library's version, and the RocketMQ protocol version it speaks.
#pragma once

namespace rocketmq {

// This library's release, e.g. "0.1.0": the project version, which is also the version of its
// Debian packages; its first number is the shared library's SONAME version.
const char* Version();

// The MQVersion ordinal sent in every remoting frame (409 = V4_9_8).
int ProtocolVersion();

}  // namespace rocketmq
