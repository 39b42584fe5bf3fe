#include "tools/admin/cli/command_line.h"

#include <utility>

namespace rocketmq::admin::tools::cli {

const CommandLine::Given* CommandLine::Resolve(std::string_view name) const {
  name = StripLeadingHyphens(name);
  for (const Given& given : given_) {
    if ((!given.option.ShortName().empty() && given.option.ShortName() == name) ||
        (!given.option.LongName().empty() && given.option.LongName() == name)) {
      return &given;
    }
  }
  return nullptr;
}

bool CommandLine::HasOption(std::string_view name) const { return Resolve(name) != nullptr; }

std::optional<std::string> CommandLine::GetOptionValue(std::string_view name) const {
  const Given* given = Resolve(name);
  if (given == nullptr) return std::nullopt;
  return given->value;
}

std::string CommandLine::GetOptionValueOr(std::string_view name, std::string fallback) const {
  std::optional<std::string> value = GetOptionValue(name);
  return value ? std::move(*value) : std::move(fallback);
}

void CommandLine::AddOption(const Option& option, std::optional<std::string> value) {
  given_.push_back(Given{option, std::move(value)});
}

}  // namespace rocketmq::admin::tools::cli
