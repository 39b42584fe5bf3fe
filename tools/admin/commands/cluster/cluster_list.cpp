// clusterList: prints every broker of every cluster with its version, TPS and disk usage
// (Java org.apache.rocketmq.tools.command.cluster.ClusterListSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ClusterListCommand final : public SubCommand {
 public:
  std::string Name() const override { return "clusterList"; }
  std::string Description() const override { return "List all of clusters"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("m", "moreStats", false, "Print more stats");
    options.AddOption("i", "interval", true, "specify intervals numbers, it is in seconds");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("clusterList is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewClusterListCommand() {
  return std::make_unique<ClusterListCommand>();
}

}  // namespace rocketmq::admin::tools
