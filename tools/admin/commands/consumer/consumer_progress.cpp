// consumerProgress: prints the consume progress (offsets, diff) of one group, or a summary of every
// group (Java org.apache.rocketmq.tools.command.consumer.ConsumerProgressSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ConsumerProgressCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumerProgress"; }
  std::string Description() const override { return "Query consumers's progress, speed"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "groupName", true, "consumer group name");
    options.AddOption("s", "showClientIP", true, "Show Client IP per Queue");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("consumerProgress is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumerProgressCommand() {
  return std::make_unique<ConsumerProgressCommand>();
}

}  // namespace rocketmq::admin::tools
