// consumeMessage: pulls and prints messages of a topic (by queue, offset, time range or count)
// (Java org.apache.rocketmq.tools.command.message.ConsumeMessageCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ConsumeMessageCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumeMessage"; }
  std::string Description() const override { return "Consume message"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "Topic name", /*required=*/true);
    options.AddOption("b", "brokerName", true, "Broker name");
    options.AddOption("i", "queueId", true, "Queue Id");
    options.AddOption("o", "offset", true, "Queue offset");
    options.AddOption("g", "consumerGroup", true, "Consumer group name");
    options.AddOption("s", "beginTimestamp ", true,
                      "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("e", "endTimestamp ", true,
                      "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("c", "MessageNumber", true, "Number of message to be consumed");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("consumeMessage is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumeMessageCommand() {
  return std::make_unique<ConsumeMessageCommand>();
}

}  // namespace rocketmq::admin::tools
