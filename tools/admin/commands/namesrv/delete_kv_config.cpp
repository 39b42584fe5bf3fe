// deleteKvConfig: deletes a namespace/key config from the NameServers
// (Java org.apache.rocketmq.tools.command.namesrv.DeleteKvConfigCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class DeleteKvConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "deleteKvConfig"; }
  std::string Description() const override { return "Delete KV config."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("s", "namespace", true, "set the namespace", /*required=*/true);
    options.AddOption("k", "key", true, "set the key name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string name_space = JavaTrim(line.GetOptionValueOr("s", ""));
    const std::string key = JavaTrim(line.GetOptionValueOr("k", ""));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    admin->deleteKvConfig(name_space, key);
    ctx.out << "delete kv config from namespace success.\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewDeleteKvConfigCommand() {
  return std::make_unique<DeleteKvConfigCommand>();
}

}  // namespace rocketmq::admin::tools
