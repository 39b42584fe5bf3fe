// updateOrderConf: puts, gets or deletes the order conf of a topic in the NameServer's KV config
// (Java org.apache.rocketmq.tools.command.topic.UpdateOrderConfCommand).
//
// Output (no trailing newline, as Java): "get orderConf success. topic=[..], orderConf=[..] "
// (with the trailing space), "update orderConf success. topic=[..], orderConf=[..]", "delete
// orderConf success. topic=[..]". -m other than put/get/delete: the usage, then a failure.
#include <memory>
#include <string>

#include "tools/admin/cli/help_formatter.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mqadmin_startup.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

// Java NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG.
constexpr char kOrderTopicConfNamespace[] = "ORDER_TOPIC_CONFIG";

class UpdateOrderConfCommand final : public SubCommand {
 public:
  std::string Name() const override { return "updateOrderConf"; }
  std::string Description() const override { return "Create or update or delete order conf"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("v", "orderConf", true,
                      "set order conf [eg. brokerName1:num;brokerName2:num]");
    options.AddOption("m", "method", true, "option type [eg. put|get|delete", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(line.GetOptionValueOr("t", ""));
    const std::string method = JavaTrim(line.GetOptionValueOr("m", ""));
    if (method == "get") {
      std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
      const std::string conf = admin->getKVConfig(kOrderTopicConfNamespace, topic);
      ctx.out << StrFormat("get orderConf success. topic=[%s], orderConf=[%s] ", topic.c_str(),
                           conf.c_str());
      return;
    }
    if (method == "put") {
      std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
      const std::string conf = line.HasOption("v") ? JavaTrim(line.GetOptionValueOr("v", "")) : "";
      if (conf.empty()) throw CommandError("please set orderConf with option -v.");
      admin->createOrUpdateOrderConf(topic, conf, /*is_cluster=*/true);
      ctx.out << StrFormat("update orderConf success. topic=[%s], orderConf=[%s]", topic.c_str(),
                           conf.c_str());
      return;
    }
    if (method == "delete") {
      std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
      admin->deleteKvConfig(kOrderTopicConfNamespace, topic);
      ctx.out << StrFormat("delete orderConf success. topic=[%s]", topic.c_str());
      return;
    }
    ctx.out << cli::FormatHelp("mqadmin " + Name(), CommandOptions(*this));
    throw CommandError("unknown method " + method + ": use put, get or delete");
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewUpdateOrderConfCommand() {
  return std::make_unique<UpdateOrderConfCommand>();
}

}  // namespace rocketmq::admin::tools
