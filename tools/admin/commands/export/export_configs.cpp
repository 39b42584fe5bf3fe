// exportConfigs: writes the NameServer and broker configs of a cluster to configs.json
// (Java org.apache.rocketmq.tools.command.export.ExportConfigsCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ExportConfigsCommand final : public SubCommand {
 public:
  std::string Name() const override { return "exportConfigs"; }
  std::string Description() const override { return "export configs"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("c", "clusterName", true, "choose a cluster to export", /*required=*/true);
    options.AddOption("f", "filePath", true,
                      "export configs.json path | default /tmp/rocketmq/export");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("exportConfigs is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewExportConfigsCommand() {
  return std::make_unique<ExportConfigsCommand>();
}

}  // namespace rocketmq::admin::tools
