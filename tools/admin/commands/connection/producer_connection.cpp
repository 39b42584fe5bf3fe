// producerConnection: lists the connections of a producer group
// (Java org.apache.rocketmq.tools.command.connection.ProducerConnectionSubCommand).
// GET_PRODUCER_CONNECTION_LIST on one broker of the topic's route.
#include <memory>
#include <string>

#include "common/json_writer.h"
#include "rocketmq/admin.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mq_version.h"
#include "tools/admin/option_values.h"
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

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string group = JavaTrim(*line.GetOptionValue("g"));
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    ProducerConnection pc = admin->examineProducerConnectionInfo(group, topic);
    if (ctx.json) {
      JsonWriter w;
      w.BeginObject();
      w.Key("connectionSet").BeginArray();
      for (const Connection& conn : pc.connection_set) {
        w.BeginObject();
        w.Key("clientAddr").String(conn.client_addr);
        w.Key("clientId").String(conn.client_id);
        w.Key("language").String(conn.language);
        w.Key("version").String(MQVersionDesc(conn.version));
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
      ctx.out << w.str() << "\n";
      return;
    }
    int i = 1;
    for (const Connection& conn : pc.connection_set) {
      ctx.out << StrFormat("%04d  %-32s %-22s %-8s %s\n", i++, conn.client_id.c_str(),
                           conn.client_addr.c_str(), conn.language.c_str(),
                           MQVersionDesc(conn.version).c_str());
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewProducerConnectionCommand() {
  return std::make_unique<ProducerConnectionCommand>();
}

}  // namespace rocketmq::admin::tools
