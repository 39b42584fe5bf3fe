// brokerStatus: prints the runtime statistics table of one broker or of every broker of a cluster
// (Java org.apache.rocketmq.tools.command.broker.BrokerStatusSubCommand).
#include <memory>
#include <string>

#include "common/json_writer.h"
#include "tools/admin/cli/help_formatter.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mqadmin_startup.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

// "table":{...} of Java KVTable, keys sorted.
void WriteBrokerStatusTable(const KVTable& table, JsonWriter& w) {
  w.Key("table").BeginObject();
  for (const auto& [key, value] : table) w.Key(key).String(value);
  w.EndObject();
}

class BrokerStatusCommand final : public SubCommand {
 public:
  std::string Name() const override { return "brokerStatus"; }
  std::string Description() const override { return "Fetch broker runtime status data"; }

  bool SupportsJson() const override { return true; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "Broker address");
    options.AddOption("c", "clusterName", true, "which cluster");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    if (!line.HasOption("b") && !line.HasOption("c")) {
      // Java silently prints nothing; say what is missing.
      ctx.out << cli::FormatHelp("mqadmin " + Name(), CommandOptions(*this));
      throw CommandError("either -b or -c is required");
    }
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    if (auto b = line.GetOptionValue("b")) {
      const std::string addr = JavaTrim(*b);
      const KVTable table = admin->fetchBrokerRuntimeStats(addr);
      if (ctx.json) {
        JsonWriter w;
        w.BeginObject();
        WriteBrokerStatusTable(table, w);
        w.EndObject();
        ctx.out << w.str() << "\n";
        return;
      }
      // KVTable is a sorted map: Java copies it into a TreeMap.
      for (const auto& [key, value] : table) {
        ctx.out << StrFormat("%-32s: %s\n", key.c_str(), value.c_str());
      }
      return;
    }
    const std::string cluster = JavaTrim(*line.GetOptionValue("c"));
    JsonWriter w;
    if (ctx.json) w.BeginObject().Key("brokers").BeginArray();
    int failed = 0;
    for (const std::string& addr :
         BrokerAddrsOfCluster(admin->examineBrokerClusterInfo(), cluster)) {
      KVTable table;
      try {
        table = admin->fetchBrokerRuntimeStats(addr);
      } catch (const MQException& e) {
        // As Java, go on with the other brokers.
        ctx.err << "mqadmin brokerStatus: broker " << addr << ": " << e.getErrorMessage() << "\n";
        ++failed;
        continue;
      }
      if (ctx.json) {
        w.BeginObject().Key("brokerAddr").String(addr);
        WriteBrokerStatusTable(table, w);
        w.EndObject();
        continue;
      }
      for (const auto& [key, value] : table) {
        ctx.out << StrFormat("%-24s %-32s: %s\n", addr.c_str(), key.c_str(), value.c_str());
      }
    }
    if (ctx.json) {
      w.EndArray().EndObject();
      ctx.out << w.str() << "\n";
    }
    if (failed > 0) {
      throw CommandError(std::to_string(failed) + " broker(s) did not return runtime info");
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewBrokerStatusCommand() {
  return std::make_unique<BrokerStatusCommand>();
}

}  // namespace rocketmq::admin::tools
