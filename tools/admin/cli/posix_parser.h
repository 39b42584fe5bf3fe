// Parse(): command-line parsing with the semantics of commons-cli 1.2's PosixParser (the parser
// Java mqadmin uses), so that every command line Java accepts means the same here:
//   -t value, -tvalue, --topic value, --topic=value, -topic value (one dash, long name),
//   bursting of flags (-ab = -a -b; -avalue when -a takes a value), "--" ends the options,
//   "-" alone is an argument, a value may itself start with '-' unless it names a known option.
// Errors (the Java ParseExceptions): unknown option, missing value, a required option or required
// group missing, two options of one group.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tools/admin/cli/command_line.h"
#include "tools/admin/cli/options.h"

namespace rocketmq::admin::tools::cli {

// The parsed command line, or nullopt with `*error` set to a one-line reason (Java's exception
// message, e.g. "Missing required option: t").
std::optional<CommandLine> Parse(const Options& options, const std::vector<std::string>& args,
                                 std::string* error);

}  // namespace rocketmq::admin::tools::cli
