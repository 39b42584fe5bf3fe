// Flags and helpers shared by the example producers: -n namesrv, -t topic, -c count, -s body
// size, -g group. Each example prints one line per failure and a last line "sent=N failed=F",
// and exits 0 when every message was sent.
#pragma once

#include <cstdio>
#include <string>

#include <gflags/gflags.h>

#include "rocketmq/rocketmq.h"

DEFINE_string(n, "127.0.0.1:9876", "NameServer address(es), host:port;host:port");
DEFINE_string(t, "TopicTest", "topic");
DEFINE_int32(c, 10, "number of messages to send");
DEFINE_int32(s, 32, "body size in bytes");
DEFINE_string(g, "example_producer_group", "producer group");

namespace example {

inline std::string Body(int index) {
  std::string body = "message " + std::to_string(index) + " ";
  body.resize(static_cast<size_t>(FLAGS_s > 0 ? FLAGS_s : 1), 'x');
  return body;
}

inline void StartProducer(rocketmq::DefaultMQProducer& producer) {
  producer.setNamesrvAddr(FLAGS_n);
  producer.start();
}

inline int Finish(int sent, int failed) {
  std::printf("sent=%d failed=%d\n", sent, failed);
  return failed == 0 && sent == FLAGS_c ? 0 : 1;
}

}  // namespace example
