// Command-line handling shared by the mqbench commands: Java's commons-cli parsing (the parser
// and help text of tools/admin/cli, as Java's ServerUtil.parseCmdLine uses them) after rewriting
// mqbench's older gflags-style long flags (--threads=16, -duration_s 5, --async, --noasync) into
// tokens that parser understands, plus Java's value conversions (Integer.parseInt,
// Boolean.parseBoolean) with clear errors instead of Java's stack traces.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "tools/admin/cli/command_line.h"
#include "tools/admin/cli/options.h"

namespace rocketmq::bench {

namespace cli = ::rocketmq::admin::tools::cli;

// Java's ServerUtil.buildCommandlineOptions: -h/--help and -n/--namesrvAddr.
cli::Options ServerUtilOptions();

// Rewrites the gflags spellings of `options`' long names into "--name value" pairs:
// "--name=value" and "-name=value" become "--name" "value"; for the long names in
// `bool_flags`, "--name" / "-name" alone become "--name" "true" and "--noname" / "-noname"
// become "--name" "false" (gflags booleans take no separate value). Other tokens are kept.
std::vector<std::string> NormalizeLegacyFlags(const std::vector<std::string>& args,
                                              const cli::Options& options,
                                              const std::set<std::string>& bool_flags);

// Parses `args` (after NormalizeLegacyFlags) like Java's ServerUtil.parseCmdLine: -h prints the
// usage (HelpFormatter, width 110) to `out` and sets *exit_code = 0; a parse error prints the
// reason to `err` and the usage to `out` and sets *exit_code = 1 (Java exits with 1 too, printing
// only the usage). Positional arguments are an error (Java ignores them silently). Returns
// nullopt in those cases.
std::optional<cli::CommandLine> ParseOrUsage(const std::string& app, const cli::Options& options,
                                             const std::set<std::string>& bool_flags,
                                             const std::vector<std::string>& args,
                                             std::ostream& out, std::ostream& err, int* exit_code);

// Reads option values with Java's conversions. Every Get* looks the names up in order (a Java
// short name first, then our aliases) and returns `fallback` when none was given. A malformed
// number is recorded (first error wins) and `fallback` returned; check ok() afterwards.
class OptionReader {
 public:
  explicit OptionReader(const cli::CommandLine& line) : line_(line) {}

  bool Has(std::initializer_list<const char*> names) const;
  // The value trimmed of surrounding whitespace (Java's .trim()), as Java reads -t and -g.
  std::string GetString(std::initializer_list<const char*> names, std::string fallback) const;
  // Integer.parseInt / Long.parseLong: an optional sign and decimal digits, in range.
  int64_t GetInt(std::initializer_list<const char*> names, int64_t fallback, int64_t min,
                 int64_t max);
  // Double.parseDouble (a finite decimal number).
  double GetDouble(std::initializer_list<const char*> names, double fallback);
  // Boolean.parseBoolean: true exactly when the value is "true" ignoring case.
  bool GetBool(std::initializer_list<const char*> names, bool fallback) const;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  std::optional<std::string> Find(std::initializer_list<const char*> names,
                                  std::string* used) const;
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  const cli::CommandLine& line_;
  std::string error_;
};

// Java's Boolean.parseBoolean.
bool JavaParseBoolean(const std::string& text);
// Java's String.valueOf(boolean).
inline const char* JavaBoolText(bool b) { return b ? "true" : "false"; }

// The NameServer list: -n when given, else $NAMESRV_ADDR (Java's client reads it too), else
// 127.0.0.1:9876.
std::string NamesrvFrom(const OptionReader& reader);

// `size` random ASCII letters and digits (RandomStringUtils.randomAlphanumeric), the body Java's
// benchmarks send.
std::string RandomAlphanumeric(size_t size);

}  // namespace rocketmq::bench
