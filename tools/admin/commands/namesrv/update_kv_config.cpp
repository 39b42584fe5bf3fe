// updateKvConfig: sets a namespace/key/value config on the NameServers
// (Java org.apache.rocketmq.tools.command.namesrv.UpdateKvConfigCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class UpdateKvConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateKvConfig"; }
  std::string Description() const override { return "Create or update KV config."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("s", "namespace", true, "set the namespace", /*required=*/true);
    options.AddOption("k", "key", true, "set the key name", /*required=*/true);
    options.AddOption("v", "value", true, "set the key value", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string name_space = JavaTrim(line.GetOptionValueOr("s", ""));
    const std::string key = JavaTrim(line.GetOptionValueOr("k", ""));
    const std::string value = JavaTrim(line.GetOptionValueOr("v", ""));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    admin->createAndUpdateKvConfig(name_space, key, value);
    ctx.out << "create or update kv config to namespace success.\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateKvConfigCommand() {
  return std::make_unique<UpdateKvConfigCommand>();
}

}  // namespace rocketmq::admin::tools
