// addWritePerm: restores the write permission of a broker on every NameServer
// (Java org.apache.rocketmq.tools.command.namesrv.AddWritePermSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class AddWritePermCommand final : public SubCommand {
 public:
  std::string Name() const override { return "addWritePerm"; }
  std::string Description() const override {
    return "Add write perm of broker in all name server you defined in the -n param";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerName", true, "broker name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("addWritePerm is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewAddWritePermCommand() {
  return std::make_unique<AddWritePermCommand>();
}

}  // namespace rocketmq::admin::tools
