// exportMetrics: writes the runtime statistics of a cluster to metrics.json
// (Java org.apache.rocketmq.tools.command.export.ExportMetricsCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ExportMetricsCommand final : public SubCommand {
 public:
  std::string Name() const override { return "exportMetrics"; }
  std::string Description() const override { return "export metrics"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("c", "clusterName", true, "choose a cluster to export", /*required=*/true);
    options.AddOption("f", "filePath", true,
                      "export metrics.json path | default /tmp/rocketmq/export");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("exportMetrics is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewExportMetricsCommand() {
  return std::make_unique<ExportMetricsCommand>();
}

}  // namespace rocketmq::admin::tools
