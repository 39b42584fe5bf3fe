// wipeWritePerm: removes the write permission of a broker on every NameServer
// (Java org.apache.rocketmq.tools.command.namesrv.WipeWritePermSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_table.h"
#include "tools/admin/commands/namesrv/write_perm_command.h"

namespace rocketmq::admin::tools {
namespace {

class WipeWritePermCommand final : public WritePermCommand {
 public:
  WipeWritePermCommand() : WritePermCommand("wipe", &DefaultMQAdminExt::wipeWritePermOfBroker) {}

  std::string Name() const override { return "wipeWritePerm"; }
  std::string Description() const override {
    return "Wipe write perm of broker in all name server you defined in the -n param";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewWipeWritePermCommand() {
  return std::make_unique<WipeWritePermCommand>();
}

}  // namespace rocketmq::admin::tools
