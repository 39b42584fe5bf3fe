// Helpers shared by the official-client (rocketmq-client-cpp 2.x) compatibility members of the
// public classes (include/rocketmq/legacy_client_options.h, docs/migration.md).
#pragma once

#include <string>

#include "rocketmq/legacy_client_options.h"

namespace rocketmq::compat {

// Sets the library's process-wide log level from an official level; throws MQClientException
// for a value that is not a level.
void SetLegacyLogLevel(elogLevel level);
// The library's log level as an official level (OFF reads as FATAL).
elogLevel GetLegacyLogLevel();
// Accepts an empty name server domain; throws MQClientException for any other (this library
// has no HTTP name server lookup).
void CheckNamesrvDomain(const std::string& domain);
// Keeps the official log file settings after checking them (positive counts).
void SetLogFileSizeAndNum(LegacyClientOptions* options, int file_num, long per_file_size_mb);
// Keeps the trace switch; logs once per call that switches it on that no trace is produced.
void SetMessageTrace(LegacyClientOptions* options, bool on, const std::string& group);

}  // namespace rocketmq::compat
