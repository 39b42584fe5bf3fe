// SubCommand: one mqadmin subcommand (Java org.apache.rocketmq.tools.command.SubCommand). Each
// lives in tools/admin/commands/<java package>/<name>.cpp and is listed in command_table.cpp.
#pragma once

#include <string>

#include "tools/admin/cli/command_line.h"
#include "tools/admin/cli/options.h"
#include "tools/admin/command_context.h"

namespace rocketmq::admin::tools {

class SubCommand {
 public:
  virtual ~SubCommand() = default;
  // Java commandName(): what the user types (matched case-insensitively).
  virtual std::string Name() const = 0;
  // Java commandAlias(): a second accepted name, "" for none. Never shown.
  virtual std::string Alias() const { return ""; }
  // Java commandDesc(): the text of the command list.
  virtual std::string Description() const = 0;
  // The command's own options, exactly as Java's buildCommandlineOptions adds them. -h/--help and
  // -n/--namesrvAddr are already in `options` (a command may redefine them).
  virtual void BuildOptions(cli::Options& options) const = 0;
  // Read commands: true when --json prints one JSON document instead of Java's text.
  virtual bool SupportsJson() const { return false; }
  // Runs the command; prints results to ctx.out. Throws MQException (from the admin API) or
  // CommandError on failure; mqadmin then prints one line on stderr and exits 1.
  virtual void Execute(const cli::CommandLine& line, CommandContext& ctx) = 0;
};

}  // namespace rocketmq::admin::tools
