// mqadmin: the RocketMQ admin command line (Java mqadmin 4.9.8 clone); see
// tools/admin/mqadmin_startup.h.
#include <iostream>
#include <string>
#include <vector>

#include "common/logging.h"
#include "tools/admin/mqadmin_startup.h"

int main(int argc, char** argv) {
  // A failure is reported once, as mqadmin's one-line error; the client runtime's warnings
  // (reconnects, NameServer fail-over) would only repeat it on stderr.
  rocketmq::SetLogLevel(rocketmq::LogLevel::kOff);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int status = rocketmq::admin::tools::MqadminMain(args, std::cout, std::cerr);
  std::cout.flush();
  return status;
}
