// queryMsgByUniqueKey: prints a message found by its unique key (client-side msgId)
// (Java org.apache.rocketmq.tools.command.message.QueryMsgByUniqueKeySubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class QueryMsgByUniqueKeyCommand final : public SubCommand {
 public:
  std::string Name() const override { return "queryMsgByUniqueKey"; }
  std::string Description() const override { return "Query Message by Unique key"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("i", "msgId", true, "Message Id", /*required=*/true);
    options.AddOption("g", "consumerGroup", true, "consumer group name");
    options.AddOption("d", "clientId", true, "The consumer's client id");
    options.AddOption("t", "topic", true, "The topic of msg", /*required=*/true);
    options.AddOption("a", "showAll", false, "Print all message, the limit is 32");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("queryMsgByUniqueKey is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryMsgByUniqueKeyCommand() {
  return std::make_unique<QueryMsgByUniqueKeyCommand>();
}

}  // namespace rocketmq::admin::tools
