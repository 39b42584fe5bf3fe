// clusterRT: sends test messages to every broker of the clusters and prints the average send time
// (Java org.apache.rocketmq.tools.command.cluster.CLusterSendMsgRTCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ClusterRTCommand final : public SubCommand {
 public:
  std::string Name() const override { return "clusterRT"; }
  std::string Description() const override { return "List All clusters Message Send RT"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("a", "amount", true, "message amount | default 100");
    options.AddOption("s", "size", true, "message size | default 128 Byte");
    options.AddOption("c", "cluster", true, "cluster name | default display all cluster");
    options.AddOption("p", "print log", true, "print as tlog | default false");
    options.AddOption("m", "machine room", true, "machine room name | default noname");
    options.AddOption("i", "interval", true, "print interval | default 10 seconds");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("clusterRT is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewClusterRTCommand() { return std::make_unique<ClusterRTCommand>(); }

}  // namespace rocketmq::admin::tools
