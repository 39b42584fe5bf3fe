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

    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string write_nums = std::to_string(config.write_queue_nums);
    if (auto b = line.GetOptionValue("b")) {
      const std::string addr = JavaTrim(*b);
      admin->createAndUpdateTopicConfig(addr, config);
      if (order) {
        // An ordered topic's queues are also recorded at the NameServer: this broker's item is
        // merged into the topic's orderConf (Java prints this before the success line).
        const std::string order_conf = BrokerNameOfAddr(admin->examineBrokerClusterInfo(), addr) +
                                       ":" + write_nums;
        admin->createOrUpdateOrderConf(config.topic_name, order_conf, false);
        ctx.out << "set broker orderConf. isOrder=true, orderConf=[" << order_conf << "]";
      }
      ctx.out << "create topic to " << addr << " success.\n";
      ctx.out << TopicConfigToString(config);  // no newline, as Java
      return;
    }
    const std::string cluster = JavaTrim(*line.GetOptionValue("c"));
    const ClusterInfo info = admin->examineBrokerClusterInfo();
    for (const std::string& addr : MasterAddrsOfCluster(info, cluster)) {
      admin->createAndUpdateTopicConfig(addr, config);
      ctx.out << "create topic to " << addr << " success.\n";
    }
    if (order) {
      // The whole cluster's orderConf: "brokerName:writeQueueNums" per broker group, ';'-joined
      // in Java's HashSet order of the names; printed without a newline, as Java.
      std::string order_conf;
      for (const std::string& name : BrokerNamesOfCluster(info, cluster)) {
        if (!order_conf.empty()) order_conf += ";";
        order_conf += name + ":" + write_nums;
      }
      admin->createOrUpdateOrderConf(config.topic_name, order_conf, true);
      ctx.out << "set cluster orderConf. isOrder=true, orderConf=[" << order_conf << "]";
    }
    ctx.out << TopicConfigToString(config);
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateTopicCommand() {
  return std::make_unique<UpdateTopicCommand>();
}

}  // namespace rocketmq::admin::tools
