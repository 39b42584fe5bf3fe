// updateBrokerConfig: sets one broker config key on one broker or on every master of a cluster
// (Java org.apache.rocketmq.tools.command.broker.UpdateBrokerConfigSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class UpdateBrokerConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateBrokerConfig"; }
  std::string Description() const override { return "Update broker's config"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "update which broker");
    options.AddOption("c", "clusterName", true, "update which cluster");
    options.AddOption("k", "key", true, "config key", /*required=*/true);
    options.AddOption("v", "value", true, "config value", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("updateBrokerConfig is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateBrokerConfigCommand() {
  return std::make_unique<UpdateBrokerConfigCommand>();
}

}  // namespace rocketmq::admin::tools
