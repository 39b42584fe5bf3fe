// updateTopicPerm: changes the permission of a topic on one broker or on every master of a cluster
// (Java org.apache.rocketmq.tools.command.topic.UpdateTopicPermSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
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

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("updateTopicPerm is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateTopicPermCommand() {
  return std::make_unique<UpdateTopicPermCommand>();
}

}  // namespace rocketmq::admin::tools
