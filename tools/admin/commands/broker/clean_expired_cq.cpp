// cleanExpiredCQ: asks one broker or every broker of a cluster to drop expired consume queues
// (Java org.apache.rocketmq.tools.command.broker.CleanExpiredCQSubCommand).
#include <memory>
#include <string>

#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class CleanExpiredCQCommand final : public SubCommand {
 public:
  std::string Name() const override { return "cleanExpiredCQ"; }
  std::string Description() const override { return "Clean expired ConsumeQueue on broker."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "Broker address");
    options.AddOption("c", "cluster", true, "clustername");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    bool result = false;
    std::string cluster;
    if (line.HasOption("b")) {
      result = admin->cleanExpiredConsumerQueueByAddr(JavaTrim(line.GetOptionValueOr("b", "")));
    } else {
      // No -c (or an empty one): every cluster the NameServer knows.
      cluster = JavaTrim(line.GetOptionValueOr("c", ""));
      result = admin->cleanExpiredConsumerQueue(cluster);
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

std::unique_ptr<SubCommand> NewCleanExpiredCQCommand() {
  return std::make_unique<CleanExpiredCQCommand>();
}

}  // namespace rocketmq::admin::tools
