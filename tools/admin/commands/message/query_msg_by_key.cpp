// queryMsgByKey: lists the messages of a topic carrying a key
// (Java org.apache.rocketmq.tools.command.message.QueryMsgByKeySubCommand).
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

class QueryMsgByKeyCommand final : public SubCommand {
 public:
  std::string Name() const override { return "queryMsgByKey"; }
  std::string Description() const override { return "Query Message by Key"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("k", "msgKey", true, "Message Key", /*required=*/true);
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const std::string key = JavaTrim(*line.GetOptionValue("k"));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    QueryResult result = admin->queryMessage(topic, key, 64, 0, INT64_MAX);
    if (ctx.json) {
      JsonWriter w;
      w.BeginObject();
      w.Key("indexLastUpdateTimestamp").Int(result.index_last_update_timestamp);
      w.Key("messageList").BeginArray();
      for (const MQMessageExt& msg : result.message_list) WriteMessageJson(w, msg, false);
      w.EndArray().EndObject();
      ctx.out << w.str() << "\n";
      return;
    }
    ctx.out << StrFormat("%-50s %4s %40s\n", "#Message ID", "#QID", "#Offset");
    for (const MQMessageExt& msg : result.message_list) {
      ctx.out << StrFormat("%-50s %4d %40lld\n", msg.getMsgId().c_str(), msg.getQueueId(),
                           static_cast<long long>(msg.getQueueOffset()));
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryMsgByKeyCommand() {
  return std::make_unique<QueryMsgByKeyCommand>();
}

}  // namespace rocketmq::admin::tools
