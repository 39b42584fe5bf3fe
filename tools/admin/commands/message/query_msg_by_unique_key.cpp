// queryMsgByUniqueKey: prints a message found by its unique key (client-side msgId)
// (Java org.apache.rocketmq.tools.command.message.QueryMsgByUniqueKeySubCommand).
#include <algorithm>
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

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string msg_id = JavaTrim(*line.GetOptionValue("i"));
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const bool show_all = line.HasOption("a");
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    if (line.HasOption("g") && line.HasOption("d")) {
      ConsumeMessageDirectlyResult r = admin->consumeMessageDirectly(
          JavaTrim(*line.GetOptionValue("g")), JavaTrim(*line.GetOptionValue("d")), topic, msg_id);
      if (ctx.json) {
        JsonWriter w;
        WriteDirectResultJson(w, r);
        ctx.out << w.str() << "\n";
      } else {
        ctx.out << r.toString();
      }
      return;
    }
    QueryResult result = admin->queryMessageByUniqKey(topic, msg_id, 32, 0, INT64_MAX);
    std::vector<MQMessageExt>& list = result.message_list;
    std::stable_sort(list.begin(), list.end(), [](const MQMessageExt& a, const MQMessageExt& b) {
      return a.getStoreTimestamp() < b.getStoreTimestamp();
    });
    const size_t n = list.empty() ? 0 : (show_all ? list.size() : 1);
    JsonWriter w;
    if (ctx.json) w.BeginArray();
    for (size_t i = 0; i < n; ++i) {
      if (ctx.json) {
        WriteMessageDetailJson(w, *admin, list[i], false, static_cast<int>(i));
      } else {
        PrintMessageDetail(ctx, *admin, list[i], false, static_cast<int>(i));
      }
    }
    if (ctx.json) ctx.out << w.EndArray().str() << "\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryMsgByUniqueKeyCommand() {
  return std::make_unique<QueryMsgByUniqueKeyCommand>();
}

}  // namespace rocketmq::admin::tools
