// FormatHelp(): the usage text of commons-cli 1.2's
// HelpFormatter.printHelp(width, cmdLineSyntax, null, options, null, /*autoUsage=*/true), byte for
// byte: the "usage: <app> ..." line (options sorted case-insensitively by key, required ones
// without brackets, groups as "-b <arg> | -c <arg>"), wrapped at `width` with continuation lines
// indented under the first argument, then one line per option ("-t,--topic <arg>" padded to a
// common column, three spaces, the description wrapped under itself).
#pragma once

#include <string>

#include "tools/admin/cli/options.h"

namespace rocketmq::admin::tools::cli {

// Java mqadmin's help width (ServerUtil: hf.setWidth(110)).
inline constexpr int kMqadminHelpWidth = 110;

// The whole help text, ending with "\n". `app` is e.g. "mqadmin updateTopic".
std::string FormatHelp(const std::string& app, const Options& options,
                       int width = kMqadminHelpWidth);

}  // namespace rocketmq::admin::tools::cli
