// queryMsgByOffset: prints the message at an offset of one queue
// (Java org.apache.rocketmq.tools.command.message.QueryMsgByOffsetSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class QueryMsgByOffsetCommand final : public SubCommand {
 public:
  std::string Name() const override { return "queryMsgByOffset"; }
  std::string Description() const override { return "Query Message by offset"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("b", "brokerName", true, "Broker Name", /*required=*/true);
    options.AddOption("i", "queueId", true, "Queue Id", /*required=*/true);
    options.AddOption("o", "offset", true, "Queue Offset", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("queryMsgByOffset is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryMsgByOffsetCommand() {
  return std::make_unique<QueryMsgByOffsetCommand>();
}

}  // namespace rocketmq::admin::tools
