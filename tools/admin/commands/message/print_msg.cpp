// printMsg: prints every message of a topic between two timestamps
// (Java org.apache.rocketmq.tools.command.message.PrintMessageSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class PrintMsgCommand final : public SubCommand {
 public:
  std::string Name() const override { return "printMsg"; }
  std::string Description() const override { return "Print Message Detail"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("c", "charsetName ", true, "CharsetName(eg: UTF-8,GBK)");
    options.AddOption("s", "subExpression ", true, "Subscribe Expression(eg: TagA || TagB)");
    options.AddOption("b", "beginTimestamp ", true,
                      "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("e", "endTimestamp ", true,
                      "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("d", "printBody ", true, "print body");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("printMsg is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewPrintMsgCommand() { return std::make_unique<PrintMsgCommand>(); }

}  // namespace rocketmq::admin::tools
