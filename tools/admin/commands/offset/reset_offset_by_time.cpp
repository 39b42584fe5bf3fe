// resetOffsetByTime: moves the offsets of a consumer group on a topic back or forward to a time
// (Java org.apache.rocketmq.tools.command.offset.ResetOffsetByTimeCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ResetOffsetByTimeCommand final : public SubCommand {
 public:
  std::string Name() const override { return "resetOffsetByTime"; }
  std::string Description() const override {
    return "Reset consumer offset by timestamp(without client restart).";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "group", true, "set the consumer group", /*required=*/true);
    options.AddOption("t", "topic", true, "set the topic", /*required=*/true);
    options.AddOption("s", "timestamp", true,
                      "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]",
                      /*required=*/true);
    options.AddOption("f", "force", true, "set the force rollback by timestamp switch[true|false]");
    options.AddOption("c", "cplus", false, "reset c++ client offset");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("resetOffsetByTime is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewResetOffsetByTimeCommand() {
  return std::make_unique<ResetOffsetByTimeCommand>();
}

}  // namespace rocketmq::admin::tools
