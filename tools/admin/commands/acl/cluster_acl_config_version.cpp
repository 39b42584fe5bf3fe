// clusterAclConfigVersion: prints the ACL config version of one broker or of every broker of a
// cluster (Java org.apache.rocketmq.tools.command.acl.ClusterAclConfigVersionListSubCommand).
#include <memory>
#include <string>
#include <utility>

#include "common/json_writer.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

constexpr char kAclVersionRow[] = "%-16s  %-22s  %-22s  %-20s  %-22s  %-22s\n";

// One row per ACL file, in the order of Java's HashMap(size, 1.0f) of the files.
void PrintAclVersionRows(CommandContext& ctx, const ClusterAclVersionInfo& info) {
  std::vector<std::string> paths;
  for (const auto& [path, version] : info.all_acl_config_data_version) paths.push_back(path);
  size_t capacity = 1;
  while (capacity < paths.size()) capacity <<= 1;
  for (const std::string& path : JavaHashSetOrder(paths, capacity)) {
    const DataVersion& v = info.all_acl_config_data_version.at(path);
    ctx.out << StrFormat(kAclVersionRow, info.cluster_name.c_str(), info.broker_name.c_str(),
                         info.broker_addr.c_str(), path.c_str(), JavaLong(v.counter).c_str(),
                         FormatDateTime(v.timestamp).c_str());
  }
  ctx.out.flush();
}

void WriteDataVersionJson(JsonWriter& w, const DataVersion& v) {
  w.BeginObject().Key("counter").Int(v.counter).Key("timestamp").Int(v.timestamp).EndObject();
}

// ClusterAclVersionInfo with Java's member names.
void WriteAclVersionInfo(JsonWriter& w, const ClusterAclVersionInfo& info) {
  w.BeginObject();
  w.Key("aclConfigDataVersion");
  WriteDataVersionJson(w, info.acl_config_data_version);
  w.Key("allAclConfigDataVersion").BeginObject();
  for (const auto& [path, version] : info.all_acl_config_data_version) {
    w.Key(path);
    WriteDataVersionJson(w, version);
  }
  w.EndObject();
  w.Key("brokerAddr").String(info.broker_addr);
  w.Key("brokerName").String(info.broker_name);
  w.Key("clusterName").String(info.cluster_name);
  w.EndObject();
}

class ClusterAclConfigVersionCommand final : public SubCommand {
 public:
  std::string Name() const override { return "clusterAclConfigVersion"; }
  std::string Description() const override {
    return "List all of acl config version information in cluster";
  }

  void BuildOptions(cli::Options& options) const override {
    cli::OptionGroup group;
    group.AddOption(
        cli::Option("b", "brokerAddr", true, "query acl config version for which broker"));
    group.AddOption(
        cli::Option("c", "clusterName", true, "query acl config version for specified cluster"));
    group.SetRequired(true);
    options.AddOptionGroup(std::move(group));
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    if (line.HasOption("b")) {
      ClusterAclVersionInfo info =
          admin->examineBrokerClusterAclVersionInfo(JavaTrim(line.GetOptionValueOr("b", "")));
      if (ctx.json) {
        JsonWriter w;
        WriteAclVersionInfo(w, info);
        ctx.out << w.Release() << "\n";
        return;
      }
      PrintAclVersionRows(ctx, info);
      ctx.out << "get broker's plain access config version success.\n";
      return;
    }
    std::vector<std::string> masters =
        MasterAddrsOfCluster(admin->examineBrokerClusterInfo(), JavaTrim(line.GetOptionValueOr("c", "")));
    if (ctx.json) {
      JsonWriter w;
      w.BeginArray();
      for (const std::string& addr : masters) {
        WriteAclVersionInfo(w, admin->examineBrokerClusterAclVersionInfo(addr));
      }
      w.EndArray();
      ctx.out << w.Release() << "\n";
      return;
    }
    ctx.out << StrFormat(kAclVersionRow, "#Cluster Name", "#Broker Name", "#Broker Addr",
                         "#AclFilePath", "#AclConfigVersionNum", "#AclLastUpdateTime");
    ctx.out.flush();
    for (const std::string& addr : masters) {
      PrintAclVersionRows(ctx, admin->examineBrokerClusterAclVersionInfo(addr));
    }
    ctx.out << "get cluster's plain access config version success.\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewClusterAclConfigVersionCommand() {
  return std::make_unique<ClusterAclConfigVersionCommand>();
}

}  // namespace rocketmq::admin::tools
