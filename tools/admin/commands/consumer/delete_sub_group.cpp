// deleteSubGroup: deletes a subscription group from one broker or from every master of a cluster
// (Java org.apache.rocketmq.tools.command.consumer.DeleteSubscriptionGroupCommand).
//
// Output: -b "delete subscription group [<g>] from broker [<addr>] success."; -c one
// "... from broker [<addr>] in cluster [<c>] success." per master (Java HashSet order), then the
// group's %RETRY% and %DLQ% topics are deleted from the cluster's masters and the NameServers of
// -n, each with Java's two deleteTopic lines. -r true also removes the group's offsets (4.9.8).
// A failure while deleting those topics fails the command after the group lines (Java prints a
// stack trace and exits 0). Neither -b nor -c: the usage, then a failure.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/message_const.h"
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

// Java DeleteTopicSubCommand.deleteTopic: the topic leaves every master of the cluster, then the
// NameServers of the admin's address list (split at ';').
void DeleteGroupTopicFromCluster(DefaultMQAdminExt& admin, const std::string& cluster,
                                 const std::string& topic, CommandContext& ctx) {
  const std::vector<std::string> masters =
      MasterAddrsOfCluster(admin.examineBrokerClusterInfo(), cluster);
  admin.deleteTopicInBroker(std::set<std::string>(masters.begin(), masters.end()), topic);
  ctx.out << StrFormat("delete topic [%s] from cluster [%s] success.\n", topic.c_str(),
                       cluster.c_str());
  const std::vector<std::string> namesrvs = admin.getNameServerAddressList();
  admin.deleteTopicInNameServer(std::set<std::string>(namesrvs.begin(), namesrvs.end()), topic,
                                cluster);
  ctx.out << StrFormat("delete topic [%s] from NameServer success.\n", topic.c_str());
}

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

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string group = JavaTrim(line.GetOptionValueOr("g", ""));
    const bool remove_offset =
        line.HasOption("r") && JavaParseBoolean(JavaTrim(line.GetOptionValueOr("r", "")));
    if (line.HasOption("b")) {
      const std::string addr = JavaTrim(line.GetOptionValueOr("b", ""));
      std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
      admin->deleteSubscriptionGroup(addr, group, remove_offset);
      ctx.out << StrFormat("delete subscription group [%s] from broker [%s] success.\n",
                           group.c_str(), addr.c_str());
      return;
    }
    if (line.HasOption("c")) {
      const std::string cluster = JavaTrim(line.GetOptionValueOr("c", ""));
      std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
      for (const std::string& master :
           MasterAddrsOfCluster(admin->examineBrokerClusterInfo(), cluster)) {
        admin->deleteSubscriptionGroup(master, group, remove_offset);
        ctx.out << StrFormat(
            "delete subscription group [%s] from broker [%s] in cluster [%s] success.\n",
            group.c_str(), master.c_str(), cluster.c_str());
      }
      try {
        DeleteGroupTopicFromCluster(*admin, cluster, kRetryGroupTopicPrefix + group, ctx);
        DeleteGroupTopicFromCluster(*admin, cluster, kDlqGroupTopicPrefix + group, ctx);
      } catch (const std::exception& e) {
        throw CommandError("the group is deleted, but not its retry and DLQ topics: " +
                           DescribeFailure(e, ctx.namesrv_addr));
      }
      return;
    }
    ctx.out << cli::FormatHelp("mqadmin " + Name(), CommandOptions(*this));
    throw CommandError("give a broker (-b) or a cluster (-c)");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewDeleteSubGroupCommand() {
  return std::make_unique<DeleteSubGroupCommand>();
}

}  // namespace rocketmq::admin::tools
