// producer: lists the producers connected to a broker
// (Java org.apache.rocketmq.tools.command.producer.ProducerSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ProducerCommand final : public SubCommand {
 public:
  std::string Name() const override { return "producer"; }
  std::string Description() const override {
    return "Query producer's instances, connection, status, etc.";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "broker", true, "broker address", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("producer is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewProducerCommand() { return std::make_unique<ProducerCommand>(); }

}  // namespace rocketmq::admin::tools
