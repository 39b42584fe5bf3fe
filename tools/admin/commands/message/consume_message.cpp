// consumeMessage: pulls and prints messages of a topic (by queue, offset, time range or count)
// (Java org.apache.rocketmq.tools.command.message.ConsumeMessageCommand).
#include <algorithm>
#include <memory>
#include <string>

#include <optional>
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

class ConsumeMessageCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumeMessage"; }
  std::string Description() const override { return "Consume message"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "Topic name", /*required=*/true);
    options.AddOption("b", "brokerName", true, "Broker name");
    options.AddOption("i", "queueId", true, "Queue Id");
    options.AddOption("o", "offset", true, "Queue offset");
    options.AddOption("g", "consumerGroup", true, "Consumer group name");
    options.AddOption("s", "beginTimestamp ", true,
                      "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("e", "endTimestamp ", true,
                      "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("c", "MessageNumber", true, "Number of message to be consumed");
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    group_ = line.HasOption("g") ? JavaTrim(*line.GetOptionValue("g")) : kToolsConsumerGroup;
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    int64_t count = 128;
    if (line.HasOption("c")) {
      count = JavaParseLong(JavaTrim(*line.GetOptionValue("c")));
      if (count <= 0) {
        ctx.out << "Please input a positive messageNumber!";
        return;
      }
    }
    std::string broker_name;
    if (line.HasOption("b")) broker_name = JavaTrim(*line.GetOptionValue("b"));
    std::optional<int> queue_id;
    int64_t offset = 0;
    if (line.HasOption("i")) {
      if (!line.HasOption("b")) {
        ctx.out << "Please set the brokerName before queueId!";
        return;
      }
      queue_id = JavaParseInt(JavaTrim(*line.GetOptionValue("i")));
    }
    if (line.HasOption("o")) {
      if (!queue_id) {
        ctx.out << "Please set queueId before offset!";
        return;
      }
      offset = JavaParseLong(JavaTrim(*line.GetOptionValue("o")));
    }
    const int64_t now = JavaParseLong(NowMillisText());
    int64_t begin = 0;
    int64_t end = 0;
    if (line.HasOption("s")) {
      begin = ParseToolTimestamp(JavaTrim(*line.GetOptionValue("s")));
      if (begin > now) {
        ctx.out << "Please set the beginTimestamp before now!";
        return;
      }
    }
    if (line.HasOption("e")) {
      end = ParseToolTimestamp(JavaTrim(*line.GetOptionValue("e")));
      if (end > now) {
        ctx.out << "Please set the endTimestamp before now!";
        return;
      }
      if (begin > end) {
        ctx.out << "Please make sure that the beginTimestamp is less than or equal to the "
                   "endTimestamp";
        return;
      }
    }
    admin_ = ctx.StartAdmin();
    ctx_ = &ctx;
    if (ctx.json) json_.BeginArray();
    if (queue_id) {
      ByQueue(MQMessageQueue(topic, broker_name, *queue_id), offset, begin, end, count);
    } else {
      Default(topic, begin, end, count);
    }
    if (ctx.json) ctx.out << json_.EndArray().str() << "\n";
  }

 private:
  // Java executeDefault: the queues in HashSet order until `count` messages were provided.
  void Default(const std::string& topic, int64_t begin, int64_t end, int64_t count) {
    int64_t left = count;
    for (const MQMessageQueue& mq :
         JavaMessageQueueSetOrder(admin_->fetchSubscribeMessageQueues(topic))) {
      if (left == 0) return;
      int64_t min_offset = admin_->minOffset(mq);
      int64_t max_offset = admin_->maxOffset(mq);
      if (begin > 0) min_offset = admin_->searchOffset(mq, begin);
      if (end > 0) max_offset = admin_->searchOffset(mq, end);
      if (max_offset - min_offset > left) {
        Text(StrFormat("The older %lld message of the %d queue will be provided\n",
                       static_cast<long long>(left), mq.getQueueId()));
        max_offset = min_offset + left - 1;
        left = 0;
      } else {
        // Java's arithmetic, off by one included: the queue's end offset is pulled too.
        left = left - (max_offset - min_offset) - 1;
      }
      PullQueue(mq, min_offset, max_offset);
    }
  }

  // Java executeByCondition.
  void ByQueue(const MQMessageQueue& mq, int64_t offset, int64_t begin, int64_t end,
               int64_t count) {
    int64_t min_offset = admin_->minOffset(mq);
    int64_t max_offset = admin_->maxOffset(mq);
    if (begin > 0) min_offset = admin_->searchOffset(mq, begin);
    if (end > 0) max_offset = admin_->searchOffset(mq, end);
    if (offset > max_offset) {
      Text(JavaMessageQueueText(mq) + " no matched msg, offset=" + std::to_string(offset) + "\n");
      return;
    }
    min_offset = std::max(min_offset, offset);
    if (max_offset - min_offset > count) {
      // "oldler": Java's typo, kept for scripts.
      Text(StrFormat("The oldler %lld message will be provided\n", static_cast<long long>(count)));
      max_offset = min_offset + count - 1;
    }
    PullQueue(mq, min_offset, max_offset);
  }

  // Java pullMessageByQueue: offsets [min_offset, max_offset].
  void PullQueue(const MQMessageQueue& mq, int64_t min_offset, int64_t max_offset) {
    for (int64_t offset = min_offset; offset <= max_offset;) {
      PullResult r =
          admin_->pullMessage(group_, mq, "*", offset, static_cast<int>(max_offset - offset + 1));
      offset = r.nextBeginOffset;
      if (r.pullStatus == FOUND) {
        Text("Consume ok\n");
        for (const MQMessageExt& msg : r.msgFoundList) {
          if (ctx_->json) {
            WriteMessageJson(json_, msg, true);
          } else {
            ctx_->out << "MSGID: " << msg.getMsgId() << " " << JavaMessageExtToString(msg)
                      << " BODY: " << msg.getBody() << "\n";
          }
        }
      } else if (r.pullStatus == NO_MATCHED_MSG) {
        Text(JavaMessageQueueText(mq) +
             " no matched msg. status=NO_MATCHED_MSG, offset=" + std::to_string(offset) + "\n");
      } else {
        Text(JavaMessageQueueText(mq) + " print msg finished. status=" +
             PullStatusText(r.pullStatus) + ", offset=" + std::to_string(offset) + "\n");
        break;
      }
    }
  }

  // Progress text: on stdout in text mode, left out of the JSON document.
  void Text(const std::string& text) {
    if (!ctx_->json) ctx_->out << text;
  }

  std::string group_;
  std::unique_ptr<DefaultMQAdminExt> admin_;
  CommandContext* ctx_ = nullptr;
  JsonWriter json_;
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumeMessageCommand() {
  return std::make_unique<ConsumeMessageCommand>();
}

}  // namespace rocketmq::admin::tools
