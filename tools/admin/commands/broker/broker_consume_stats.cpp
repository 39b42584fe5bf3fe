// brokerConsumeStats: prints the consume progress of every (topic, group, queue) of one broker
// (Java org.apache.rocketmq.tools.command.broker.BrokerConsumeStatsSubCommad).
// GET_BROKER_CONSUME_STATS on -b; rows in the broker's group order, queues in MessageQueue order.
#include <memory>
#include <string>

#include "common/json_writer.h"
#include "rocketmq/admin.h"
#include "tools/admin/command_table.h"
#include "tools/admin/consumer_output.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class BrokerConsumeStatsCommand final : public SubCommand {
 public:
  std::string Name() const override { return "brokerConsumeStats"; }
  std::string Description() const override { return "Fetch broker consume stats data"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "Broker address", /*required=*/true);
    options.AddOption("t", "timeoutMillis", true, "request timeout Millis");
    options.AddOption("l", "level", true, "threshold of print diff");
    options.AddOption("o", "order", true, "order topic");
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string broker_addr = JavaTrim(*line.GetOptionValue("b"));
    bool is_order = false;
    int64_t timeout_ms = 50000;
    int64_t diff_level = 0;
    if (auto o = line.GetOptionValue("o")) is_order = JavaParseBoolean(JavaTrim(*o));
    if (auto t = line.GetOptionValue("t")) timeout_ms = JavaParseLong(JavaTrim(*t));
    if (auto l = line.GetOptionValue("l")) diff_level = JavaParseLong(JavaTrim(*l));
    ConsumeStatsList list = admin->fetchConsumeStatsInBroker(broker_addr, is_order, timeout_ms);
    JsonWriter w;
    if (ctx.json) {
      w.BeginObject();
      w.Key("brokerAddr").String(list.broker_addr);
      w.Key("rows").BeginArray();
    } else {
      ctx.out << StrFormat("%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s\n", "#Topic",
                           "#Group", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset",
                           "#Diff", "#LastTime");
    }
    for (const auto& [group, stats_of_topics] : list.consume_stats_list) {
      for (const ConsumeStats& stats : stats_of_topics) {
        for (const auto& [mq, ow] : stats.offset_table) {
          const int64_t diff = ow.broker_offset - ow.consumer_offset;
          // Java skips queues under the level and queues never consumed (no last timestamp).
          if (diff < diff_level || ow.last_timestamp <= 0) continue;
          if (ctx.json) {
            w.BeginObject();
            w.Key("topic").String(mq.getTopic());
            w.Key("group").String(group);
            w.Key("brokerName").String(mq.getBrokerName());
            w.Key("queueId").Int(mq.getQueueId());
            w.Key("brokerOffset").Int(ow.broker_offset);
            w.Key("consumerOffset").Int(ow.consumer_offset);
            w.Key("diff").Int(diff);
            w.Key("lastTimestamp").Int(ow.last_timestamp);
            w.EndObject();
            continue;
          }
          ctx.out << StrFormat(
              "%-64s  %-64s  %-32s  %-4d  %-20lld  %-20lld  %-20lld  %s\n",
              FrontStringAtLeast(mq.getTopic(), 64).c_str(), group.c_str(),
              FrontStringAtLeast(mq.getBrokerName(), 32).c_str(), mq.getQueueId(),
              static_cast<long long>(ow.broker_offset), static_cast<long long>(ow.consumer_offset),
              static_cast<long long>(diff), FormatDateTime(ow.last_timestamp).c_str());
        }
      }
    }
    if (ctx.json) {
      w.EndArray();
      w.Key("totalDiff").Int(list.total_diff);
      w.EndObject();
      ctx.out << w.str() << "\n";
    } else {
      ctx.out << "\nDiff Total: " << list.total_diff << "\n";
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewBrokerConsumeStatsCommand() {
  return std::make_unique<BrokerConsumeStatsCommand>();
}

}  // namespace rocketmq::admin::tools
