// updateGlobalWhiteAddr: sets the global white address list of the ACL config on one broker or a
// cluster (Java org.apache.rocketmq.tools.command.acl.UpdateGlobalWhiteAddrSubCommand).
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

class UpdateGlobalWhiteAddrCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateGlobalWhiteAddr"; }
  std::string Description() const override {
    return "Update global white address for acl Config File in broker";
  }

  void BuildOptions(cli::Options& options) const override {
    cli::OptionGroup group;
    group.AddOption(
        cli::Option("b", "brokerAddr", true, "update global white address to which broker"));
    group.AddOption(
        cli::Option("c", "clusterName", true, "update global white address to which cluster"));
    group.SetRequired(true);
    options.AddOptionGroup(std::move(group));
    options.AddOption("g", "globalWhiteRemoteAddresses", true,
                      "set globalWhiteRemoteAddress list,eg: 10.10.103.*,192.168.0.*",
                      /*required=*/true);
    options.AddOption("p", "aclFileFullPath", true,
                      "update global white address of specified acl file,eg: /xxx/plain_test.yml");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string addresses = JavaTrim(line.GetOptionValueOr("g", ""));
    // -p: the ACL file to change; without it the broker's default plain_acl.yml.
    const std::string acl_file =
        line.HasOption("p") ? JavaTrim(line.GetOptionValueOr("p", "")) : "";
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::vector<std::string> addrs;
    if (line.HasOption("b")) {
      addrs.push_back(JavaTrim(line.GetOptionValueOr("b", "")));
    } else {
      addrs =
          BrokerAddrsOfCluster(admin->examineBrokerClusterInfo(), JavaTrim(line.GetOptionValueOr("c", "")));
    }
    for (const std::string& addr : addrs) {
      admin->updateGlobalWhiteAddrConfig(addr, addresses, acl_file);
      ctx.out << StrFormat("update global white remote addresses to %s success.\n", addr.c_str());
      ctx.out.flush();
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateGlobalWhiteAddrCommand() {
  return std::make_unique<UpdateGlobalWhiteAddrCommand>();
}

}  // namespace rocketmq::admin::tools
