// printMsg: prints every message of a topic between two timestamps
// (Java org.apache.rocketmq.tools.command.message.PrintMessageSubCommand).
#include <memory>
#include <string>

#include <vector>

#include <optional>
#include "common/json_writer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/commands/message/message_printer.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
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

  bool SupportsJson() const override { return true; }

  // Charsets other than UTF-8 (-c) are not converted: bodies are printed as stored.
  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const std::string sub_expression =
        line.HasOption("s") ? JavaTrim(*line.GetOptionValue("s")) : "*";
    const bool print_body =
        !line.HasOption("d") || JavaParseBoolean(JavaTrim(*line.GetOptionValue("d")));
    std::optional<int64_t> begin;
    std::optional<int64_t> end;
    if (line.HasOption("b")) begin = ParseToolTimestamp(JavaTrim(*line.GetOptionValue("b")));
    if (line.HasOption("e")) end = ParseToolTimestamp(JavaTrim(*line.GetOptionValue("e")));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::vector<MQMessageQueue> mqs =
        JavaMessageQueueSetOrder(admin->fetchSubscribeMessageQueues(topic));
    JsonWriter w;
    if (ctx.json) w.BeginArray();
    for (const MQMessageQueue& mq : mqs) {
      int64_t min_offset = admin->minOffset(mq);
      int64_t max_offset = admin->maxOffset(mq);
      if (begin) min_offset = admin->searchOffset(mq, *begin);
      if (end) max_offset = admin->searchOffset(mq, *end);
      if (ctx.json) {
        w.BeginObject();
        w.Key("brokerName").String(mq.getBrokerName());
        w.Key("queueId").Int(mq.getQueueId());
        w.Key("topic").String(mq.getTopic());
        w.Key("minOffset").Int(min_offset);
        w.Key("maxOffset").Int(max_offset);
        w.Key("messages").BeginArray();
      } else {
        ctx.out << "minOffset=" << min_offset << ", maxOffset=" << max_offset << ", "
                << JavaMessageQueueText(mq) << "\n";
      }
      for (int64_t offset = min_offset; offset < max_offset;) {
        PullResult r = admin->pullMessage(kToolsConsumerGroup, mq, sub_expression, offset, 32);
        offset = r.nextBeginOffset;
        if (r.pullStatus == FOUND) {
          for (const MQMessageExt& msg : r.msgFoundList) {
            if (ctx.json) {
              WriteMessageJson(w, msg, print_body);
            } else {
              ctx.out << "MSGID: " << msg.getMsgId() << " " << JavaMessageExtToString(msg)
                      << " BODY: " << (print_body ? msg.getBody() : "NOT PRINT BODY") << "\n";
            }
          }
        } else if (r.pullStatus == NO_MATCHED_MSG) {
          if (!ctx.json) {
            ctx.out << JavaMessageQueueText(mq)
                    << " no matched msg. status=NO_MATCHED_MSG, offset=" << offset << "\n";
          }
        } else {
          if (!ctx.json) {
            ctx.out << JavaMessageQueueText(mq)
                    << " print msg finished. status=" << PullStatusText(r.pullStatus)
                    << ", offset=" << offset << "\n";
          }
          break;
        }
      }
      if (ctx.json) {
        w.EndArray().EndObject();
      } else {
        ctx.out << "--------------------------------------------------------\n";
      }
    }
    if (ctx.json) ctx.out << w.EndArray().str() << "\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewPrintMsgCommand() { return std::make_unique<PrintMsgCommand>(); }

}  // namespace rocketmq::admin::tools
