// Source compatibility with the official C++ client (rocketmq-client-cpp 2.2.0): this header
// has that client's name and contents; see docs/migration.md.
#pragma once

#include <string>
#include <vector>

#include "RocketMQClient.h"

namespace rocketmq {

// The official client's command-line helper used by its examples: options are "-x value".
class Arg_helper {
 public:
  Arg_helper(int argc, char* argv[]);
  // Splits `args` at blanks.
  explicit Arg_helper(std::string args);
  // The idx-th word ("" past the end).
  std::string get_option(int idx) const;
  // True when `opt` (e.g. "-v") is present.
  bool is_enable_option(std::string opt) const;
  // The word after `opt` ("" when `opt` is absent or last).
  std::string get_option_value(std::string opt) const;

 private:
  std::vector<std::string> args_;
};

}  // namespace rocketmq
