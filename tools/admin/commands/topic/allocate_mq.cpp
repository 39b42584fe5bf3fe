// allocateMQ: prints how the average allocation strategy spreads a topic's queues over a list of
// clients (Java org.apache.rocketmq.tools.command.topic.AllocateMQSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class AllocateMQCommand final : public SubCommand {
 public:
  std::string Name() const override { return "allocateMQ"; }
  std::string Description() const override { return "Allocate MQ"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("i", "ipList", true, "ipList", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("allocateMQ is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewAllocateMQCommand() { return std::make_unique<AllocateMQCommand>(); }

}  // namespace rocketmq::admin::tools
