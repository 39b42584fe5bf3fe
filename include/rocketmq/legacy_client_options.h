// Settings of the official C++ client (rocketmq-client-cpp 2.x) that have no effect in this
// library, kept per producer/consumer so that code written for that client compiles, runs, and
// reads back what it set. docs/migration.md says, for each one, why it cannot matter here.
#pragma once

#include <cstdint>
#include <string>

namespace rocketmq {

// Log levels of the official client's setLogLevel(). The library's logging is process-wide:
// setLogLevel on any client object sets the level of every record the library writes
// (FATAL and ERROR map to ERROR; LEVEL_NUM is not a level and is refused).
enum elogLevel {
  eLOG_LEVEL_FATAL = 1,
  eLOG_LEVEL_ERROR = 2,
  eLOG_LEVEL_WARN = 3,
  eLOG_LEVEL_INFO = 4,
  eLOG_LEVEL_DEBUG = 5,
  eLOG_LEVEL_TRACE = 6,
  eLOG_LEVEL_LEVEL_NUM = 7
};

// The stored values (defaults as the official client's). Not used by the library.
struct LegacyClientOptions {
  // HTTP "name server domain" of the official client; an empty one is accepted, a non-empty one
  // is refused by the setters (this library takes NameServer addresses only).
  std::string namesrv_domain;
  // The official client's log file settings: this library never writes log files unless an
  // application installs a sink; accepted and kept.
  std::string log_path;
  int log_file_num = 3;
  long log_file_size_mb = 100;
  // Official transport tuning: this library has one network thread per client instance, no
  // transport try-lock, and connects within the request's own deadline.
  int tcp_transport_pull_thread_num = 0;  // 0: not set
  uint64_t tcp_transport_connect_timeout_ms = 3000;
  uint64_t tcp_transport_try_lock_timeout_ms = 3000;
  // Message trace: not produced by this library (a WARN is logged when it is switched on).
  bool message_trace = false;
  // Official TLS property file (tls.client.* keys); kept, see docs/migration.md.
  std::string ssl_property_file;
  // Push consumer: the official client's pull thread pool and sync/async pull switch; this
  // library always pulls asynchronously on its network thread.
  int pull_msg_thread_pool_count = 0;  // 0: not set
  bool async_pull = true;
};

}  // namespace rocketmq
