// queryMsgByOffset: prints the message at an offset of one queue
// (Java org.apache.rocketmq.tools.command.message.QueryMsgByOffsetSubCommand).
#include <memory>
#include <string>

#include <vector>

#include "common/json_writer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/commands/message/message_printer.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
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

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const std::string broker_name = JavaTrim(*line.GetOptionValue("b"));
    const int queue_id = JavaParseInt(JavaTrim(*line.GetOptionValue("i")));
    const int64_t offset = JavaParseLong(JavaTrim(*line.GetOptionValue("o")));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    PullResult r = admin->pullMessage(kToolsConsumerGroup,
                                      MQMessageQueue(topic, broker_name, queue_id), "*", offset, 1);
    if (r.pullStatus != FOUND || r.msgFoundList.empty()) {
      // Java prints nothing; say why on stderr and fail.
      throw CommandError(std::string("no message at offset ") + std::to_string(offset) + " of " +
                         topic + "/" + broker_name + "/" + std::to_string(queue_id) + " (" +
                         PullStatusText(r.pullStatus) + ")");
    }
    if (ctx.json) {
      JsonWriter w;
      WriteMessageDetailJson(w, *admin, r.msgFoundList[0], true, 0);
      ctx.out << w.str() << "\n";
    } else {
      PrintMessageDetail(ctx, *admin, r.msgFoundList[0], true, 0);
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryMsgByOffsetCommand() {
  return std::make_unique<QueryMsgByOffsetCommand>();
}

}  // namespace rocketmq::admin::tools
