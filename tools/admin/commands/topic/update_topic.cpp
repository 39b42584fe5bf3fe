// updateTopic: creates or updates a topic on one broker or on every master of a cluster
// (Java org.apache.rocketmq.tools.command.topic.UpdateTopicSubCommand).
#include <memory>
#include <string>
#include <utility>

#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class UpdateTopicCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateTopic"; }
  std::string Description() const override { return "Update or create topic"; }

  void BuildOptions(cli::Options& options) const override {
    cli::OptionGroup group;
    group.AddOption(cli::Option("b", "brokerAddr", true, "create topic to which broker"));
    group.AddOption(cli::Option("c", "clusterName", true, "create topic to which cluster"));
    group.SetRequired(true);
    options.AddOptionGroup(std::move(group));
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("r", "readQueueNums", true, "set read queue nums");
    options.AddOption("w", "writeQueueNums", true, "set write queue nums");
    options.AddOption("p", "perm", true, "set topic's permission(2|4|6), intro[2:W 4:R; 6:RW]");
    options.AddOption("o", "order", true, "set topic's order(true|false)");
    options.AddOption("u", "unit", true, "is unit topic (true|false)");
    options.AddOption("s", "hasUnitSub", true, "has unit sub (true|false)");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    TopicConfig config;
    config.read_queue_nums = 8;
    config.write_queue_nums = 8;
    config.topic_name = JavaTrim(*line.GetOptionValue("t"));
    if (auto r = line.GetOptionValue("r")) config.read_queue_nums = JavaParseInt(JavaTrim(*r));
    if (auto w = line.GetOptionValue("w")) config.write_queue_nums = JavaParseInt(JavaTrim(*w));
    if (auto p = line.GetOptionValue("p")) config.perm = JavaParseInt(JavaTrim(*p));
    bool unit = false;
    if (auto u = line.GetOptionValue("u")) unit = JavaParseBoolean(JavaTrim(*u));
    bool unit_sub = false;
    if (auto s = line.GetOptionValue("s")) unit_sub = JavaParseBoolean(JavaTrim(*s));
    // Java TopicSysFlag.buildSysFlag: bit 0 unit, bit 1 unit subscription.
    config.topic_sys_flag = (unit ? 1 : 0) | (unit_sub ? 2 : 0);
    bool order = false;
    if (auto o = line.GetOptionValue("o")) order = JavaParseBoolean(JavaTrim(*o));
    config.order = order;
    if (order) {
      // Java also writes the topic's orderConf to the NameServer (createOrUpdateOrderConf);
      // refuse before changing anything rather than leave an ordered topic without it.
      throw CommandError("-o true is not supported yet: the orderConf cannot be written");
    }

    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    if (auto b = line.GetOptionValue("b")) {
      const std::string addr = JavaTrim(*b);
      admin->createAndUpdateTopicConfig(addr, config);
      ctx.out << "create topic to " << addr << " success.\n";
      ctx.out << TopicConfigToString(config);  // no newline, as Java
      return;
    }
    const std::string cluster = JavaTrim(*line.GetOptionValue("c"));
    for (const std::string& addr :
         MasterAddrsOfCluster(admin->examineBrokerClusterInfo(), cluster)) {
      admin->createAndUpdateTopicConfig(addr, config);
      ctx.out << "create topic to " << addr << " success.\n";
    }
    ctx.out << TopicConfigToString(config);
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateTopicCommand() {
  return std::make_unique<UpdateTopicCommand>();
}

}  // namespace rocketmq::admin::tools
