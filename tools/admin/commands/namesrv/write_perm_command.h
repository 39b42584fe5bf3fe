// wipeWritePerm and addWritePerm share Java's shape: ask every NameServer of -n to change the
// write permission of the -b broker and print one "<verb> write perm of broker[..] in name
// server[..] OK, <count>" (or "Failed") line each. Each subcommand names its verb and admin call.
#pragma once

#include <memory>
#include <string>

#include "rocketmq/admin.h"
#include "tools/admin/command_error.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mqadmin_startup.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {

class WritePermCommand : public SubCommand {
 protected:
  using Change = int (DefaultMQAdminExt::*)(const std::string& namesrv_addr,
                                            const std::string& broker_name);

  // `verb`: "wipe" or "add", as Java's lines start.
  WritePermCommand(const char* verb, Change change) : verb_(verb), change_(change) {}

 public:
  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerName", true, "broker name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string broker_name = JavaTrim(line.GetOptionValueOr("b", ""));
    std::string failures;
    for (const std::string& namesrv : admin->getNameServerAddressList()) {
      try {
        const int count = ((*admin).*change_)(namesrv, broker_name);
        ctx.out << StrFormat("%s write perm of broker[%s] in name server[%s] OK, %d\n", verb_,
                             broker_name.c_str(), namesrv.c_str(), count);
      } catch (const std::exception& e) {
        ctx.out << StrFormat("%s write perm of broker[%s] in name server[%s] Failed\n", verb_,
                             broker_name.c_str(), namesrv.c_str());
        failures += (failures.empty() ? "" : "; ") + namesrv + ": " + DescribeFailure(e, namesrv);
      }
    }
    if (!failures.empty()) throw CommandError(failures);
  }

 private:
  const char* const verb_;
  const Change change_;
};

}  // namespace rocketmq::admin::tools
