// brokerConsumeStats: prints the consume progress of every (topic, group, queue) of one broker
// (Java org.apache.rocketmq.tools.command.broker.BrokerConsumeStatsSubCommad).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class BrokerConsumeStatsCommand final : public SubCommand {
 public:
  std::string Name() const override { return "brokerConsumeStats"; }
  std::string Description() const override { return "Fetch broker consume stats data"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "Broker address", /*required=*/true);
    options.AddOption("t", "timeoutMillis", true, "request timeout Millis");
    options.AddOption("l", "level", true, "threshold of print diff");
    options.AddOption("o", "order", true, "order topic");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("brokerConsumeStats is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewBrokerConsumeStatsCommand() {
  return std::make_unique<BrokerConsumeStatsCommand>();
}

}  // namespace rocketmq::admin::tools
