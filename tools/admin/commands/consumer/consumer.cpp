// consumer: prints the connections and running status of a consumer group (not registered by
// Java 4.9.8) (Java org.apache.rocketmq.tools.command.consumer.ConsumerSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ConsumerCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumer"; }
  std::string Description() const override { return "Query consumer's connection, status, etc."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "consumerGroup", true, "consumer group name", /*required=*/true);
    options.AddOption("s", "jstack", false, "Run jstack command in the consumer progress");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("consumer is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumerCommand() { return std::make_unique<ConsumerCommand>(); }

}  // namespace rocketmq::admin::tools
