// Logging with an injectable sink. The library never writes files unless told to: by default
// records at WARN and above go to stderr. Servers install a sink that also writes to a file.
//
// Thread-safety: every function here may be called from any thread.
#pragma once

#include <functional>
#include <sstream>
#include <string>

namespace rocketmq {

enum class LogLevel { kTrace = 0, kDebug, kInfo, kWarn, kError, kOff };

// Receives one formatted record (no trailing newline).
using LogSink = std::function<void(LogLevel level, const std::string& record)>;

// Replaces the sink (nullptr restores the stderr sink). Returns the previous one.
LogSink SetLogSink(LogSink sink);
void SetLogLevel(LogLevel level);
LogLevel GetLogLevel();
// Parses "trace|debug|info|warn|error|off" (case-insensitive); false if unknown.
bool ParseLogLevel(const std::string& text, LogLevel* level);
const char* LogLevelName(LogLevel level);

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
