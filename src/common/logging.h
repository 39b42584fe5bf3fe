// Logging inside the library. The public half (levels, the application's callback, the default
// stderr sink at WARN) is include/rocketmq/logging.h; this header adds the RMQ_LOG macro the code
// logs with and a sink taking whole formatted lines, for the servers. The library never writes
// files unless told to; mqbroker installs a sink that also writes <storePathRootDir>/logs/.
//
// Thread-safety: every function here may be called from any thread.
#pragma once

#include <functional>
#include <sstream>
#include <string>

#include "rocketmq/logging.h"

namespace rocketmq {

// Receives one record already formatted by FormatLogRecord() (no trailing newline).
using LogSink = std::function<void(LogLevel level, const std::string& record)>;

// SetLogCallback() with a callback that formats each record first; nullptr restores stderr.
void SetLogSink(LogSink sink);

namespace logging_internal {
bool Enabled(LogLevel level);
void Emit(LogLevel level, const char* file, int line, const std::string& message);
}  // namespace logging_internal

}  // namespace rocketmq

// Usage: RMQ_LOG(kWarn) << "connect to " << addr << " failed: " << status.ToString();
#define RMQ_LOG(level)                                                      \
  for (bool _rmq_on = ::rocketmq::logging_internal::Enabled(                \
           ::rocketmq::LogLevel::level);                                    \
       _rmq_on; _rmq_on = false)                                            \
  ::rocketmq::logging_internal::LogLine(::rocketmq::LogLevel::level, __FILE__, __LINE__).stream()

namespace rocketmq::logging_internal {
class LogLine {
 public:
  LogLine(LogLevel level, const char* file, int line) : level_(level), file_(file), line_(line) {}
  ~LogLine() { Emit(level_, file_, line_, stream_.str()); }
  std::ostringstream& stream() { return stream_; }

 private:
  LogLevel level_;
  const char* file_;
  int line_;
  std::ostringstream stream_;
};
}  // namespace rocketmq::logging_internal
