// topicStatus: prints min/max offset and last update time of every queue of a topic
// (Java org.apache.rocketmq.tools.command.topic.TopicStatusSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class TopicStatusCommand final : public SubCommand {
 public:
  std::string Name() const override { return "topicStatus"; }
  std::string Description() const override { return "Examine topic Status info"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("topicStatus is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewTopicStatusCommand() {
  return std::make_unique<TopicStatusCommand>();
}

}  // namespace rocketmq::admin::tools
