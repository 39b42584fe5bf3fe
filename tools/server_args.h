// The command line shared by mqnamesrv and mqbroker, parsed the way Java's commons-cli does for
// their namesakes: -c/--configFile <file>, -n/--namesrvAddr <list>, -p/--printConfigItem,
// -h/--help, and for mqbroker -m/--printImportantConfig; single-dash short and double-dash long
// options, a value in the next argument or attached ("-cfile", "--configFile=file").
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "rocketmq/logging.h"

namespace rocketmq::tools {

struct ServerArgs {
  std::string config_file;
  std::string namesrv;
  bool namesrv_set = false;
  bool print_config = false;
  bool print_important_config = false;  // mqbroker -m
  bool help = false;
};

// False (after printing why to stderr) on an unknown option or a missing value. `-m` is an
// option only where `allow_important` is set (Java's mqbroker has it, mqnamesrv does not).
inline bool ParseServerArgs(int argc, char** argv, ServerArgs* args, bool allow_important = false) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-p" || a == "--printConfigItem") {
      args->print_config = true;
      continue;
    }
    if (allow_important && (a == "-m" || a == "--printImportantConfig")) {
      args->print_important_config = true;
      continue;
    }
    if (a == "-h" || a == "--help") {
      args->help = true;
      continue;
    }
    // 1 matched, 0 not this option, -1 value missing.
    auto value_of = [&](const std::string& short_opt, const std::string& long_opt,
                        std::string* out) -> int {
      if (a == short_opt || a == long_opt) {
        if (i + 1 >= argc) return -1;
        *out = argv[++i];
        return 1;
      }
      if (a.rfind(long_opt + "=", 0) == 0) {
        *out = a.substr(long_opt.size() + 1);
        return 1;
      }
      if (a.size() > short_opt.size() && a.rfind(short_opt, 0) == 0 && a[1] != '-') {
        *out = a.substr(short_opt.size());
        return 1;
      }
      return 0;
    };
    int r = value_of("-c", "--configFile", &args->config_file);
    if (r == 0) {
      r = value_of("-n", "--namesrvAddr", &args->namesrv);
      if (r == 1) args->namesrv_set = true;
    }
    if (r == 1) continue;
    std::fprintf(stderr, r < 0 ? "Missing argument for option: %s\n" : "Unrecognized option: %s\n",
                 a.c_str());
    return false;
  }
  return true;
}

// The servers log at INFO to stderr (mqbroker also to <storePathRootDir>/logs/broker.log).
// ROCKETMQ_LOG_LEVEL=trace|debug|info|warn|error|off in the environment changes the level; Java's
// servers take theirs from logback files, which have no equivalent here. False (after printing
// why) on a value that is not a level.
inline bool ApplyServerLogLevel() {
  LogLevel level = LogLevel::kInfo;
  const char* env = std::getenv("ROCKETMQ_LOG_LEVEL");
  if (env != nullptr && *env != '\0' && !ParseLogLevel(env, &level)) {
    std::fprintf(
        stderr, "ROCKETMQ_LOG_LEVEL=%s is not a log level (trace, debug, info, warn, error, off)\n",
        env);
    return false;
  }
  SetLogLevel(level);
  return true;
}

}  // namespace rocketmq::tools
