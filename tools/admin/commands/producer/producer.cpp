// producer: lists the producers connected to a broker
// (Java org.apache.rocketmq.tools.command.producer.ProducerSubCommand).
// GET_ALL_PRODUCER_INFO on -b.
#include <memory>
#include <string>

#include "common/json_writer.h"
#include "rocketmq/admin.h"
#include "tools/admin/command_table.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/option_values.h"
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

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string broker_addr = JavaTrim(*line.GetOptionValue("b"));
    ProducerTableInfo table = admin->getAllProducerInfo(broker_addr);
    // Java iterates the decoded HashMap of groups.
    std::vector<std::string> groups;
    for (const auto& [group, infos] : table.data) groups.push_back(group);
    groups = JavaHashSetOrder(groups);
    JsonWriter w;
    w.BeginObject();
    w.Key("data").BeginObject();
    for (const std::string& group : groups) {
      const std::vector<ProducerInfo>& infos = table.data.at(group);
      if (ctx.json) {
        w.Key(group).BeginArray();
        for (const ProducerInfo& p : infos) {
          w.BeginObject();
          w.Key("clientId").String(p.client_id);
          w.Key("language").String(p.language);
          w.Key("lastUpdateTimestamp").Int(p.last_update_timestamp);
          w.Key("remoteIP").String(p.remote_ip);
          w.Key("version").Int(p.version);
          w.EndObject();
        }
        w.EndArray();
        continue;
      }
      if (infos.empty()) {
        ctx.out << "producer group (" << group << ") instances are empty\n";
        continue;
      }
      for (const ProducerInfo& p : infos) {
        // Java ProducerInfo.toString() (its missing space after the first comma included).
        ctx.out << "producer group (" << group << ") instance : clientId=" << p.client_id
                << ",remoteIP=" << p.remote_ip << ", language=" << p.language
                << ", version=" << p.version << ", lastUpdateTimestamp=" << p.last_update_timestamp
                << "\n";
      }
    }
    w.EndObject();
    w.EndObject();
    if (ctx.json) ctx.out << w.str() << "\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewProducerCommand() { return std::make_unique<ProducerCommand>(); }

}  // namespace rocketmq::admin::tools
