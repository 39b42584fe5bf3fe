// queryMsgById: prints a message found by its offset message id (optionally resends or consumes it
// directly) (Java org.apache.rocketmq.tools.command.message.QueryMsgByIdSubCommand).
#include <memory>
#include <string>

#include <vector>

#include "common/json_writer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/commands/message/message_printer.h"
#include "tools/admin/option_values.h"
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

  bool SupportsJson() const override { return true; }

  // Better than Java: every id may be an offset message id or a UNIQ_KEY of an IPv4 or IPv6
  // producer (DefaultMQAdminExt::viewMessageByAnyId tries both readings).
  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::vector<std::string> ids = SplitIdList(JavaTrim(*line.GetOptionValue("i")));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    if (line.HasOption("g") && line.HasOption("d")) {
      const std::string group = JavaTrim(*line.GetOptionValue("g"));
      const std::string client_id = JavaTrim(*line.GetOptionValue("d"));
      JsonWriter w;
      if (ctx.json) w.BeginArray();
      for (const std::string& id : ids) {
        const MQMessageExt msg = admin->viewMessageByAnyId(id);
        ConsumeMessageDirectlyResult r =
            admin->consumeMessageDirectly(group, client_id, msg.getOffsetMsgId());
        if (ctx.json) {
          WriteDirectResultJson(w, r);
        } else {
          ctx.out << r.toString();
          ctx.out.flush();
        }
      }
      if (ctx.json) ctx.out << w.EndArray().str() << "\n";
      return;
    }
    if (line.HasOption("s")) {
      if (ctx.json) throw CommandError("--json is not supported with -s (a write)");
      if (!JavaParseBoolean(JavaTrim(line.GetOptionValueOr("s", "false")))) return;
      const std::string unit = line.HasOption("u") ? JavaTrim(*line.GetOptionValue("u")) : "";
      std::unique_ptr<DefaultMQProducer> producer = StartToolProducer(ctx, "ReSendMsgById", unit);
      for (const std::string& id : ids) {
        MQMessageExt msg = admin->viewMessageByAnyId(id);
        ctx.out << "prepare resend msg. originalMsgId=" << id;
        ctx.out.flush();
        SendResult result = producer->send(msg);
        ctx.out << result.toString();
        ctx.out.flush();
      }
      producer->shutdown();
      return;
    }
    JsonWriter w;
    if (ctx.json) w.BeginArray();
    for (const std::string& id : ids) {
      const MQMessageExt msg = admin->viewMessageByAnyId(id);
      if (ctx.json) {
        WriteMessageDetailJson(w, *admin, msg, true, 0);
      } else {
        PrintMessageDetail(ctx, *admin, msg, true, 0);
      }
    }
    if (ctx.json) ctx.out << w.EndArray().str() << "\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryMsgByIdCommand() {
  return std::make_unique<QueryMsgByIdCommand>();
}

}  // namespace rocketmq::admin::tools
