// wipeWritePerm: removes the write permission of a broker on every NameServer
// (Java org.apache.rocketmq.tools.command.namesrv.WipeWritePermSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mqadmin_startup.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class WipeWritePermCommand final : public SubCommand {
 public:
  std::string Name() const override { return "wipeWritePerm"; }
  std::string Description() const override {
    return "Wipe write perm of broker in all name server you defined in the -n param";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerName", true, "broker name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string broker_name = JavaTrim(line.GetOptionValueOr("b", ""));
    std::string failures;
    for (const std::string& namesrv : admin->getNameServerAddressList()) {
      try {
        const int count = admin->wipeWritePermOfBroker(namesrv, broker_name);
        ctx.out << StrFormat("wipe write perm of broker[%s] in name server[%s] OK, %d\n",
                             broker_name.c_str(), namesrv.c_str(), count);
      } catch (const std::exception& e) {
        ctx.out << StrFormat("wipe write perm of broker[%s] in name server[%s] Failed\n",
                             broker_name.c_str(), namesrv.c_str());
        failures += (failures.empty() ? "" : "; ") + namesrv + ": " + DescribeFailure(e, namesrv);
      }
    }
    if (!failures.empty()) throw CommandError(failures);
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewWipeWritePermCommand() {
  return std::make_unique<WipeWritePermCommand>();
}

}  // namespace rocketmq::admin::tools
