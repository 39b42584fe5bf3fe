// clusterAclConfigVersion: prints the ACL config version of one broker or of every broker of a
// cluster (Java org.apache.rocketmq.tools.command.acl.ClusterAclConfigVersionListSubCommand).
#include <memory>
#include <string>
#include <utility>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ClusterAclConfigVersionCommand final : public SubCommand {
 public:
  std::string Name() const override { return "clusterAclConfigVersion"; }
  std::string Description() const override {
    return "List all of acl config version information in cluster";
  }

  void BuildOptions(cli::Options& options) const override {
    cli::OptionGroup group;
    group.AddOption(
        cli::Option("b", "brokerAddr", true, "query acl config version for which broker"));
    group.AddOption(
        cli::Option("c", "clusterName", true, "query acl config version for specified cluster"));
    group.SetRequired(true);
    options.AddOptionGroup(std::move(group));
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("clusterAclConfigVersion is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewClusterAclConfigVersionCommand() {
  return std::make_unique<ClusterAclConfigVersionCommand>();
}

}  // namespace rocketmq::admin::tools
