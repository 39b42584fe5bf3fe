// Running mqadmin in-process for the admin tests: RunMqadmin({"topicRoute", "-n", addr, ...})
// returns the exit status and what went to stdout and stderr, exactly as the binary would print
// them (MqadminMain is the binary's whole body). MqadminRun also splits stdout into lines.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "tools/admin/mqadmin_startup.h"

namespace rocketmq::test {

struct MqadminRun {
  int exit_status = -1;
  std::string out;
  std::string err;

  // stdout split at '\n'; a last line without '\n' is kept, a trailing empty piece is not.
  std::vector<std::string> lines() const {
    std::vector<std::string> result;
    std::string line;
    std::istringstream in(out);
    while (std::getline(in, line)) result.push_back(line);
    return result;
  }
};

inline MqadminRun RunMqadmin(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  MqadminRun run;
  run.exit_status = admin::tools::MqadminMain(args, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace rocketmq::test
