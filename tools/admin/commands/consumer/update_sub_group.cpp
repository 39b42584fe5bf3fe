// updateSubGroup: creates or updates a subscription group on one broker or on every master of a
// cluster (Java org.apache.rocketmq.tools.command.consumer.UpdateSubGroupSubCommand).
//
// Output: "create subscription group to <addr> success." per broker, then the config as Java's
// SubscriptionGroupConfig.toString() without a trailing newline (as Java). The config starts from
// Java's defaults except consumeFromMinEnable and consumeBroadcastEnable, which the command sets
// to false unless -m / -d say otherwise. With -c a master that refuses does not stop the others;
// the command then fails naming every refusal. Neither -b nor -c: the usage, then a failure.
#include <memory>
#include <string>

#include "tools/admin/cli/help_formatter.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mqadmin_startup.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class UpdateSubGroupCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateSubGroup"; }
  std::string Description() const override { return "Update or create subscription group"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "create subscription group to which broker");
    options.AddOption("c", "clusterName", true, "create subscription group to which cluster");
    options.AddOption("g", "groupName", true, "consumer group name", /*required=*/true);
    options.AddOption("s", "consumeEnable", true, "consume enable");
    options.AddOption("m", "consumeFromMinEnable", true, "from min offset");
    options.AddOption("d", "consumeBroadcastEnable", true, "broadcast");
    options.AddOption("q", "retryQueueNums", true, "retry queue nums");
    options.AddOption("r", "retryMaxTimes", true, "retry max times");
    options.AddOption("i", "brokerId", true, "consumer from which broker id");
    options.AddOption("w", "whichBrokerWhenConsumeSlowly", true,
                      "which broker id when consume slowly");
    options.AddOption("a", "notifyConsumerIdsChanged", true, "notify consumerId changed");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const SubscriptionGroupConfig config = ConfigFrom(line);
    if (line.HasOption("b")) {
      const std::string addr = JavaTrim(line.GetOptionValueOr("b", ""));
      std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
      admin->createAndUpdateSubscriptionGroupConfig(addr, config);
      ctx.out << StrFormat("create subscription group to %s success.\n", addr.c_str());
      ctx.out << ToString(config);
      return;
    }
    if (line.HasOption("c")) {
      const std::string cluster = JavaTrim(line.GetOptionValueOr("c", ""));
      std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
      std::string failures;
      for (const std::string& addr :
           MasterAddrsOfCluster(admin->examineBrokerClusterInfo(), cluster)) {
        try {
          admin->createAndUpdateSubscriptionGroupConfig(addr, config);
          ctx.out << StrFormat("create subscription group to %s success.\n", addr.c_str());
        } catch (const std::exception& e) {
          failures +=
              (failures.empty() ? "" : "; ") + addr + ": " + DescribeFailure(e, ctx.namesrv_addr);
        }
      }
      ctx.out << ToString(config);
      if (!failures.empty()) throw CommandError(failures);
      return;
    }
    ctx.out << cli::FormatHelp("mqadmin " + Name(), CommandOptions(*this));
    throw CommandError("give a broker (-b) or a cluster (-c)");
  }

 private:
  static SubscriptionGroupConfig ConfigFrom(const cli::CommandLine& line) {
    SubscriptionGroupConfig config;
    config.consume_broadcast_enable = false;
    config.consume_from_min_enable = false;
    config.group_name = JavaTrim(line.GetOptionValueOr("g", ""));
    auto value = [&line](const char* name) { return JavaTrim(line.GetOptionValueOr(name, "")); };
    if (line.HasOption("s")) config.consume_enable = JavaParseBoolean(value("s"));
    if (line.HasOption("m")) config.consume_from_min_enable = JavaParseBoolean(value("m"));
    if (line.HasOption("d")) config.consume_broadcast_enable = JavaParseBoolean(value("d"));
    if (line.HasOption("q")) config.retry_queue_nums = JavaParseInt(value("q"));
    if (line.HasOption("r")) config.retry_max_times = JavaParseInt(value("r"));
    if (line.HasOption("i")) config.broker_id = JavaParseLong(value("i"));
    if (line.HasOption("w")) config.which_broker_when_consume_slowly = JavaParseLong(value("w"));
    if (line.HasOption("a")) {
      config.notify_consumer_ids_changed_enable = JavaParseBoolean(value("a"));
    }
    return config;
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateSubGroupCommand() {
  return std::make_unique<UpdateSubGroupCommand>();
}

}  // namespace rocketmq::admin::tools
