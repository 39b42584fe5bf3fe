// updateAclConfig: creates or updates an ACL account on one broker or on every broker of a cluster
// (Java org.apache.rocketmq.tools.command.acl.UpdateAccessConfigSubCommand).
#include <memory>
#include <string>
#include <utility>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class UpdateAclConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateAclConfig"; }
  std::string Description() const override { return "Update acl config yaml file in broker"; }

  void BuildOptions(cli::Options& options) const override {
    cli::OptionGroup group;
    group.AddOption(cli::Option("b", "brokerAddr", true, "update acl config file to which broker"));
    group.AddOption(
        cli::Option("c", "clusterName", true, "update acl config file to which cluster"));
    group.SetRequired(true);
    options.AddOptionGroup(std::move(group));
    options.AddOption("a", "accessKey", true, "set accessKey in acl config file",
                      /*required=*/true);
    options.AddOption("s", "secretKey", true, "set secretKey in acl config file",
                      /*required=*/true);
    options.AddOption("w", "whiteRemoteAddress", true,
                      "set white ip Address for account in acl config file");
    options.AddOption("i", "defaultTopicPerm", true, "set default topicPerm in acl config file");
    options.AddOption("u", "defaultGroupPerm", true, "set default GroupPerm in acl config file");
    options.AddOption("t", "topicPerms", true, "set topicPerms list,eg: topicA=DENY,topicD=SUB");
    options.AddOption("g", "groupPerms", true, "set groupPerms list,eg: groupD=DENY,groupD=SUB");
    options.AddOption("m", "admin", true, "set admin flag in acl config file");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("updateAclConfig is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateAclConfigCommand() {
  return std::make_unique<UpdateAclConfigCommand>();
}

}  // namespace rocketmq::admin::tools
