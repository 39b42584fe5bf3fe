// queryMsgById: prints a message found by its offset message id (optionally resends or consumes it
// directly) (Java org.apache.rocketmq.tools.command.message.QueryMsgByIdSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class QueryMsgByIdCommand final : public SubCommand {
 public:
  std::string Name() const override { return "queryMsgById"; }
  std::string Description() const override { return "Query Message by Id"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("i", "msgId", true, "Message Id", /*required=*/true);
    options.AddOption("g", "consumerGroup", true, "consumer group name");
    options.AddOption("d", "clientId", true, "The consumer's client id");
    options.AddOption("s", "sendMessage", true, "resend message");
    options.AddOption("u", "unitName", true, "unit name");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("queryMsgById is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryMsgByIdCommand() {
  return std::make_unique<QueryMsgByIdCommand>();
}

}  // namespace rocketmq::admin::tools
