// updateTopic: creates or updates a topic on one broker or on every master of a cluster
// (Java org.apache.rocketmq.tools.command.topic.UpdateTopicSubCommand).
#include <memory>
#include <string>
#include <utility>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
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

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("updateTopic is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateTopicCommand() {
  return std::make_unique<UpdateTopicCommand>();
}

}  // namespace rocketmq::admin::tools
