// topicStatus: prints min/max offset and last update time of every queue of a topic
// (Java org.apache.rocketmq.tools.command.topic.TopicStatusSubCommand).
#include <memory>
#include <string>

#include "common/json_writer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class TopicStatusCommand final : public SubCommand {
 public:
  std::string Name() const override { return "topicStatus"; }
  std::string Description() const override { return "Examine topic Status info"; }

  bool SupportsJson() const override { return true; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    // The table's map is ordered as Java sorts MessageQueue (topic, broker name, queue id).
    const TopicStatsTable stats = admin->examineTopicStats(topic);
    if (ctx.json) {
      JsonWriter w;
      w.BeginObject().Key("offsetTable").BeginArray();
      for (const auto& [mq, offset] : stats.offset_table) {
        w.BeginObject();
        w.Key("brokerName").String(mq.getBrokerName());
        w.Key("queueId").Int(mq.getQueueId());
        w.Key("topic").String(mq.getTopic());
        w.Key("minOffset").Int(offset.min_offset);
        w.Key("maxOffset").Int(offset.max_offset);
        w.Key("lastUpdateTimestamp").Int(offset.last_update_timestamp);
        w.EndObject();
      }
      w.EndArray().EndObject();
      ctx.out << w.str() << "\n";
      return;
    }
    ctx.out << StrFormat("%-32s  %-4s  %-20s  %-20s    %s\n", "#Broker Name", "#QID", "#Min Offset",
                         "#Max Offset", "#Last Updated");
    for (const auto& [mq, offset] : stats.offset_table) {
      const std::string when = offset.last_update_timestamp > 0
                                   ? FormatDateTimeMillis(offset.last_update_timestamp)
                                   : std::string();
      // Java UtilAll.frontStringAtLeast(name, 32): at most the first 32 characters.
      ctx.out << StrFormat("%-32s  %-4d  %-20lld  %-20lld    %s\n",
                           mq.getBrokerName().substr(0, 32).c_str(), mq.getQueueId(),
                           static_cast<long long>(offset.min_offset),
                           static_cast<long long>(offset.max_offset), when.c_str());
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewTopicStatusCommand() {
  return std::make_unique<TopicStatusCommand>();
}

}  // namespace rocketmq::admin::tools
