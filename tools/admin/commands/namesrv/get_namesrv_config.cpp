// getNamesrvConfig: prints the configuration of every NameServer
// (Java org.apache.rocketmq.tools.command.namesrv.GetNamesrvConfigCommand).
//
// Asks the NameServers of -n (split at ';'), else those of NAMESRV_ADDR. Output per NameServer
// (Java HashMap(4) order of the addresses): "============<addr>============", then "%-50s=  %s"
// per entry in the order Java's Properties iterates them; no empty line between NameServers.
// --json: {"<addr>":{"<key>":"<value>",...},...} in the same orders.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/namesrv_option.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class GetNamesrvConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "getNamesrvConfig"; }
  std::string Description() const override { return "Get configs of name server."; }

  void BuildOptions(cli::Options& /*options*/) const override {}

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::vector<std::string> servers =
        NamesrvListOfOption(line).value_or(std::vector<std::string>{});
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::map<std::string, PropertyList> configs = admin->getNameServerConfigInJavaOrder(servers);
    // Java's HashMap(4) gets the addresses in list order.
    std::vector<std::string> order;
    for (const std::string& addr : servers.empty() ? admin->getNameServerAddressList() : servers) {
      if (configs.count(addr) != 0) order.push_back(addr);
    }
    order = JavaHashSetOrder(order, 4);
    if (ctx.json) {
      JsonWriter w;
      w.BeginObject();
      for (const std::string& addr : order) {
        w.Key(addr).BeginObject();
        for (const auto& [key, value] : configs[addr]) w.Key(key).String(value);
        w.EndObject();
      }
      w.EndObject();
      ctx.out << w.str() << "\n";
      return;
    }
    for (const std::string& addr : order) {
      ctx.out << StrFormat("============%s============\n", addr.c_str());
      for (const auto& [key, value] : configs[addr]) {
        ctx.out << StrFormat("%-50s=  %s\n", key.c_str(), value.c_str());
      }
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewGetNamesrvConfigCommand() {
  return std::make_unique<GetNamesrvConfigCommand>();
}

}  // namespace rocketmq::admin::tools
