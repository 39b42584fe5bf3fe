// wipeWritePerm: removes the write permission of a broker on every NameServer
// (Java org.apache.rocketmq.tools.command.namesrv.WipeWritePermSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class WipeWritePermCommand final : public SubCommand {
 public:
  std::string Name() const override { return "wipeWritePerm"; }
  std::string Description() const override {
    return "Wipe write perm of broker in all name server you defined in the -n param";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerName", true, "broker name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("wipeWritePerm is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewWipeWritePermCommand() {
  return std::make_unique<WipeWritePermCommand>();
}

}  // namespace rocketmq::admin::tools
