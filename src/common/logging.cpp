#include "common/logging.h"

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <sys/syscall.h>
#include <unistd.h>

namespace rocketmq {
namespace {

constexpr LogLevel kDefaultLogLevel = LogLevel::kWarn;

std::atomic<int> g_level{static_cast<int>(kDefaultLogLevel)};
// Held while a record is delivered, so callbacks run one at a time and a replaced callback is
// never running once SetLogCallback() returned.
std::mutex g_sink_mu;
LogCallback g_callback;  // guarded by g_sink_mu; empty means stderr

const char* BaseName(const char* file) {
  const char* base = file;
  for (const char* p = file; *p; ++p) {
    if (*p == '/') base = p + 1;
  }
  return base;
}

void WriteStderr(LogLevel level, const char* file, int line, std::string_view message) {
  std::string record = FormatLogRecord(level, file, line, message);
  record.push_back('\n');
  fwrite(record.data(), 1, record.size(), stderr);
}

}  // namespace

void SetLogCallback(LogCallback callback) {
  std::unique_lock<std::mutex> lock(g_sink_mu);
  g_callback.swap(callback);
  lock.unlock();
  // `callback` now holds the previous one; it is destroyed here, outside the lock.
}

void SetLogSink(LogSink sink) {
  if (!sink) {
    SetLogCallback(nullptr);
    return;
  }
  SetLogCallback([sink = std::move(sink)](LogLevel level, const char* file, int line,
                                          std::string_view message) {
    sink(level, FormatLogRecord(level, file, line, message));
  });
}

void SetLogLevel(LogLevel level) { g_level.store(static_cast<int>(level)); }
LogLevel GetLogLevel() { return static_cast<LogLevel>(g_level.load()); }

void ResetLogging() {
  SetLogCallback(nullptr);
  SetLogLevel(kDefaultLogLevel);
}

const char* LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kTrace: return "TRACE";
    case LogLevel::kDebug: return "DEBUG";
    case LogLevel::kInfo: return "INFO";
    case LogLevel::kWarn: return "WARN";
    case LogLevel::kError: return "ERROR";
    case LogLevel::kOff: return "OFF";
  }
  return "?";
}

bool ParseLogLevel(std::string_view text, LogLevel* level) {
  std::string lower;
  for (char c : text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  static const std::pair<const char*, LogLevel> kNames[] = {
      {"trace", LogLevel::kTrace}, {"debug", LogLevel::kDebug}, {"info", LogLevel::kInfo},
      {"warn", LogLevel::kWarn},   {"error", LogLevel::kError}, {"off", LogLevel::kOff}};
  for (const auto& [name, value] : kNames) {
    if (lower == name) {
      *level = value;
      return true;
    }
  }
  return false;
}

std::string FormatLogRecord(LogLevel level, const char* file, int line, std::string_view message) {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t secs = system_clock::to_time_t(now);
  int millis = static_cast<int>(duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  localtime_r(&secs, &tm);
  char prefix[96];
  snprintf(prefix, sizeof(prefix), "%04d-%02d-%02d %02d:%02d:%02d.%03d %-5s [%ld] %s:%d ",
           tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis,
           LogLevelName(level), static_cast<long>(syscall(SYS_gettid)),
           BaseName(file != nullptr ? file : "?"), line);
  std::string record = prefix;
  record.append(message);
  return record;
}

namespace logging_internal {

bool Enabled(LogLevel level) { return static_cast<int>(level) >= g_level.load(std::memory_order_relaxed); }

void Emit(LogLevel level, const char* file, int line, const std::string& message) {
  const char* base = BaseName(file);
  std::lock_guard<std::mutex> lock(g_sink_mu);
  if (g_callback) {
    g_callback(level, base, line, message);
  } else {
    WriteStderr(level, base, line, message);
  }
}

}  // namespace logging_internal
}  // namespace rocketmq
