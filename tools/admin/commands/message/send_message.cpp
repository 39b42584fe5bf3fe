// sendMessage: sends one message and prints the send result
// (Java org.apache.rocketmq.tools.command.message.SendMessageCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class SendMessageCommand final : public SubCommand {
 public:
  std::string Name() const override { return "sendMessage"; }
  std::string Description() const override { return "Send a message"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "Topic name", /*required=*/true);
    options.AddOption("p", "body", true, "UTF-8 string format of the message body",
                      /*required=*/true);
    options.AddOption("k", "key", true, "Message keys");
    options.AddOption("c", "tags", true, "Message tags");
    options.AddOption("b", "broker", true, "Send message to target broker");
    options.AddOption("i", "qid", true, "Send message to target queue");
    options.AddOption("m", "msgTraceEnable", true, "Message Trace Enable, Default: false");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("sendMessage is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewSendMessageCommand() {
  return std::make_unique<SendMessageCommand>();
}

}  // namespace rocketmq::admin::tools
