// exportMetadata: writes the topic and subscription group configs of a cluster or broker to
// metadata json files (Java org.apache.rocketmq.tools.command.export.ExportMetadataCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ExportMetadataCommand final : public SubCommand {
 public:
  std::string Name() const override { return "exportMetadata"; }
  std::string Description() const override { return "export metadata"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("c", "clusterName", true, "choose a cluster to export");
    options.AddOption("b", "brokerAddr", true, "choose a broker to export");
    options.AddOption("f", "filePath", true,
                      "export metadata.json path | default /tmp/rocketmq/export");
    options.AddOption("t", "topic", false, "only export topic metadata");
    options.AddOption("g", "subscriptionGroup", false, "only export subscriptionGroup metadata");
    options.AddOption("s", "specialTopic", false, "need retryTopic and dlqTopic");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("exportMetadata is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewExportMetadataCommand() {
  return std::make_unique<ExportMetadataCommand>();
}

}  // namespace rocketmq::admin::tools
