// printMsgByQueue: prints (or counts by tag) the messages of one queue between two timestamps
// (Java org.apache.rocketmq.tools.command.message.PrintMessageByQueueCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class PrintMsgByQueueCommand final : public SubCommand {
 public:
  std::string Name() const override { return "printMsgByQueue"; }
  std::string Description() const override { return "Print Message Detail"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("a", "brokerName ", true, "broker name", /*required=*/true);
    options.AddOption("i", "queueId ", true, "queue id", /*required=*/true);
    options.AddOption("c", "charsetName ", true, "CharsetName(eg: UTF-8,GBK)");
    options.AddOption("s", "subExpression ", true, "Subscribe Expression(eg: TagA || TagB)");
    options.AddOption("b", "beginTimestamp ", true,
                      "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("e", "endTimestamp ", true,
                      "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("p", "print msg", true, "print msg. eg: true | false(default)");
    options.AddOption("d", "printBody ", true, "print body. eg: true | false(default)");
    options.AddOption("f", "calculate", true, "calculate by tag. eg: true | false(default)");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("printMsgByQueue is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewPrintMsgByQueueCommand() {
  return std::make_unique<PrintMsgByQueueCommand>();
}

}  // namespace rocketmq::admin::tools
