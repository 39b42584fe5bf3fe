// cleanUnusedTopic: asks one broker or every broker of a cluster to drop topics it no longer serves
// (Java org.apache.rocketmq.tools.command.broker.CleanUnusedTopicCommand).
#include <memory>
#include <string>

#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class CleanUnusedTopicCommand final : public SubCommand {
 public:
  std::string Name() const override { return "cleanUnusedTopic"; }
  std::string Description() const override { return "Clean unused topic on broker."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "Broker address");
    options.AddOption("c", "cluster", true, "cluster name");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    bool result = false;
    std::string cluster;
    if (line.HasOption("b")) {
      result = admin->cleanUnusedTopicByAddr(JavaTrim(line.GetOptionValueOr("b", "")));
    } else {
      // No -c (or an empty one): every cluster the NameServer knows.
      cluster = JavaTrim(line.GetOptionValueOr("c", ""));
      result = admin->cleanUnusedTopic(cluster);
    }
    // Java prints "false" when no broker was asked (unknown cluster); that is a failure here.
    if (!result) {
      throw CommandError("no broker in " +
                         (cluster.empty() ? std::string("any cluster") : "cluster " + cluster) +
                         ": " + kUnknownClusterHint);
    }
    ctx.out << "success";  // Java printf: no newline
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewCleanUnusedTopicCommand() {
  return std::make_unique<CleanUnusedTopicCommand>();
}

}  // namespace rocketmq::admin::tools
