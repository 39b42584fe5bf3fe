// The library's version, and the RocketMQ protocol version it speaks.
#pragma once

namespace rocketmq {

// "0.1.0": this library's release.
const char* Version();

// The MQVersion ordinal sent in every remoting frame (409 = V4_9_8).
int ProtocolVersion();

}  // namespace rocketmq
