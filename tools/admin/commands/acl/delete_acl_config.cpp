// deleteAclConfig: deletes an ACL account on one broker or on every broker of a cluster
// (Java org.apache.rocketmq.tools.command.acl.DeleteAccessConfigSubCommand).
#include <memory>
#include <string>
#include <utility>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class DeleteAclConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "deleteAclConfig"; }
  std::string Alias() const override { return "deleteAccessConfig"; }
  std::string Description() const override { return "Delete Acl Config Account in broker"; }

  void BuildOptions(cli::Options& options) const override {
    cli::OptionGroup group;
    group.AddOption(
        cli::Option("b", "brokerAddr", true, "delete acl config account from which broker"));
    group.AddOption(
        cli::Option("c", "clusterName", true, "delete acl config account from which cluster"));
    group.SetRequired(true);
    options.AddOptionGroup(std::move(group));
    options.AddOption("a", "accessKey", true,
                      "set accessKey in acl config file for deleting which account",
                      /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("deleteAclConfig is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewDeleteAclConfigCommand() {
  return std::make_unique<DeleteAclConfigCommand>();
}

}  // namespace rocketmq::admin::tools
