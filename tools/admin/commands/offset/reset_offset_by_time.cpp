// resetOffsetByTime: moves the offsets of a consumer group on a topic back or forward to a time
// (Java org.apache.rocketmq.tools.command.offset.ResetOffsetByTimeCommand).
// Online group: INVOKE_BROKER_TO_RESET_OFFSET on every broker of the topic (the brokers tell the
// consumers). When no consumer is online (206), Java's fallback (ResetOffsetByTimeOldCommand):
// GET_CONSUME_STATS + SEARCH_OFFSET_BY_TIMESTAMP + UPDATE_CONSUMER_OFFSET per queue.
#include <memory>
#include <optional>
#include <string>

#include "common/response_code.h"
#include "rocketmq/admin.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/consumer_output.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ResetOffsetByTimeCommand final : public SubCommand {
 public:
  std::string Name() const override { return "resetOffsetByTime"; }
  std::string Description() const override {
    return "Reset consumer offset by timestamp(without client restart).";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "group", true, "set the consumer group", /*required=*/true);
    options.AddOption("t", "topic", true, "set the topic", /*required=*/true);
    options.AddOption("s", "timestamp", true,
                      "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]",
                      /*required=*/true);
    options.AddOption("f", "force", true, "set the force rollback by timestamp switch[true|false]");
    options.AddOption("c", "cplus", false, "reset c++ client offset");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string group = JavaTrim(*line.GetOptionValue("g"));
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const std::string timestamp_text = JavaTrim(*line.GetOptionValue("s"));
    const int64_t timestamp = ParseResetTimestamp(timestamp_text);
    bool force = true;
    if (std::optional<std::string> f = line.GetOptionValue("f"))
      force = JavaParseBoolean(JavaTrim(*f));
    const bool is_c = line.HasOption("c");

    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::map<MQMessageQueue, int64_t> table;
    try {
      table = admin->resetOffsetByTimestamp(topic, group, timestamp, force, is_c);
    } catch (const MQClientException& e) {
      if (e.getResponseCode() != ResponseCode::kConsumerNotOnline) throw;
      std::vector<RollbackStats> rows =
          admin->resetOffsetByTimestampOld(group, topic, timestamp, force);
      ctx.out << "rollback consumer offset by specified consumerGroup[" << group << "], topic["
              << topic << "], force[" << (force ? "true" : "false") << "], timestamp(string)["
              << timestamp_text << "], timestamp(long)[" << timestamp << "]\n";
      ctx.out << FormatRollbackStats(rows);
      return;
    }
    ctx.out << "rollback consumer offset by specified group[" << group << "], topic[" << topic
            << "], force[" << (force ? "true" : "false") << "], timestamp(string)["
            << timestamp_text << "], timestamp(long)[" << timestamp << "]\n";
    ctx.out << FormatResetOffsetTable(table, RouteBrokerOrder(*admin, topic));
  }

 private:
  // "now" = -1, else epoch ms, else yyyy-MM-dd#HH:mm:ss:SSS (local time), as Java reads it.
  static int64_t ParseResetTimestamp(const std::string& text) {
    if (text == "now") return -1;
    try {
      return JavaParseLong(text);
    } catch (const CommandError&) {
      std::optional<int64_t> ms = ParseJavaDate(text, kTimestampPattern);
      if (!ms) {
        throw CommandError("invalid timestamp \"" + text +
                           "\": expected now, epoch milliseconds or yyyy-MM-dd#HH:mm:ss:SSS");
      }
      return *ms;
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewResetOffsetByTimeCommand() {
  return std::make_unique<ResetOffsetByTimeCommand>();
}

}  // namespace rocketmq::admin::tools
