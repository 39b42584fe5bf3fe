// The classic HA wire format (protocol.md §7.2), shared by the master's connections and the
// slave's client. Plain TCP, big-endian, no RemotingCommand framing:
//  * slave -> master: 8-byte max CommitLog offset of the slave (report / ack / heartbeat);
//  * master -> slave: frames of masterPhyOffset (8) + bodySize (4) + bodySize raw CommitLog
//    bytes; bodySize 0 is a heartbeat.
#pragma once

#include <cstdint>

namespace rocketmq::ha {

inline constexpr int kReportSize = 8;
inline constexpr int kTransferHeaderSize = 8 + 4;
// The slave's receive buffer (Java HAClient READ_MAX_BUFFER_SIZE); a frame never exceeds it.
inline constexpr int kSlaveReadBufferSize = 4 * 1024 * 1024;
// How long the master's writer waits for new CommitLog data before looking again (Java
// allWaitForRunning(100)).
inline constexpr int64_t kTransferWaitMs = 100;
// Delay between the slave's connection attempts (Java waitForRunning(1000 * 5)).
inline constexpr int64_t kReconnectIntervalMs = 5000;

}  // namespace rocketmq::ha
