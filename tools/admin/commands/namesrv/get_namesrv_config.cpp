// getNamesrvConfig: prints the configuration of every NameServer
// (Java org.apache.rocketmq.tools.command.namesrv.GetNamesrvConfigCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class GetNamesrvConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "getNamesrvConfig"; }
  std::string Description() const override { return "Get configs of name server."; }

  void BuildOptions(cli::Options& /*options*/) const override {}

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("getNamesrvConfig is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewGetNamesrvConfigCommand() {
  return std::make_unique<GetNamesrvConfigCommand>();
}

}  // namespace rocketmq::admin::tools
