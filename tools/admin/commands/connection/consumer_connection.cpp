// consumerConnection: lists the connections and subscriptions of a consumer group
// (Java org.apache.rocketmq.tools.command.connection.ConsumerConnectionSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ConsumerConnectionCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumerConnection"; }
  std::string Description() const override {
    return "Query consumer's socket connection, client version and subscription";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "consumerGroup", true, "consumer group name", /*required=*/true);
    options.AddOption("b", "brokerAddr", true, "broker address");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("consumerConnection is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumerConnectionCommand() {
  return std::make_unique<ConsumerConnectionCommand>();
}

}  // namespace rocketmq::admin::tools
