#include "tools/bench/bench_options.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <random>

#include "tools/admin/cli/help_formatter.h"
#include "tools/admin/cli/posix_parser.h"

namespace rocketmq::bench {

cli::Options ServerUtilOptions() {
  cli::Options options;
  options.AddOption("h", "help", false, "Print help");
  options.AddOption("n", "namesrvAddr", true,
                    "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'");
  return options;
}

namespace {

bool IsLongName(const cli::Options& options, const std::string& name) {
  for (const cli::Option& o : options.options()) {
    if (o.LongName() == name) return true;
  }
  return false;
}

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return s.substr(b, e - b);
}

}  // namespace

std::vector<std::string> NormalizeLegacyFlags(const std::vector<std::string>& args,
                                              const cli::Options& options,
                                              const std::set<std::string>& bool_flags) {
  std::vector<std::string> out;
  for (const std::string& token : args) {
    if (token.size() < 3 || token[0] != '-' || token == "--") {
      out.push_back(token);
      continue;
    }
    const size_t dashes = token[1] == '-' ? 2 : 1;
    const size_t eq = token.find('=');
    const std::string name = token.substr(dashes, eq == std::string::npos ? eq : eq - dashes);
    const bool has_value = eq != std::string::npos;
    if (bool_flags.count(name) != 0) {
      out.push_back("--" + name);
      out.push_back(has_value ? token.substr(eq + 1) : "true");
    } else if (!has_value && name.rfind("no", 0) == 0 && bool_flags.count(name.substr(2)) != 0) {
      out.push_back("--" + name.substr(2));
      out.push_back("false");
    } else if (has_value && name.size() > 1 && IsLongName(options, name)) {
      out.push_back("--" + name);
      out.push_back(token.substr(eq + 1));
    } else {
      out.push_back(token);
    }
  }
  return out;
}

std::optional<cli::CommandLine> ParseOrUsage(const std::string& app, const cli::Options& options,
                                             const std::set<std::string>& bool_flags,
                                             const std::vector<std::string>& args,
                                             std::ostream& out, std::ostream& err, int* exit_code) {
  std::string error;
  std::optional<cli::CommandLine> line =
      cli::Parse(options, NormalizeLegacyFlags(args, options, bool_flags), &error);
  if (line && !line->Args().empty()) {
    error = "Unexpected argument: " + line->Args().front();
    line.reset();
  }
  if (!line) {
    err << "mqbench: " << error << "\n";
    out << cli::FormatHelp(app, options, cli::kMqadminHelpWidth) << std::flush;
    *exit_code = 1;
    return std::nullopt;
  }
  if (line->HasOption("h")) {
    out << cli::FormatHelp(app, options, cli::kMqadminHelpWidth) << std::flush;
    *exit_code = 0;
    return std::nullopt;
  }
  return line;
}

std::optional<std::string> OptionReader::Find(std::initializer_list<const char*> names,
                                              std::string* used) const {
  for (const char* name : names) {
    if (line_.HasOption(name)) {
      if (used != nullptr) *used = name;
      return line_.GetOptionValue(name);
    }
  }
  return std::nullopt;
}

bool OptionReader::Has(std::initializer_list<const char*> names) const {
  return Find(names, nullptr).has_value();
}

std::string OptionReader::GetString(std::initializer_list<const char*> names,
                                    std::string fallback) const {
  std::optional<std::string> v = Find(names, nullptr);
  return v ? Trim(*v) : std::move(fallback);
}

int64_t OptionReader::GetInt(std::initializer_list<const char*> names, int64_t fallback,
                             int64_t min, int64_t max) {
  std::string used;
  std::optional<std::string> v = Find(names, &used);
  if (!v) return fallback;
  const std::string text = Trim(*v);
  const char* p = text.c_str();
  size_t digits_at = (p[0] == '-' || p[0] == '+') ? 1 : 0;
  bool digits = text.size() > digits_at;
  for (size_t i = digits_at; i < text.size(); ++i) digits = digits && std::isdigit(text[i]) != 0;
  errno = 0;
  const long long value = digits ? std::strtoll(p, nullptr, 10) : 0;
  if (!digits || errno == ERANGE) {
    Fail("option -" + used + ": '" + *v + "' is not an integer");
    return fallback;
  }
  if (value < min || value > max) {
    Fail("option -" + used + ": " + text + " is out of range [" + std::to_string(min) + ", " +
         std::to_string(max) + "]");
    return fallback;
  }
  return value;
}

double OptionReader::GetDouble(std::initializer_list<const char*> names, double fallback) {
  std::string used;
  std::optional<std::string> v = Find(names, &used);
  if (!v) return fallback;
  const std::string text = Trim(*v);
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end == nullptr || *end != '\0' || errno == ERANGE || !std::isfinite(value)) {
    Fail("option -" + used + ": '" + *v + "' is not a number");
    return fallback;
  }
  return value;
}

bool OptionReader::GetBool(std::initializer_list<const char*> names, bool fallback) const {
  std::optional<std::string> v = Find(names, nullptr);
  return v ? JavaParseBoolean(Trim(*v)) : fallback;
}

bool JavaParseBoolean(const std::string& text) {
  if (text.size() != 4) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != "true"[i]) return false;
  }
  return true;
}

std::string NamesrvFrom(const OptionReader& reader) {
  if (reader.Has({"n"})) return reader.GetString({"n"}, "");
  const char* env = std::getenv("NAMESRV_ADDR");
  return env != nullptr && *env != '\0' ? env : "127.0.0.1:9876";
}

std::string RandomAlphanumeric(size_t size) {
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<size_t> pick(0, sizeof(kChars) - 2);
  std::string body(size, 'x');
  for (char& c : body) c = kChars[pick(rng)];
  return body;
}

}  // namespace rocketmq::bench
