// deleteTopic: deletes a topic from every broker of a cluster and from the NameServers
// (Java org.apache.rocketmq.tools.command.topic.DeleteTopicSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class DeleteTopicCommand final : public SubCommand {
 public:
  std::string Name() const override { return "deleteTopic"; }
  std::string Description() const override { return "Delete topic from broker and NameServer."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("c", "clusterName", true, "delete topic from which cluster",
                      /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("deleteTopic is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewDeleteTopicCommand() {
  return std::make_unique<DeleteTopicCommand>();
}

}  // namespace rocketmq::admin::tools
