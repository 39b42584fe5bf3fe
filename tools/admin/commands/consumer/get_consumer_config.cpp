// getConsumerConfig: prints the subscription group config of a group on every broker
// (Java org.apache.rocketmq.tools.command.consumer.GetConsumerConfigSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class GetConsumerConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "getConsumerConfig"; }
  std::string Description() const override {
    return "Get consumer config by subscription group name!";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "groupName", true, "subscription group name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("getConsumerConfig is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewGetConsumerConfigCommand() {
  return std::make_unique<GetConsumerConfigCommand>();
}

}  // namespace rocketmq::admin::tools
