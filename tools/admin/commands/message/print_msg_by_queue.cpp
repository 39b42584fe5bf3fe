// printMsgByQueue: prints (or counts by tag) the messages of one queue between two timestamps
// (Java org.apache.rocketmq.tools.command.message.PrintMessageByQueueCommand).
#include <memory>
#include <string>

#include <vector>

#include <algorithm>
#include <map>
#include <optional>
#include "common/json_writer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/commands/message/message_printer.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"

#include "tools/admin/command_table.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class PrintMsgByQueueCommand final : public SubCommand {
 public:
  std::string Name() const override { return "printMsgByQueue"; }
  std::string Description() const override { return "Print Message Detail"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("a", "brokerName ", true, "broker name", /*required=*/true);
    options.AddOption("i", "queueId ", true, "queue id", /*required=*/true);
    options.AddOption("c", "charsetName ", true, "CharsetName(eg: UTF-8,GBK)");
    options.AddOption("s", "subExpression ", true, "Subscribe Expression(eg: TagA || TagB)");
    options.AddOption("b", "beginTimestamp ", true,
                      "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("e", "endTimestamp ", true,
                      "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
    options.AddOption("p", "print msg", true, "print msg. eg: true | false(default)");
    options.AddOption("d", "printBody ", true, "print body. eg: true | false(default)");
    options.AddOption("f", "calculate", true, "calculate by tag. eg: true | false(default)");
  }

  bool SupportsJson() const override { return true; }

  // Charsets other than UTF-8 (-c) are not converted: bodies are printed as stored.
  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    auto flag = [&line](const char* name) {
      return line.HasOption(name) && JavaParseBoolean(JavaTrim(*line.GetOptionValue(name)));
    };
    const bool print_msg = flag("p");
    const bool print_body = flag("d");
    const bool cal_by_tag = flag("f");
    const std::string sub_expression =
        line.HasOption("s") ? JavaTrim(*line.GetOptionValue("s")) : "*";
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const std::string broker_name = JavaTrim(*line.GetOptionValue("a"));
    const int queue_id = JavaParseInt(JavaTrim(*line.GetOptionValue("i")));
    std::optional<int64_t> begin;
    std::optional<int64_t> end;
    if (line.HasOption("b")) begin = ParseToolTimestamp(JavaTrim(*line.GetOptionValue("b")));
    if (line.HasOption("e")) end = ParseToolTimestamp(JavaTrim(*line.GetOptionValue("e")));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const MQMessageQueue mq(topic, broker_name, queue_id);
    int64_t min_offset = admin->minOffset(mq);
    int64_t max_offset = admin->maxOffset(mq);
    if (begin) min_offset = admin->searchOffset(mq, *begin);
    if (end) max_offset = admin->searchOffset(mq, *end);

    JsonWriter w;
    if (ctx.json) w.BeginObject().Key("messages").BeginArray();
    std::vector<std::string> tag_order;  // first-seen order (HashMap insertion)
    std::map<std::string, int64_t> tag_counts;
    for (int64_t offset = min_offset; offset < max_offset;) {
      PullResult r = admin->pullMessage(kToolsConsumerGroup, mq, sub_expression, offset, 32);
      offset = r.nextBeginOffset;
      if (r.pullStatus != FOUND) break;
      for (const MQMessageExt& msg : r.msgFoundList) {
        const std::string tag = msg.getTags();
        if (cal_by_tag && JavaTrim(tag) != "") {
          if (tag_counts[tag]++ == 0) tag_order.push_back(tag);
        }
        if (!print_msg) continue;
        if (ctx.json) {
          WriteMessageJson(w, msg, print_body);
        } else {
          ctx.out << "MSGID: " << msg.getMsgId() << " " << JavaMessageExtToString(msg)
                  << " BODY: " << (print_body ? msg.getBody() : "NOT PRINT BODY") << "\n";
        }
      }
    }
    // Java: a HashMap of tags, sorted (stably) by count, highest first.
    std::vector<std::string> tags = JavaHashSetOrder(tag_order);
    std::stable_sort(tags.begin(), tags.end(), [&](const std::string& a, const std::string& b) {
      return tag_counts[a] > tag_counts[b];
    });
    if (ctx.json) {
      w.EndArray();
      if (cal_by_tag) {
        w.Key("tagCounts").BeginArray();
        for (const std::string& tag : tags) {
          w.BeginObject().Key("tag").String(tag).Key("count").Int(tag_counts[tag]).EndObject();
        }
        w.EndArray();
      }
      ctx.out << w.EndObject().str() << "\n";
      return;
    }
    if (!cal_by_tag) return;
    for (const std::string& tag : tags) {
      ctx.out << StrFormat("Tag: %-30s Count: %lld\n", tag.c_str(),
                           static_cast<long long>(tag_counts[tag]));
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewPrintMsgByQueueCommand() {
  return std::make_unique<PrintMsgByQueueCommand>();
}

}  // namespace rocketmq::admin::tools
