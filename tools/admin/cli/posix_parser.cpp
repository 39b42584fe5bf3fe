#include "tools/admin/cli/posix_parser.h"

#include <cstddef>
#include <set>

namespace rocketmq::admin::tools::cli {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// PosixParser.flatten with stopAtNonOption = false: splits "--opt=value", bursts "-abc".
std::vector<std::string> Flatten(const Options& options, const std::vector<std::string>& args) {
  std::vector<std::string> tokens;
  for (const std::string& token : args) {
    if (StartsWith(token, "--")) {
      const size_t eq = token.find('=');
      const std::string opt = eq == std::string::npos ? token : token.substr(0, eq);
      if (!options.HasOption(opt)) {
        tokens.push_back(token);  // fails later as an unrecognized option
      } else {
        tokens.push_back(opt);
        if (eq != std::string::npos) tokens.push_back(token.substr(eq + 1));
      }
    } else if (token == "-") {
      tokens.push_back(token);
    } else if (StartsWith(token, "-")) {
      if (token.size() == 2 || options.HasOption(token)) {
        tokens.push_back(token);
      } else {
        for (size_t i = 1; i < token.size(); ++i) {  // burst
          const std::string ch(1, token[i]);
          const Option* option = options.GetOption(ch);
          if (option == nullptr) {
            tokens.push_back(token);
            break;
          }
          tokens.push_back("-" + ch);
          if (option->HasArg() && token.size() != i + 1) {
            tokens.push_back(token.substr(i + 1));
            break;
          }
        }
      }
    } else {
      tokens.push_back(token);
    }
  }
  return tokens;
}

// commons-cli Util.stripLeadingAndTrailingQuotes.
std::string StripQuotes(std::string value) {
  if (StartsWith(value, "\"")) value.erase(0, 1);
  if (!value.empty() && value.back() == '"') value.pop_back();
  return value;
}

}  // namespace

std::optional<CommandLine> Parse(const Options& options, const std::vector<std::string>& args,
                                 std::string* error) {
  const std::vector<std::string> tokens = Flatten(options, args);
  CommandLine line;
  std::set<std::string> seen_keys;
  std::vector<const Option*> group_selected(options.groups().size(), nullptr);

  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    if (token == "--") {
      for (size_t j = i + 1; j < tokens.size(); ++j) {
        if (tokens[j] != "--") line.AddArg(tokens[j]);
      }
      break;
    }
    if (token == "-" || !StartsWith(token, "-")) {
      line.AddArg(token);
      continue;
    }
    const Option* option = options.GetOption(token);
    if (option == nullptr) {
      *error = "Unrecognized option: " + token;
      return std::nullopt;
    }
    seen_keys.insert(option->Key());
    const int group = options.GroupOf(option->Key());
    if (group >= 0) {
      const Option* selected = group_selected[group];
      if (selected != nullptr && selected->ShortName() != option->ShortName()) {
        *error = "The option '" + option->Key() + "' was specified but an option from this group " +
                 "has already been selected: '" + selected->Key() + "'";
        return std::nullopt;
      }
      group_selected[group] = option;
    }
    std::optional<std::string> value;
    if (option->HasArg()) {
      // The next token is the value unless it is a known option.
      if (i + 1 < tokens.size() &&
          !(options.HasOption(tokens[i + 1]) && StartsWith(tokens[i + 1], "-"))) {
        value = StripQuotes(tokens[++i]);
      } else {
        *error = "Missing argument for option: " + option->Key();
        return std::nullopt;
      }
    }
    line.AddOption(*option, std::move(value));
  }

  for (const Option& option : options.options()) {
    if (option.Required() && seen_keys.count(option.Key()) == 0) {
      *error = "Missing required option: " + option.Key();
      return std::nullopt;
    }
  }
  for (size_t g = 0; g < options.groups().size(); ++g) {
    if (options.groups()[g].Required() && group_selected[g] == nullptr) {
      *error = "Missing required option group";
      return std::nullopt;
    }
  }
  return line;
}

}  // namespace rocketmq::admin::tools::cli
