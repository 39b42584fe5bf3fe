// brokerStatus: prints the runtime statistics table of one broker or of every broker of a cluster
// (Java org.apache.rocketmq.tools.command.broker.BrokerStatusSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class BrokerStatusCommand final : public SubCommand {
 public:
  std::string Name() const override { return "brokerStatus"; }
  std::string Description() const override { return "Fetch broker runtime status data"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "Broker address");
    options.AddOption("c", "clusterName", true, "which cluster");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("brokerStatus is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewBrokerStatusCommand() {
  return std::make_unique<BrokerStatusCommand>();
}

}  // namespace rocketmq::admin::tools
