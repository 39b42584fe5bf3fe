// updateTopicPerm: changes the permission of a topic on one broker or on every master of a cluster
// (Java org.apache.rocketmq.tools.command.topic.UpdateTopicPermSubCommand).
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

class UpdateTopicPermCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateTopicPerm"; }
  std::string Description() const override { return "Update topic perm"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "create topic to which broker");
    options.AddOption("c", "clusterName", true, "create topic to which cluster");
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("p", "perm", true, "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]",
                      /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const int perm = JavaParseInt(JavaTrim(*line.GetOptionValue("p")));
    if (!line.HasOption("b") && !line.HasOption("c")) {
      // Java prints the usage (and exits 0); we print it and fail.
      ctx.out << cli::FormatHelp("mqadmin " + Name(), CommandOptions(*this));
      throw CommandError("either -b or -c is required");
    }
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const TopicRouteData route = admin->examineTopicRouteInfo(topic);
    if (route.queue_datas.empty()) throw CommandError("topic " + topic + " has no queues");
    // Java takes the queue counts and sys flag of the first queueData for every broker.
    const QueueData& first = route.queue_datas.front();
    TopicConfig config;
    config.topic_name = topic;
    config.write_queue_nums = first.write_queue_nums;
    config.read_queue_nums = first.read_queue_nums;
    config.topic_sys_flag = first.topic_sys_flag;
    config.perm = perm;

    if (auto b = line.GetOptionValue("b")) {
      const std::string addr = JavaTrim(*b);
      std::string broker_name;
      for (const BrokerData& bd : route.broker_datas) {
        auto master = bd.broker_addrs.find(0);
        if (master != bd.broker_addrs.end() && master->second == addr) {
          broker_name = bd.broker_name;
          break;
        }
      }
      if (broker_name.empty()) {
        ctx.out << "updateTopicPerm error broker not exit or broker is not master!.\n";
        return;
      }
      int old_perm = 0;
      for (const QueueData& qd : route.queue_datas) {
        if (qd.broker_name != broker_name) continue;
        old_perm = qd.perm;
        if (perm == old_perm) {
          ctx.out << "new perm equals to the old one!\n";
          return;
        }
        break;
      }
      admin->createAndUpdateTopicConfig(addr, config);
      ctx.out << StrFormat("update topic perm from %d to %d in %s success.\n", old_perm, perm,
                           addr.c_str());
      ctx.out << TopicConfigToString(config) << ".\n";
      return;
    }
    const std::string cluster = JavaTrim(*line.GetOptionValue("c"));
    for (const std::string& addr :
         MasterAddrsOfCluster(admin->examineBrokerClusterInfo(), cluster)) {
      admin->createAndUpdateTopicConfig(addr, config);
      ctx.out << StrFormat("update topic perm from %d to %d in %s success.\n", first.perm, perm,
                           addr.c_str());
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateTopicPermCommand() {
  return std::make_unique<UpdateTopicPermCommand>();
}

}  // namespace rocketmq::admin::tools
