// updateNamesrvConfig: sets one configuration key on every NameServer
// (Java org.apache.rocketmq.tools.command.namesrv.UpdateNamesrvConfigCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class UpdateNamesrvConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateNamesrvConfig"; }
  std::string Description() const override { return "Update configs of name server."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("k", "key", true, "config key", /*required=*/true);
    options.AddOption("v", "value", true, "config value", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("updateNamesrvConfig is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateNamesrvConfigCommand() {
  return std::make_unique<UpdateNamesrvConfigCommand>();
}

}  // namespace rocketmq::admin::tools
