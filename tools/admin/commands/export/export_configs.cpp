// exportConfigs: writes the NameServer and broker configs of a cluster to configs.json
// (Java org.apache.rocketmq.tools.command.export.ExportConfigsCommand).
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/json_writer.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_table.h"
#include "tools/admin/export_file.h"
#include "common/java_hash.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

// The broker config keys exportConfigs keeps, in the order Java sets them.
constexpr const char* kExportedBrokerKeys[] = {"brokerClusterName",
                                               "brokerId",
                                               "brokerName",
                                               "brokerRole",
                                               "fileReservedTime",
                                               "filterServerNums",
                                               "flushDiskType",
                                               "maxMessageSize",
                                               "messageDelayLevel",
                                               "msgTraceTopicName",
                                               "slaveReadEnable",
                                               "traceOn",
                                               "traceTopicEnable",
                                               "useTLS",
                                               "autoCreateTopicEnable",
                                               "autoCreateSubscriptionGroup"};

class ExportConfigsCommand final : public SubCommand {
 public:
  std::string Name() const override { return "exportConfigs"; }
  std::string Description() const override { return "export configs"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("c", "clusterName", true, "choose a cluster to export", /*required=*/true);
    options.AddOption("f", "filePath", true,
                      "export configs.json path | default /tmp/rocketmq/export");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string cluster = JavaTrim(line.GetOptionValueOr("c", ""));
    const std::string file_path =
        line.HasOption("f") ? JavaTrim(line.GetOptionValueOr("f", "")) : kDefaultExportPath;
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const size_t namesrv_size = admin->getNameServerAddressList().size();

    int64_t master_broker_size = 0;
    int64_t slave_broker_size = 0;
    std::vector<std::string> broker_names;  // brokerConfigs keys, in insertion order
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> broker_configs;
    for (const auto& [master, slaves] : MasterAndSlaveAddrsOfCluster(admin->examineBrokerClusterInfo(), cluster)) {
      Properties props = admin->getBrokerConfig(master);
      ++master_broker_size;
      slave_broker_size += static_cast<int64_t>(slaves.size());
      std::vector<std::pair<std::string, std::string>> kept;
      for (const char* key : kExportedBrokerKeys) {
        auto it = props.find(key);
        if (it != props.end())
          kept.emplace_back(key, it->second);  // Java would fail on a missing key
      }
      const std::string name = props.count("brokerName") ? props.at("brokerName") : master;
      if (broker_configs.find(name) == broker_configs.end()) broker_names.push_back(name);
      broker_configs[name] = std::move(kept);
    }

    JsonWriter w(JsonStyle::kFastjson, /*pretty=*/true);
    w.BeginObject();
    for (const std::string& member : JavaHashSetOrder({"brokerConfigs", "clusterScale"})) {
      w.Key(member).BeginObject();
      if (member == "clusterScale") {
        for (const std::string& key :
             JavaHashSetOrder({"namesrvSize", "masterBrokerSize", "slaveBrokerSize"})) {
          w.Key(key).Int(key == "namesrvSize"        ? static_cast<int64_t>(namesrv_size)
                         : key == "masterBrokerSize" ? master_broker_size
                                                     : slave_broker_size);
        }
      } else {
        for (const std::string& name : JavaHashSetOrder(broker_names)) {
          // java.util.Properties: a ConcurrentHashMap(8) on Java 9+.
          const auto& kept = broker_configs.at(name);
          std::vector<std::string> keys;
          for (const auto& [key, value] : kept) keys.push_back(key);
          w.Key(name).BeginObject();
          for (const std::string& key : JavaConcurrentHashMapOrder(keys, 16)) {
            for (const auto& [k, value] : kept) {
              if (k == key) w.Key(k).String(value);
            }
          }
          w.EndObject();
        }
      }
      w.EndObject();
    }
    w.EndObject();
    const std::string path = file_path + "/configs.json";
    WriteExportFile(path, w.Release());
    ctx.out << "export " << path << " success";  // Java printf: no newline
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewExportConfigsCommand() {
  return std::make_unique<ExportConfigsCommand>();
}

}  // namespace rocketmq::admin::tools
