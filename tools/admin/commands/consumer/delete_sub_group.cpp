// deleteSubGroup: deletes a subscription group from one broker or from every master of a cluster
// (Java org.apache.rocketmq.tools.command.consumer.DeleteSubscriptionGroupCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class DeleteSubGroupCommand final : public SubCommand {
 public:
  std::string Name() const override { return "deleteSubGroup"; }
  std::string Description() const override { return "Delete subscription group from broker."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "delete subscription group from which broker");
    options.AddOption("c", "clusterName", true, "delete subscription group from which cluster");
    options.AddOption("g", "groupName", true, "subscription group name", /*required=*/true);
    options.AddOption("r", "removeOffset", true, "remove offset");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("deleteSubGroup is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewDeleteSubGroupCommand() {
  return std::make_unique<DeleteSubGroupCommand>();
}

}  // namespace rocketmq::admin::tools
