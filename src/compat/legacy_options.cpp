#include "compat/legacy_options.h"

#include <string>

#include "common/logging.h"
#include "common/status.h"
#include "rocketmq/mq_exception.h"

namespace rocketmq::compat {

void SetLegacyLogLevel(elogLevel level) {
  switch (level) {
    case eLOG_LEVEL_FATAL:
    case eLOG_LEVEL_ERROR:
      SetLogLevel(LogLevel::kError);
      return;
    case eLOG_LEVEL_WARN:
      SetLogLevel(LogLevel::kWarn);
      return;
    case eLOG_LEVEL_INFO:
      SetLogLevel(LogLevel::kInfo);
      return;
    case eLOG_LEVEL_DEBUG:
      SetLogLevel(LogLevel::kDebug);
      return;
    case eLOG_LEVEL_TRACE:
      SetLogLevel(LogLevel::kTrace);
      return;
    case eLOG_LEVEL_LEVEL_NUM:
      break;
  }
  throw MQClientException("setLogLevel: " + std::to_string(static_cast<int>(level)) +
                              " is not a log level (eLOG_LEVEL_FATAL..eLOG_LEVEL_TRACE)",
                          kCodeInvalidArgument);
}

elogLevel GetLegacyLogLevel() {
  switch (GetLogLevel()) {
    case LogLevel::kTrace:
      return eLOG_LEVEL_TRACE;
    case LogLevel::kDebug:
      return eLOG_LEVEL_DEBUG;
    case LogLevel::kInfo:
      return eLOG_LEVEL_INFO;
    case LogLevel::kWarn:
      return eLOG_LEVEL_WARN;
    case LogLevel::kError:
      return eLOG_LEVEL_ERROR;
    case LogLevel::kOff:
      break;
  }
  return eLOG_LEVEL_FATAL;
}

void CheckNamesrvDomain(const std::string& domain) {
  if (domain.empty()) return;
  throw MQClientException("setNamesrvDomain(\"" + domain +
                              "\"): this library does not look NameServer addresses up over "
                              "HTTP; set them with setNamesrvAddr(\"host:port;host:port\")",
                          kCodeInvalidArgument);
}

void SetLogFileSizeAndNum(LegacyClientOptions* options, int file_num, long per_file_size_mb) {
  if (file_num <= 0 || per_file_size_mb <= 0) {
    throw MQClientException("setLogFileSizeAndNum: the file count and size must be positive",
                            kCodeInvalidArgument);
  }
  options->log_file_num = file_num;
  options->log_file_size_mb = per_file_size_mb;
}

void SetMessageTrace(LegacyClientOptions* options, bool on, const std::string& group) {
  options->message_trace = on;
  if (on) {
    RMQ_LOG(kWarn) << "group " << group
                   << ": setMessageTrace(true) has no effect, this library sends no message "
                      "traces";
  }
}

}  // namespace rocketmq::compat
