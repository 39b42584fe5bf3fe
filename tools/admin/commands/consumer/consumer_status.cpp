// consumerStatus: prints the running info of the clients of a consumer group
// (Java org.apache.rocketmq.tools.command.consumer.ConsumerStatusSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ConsumerStatusCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumerStatus"; }
  std::string Description() const override { return "Query consumer's internal data structure"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "consumerGroup", true, "consumer group name", /*required=*/true);
    options.AddOption("i", "clientId", true, "The consumer's client id");
    options.AddOption("b", "brokerAddr", true, "broker address");
    options.AddOption("s", "jstack", false, "Run jstack command in the consumer progress");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("consumerStatus is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumerStatusCommand() {
  return std::make_unique<ConsumerStatusCommand>();
}

}  // namespace rocketmq::admin::tools
