// topicList: lists every topic (or cluster, topic and consumer groups with -c)
// (Java org.apache.rocketmq.tools.command.topic.TopicListSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class TopicListCommand final : public SubCommand {
 public:
  std::string Name() const override { return "topicList"; }
  std::string Description() const override { return "Fetch all topic list from name server"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("c", "clusterModel", false, "clusterModel");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("topicList is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewTopicListCommand() { return std::make_unique<TopicListCommand>(); }

}  // namespace rocketmq::admin::tools
