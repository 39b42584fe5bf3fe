// MqadminMain: the mqadmin command line (Java org.apache.rocketmq.tools.command.MQAdminStartup
// main0), reproducing Java's stdout byte for byte:
//   mqadmin                      the command list, exit 0
//   mqadmin help <cmd>           the usage of <cmd>, exit 0
//   mqadmin <unknown> ...        "The sub command <unknown> not exist.", exit 0 ("help" alone too)
//   mqadmin <cmd> <bad options>  the usage, exit 1 (unknown/missing option, missing value)
//   mqadmin <cmd> -h ...         the usage, exit 0
// Deliberate differences from Java: "--json" after the subcommand is removed before parsing and
// asks for JSON output (a command without JSON support fails); when a command fails, one line
// "mqadmin <cmd>: <reason>" goes to stderr and the exit status is 1 (Java prints a stack trace and
// exits 0).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "tools/admin/command_table.h"

namespace rocketmq::admin::tools {

// `args` excludes argv[0]. Returns the process exit status. Reads NAMESRV_ADDR and ROCKETMQ_HOME
// from the environment.
int MqadminMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// Same over a given command table (tests).
int MqadminMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                const CommandTable& table);

// The full option set of `command`: -h/--help and -n/--namesrvAddr (Java
// ServerUtil.buildCommandlineOptions), then the command's own.
cli::Options CommandOptions(const SubCommand& command);

// The one-line text mqadmin prints (after "mqadmin <cmd>: ") for an exception thrown by Execute.
// `namesrv_addr` names the NameServer in NameServer answers.
std::string DescribeFailure(const std::exception& e, const std::string& namesrv_addr);

}  // namespace rocketmq::admin::tools
