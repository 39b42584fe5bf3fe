// CommandError: a subcommand's own failure (bad option value, missing NameServer address, ...),
// as opposed to an MQException from the admin API. mqadmin prints what() on one stderr line.
#pragma once

#include <stdexcept>
#include <string>

namespace rocketmq::admin::tools {

class CommandError : public std::runtime_error {
 public:
  // `message`: one line, no trailing period needed, e.g. "topic name must not be empty".
  explicit CommandError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace rocketmq::admin::tools
