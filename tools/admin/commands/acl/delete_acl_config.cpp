// deleteAclConfig: deletes an ACL account on one broker or on every broker of a cluster
// (Java org.apache.rocketmq.tools.command.acl.DeleteAccessConfigSubCommand).
#include <memory>
#include <string>
#include <utility>

#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
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

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string access_key = JavaTrim(line.GetOptionValueOr("a", ""));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::vector<std::string> addrs;
    if (line.HasOption("b")) {
      addrs.push_back(JavaTrim(line.GetOptionValueOr("b", "")));
    } else {
      addrs =
          BrokerAddrsOfCluster(admin->examineBrokerClusterInfo(), JavaTrim(line.GetOptionValueOr("c", "")));
    }
    for (const std::string& addr : addrs) {
      admin->deletePlainAccessConfig(addr, access_key);
      ctx.out << StrFormat("delete plain access config account from %s success.\n", addr.c_str());
      ctx.out.flush();
    }
    ctx.out << "account's accesskey is:" << access_key;  // Java printf: no newline
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewDeleteAclConfigCommand() {
  return std::make_unique<DeleteAclConfigCommand>();
}

}  // namespace rocketmq::admin::tools
