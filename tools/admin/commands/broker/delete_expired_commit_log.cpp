// deleteExpiredCommitLog: asks one broker or every broker of a cluster to delete expired commit log
// files (Java org.apache.rocketmq.tools.command.broker.DeleteExpiredCommitLogSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class DeleteExpiredCommitLogCommand final : public SubCommand {
 public:
  std::string Name() const override { return "deleteExpiredCommitLog"; }
  std::string Description() const override { return "Delete expired CommitLog files"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("n", "namesrvAddr", true, "Name server address");
    options.AddOption("b", "brokerAddr", true, "Broker address");
    options.AddOption("c", "cluster", true, "clustername");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("deleteExpiredCommitLog is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewDeleteExpiredCommitLogCommand() {
  return std::make_unique<DeleteExpiredCommitLogCommand>();
}

}  // namespace rocketmq::admin::tools
