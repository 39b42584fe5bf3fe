// statsAll: prints the in/out TPS and message counts of every topic and consumer group
// (Java org.apache.rocketmq.tools.command.stats.StatsAllSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class StatsAllCommand final : public SubCommand {
 public:
  std::string Name() const override { return "statsAll"; }
  std::string Description() const override { return "Topic and Consumer tps stats"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("a", "activeTopic", false, "print active topic only");
    options.AddOption("t", "topic", true, "print select topic only");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("statsAll is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewStatsAllCommand() { return std::make_unique<StatsAllCommand>(); }

}  // namespace rocketmq::admin::tools
