// Option, OptionGroup and Options: the option model of Apache commons-cli 1.2 (the library behind
// Java mqadmin), reduced to what mqadmin uses. Parsing is in posix_parser.h, the usage text in
// help_formatter.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rocketmq::admin::tools::cli {

// One option: "-t" (short name) and/or "--topic" (long name). Long names are kept exactly as
// given, spaces included ("beginTimestamp ", "print msg"): Java mqadmin declares some that way
// and its usage shows them as-is. An option takes at most one value ("<arg>").
class Option {
 public:
  // `short_name` may be empty (then the long name is the key); at least one must be set.
  Option(std::string short_name, std::string long_name, bool has_arg, std::string description,
         bool required = false);

  const std::string& ShortName() const { return short_name_; }
  const std::string& LongName() const { return long_name_; }
  bool HasArg() const { return has_arg_; }
  const std::string& Description() const { return description_; }
  bool Required() const { return required_; }
  void SetRequired(bool required) { required_ = required; }
  // The short name, or the long name when there is none (commons-cli getKey()).
  const std::string& Key() const { return short_name_.empty() ? long_name_ : short_name_; }

 private:
  std::string short_name_;
  std::string long_name_;
  bool has_arg_;
  std::string description_;
  bool required_;
};

// Mutually exclusive options: at most one of them may be given; when the group is required,
// exactly one.
class OptionGroup {
 public:
  OptionGroup& AddOption(Option option);
  void SetRequired(bool required) { required_ = required; }
  bool Required() const { return required_; }
  const std::vector<Option>& options() const { return options_; }

 private:
  std::vector<Option> options_;
  bool required_ = false;
};

// The options a command accepts, in the order they were added.
class Options {
 public:
  // Adds `option`; an option with the same key replaces the earlier one in place (as Java's
  // HashMap put does: deleteExpiredCommitLog redefines -n this way).
  Options& AddOption(Option option);
  Options& AddOption(std::string short_name, std::string long_name, bool has_arg,
                     std::string description, bool required = false);
  // Adds the group's options (each made non-required: the group carries the requirement).
  Options& AddOptionGroup(OptionGroup group);

  // Looks `name` up after removing one leading "--" or "-": first as a short name, then as a
  // long name (commons-cli Options.getOption). nullptr when unknown.
  const Option* GetOption(std::string_view name) const;
  bool HasOption(std::string_view name) const { return GetOption(name) != nullptr; }

  const std::vector<Option>& options() const { return options_; }
  // Index into groups() of the group holding the option with this key, or -1.
  int GroupOf(const std::string& key) const;
  const std::vector<OptionGroup>& groups() const { return groups_; }

 private:
  std::vector<Option> options_;
  std::vector<OptionGroup> groups_;
  std::vector<std::pair<std::string, int>> group_of_;  // option key -> index into groups_
};

// "--x" -> "x", "-x" -> "x", "x" -> "x" (commons-cli Util.stripLeadingHyphens).
std::string_view StripLeadingHyphens(std::string_view name);

}  // namespace rocketmq::admin::tools::cli
