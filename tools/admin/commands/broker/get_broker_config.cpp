// getBrokerConfig: prints the configuration of one broker or of every broker of a cluster
// (Java org.apache.rocketmq.tools.command.broker.GetBrokerConfigCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class GetBrokerConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "getBrokerConfig"; }
  std::string Description() const override {
    return "Get broker config by cluster or special broker!";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "get which broker");
    options.AddOption("c", "clusterName", true, "get which cluster");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("getBrokerConfig is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewGetBrokerConfigCommand() {
  return std::make_unique<GetBrokerConfigCommand>();
}

}  // namespace rocketmq::admin::tools
