// startMonitoring: would run Java's monitoring service; out of scope (mqadmin has no monitoring
// service) (Java org.apache.rocketmq.tools.command.consumer.StartMonitoringSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class StartMonitoringCommand final : public SubCommand {
 public:
  std::string Name() const override { return "startMonitoring"; }
  std::string Description() const override { return "Start Monitoring"; }

  void BuildOptions(cli::Options& /*options*/) const override {}

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError(
        "startMonitoring is not supported: it runs the monitoring service of Java's rocketmq-tools "
        "(MonitorService), which mqadmin does not provide");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewStartMonitoringCommand() {
  return std::make_unique<StartMonitoringCommand>();
}

}  // namespace rocketmq::admin::tools
