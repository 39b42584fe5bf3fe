// addWritePerm: restores the write permission of a broker on every NameServer
// (Java org.apache.rocketmq.tools.command.namesrv.AddWritePermSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_table.h"
#include "tools/admin/commands/namesrv/write_perm_command.h"

namespace rocketmq::admin::tools {
namespace {

class AddWritePermCommand final : public WritePermCommand {
 public:
  AddWritePermCommand() : WritePermCommand("add", &DefaultMQAdminExt::addWritePermOfBroker) {}

  std::string Name() const override { return "addWritePerm"; }
  std::string Description() const override {
    return "Add write perm of broker in all name server you defined in the -n param";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewAddWritePermCommand() {
  return std::make_unique<AddWritePermCommand>();
}

}  // namespace rocketmq::admin::tools
