// sendMsgStatus: sends test messages to the topic named after a broker and prints each send result
// and time (Java org.apache.rocketmq.tools.command.broker.SendMsgStatusCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class SendMsgStatusCommand final : public SubCommand {
 public:
  std::string Name() const override { return "sendMsgStatus"; }
  std::string Description() const override { return "send msg to broker."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerName", true, "Broker Name", /*required=*/true);
    options.AddOption("s", "messageSize", true, "Message Size, Default: 128");
    options.AddOption("c", "count", true, "send message count, Default: 50");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("sendMsgStatus is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewSendMsgStatusCommand() {
  return std::make_unique<SendMsgStatusCommand>();
}

}  // namespace rocketmq::admin::tools
