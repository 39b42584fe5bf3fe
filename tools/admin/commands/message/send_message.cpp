// sendMessage: sends one message and prints the send result
// (Java org.apache.rocketmq.tools.command.message.SendMessageCommand).
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

class SendMessageCommand final : public SubCommand {
 public:
  std::string Name() const override { return "sendMessage"; }
  std::string Description() const override { return "Send a message"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "Topic name", /*required=*/true);
    options.AddOption("p", "body", true, "UTF-8 string format of the message body",
                      /*required=*/true);
    options.AddOption("k", "key", true, "Message keys");
    options.AddOption("c", "tags", true, "Message tags");
    options.AddOption("b", "broker", true, "Send message to target broker");
    options.AddOption("i", "qid", true, "Send message to target queue");
    options.AddOption("m", "msgTraceEnable", true, "Message Trace Enable, Default: false");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const std::string body = JavaTrim(*line.GetOptionValue("p"));
    const std::string keys = line.HasOption("k") ? JavaTrim(*line.GetOptionValue("k")) : "";
    const std::string tags = line.HasOption("c") ? JavaTrim(*line.GetOptionValue("c")) : "";
    std::string broker_name;
    int queue_id = -1;
    if (line.HasOption("b")) broker_name = JavaTrim(*line.GetOptionValue("b"));
    if (line.HasOption("i")) {
      if (!line.HasOption("b")) {
        ctx.out << "Broker name must be set if the queue is chosen!";
        return;
      }
      queue_id = JavaParseInt(JavaTrim(*line.GetOptionValue("i")));
    }
    if (line.HasOption("m") && JavaParseBoolean(JavaTrim(*line.GetOptionValue("m")))) {
      throw CommandError("message trace (-m true) is not supported");
    }
    MQMessage msg(topic, tags, keys, body);
    std::unique_ptr<DefaultMQProducer> producer = StartToolProducer(ctx, NowMillisText());
    SendResult result = (line.HasOption("b") && queue_id > -1)
                            ? producer->send(msg, MQMessageQueue(topic, broker_name, queue_id))
                            : producer->send(msg);
    producer->shutdown();
    ctx.out << StrFormat("%-32s  %-4s  %-20s    %s\n", "#Broker Name", "#QID", "#Send Result",
                         "#MsgId");
    ctx.out << StrFormat("%-32s  %-4s  %-20s    %s\n",
                         result.getMessageQueue().getBrokerName().c_str(),
                         std::to_string(result.getMessageQueue().getQueueId()).c_str(),
                         SendStatusName(result.getSendStatus()), result.getMsgId().c_str());
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewSendMessageCommand() {
  return std::make_unique<SendMessageCommand>();
}

}  // namespace rocketmq::admin::tools
