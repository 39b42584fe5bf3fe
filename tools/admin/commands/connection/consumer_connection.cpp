// consumerConnection: lists the connections and subscriptions of a consumer group
// (Java org.apache.rocketmq.tools.command.connection.ConsumerConnectionSubCommand).
// GET_CONSUMER_CONNECTION_LIST on one broker of the group's %RETRY% topic, or on -b.
#include <memory>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "rocketmq/admin.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/mq_version.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ConsumerConnectionCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumerConnection"; }
  std::string Description() const override {
    return "Query consumer's socket connection, client version and subscription";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "consumerGroup", true, "consumer group name", /*required=*/true);
    options.AddOption("b", "brokerAddr", true, "broker address");
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string group = JavaTrim(*line.GetOptionValue("g"));
    std::optional<std::string> broker = line.GetOptionValue("b");
    ConsumerConnection cc = broker ? admin->examineConsumerConnectionInfo(group, JavaTrim(*broker))
                                   : admin->examineConsumerConnectionInfo(group);
    // Java keeps the subscriptions in a HashMap by topic and prints them in its order.
    std::vector<std::string> topics;
    for (const auto& [topic, sd] : cc.subscription_table) topics.push_back(topic);
    topics = JavaHashSetOrder(topics);
    if (ctx.json) {
      JsonWriter w;
      w.BeginObject();
      w.Key("connectionSet").BeginArray();
      for (const Connection& conn : cc.connection_set) {
        w.BeginObject();
        w.Key("clientAddr").String(conn.client_addr);
        w.Key("clientId").String(conn.client_id);
        w.Key("language").String(conn.language);
        w.Key("version").String(MQVersionDesc(conn.version));
        w.EndObject();
      }
      w.EndArray();
      w.Key("consumeFromWhere").String(cc.consume_from_where);
      w.Key("consumeType").String(cc.consume_type);
      w.Key("messageModel").String(cc.message_model);
      w.Key("subscriptionTable").BeginObject();
      for (const std::string& topic : topics) {
        const SubscriptionData& sd = cc.subscription_table.at(topic);
        w.Key(topic).BeginObject();
        w.Key("expressionType").String(sd.expression_type);
        w.Key("subString").String(sd.sub_string);
        w.Key("subVersion").Int(sd.sub_version);
        w.Key("topic").String(sd.topic);
        w.EndObject();
      }
      w.EndObject();
      w.EndObject();
      ctx.out << w.str() << "\n";
      return;
    }
    ctx.out << StrFormat("%-36s %-22s %-10s %s\n", "#ClientId", "#ClientAddr", "#Language",
                         "#Version");
    for (const Connection& conn : cc.connection_set) {
      ctx.out << StrFormat("%-36s %-22s %-10s %s\n", conn.client_id.c_str(),
                           conn.client_addr.c_str(), conn.language.c_str(),
                           MQVersionDesc(conn.version).c_str());
    }
    ctx.out << "\nBelow is subscription:\n";
    ctx.out << StrFormat("%-20s %s\n", "#Topic", "#SubExpression");
    for (const std::string& topic : topics) {
      const SubscriptionData& sd = cc.subscription_table.at(topic);
      ctx.out << StrFormat("%-20s %s\n", sd.topic.c_str(), sd.sub_string.c_str());
    }
    ctx.out << "\n";
    ctx.out << "ConsumeType: " << cc.consume_type << "\n";
    ctx.out << "MessageModel: " << cc.message_model << "\n";
    ctx.out << "ConsumeFromWhere: " << cc.consume_from_where << "\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumerConnectionCommand() {
  return std::make_unique<ConsumerConnectionCommand>();
}

}  // namespace rocketmq::admin::tools
