// updateNamesrvConfig: sets one configuration key on every NameServer
// (Java org.apache.rocketmq.tools.command.namesrv.UpdateNamesrvConfigCommand).
//
// Updates the NameServers of -n (split at ';'), else those of NAMESRV_ADDR. Output:
// "update name server config success!<[list of -n]>" and "<key> : <value>".
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/namesrv_option.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

// Java List.toString(): "[a, b]".
std::string JavaListText(const std::vector<std::string>& items) {
  std::string text = "[";
  for (size_t i = 0; i < items.size(); ++i) text += (i == 0 ? "" : ", ") + items[i];
  return text + "]";
}

class UpdateNamesrvConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateNamesrvConfig"; }
  std::string Description() const override { return "Update configs of name server."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("k", "key", true, "config key", /*required=*/true);
    options.AddOption("v", "value", true, "config value", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string key = JavaTrim(line.GetOptionValueOr("k", ""));
    const std::string value = JavaTrim(line.GetOptionValueOr("v", ""));
    const std::optional<std::vector<std::string>> servers = NamesrvListOfOption(line);
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    admin->updateNameServerConfig({{key, value}}, servers.value_or(std::vector<std::string>{}));
    ctx.out << StrFormat("update name server config success!%s\n%s : %s\n",
                         servers ? JavaListText(*servers).c_str() : "", key.c_str(), value.c_str());
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateNamesrvConfigCommand() {
  return std::make_unique<UpdateNamesrvConfigCommand>();
}

}  // namespace rocketmq::admin::tools
