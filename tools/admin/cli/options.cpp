#include "tools/admin/cli/options.h"

#include <utility>

namespace rocketmq::admin::tools::cli {

Option::Option(std::string short_name, std::string long_name, bool has_arg, std::string description,
               bool required)
    : short_name_(std::move(short_name)),
      long_name_(std::move(long_name)),
      has_arg_(has_arg),
      description_(std::move(description)),
      required_(required) {}

OptionGroup& OptionGroup::AddOption(Option option) {
  for (Option& existing : options_) {
    if (existing.Key() == option.Key()) {
      existing = std::move(option);
      return *this;
    }
  }
  options_.push_back(std::move(option));
  return *this;
}

Options& Options::AddOption(Option option) {
  for (Option& existing : options_) {
    if (existing.Key() == option.Key()) {
      existing = std::move(option);
      return *this;
    }
  }
  options_.push_back(std::move(option));
  return *this;
}

Options& Options::AddOption(std::string short_name, std::string long_name, bool has_arg,
                            std::string description, bool required) {
  return AddOption(Option(std::move(short_name), std::move(long_name), has_arg,
                          std::move(description), required));
}

Options& Options::AddOptionGroup(OptionGroup group) {
  const int index = static_cast<int>(groups_.size());
  for (Option option : group.options()) {
    option.SetRequired(false);
    group_of_.emplace_back(option.Key(), index);
    AddOption(std::move(option));
  }
  groups_.push_back(std::move(group));
  return *this;
}

const Option* Options::GetOption(std::string_view name) const {
  name = StripLeadingHyphens(name);
  for (const Option& option : options_) {
    if (option.Key() == name) return &option;
  }
  for (const Option& option : options_) {
    if (!option.LongName().empty() && option.LongName() == name) return &option;
  }
  return nullptr;
}

int Options::GroupOf(const std::string& key) const {
  // The last registration wins, like Java's optionGroups.put.
  int found = -1;
  for (const auto& [option_key, index] : group_of_) {
    if (option_key == key) found = index;
  }
  return found;
}

std::string_view StripLeadingHyphens(std::string_view name) {
  if (name.substr(0, 2) == "--") return name.substr(2);
  if (name.substr(0, 1) == "-") return name.substr(1);
  return name;
}

}  // namespace rocketmq::admin::tools::cli
