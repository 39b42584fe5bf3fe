// updateSubGroup: creates or updates a subscription group on one broker or on every master of a
// cluster (Java org.apache.rocketmq.tools.command.consumer.UpdateSubGroupSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
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

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("updateSubGroup is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateSubGroupCommand() {
  return std::make_unique<UpdateSubGroupCommand>();
}

}  // namespace rocketmq::admin::tools
