// topicRoute: prints the route (brokers and queues) of a topic
// (Java org.apache.rocketmq.tools.command.topic.TopicRouteSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class TopicRouteCommand final : public SubCommand {
 public:
  std::string Name() const override { return "topicRoute"; }
  std::string Description() const override { return "Examine topic route info"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("l", "list", false, "Use list format to print data");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("topicRoute is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewTopicRouteCommand() { return std::make_unique<TopicRouteCommand>(); }

}  // namespace rocketmq::admin::tools
