// updateBrokerConfig: sets one broker config key on one broker or on every master of a cluster
// (Java org.apache.rocketmq.tools.command.broker.UpdateBrokerConfigSubCommand).
//
// Output: "update broker config success, <addr>" per updated broker. With -c only masters are
// updated (as Java); a master that refuses does not stop the others, and the command then fails
// naming every refusal. Neither -b nor -c: the usage (as Java), then a failure.
#include <memory>
#include <string>

#include "tools/admin/cli/help_formatter.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mqadmin_startup.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class UpdateBrokerConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateBrokerConfig"; }
  std::string Description() const override { return "Update broker's config"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "update which broker");
    options.AddOption("c", "clusterName", true, "update which cluster");
    options.AddOption("k", "key", true, "config key", /*required=*/true);
    options.AddOption("v", "value", true, "config value", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    Properties properties;
    properties[JavaTrim(line.GetOptionValueOr("k", ""))] = JavaTrim(line.GetOptionValueOr("v", ""));
    if (line.HasOption("b")) {
      const std::string addr = JavaTrim(line.GetOptionValueOr("b", ""));
      std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
      admin->updateBrokerConfig(addr, properties);
      ctx.out << StrFormat("update broker config success, %s\n", addr.c_str());
      return;
    }
    if (line.HasOption("c")) {
      const std::string cluster = JavaTrim(line.GetOptionValueOr("c", ""));
      std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
      std::string failures;
      for (const std::string& addr :
           MasterAddrsOfCluster(admin->examineBrokerClusterInfo(), cluster)) {
        try {
          admin->updateBrokerConfig(addr, properties);
          ctx.out << StrFormat("update broker config success, %s\n", addr.c_str());
        } catch (const std::exception& e) {
          failures +=
              (failures.empty() ? "" : "; ") + addr + ": " + DescribeFailure(e, ctx.namesrv_addr);
        }
      }
      if (!failures.empty()) throw CommandError(failures);
      return;
    }
    ctx.out << cli::FormatHelp("mqadmin " + Name(), CommandOptions(*this));
    throw CommandError("give a broker (-b) or a cluster (-c)");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateBrokerConfigCommand() {
  return std::make_unique<UpdateBrokerConfigCommand>();
}

}  // namespace rocketmq::admin::tools
