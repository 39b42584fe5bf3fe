// cleanExpiredCQ: asks one broker or every broker of a cluster to drop expired consume queues
// (Java org.apache.rocketmq.tools.command.broker.CleanExpiredCQSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_table.h"
#include "tools/admin/commands/broker/store_maintenance_command.h"

namespace rocketmq::admin::tools {
namespace {

class CleanExpiredCQCommand final : public StoreMaintenanceCommand {
 public:
  CleanExpiredCQCommand()
      : StoreMaintenanceCommand(&DefaultMQAdminExt::cleanExpiredConsumerQueueByAddr,
                                &DefaultMQAdminExt::cleanExpiredConsumerQueue) {}

  std::string Name() const override { return "cleanExpiredCQ"; }
  std::string Description() const override { return "Clean expired ConsumeQueue on broker."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "Broker address");
    options.AddOption("c", "cluster", true, "clustername");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewCleanExpiredCQCommand() {
  return std::make_unique<CleanExpiredCQCommand>();
}

}  // namespace rocketmq::admin::tools
