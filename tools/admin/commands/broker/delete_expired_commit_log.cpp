// deleteExpiredCommitLog: asks one broker or every broker of a cluster to delete expired commit log
// files (Java org.apache.rocketmq.tools.command.broker.DeleteExpiredCommitLogSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_table.h"
#include "tools/admin/commands/broker/store_maintenance_command.h"

namespace rocketmq::admin::tools {
namespace {

class DeleteExpiredCommitLogCommand final : public StoreMaintenanceCommand {
 public:
  DeleteExpiredCommitLogCommand()
      : StoreMaintenanceCommand(&DefaultMQAdminExt::deleteExpiredCommitLogByAddr,
                                &DefaultMQAdminExt::deleteExpiredCommitLog) {}

  std::string Name() const override { return "deleteExpiredCommitLog"; }
  std::string Description() const override { return "Delete expired CommitLog files"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("n", "namesrvAddr", true, "Name server address");
    options.AddOption("b", "brokerAddr", true, "Broker address");
    options.AddOption("c", "cluster", true, "clustername");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewDeleteExpiredCommitLogCommand() {
  return std::make_unique<DeleteExpiredCommitLogCommand>();
}

}  // namespace rocketmq::admin::tools
