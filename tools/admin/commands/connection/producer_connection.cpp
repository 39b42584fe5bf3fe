// producerConnection: lists the connections of a producer group
// (Java org.apache.rocketmq.tools.command.connection.ProducerConnectionSubCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ProducerConnectionCommand final : public SubCommand {
 public:
  std::string Name() const override { return "producerConnection"; }
  std::string Description() const override {
    return "Query producer's socket connection and client version";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "producerGroup", true, "producer group name", /*required=*/true);
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("producerConnection is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewProducerConnectionCommand() {
  return std::make_unique<ProducerConnectionCommand>();
}

}  // namespace rocketmq::admin::tools
