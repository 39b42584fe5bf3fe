// skipAccumulatedMessage: moves the offsets of a consumer group on a topic to the end
// (Java org.apache.rocketmq.tools.command.offset.SkipAccumulationSubCommand).
#include <memory>
#include <string>

#include "common/response_code.h"
#include "rocketmq/admin.h"
#include "tools/admin/command_table.h"
#include "tools/admin/consumer_output.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class SkipAccumulatedMessageCommand final : public SubCommand {
 public:
  std::string Name() const override { return "skipAccumulatedMessage"; }
  std::string Description() const override {
    return "Skip all messages that are accumulated (not consumed) currently";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "group", true, "set the consumer group", /*required=*/true);
    options.AddOption("t", "topic", true, "set the topic", /*required=*/true);
    options.AddOption("f", "force", true, "set the force rollback by timestamp switch[true|false]");
  }

  // resetOffsetByTime to the end of every queue (timestamp -1), without its first line.
  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string group = JavaTrim(*line.GetOptionValue("g"));
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    bool force = true;
    if (std::optional<std::string> f = line.GetOptionValue("f"))
      force = JavaParseBoolean(JavaTrim(*f));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::map<MQMessageQueue, int64_t> table;
    try {
      table = admin->resetOffsetByTimestamp(topic, group, -1, force);
    } catch (const MQClientException& e) {
      if (e.getResponseCode() != ResponseCode::kConsumerNotOnline) throw;
      ctx.out << FormatRollbackStats(admin->resetOffsetByTimestampOld(group, topic, -1, force));
      return;
    }
    ctx.out << FormatResetOffsetTable(table, RouteBrokerOrder(*admin, topic));
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewSkipAccumulatedMessageCommand() {
  return std::make_unique<SkipAccumulatedMessageCommand>();
}

}  // namespace rocketmq::admin::tools
