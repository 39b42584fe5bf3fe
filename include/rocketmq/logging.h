// Where the library's log records go, and which ones.
//
// By default the library writes records at WARN and above to stderr, one line each, and never
// opens a file. An application changes the threshold with SetLogLevel() and takes the records
// itself with SetLogCallback() (to route them into its own logger, a file, a test's capture...);
// ResetLogging() goes back to the default. The setting is process-wide: every producer, consumer
// and admin client of the process shares it.
//
// Thread-safety: every function here may be called from any thread, at any time (also before the
// first client starts and after the last one shut down).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace rocketmq {

// Severity of a record, lowest first. kOff as a threshold drops every record.
enum class LogLevel { kTrace = 0, kDebug, kInfo, kWarn, kError, kOff };

// Receives one record: its level, the source file's base name (a string literal, valid for the
// life of the process) and line, and the message text (no trailing newline; only valid during
// the call). FormatLogRecord() turns these into the default line if the callback wants it.
//
// Called on whichever library thread logs (the I/O loop, a consume thread, the caller of send()),
// one call at a time: calls are serialized, so the callback needs no lock of its own. It must
// return quickly and must not call back into the library (no logging functions, no producer or
// consumer methods): it may run while library locks are held.
using LogCallback =
    std::function<void(LogLevel level, const char* file, int line, std::string_view message)>;

// Records below `level` are dropped before they are formatted (cheap). Default: kWarn.
void SetLogLevel(LogLevel level);
LogLevel GetLogLevel();

// Sends every record at or above the level to `callback` instead of stderr; an empty callback
// restores the stderr sink. When this returns, the previous callback is no longer being called
// and will not be called again, so its captures may be destroyed.
void SetLogCallback(LogCallback callback);

// Back to the defaults: stderr, kWarn.
void ResetLogging();

// "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF".
const char* LogLevelName(LogLevel level);

// Parses "trace|debug|info|warn|error|off" (any case) into *level; false (and *level untouched)
// for anything else.
bool ParseLogLevel(std::string_view text, LogLevel* level);

// The default sink's line for a record, without the trailing newline:
// "2026-01-31 12:00:00.123 WARN  [<thread id>] client_instance.cpp:123 <message>"
// (local time, milliseconds, the calling thread's kernel thread id).
std::string FormatLogRecord(LogLevel level, const char* file, int line, std::string_view message);

}  // namespace rocketmq
