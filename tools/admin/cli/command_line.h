// CommandLine: the result of parsing a command's arguments (commons-cli 1.2 CommandLine).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/admin/cli/options.h"

namespace rocketmq::admin::tools::cli {

class CommandLine {
 public:
  // True when the option was given. `name` is a short or long name, with or without leading
  // hyphens ("t", "topic", "-t").
  bool HasOption(std::string_view name) const;
  // The option's value, as given (not trimmed; one pair of surrounding double quotes removed, as
  // commons-cli does). nullopt when the option was not given or takes no value. When an option is
  // repeated, the first occurrence wins (as in Java).
  std::optional<std::string> GetOptionValue(std::string_view name) const;
  // GetOptionValue, or `fallback` when absent.
  std::string GetOptionValueOr(std::string_view name, std::string fallback) const;
  // Arguments that are neither options nor option values, in order.
  const std::vector<std::string>& Args() const { return args_; }

  // Used by the parser.
  void AddOption(const Option& option, std::optional<std::string> value);
  void AddArg(std::string arg) { args_.push_back(std::move(arg)); }

 private:
  struct Given {
    Option option;
    std::optional<std::string> value;
  };
  const Given* Resolve(std::string_view name) const;

  std::vector<Given> given_;
  std::vector<std::string> args_;
};

}  // namespace rocketmq::admin::tools::cli
