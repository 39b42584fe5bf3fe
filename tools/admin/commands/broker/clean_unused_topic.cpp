// cleanUnusedTopic: asks one broker or every broker of a cluster to drop topics it no longer serves
// (Java org.apache.rocketmq.tools.command.broker.CleanUnusedTopicCommand).
#include <memory>
#include <string>

#include "tools/admin/command_table.h"
#include "tools/admin/commands/broker/store_maintenance_command.h"

namespace rocketmq::admin::tools {
namespace {

class CleanUnusedTopicCommand final : public StoreMaintenanceCommand {
 public:
  CleanUnusedTopicCommand()
      : StoreMaintenanceCommand(&DefaultMQAdminExt::cleanUnusedTopicByAddr,
                                &DefaultMQAdminExt::cleanUnusedTopic) {}

  std::string Name() const override { return "cleanUnusedTopic"; }
  std::string Description() const override { return "Clean unused topic on broker."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "Broker address");
    options.AddOption("c", "cluster", true, "cluster name");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewCleanUnusedTopicCommand() {
  return std::make_unique<CleanUnusedTopicCommand>();
}

}  // namespace rocketmq::admin::tools
