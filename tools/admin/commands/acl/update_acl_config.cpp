// updateAclConfig: creates or updates an ACL account on one broker or on every broker of a cluster
// (Java org.apache.rocketmq.tools.command.acl.UpdateAccessConfigSubCommand).
#include <memory>
#include <string>
#include <utility>

#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

// Java text.split(","): the pieces, trailing empty ones dropped ("" gives one empty piece).
std::vector<std::string> SplitAclList(const std::string& text) {
  if (text.empty()) return {""};
  std::vector<std::string> items;
  size_t start = 0;
  for (size_t comma = text.find(','); comma != std::string::npos; comma = text.find(',', start)) {
    items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  items.push_back(text.substr(start));
  while (!items.empty() && items.back().empty()) items.pop_back();
  return items;
}

class UpdateAclConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateAclConfig"; }
  std::string Description() const override { return "Update acl config yaml file in broker"; }

  void BuildOptions(cli::Options& options) const override {
    cli::OptionGroup group;
    group.AddOption(cli::Option("b", "brokerAddr", true, "update acl config file to which broker"));
    group.AddOption(
        cli::Option("c", "clusterName", true, "update acl config file to which cluster"));
    group.SetRequired(true);
    options.AddOptionGroup(std::move(group));
    options.AddOption("a", "accessKey", true, "set accessKey in acl config file",
                      /*required=*/true);
    options.AddOption("s", "secretKey", true, "set secretKey in acl config file",
                      /*required=*/true);
    options.AddOption("w", "whiteRemoteAddress", true,
                      "set white ip Address for account in acl config file");
    options.AddOption("i", "defaultTopicPerm", true, "set default topicPerm in acl config file");
    options.AddOption("u", "defaultGroupPerm", true, "set default GroupPerm in acl config file");
    options.AddOption("t", "topicPerms", true, "set topicPerms list,eg: topicA=DENY,topicD=SUB");
    options.AddOption("g", "groupPerms", true, "set groupPerms list,eg: groupD=DENY,groupD=SUB");
    options.AddOption("m", "admin", true, "set admin flag in acl config file");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    PlainAccessConfig config;
    config.access_key = JavaTrim(line.GetOptionValueOr("a", ""));
    if (line.HasOption("s")) config.secret_key = JavaTrim(line.GetOptionValueOr("s", ""));
    if (line.HasOption("m"))
      config.admin = JavaParseBoolean(JavaTrim(line.GetOptionValueOr("m", "")));
    if (line.HasOption("i")) config.default_topic_perm = JavaTrim(line.GetOptionValueOr("i", ""));
    if (line.HasOption("u")) config.default_group_perm = JavaTrim(line.GetOptionValueOr("u", ""));
    if (line.HasOption("w")) config.white_remote_address = JavaTrim(line.GetOptionValueOr("w", ""));
    if (line.HasOption("t"))
      config.topic_perms = SplitAclList(JavaTrim(line.GetOptionValueOr("t", "")));
    if (line.HasOption("g"))
      config.group_perms = SplitAclList(JavaTrim(line.GetOptionValueOr("g", "")));

    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::vector<std::string> addrs;
    if (line.HasOption("b")) {
      addrs.push_back(JavaTrim(line.GetOptionValueOr("b", "")));
    } else {
      addrs =
          BrokerAddrsOfCluster(admin->examineBrokerClusterInfo(), JavaTrim(line.GetOptionValueOr("c", "")));
    }
    for (const std::string& addr : addrs) {
      admin->createAndUpdatePlainAccessConfig(addr, config);
      ctx.out << StrFormat("create or update plain access config to %s success.\n", addr.c_str());
      ctx.out.flush();
    }
    // Java prints the object's default toString, "<class>@<identity hash>", which changes every
    // run; the hash printed here is the accessKey's String.hashCode, so the line is stable.
    ctx.out << StrFormat("org.apache.rocketmq.common.PlainAccessConfig@%x",
                         static_cast<uint32_t>(JavaStringHashCode(config.access_key)));
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateAclConfigCommand() {
  return std::make_unique<UpdateAclConfigCommand>();
}

}  // namespace rocketmq::admin::tools
