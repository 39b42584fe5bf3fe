// deleteTopic: deletes a topic from every broker of a cluster and from the NameServers
// (Java org.apache.rocketmq.tools.command.topic.DeleteTopicSubCommand).
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class DeleteTopicCommand final : public SubCommand {
 public:
  std::string Name() const override { return "deleteTopic"; }
  std::string Description() const override { return "Delete topic from broker and NameServer."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("c", "clusterName", true, "delete topic from which cluster",
                      /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const std::string cluster = JavaTrim(*line.GetOptionValue("c"));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::vector<std::string> masters =
        MasterAddrsOfCluster(admin->examineBrokerClusterInfo(), cluster);
    admin->deleteTopicInBroker(std::set<std::string>(masters.begin(), masters.end()), topic);
    ctx.out << "delete topic [" << topic << "] from cluster [" << cluster << "] success.\n";
    // Java: every address of -n (split at ';'), else the NameServers the client knows.
    std::set<std::string> namesrvs;
    size_t start = 0;
    const std::string list = JavaTrim(ctx.namesrv_addr);
    while (start <= list.size() && !list.empty()) {
      size_t end = list.find(';', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) namesrvs.insert(list.substr(start, end - start));
      start = end + 1;
    }
    admin->deleteTopicInNameServer(namesrvs, topic, cluster);
    ctx.out << "delete topic [" << topic << "] from NameServer success.\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewDeleteTopicCommand() {
  return std::make_unique<DeleteTopicCommand>();
}

}  // namespace rocketmq::admin::tools
