// getConsumerConfig: prints the subscription group config of a group on every broker
// (Java org.apache.rocketmq.tools.command.consumer.GetConsumerConfigSubCommand).
//
// Output, for each broker group that has the group (Java HashMap order of broker names), asked at
// its master (else any address): "=============================<cluster>:<broker>============
// =================" and one "%-40s=  %s" line per SubscriptionGroupConfig field in declaration
// order. A group no broker knows is an error (Java prints nothing).
// --json: [{"clusterName":..,"brokerName":..,"subscriptionGroupConfig":{..}}] (Java
// ConsumerConfigInfo).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

struct ConsumerConfigInfo {
  std::string cluster_name;  // "null" when no cluster lists the broker (Java's null)
  std::string broker_name;
  SubscriptionGroupConfig config;
};

// Java BrokerData.selectBrokerAddr: the master, else a random address (here: the lowest id).
std::string SelectBrokerAddrForConsumerConfig(const BrokerData& bd) {
  auto master = bd.broker_addrs.find(0);
  if (master != bd.broker_addrs.end()) return master->second;
  return bd.broker_addrs.empty() ? "" : bd.broker_addrs.begin()->second;
}

// Java GetConsumerConfigSubCommand.getClusterName: the first cluster (HashMap order) listing it.
std::string ClusterNameOfBroker(const ClusterInfo& info, const std::string& broker_name) {
  for (const std::string& cluster : ClusterNamesInJavaOrder(info)) {
    if (info.cluster_addr_table.at(cluster).count(broker_name) != 0) return cluster;
  }
  return "null";
}

class GetConsumerConfigCommand final : public SubCommand {
 public:
  std::string Name() const override { return "getConsumerConfig"; }
  std::string Description() const override {
    return "Get consumer config by subscription group name!";
  }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "groupName", true, "subscription group name", /*required=*/true);
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string group = JavaTrim(line.GetOptionValueOr("g", ""));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const ClusterInfo info = admin->examineBrokerClusterInfo();
    std::vector<std::string> broker_names;
    for (const auto& [name, bd] : info.broker_addr_table) broker_names.push_back(name);
    std::vector<ConsumerConfigInfo> infos;
    for (const std::string& name : JavaHashSetOrder(broker_names)) {
      const std::string addr = SelectBrokerAddrForConsumerConfig(info.broker_addr_table.at(name));
      std::optional<SubscriptionGroupConfig> config =
          admin->examineSubscriptionGroupConfig(addr, group);
      if (!config) continue;
      infos.push_back({ClusterNameOfBroker(info, name), name, *config});
    }
    if (infos.empty()) {
      throw CommandError("no broker has the subscription group " + group);
    }
    if (ctx.json) {
      PrintJson(infos, ctx);
      return;
    }
    for (const ConsumerConfigInfo& i : infos) {
      ctx.out << StrFormat("=============================%s:%s=============================\n",
                           i.cluster_name.c_str(), i.broker_name.c_str());
      for (const auto& [field, value] : Fields(i.config)) {
        ctx.out << StrFormat("%-40s=  %s\n", field.c_str(), value.c_str());
      }
    }
  }

 private:
  // SubscriptionGroupConfig's fields in declaration order (what Java's reflection lists) with
  // their toString().
  static std::vector<std::pair<std::string, std::string>> Fields(const SubscriptionGroupConfig& c) {
    return {
        {"groupName", c.group_name},
        {"consumeEnable", JavaBool(c.consume_enable)},
        {"consumeFromMinEnable", JavaBool(c.consume_from_min_enable)},
        {"consumeBroadcastEnable", JavaBool(c.consume_broadcast_enable)},
        {"retryQueueNums", JavaLong(c.retry_queue_nums)},
        {"retryMaxTimes", JavaLong(c.retry_max_times)},
        {"brokerId", JavaLong(c.broker_id)},
        {"whichBrokerWhenConsumeSlowly", JavaLong(c.which_broker_when_consume_slowly)},
        {"notifyConsumerIdsChangedEnable", JavaBool(c.notify_consumer_ids_changed_enable)},
    };
  }

  static void PrintJson(const std::vector<ConsumerConfigInfo>& infos, CommandContext& ctx) {
    JsonWriter w;
    w.BeginArray();
    for (const ConsumerConfigInfo& i : infos) {
      const SubscriptionGroupConfig& c = i.config;
      w.BeginObject();
      w.Key("clusterName").String(i.cluster_name);
      w.Key("brokerName").String(i.broker_name);
      w.Key("subscriptionGroupConfig").BeginObject();
      w.Key("groupName").String(c.group_name);
      w.Key("consumeEnable").Bool(c.consume_enable);
      w.Key("consumeFromMinEnable").Bool(c.consume_from_min_enable);
      w.Key("consumeBroadcastEnable").Bool(c.consume_broadcast_enable);
      w.Key("retryQueueNums").Int(c.retry_queue_nums);
      w.Key("retryMaxTimes").Int(c.retry_max_times);
      w.Key("brokerId").Int(c.broker_id);
      w.Key("whichBrokerWhenConsumeSlowly").Int(c.which_broker_when_consume_slowly);
      w.Key("notifyConsumerIdsChangedEnable").Bool(c.notify_consumer_ids_changed_enable);
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    ctx.out << w.str() << "\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewGetConsumerConfigCommand() {
  return std::make_unique<GetConsumerConfigCommand>();
}

}  // namespace rocketmq::admin::tools
