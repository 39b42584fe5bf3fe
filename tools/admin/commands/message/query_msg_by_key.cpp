// queryMsgByKey: lists the messages of a topic carrying a key
// (Java org.apache.rocketmq.tools.command.message.QueryMsgByKeySubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class QueryMsgByKeyCommand final : public SubCommand {
 public:
  std::string Name() const override { return "queryMsgByKey"; }
  std::string Description() const override { return "Query Message by Key"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("k", "msgKey", true, "Message Key", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("queryMsgByKey is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryMsgByKeyCommand() {
  return std::make_unique<QueryMsgByKeyCommand>();
}

}  // namespace rocketmq::admin::tools
