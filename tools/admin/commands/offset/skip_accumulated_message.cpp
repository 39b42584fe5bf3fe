// skipAccumulatedMessage: moves the offsets of a consumer group on a topic to the end
// (Java org.apache.rocketmq.tools.command.offset.SkipAccumulationSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class SkipAccumulatedMessageCommand final : public SubCommand {
 public:
  std::string Name() const override { return "skipAccumulatedMessage"; }
  std::string Description() const override {
    return "Skip all messages that are accumulated (not consumed) currently";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "group", true, "set the consumer group", /*required=*/true);
    options.AddOption("t", "topic", true, "set the topic", /*required=*/true);
    options.AddOption("f", "force", true, "set the force rollback by timestamp switch[true|false]");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("skipAccumulatedMessage is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewSkipAccumulatedMessageCommand() {
  return std::make_unique<SkipAccumulatedMessageCommand>();
}

}  // namespace rocketmq::admin::tools
