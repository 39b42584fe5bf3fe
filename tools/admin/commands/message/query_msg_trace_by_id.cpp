// queryMsgTraceById: would print the trace records of a message; out of scope (needs a trace topic)
// (Java org.apache.rocketmq.tools.command.message.QueryMsgTraceByIdSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class QueryMsgTraceByIdCommand final : public SubCommand {
 public:
  std::string Name() const override { return "queryMsgTraceById"; }
  std::string Alias() const override { return "QueryMsgTraceById"; }
  std::string Description() const override { return "query a message trace"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("i", "msgId", true, "Message Id", /*required=*/true);
    options.AddOption("t", "traceTopic", true, "The name value of message trace topic");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError(
        "queryMsgTraceById is not supported: message traces need a trace topic written by "
        "trace-enabled clients, which mqadmin does not provide");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryMsgTraceByIdCommand() {
  return std::make_unique<QueryMsgTraceByIdCommand>();
}

}  // namespace rocketmq::admin::tools
