// cloneGroupOffset: copies the consumer offsets of one group to another for a topic
// (Java org.apache.rocketmq.tools.command.offset.CloneGroupOffsetCommand).
#include <memory>
#include <string>

#include "rocketmq/admin.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class CloneGroupOffsetCommand final : public SubCommand {
 public:
  std::string Name() const override { return "cloneGroupOffset"; }
  std::string Description() const override { return "clone offset from other group."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("s", "srcGroup", true, "set source consumer group", /*required=*/true);
    options.AddOption("d", "destGroup", true, "set destination consumer group", /*required=*/true);
    options.AddOption("t", "topic", true, "set the topic", /*required=*/true);
    options.AddOption("o", "offline", true, "the group or the topic is offline");
  }

  // As Java's command: the source group's consume stats (GET_CONSUME_STATS on its retry topic's
  // brokers), then UPDATE_CONSUMER_OFFSET of every queue with an offset >= 0 for the destination
  // group on the master of that queue's broker in -t's route. -o is accepted and unused, as in
  // Java. Java would send a queue whose broker is not in -t's route to no broker at all; we fail
  // with a message naming it instead.
  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string src_group = JavaTrim(*line.GetOptionValue("s"));
    const std::string dest_group = JavaTrim(*line.GetOptionValue("d"));
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    ConsumeStats stats = admin->examineConsumeStats(src_group);
    if (!stats.offset_table.empty()) {
      TopicRouteData route = admin->examineTopicRouteInfo(topic);
      for (const auto& [mq, wrapper] : stats.offset_table) {
        std::string addr;
        for (const BrokerData& bd : route.broker_datas) {
          if (bd.broker_name != mq.getBrokerName()) continue;
          auto master = bd.broker_addrs.find(0);
          addr = master != bd.broker_addrs.end() ? master->second
                 : bd.broker_addrs.empty()       ? ""
                                                 : bd.broker_addrs.begin()->second;
          break;
        }
        if (wrapper.consumer_offset < 0) continue;
        if (addr.empty()) {
          throw CommandError("broker " + mq.getBrokerName() + " of " + mq.getTopic() +
                             " is not in the route of topic " + topic);
        }
        admin->updateConsumeOffset(addr, dest_group, mq, wrapper.consumer_offset);
      }
    }
    ctx.out << "clone group offset success. srcGroup[" << src_group << "], destGroup=["
            << dest_group << "], topic[" << topic << "]";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewCloneGroupOffsetCommand() {
  return std::make_unique<CloneGroupOffsetCommand>();
}

}  // namespace rocketmq::admin::tools
