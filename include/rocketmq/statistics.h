// Client statistics: a JSON document every interval through a user callback, as librdkafka's
// `statistics.interval.ms` + `stats_cb`. Set on a producer, a push consumer or a lite pull
// consumer before start(); see docs/statistics.md for every field.
//
// What the document holds:
//   - per broker address the client talks to (counted across the client instance, that is all
//     producers and consumers sharing the client id): requests in flight, requests, RTT p50/p99
//     over the last interval, timeouts, other failed calls, retries, connect failures;
//   - per queue of a producer: messages sent, acknowledged by the broker, failed;
//   - per queue of a consumer: messages pulled and consumed, the consumed (committed) offset, the
//     broker's max offset from the latest pull response, the lag between them and the messages
//     held in the process queue.
// Counters are totals since start(); RTT percentiles cover the interval since the previous
// document.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace rocketmq {

struct StatisticsOptions {
  // Milliseconds between two documents; 0 (the default) turns statistics off, and then the
  // send and pull paths do not count anything.
  int64_t interval_ms = 0;
  // Receives each document (one JSON object, UTF-8, no trailing newline). Runs on a thread of
  // its own (one per producer or consumer), never on a thread that sends, pulls or consumes, so
  // it may block briefly; a slow callback delays the next document, not the client. It must not
  // call shutdown() of the object that reports. Required when interval_ms > 0.
  std::function<void(const std::string& json)> callback;
};

}  // namespace rocketmq
