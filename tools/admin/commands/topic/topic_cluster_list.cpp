// topicClusterList: prints the clusters a topic lives in
// (Java org.apache.rocketmq.tools.command.topic.TopicClusterSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class TopicClusterListCommand final : public SubCommand {
 public:
  std::string Name() const override { return "topicClusterList"; }
  std::string Description() const override { return "get cluster info for topic"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("topicClusterList is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewTopicClusterListCommand() {
  return std::make_unique<TopicClusterListCommand>();
}

}  // namespace rocketmq::admin::tools
