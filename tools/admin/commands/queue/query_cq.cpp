// queryCq: prints the consume queue entries of one queue from an index
// (Java org.apache.rocketmq.tools.command.queue.QueryConsumeQueueCommand).
#include <memory>
#include <string>

#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class QueryCqCommand final : public SubCommand {
 public:
  std::string Name() const override { return "queryCq"; }
  std::string Description() const override { return "Query cq command."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("q", "queue", true, "queue num, ie. 1", /*required=*/true);
    options.AddOption("i", "index", true, "start queue index.", /*required=*/true);
    options.AddOption("c", "count", true, "how many.");
    options.AddOption("b", "broker", true, "broker addr.");
    options.AddOption("g", "consumer", true, "consumer group.");
  }

  void Execute(const cli::CommandLine& /*line*/, CommandContext& /*ctx*/) override {
    throw CommandError("queryCq is not implemented yet");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryCqCommand() { return std::make_unique<QueryCqCommand>(); }

}  // namespace rocketmq::admin::tools
