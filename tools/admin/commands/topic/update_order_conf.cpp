// updateOrderConf: puts, gets or deletes the order conf of a topic in the NameServer's KV config
// (Java org.apache.rocketmq.tools.command.topic.UpdateOrderConfCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class UpdateOrderConfCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateOrderConf"; }
  std::string Description() const override { return "Create or update or delete order conf"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("v", "orderConf", true,
                      "set order conf [eg. brokerName1:num;brokerName2:num]");
    options.AddOption("m", "method", true, "option type [eg. put|get|delete", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("updateOrderConf is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateOrderConfCommand() {
  return std::make_unique<UpdateOrderConfCommand>();
}

}  // namespace rocketmq::admin::tools
