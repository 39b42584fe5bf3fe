// getBrokerConfig: prints the configuration of one broker or of every broker of a cluster
// (Java org.apache.rocketmq.tools.command.broker.GetBrokerConfigCommand).
//
// Output: a header line per broker ("============<addr>============" for -b; with -c
// "============Master: <addr>============" and, after each master, one
// "============My Master: <master>=====Slave: <slave>============" per slave), then
// "%-50s=  %s" per config entry in the order Java's Properties iterates them, then an empty line.
// --json: {"brokers":[{"brokerAddr":..,"role":"MASTER"|"SLAVE","masterAddr":..,"config":{..}}]}
// (role and masterAddr only with -c; masterAddr only for slaves).
#include <memory>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

struct BrokerConfigTarget {
  std::string header;  // the text line, with its '\n'
  std::string addr;
  std::string role;         // "" with -b
  std::string master_addr;  // slaves only
};

class GetBrokerConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "getBrokerConfig"; }
  std::string Description() const override {
    return "Get broker config by cluster or special broker!";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("b", "brokerAddr", true, "get which broker");
    options.AddOption("c", "clusterName", true, "get which cluster");
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    if (!line.HasOption("b") && !line.HasOption("c")) {
      // Java prints nothing at all here.
      throw CommandError("give a broker (-b) or a cluster (-c)");
    }
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::vector<BrokerConfigTarget> targets;
    if (line.HasOption("b")) {
      const std::string addr = JavaTrim(line.GetOptionValueOr("b", ""));
      targets.push_back({StrFormat("============%s============\n", addr.c_str()), addr, "", ""});
    } else {
      const std::string cluster = JavaTrim(line.GetOptionValueOr("c", ""));
      for (const auto& [master, slaves] :
           MasterAndSlaveAddrsOfCluster(admin->examineBrokerClusterInfo(), cluster)) {
        targets.push_back({StrFormat("============Master: %s============\n", master.c_str()),
                           master, "MASTER", ""});
        for (const std::string& slave : slaves) {
          targets.push_back({StrFormat("============My Master: %s=====Slave: %s============\n",
                                       master.c_str(), slave.c_str()),
                             slave, "SLAVE", master});
        }
      }
    }
    if (ctx.json) {
      PrintJson(*admin, targets, ctx);
      return;
    }
    for (const BrokerConfigTarget& target : targets) {
      // Java prints the header before asking, so a failing broker leaves its header behind.
      ctx.out << target.header;
      ctx.out.flush();
      for (const auto& [key, value] : admin->getBrokerConfigInJavaOrder(target.addr)) {
        ctx.out << StrFormat("%-50s=  %s\n", key.c_str(), value.c_str());
      }
      ctx.out << "\n";
    }
  }

 private:
  static void PrintJson(DefaultMQAdminExt& admin, const std::vector<BrokerConfigTarget>& targets,
                        CommandContext& ctx) {
    JsonWriter w;
    w.BeginObject().Key("brokers").BeginArray();
    for (const BrokerConfigTarget& target : targets) {
      const PropertyList config = admin.getBrokerConfigInJavaOrder(target.addr);
      w.BeginObject().Key("brokerAddr").String(target.addr);
      if (!target.role.empty()) w.Key("role").String(target.role);
      if (!target.master_addr.empty()) w.Key("masterAddr").String(target.master_addr);
      w.Key("config").BeginObject();
      for (const auto& [key, value] : config) w.Key(key).String(value);
      w.EndObject().EndObject();
    }
    w.EndArray().EndObject();
    ctx.out << w.str() << "\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewGetBrokerConfigCommand() {
  return std::make_unique<GetBrokerConfigCommand>();
}

}  // namespace rocketmq::admin::tools
