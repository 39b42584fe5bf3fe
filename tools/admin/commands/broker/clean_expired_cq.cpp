// cleanExpiredCQ: asks one broker or every broker of a cluster to drop expired consume queues
// (Java org.apache.rocketmq.tools.command.broker.CleanExpiredCQSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
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

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("cleanExpiredCQ is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewCleanExpiredCQCommand() {
  return std::make_unique<CleanExpiredCQCommand>();
}

}  // namespace rocketmq::admin::tools
