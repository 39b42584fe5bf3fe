// checkMsgSendRT: sends test messages to a topic and prints the send time of each
// (Java org.apache.rocketmq.tools.command.message.CheckMsgSendRTCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class CheckMsgSendRTCommand final : public SubCommand {
 public:
  std::string Name() const override { return "checkMsgSendRT"; }
  std::string Description() const override { return "check message send response time"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("a", "amount", true, "message amount | default 100");
    options.AddOption("s", "size", true, "message size | default 128 Byte");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("checkMsgSendRT is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewCheckMsgSendRTCommand() {
  return std::make_unique<CheckMsgSendRTCommand>();
}

}  // namespace rocketmq::admin::tools
