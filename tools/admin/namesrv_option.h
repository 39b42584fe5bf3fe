// The NameServer list that getNamesrvConfig / updateNamesrvConfig address: Java reads the raw -n
// value itself (not NAMESRV_ADDR) and splits it at ';'.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tools/admin/cli/command_line.h"

namespace rocketmq::admin::tools {

// Java: commandLine.getOptionValue('n').trim().split(";"): the addresses of -n, trailing empty
// pieces dropped; nullopt without -n or with an empty value (Java's null list, meaning "every
// NameServer the admin knows").
std::optional<std::vector<std::string>> NamesrvListOfOption(const cli::CommandLine& line);

}  // namespace rocketmq::admin::tools
