// Flags and helpers shared by the example consumers: -n namesrv, -t topic, -g group, -c messages
// to receive, -e tag expression, -w seconds to wait. Each example exits 0 once it received -c
// messages and committed its offsets, printing a last line "received=N".
#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include <gflags/gflags.h>

#include "rocketmq/rocketmq.h"

DEFINE_string(n, "127.0.0.1:9876", "NameServer address(es), host:port;host:port");
DEFINE_string(t, "TopicTest", "topic");
DEFINE_string(g, "example_consumer_group", "consumer group");
DEFINE_int32(c, 10, "number of messages to receive before exiting");
DEFINE_string(e, "*", "tag expression, e.g. \"TagA || TagB\"");
DEFINE_int32(w, 120, "give up after this many seconds");

namespace example {

// Waits until `received` reaches -c or -w seconds passed; true when it did.
inline bool WaitForCount(const std::atomic<int>& received) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(FLAGS_w);
  while (received.load() < FLAGS_c) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

inline int Finish(int received) {
  std::printf("received=%d\n", received);
  return received >= FLAGS_c ? 0 : 1;
}

inline void Print(const rocketmq::MQMessageExt& m) {
  std::printf("%s queue=%d offset=%lld tags=%s body=%.40s\n", m.getMsgId().c_str(), m.getQueueId(),
              static_cast<long long>(m.getQueueOffset()), m.getTags().c_str(), m.getBody().c_str());
}

}  // namespace example
