// cloneGroupOffset: copies the consumer offsets of one group to another for a topic
// (Java org.apache.rocketmq.tools.command.offset.CloneGroupOffsetCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
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

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("cloneGroupOffset is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewCloneGroupOffsetCommand() {
  return std::make_unique<CloneGroupOffsetCommand>();
}

}  // namespace rocketmq::admin::tools
