// topicRoute: prints the route (brokers and queues) of a topic
// (Java org.apache.rocketmq.tools.command.topic.TopicRouteSubCommand).
#include <algorithm>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

// TopicRouteData as fastjson writes it (fields sorted by name, null orderTopicConf left out).
void WriteTopicRouteJson(const TopicRouteData& route, JsonWriter& w) {
  w.BeginObject();
  w.Key("brokerDatas").BeginArray();
  for (const BrokerData& bd : route.broker_datas) {
    w.BeginObject();
    w.Key("brokerAddrs").BeginObject();
    for (const auto& [id, addr] : bd.broker_addrs) w.IntKey(id).String(addr);
    w.EndObject();
    w.Key("brokerName").String(bd.broker_name);
    w.Key("cluster").String(bd.cluster);
    w.EndObject();
  }
  w.EndArray();
  w.Key("filterServerTable").BeginObject();
  for (const auto& [addr, servers] : route.filter_server_table) {
    w.Key(addr).BeginArray();
    for (const std::string& s : servers) w.String(s);
    w.EndArray();
  }
  w.EndObject();
  if (!route.order_topic_conf.empty()) w.Key("orderTopicConf").String(route.order_topic_conf);
  w.Key("queueDatas").BeginArray();
  for (const QueueData& qd : route.queue_datas) {
    w.BeginObject();
    w.Key("brokerName").String(qd.broker_name);
    w.Key("perm").Int(qd.perm);
    w.Key("readQueueNums").Int(qd.read_queue_nums);
    w.Key("topicSysFlag").Int(qd.topic_sys_flag);
    w.Key("writeQueueNums").Int(qd.write_queue_nums);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

constexpr char kRouteListFormat[] = "%-45s %-32s %-50s %-10s %-11s %-5s\n";

// Java HashMap<Long, String>.toString(): "{0=a, 1=b}".
std::string BrokerAddrsText(const std::map<int64_t, std::string>& addrs) {
  std::string text = "{";
  for (const auto& [id, addr] : addrs) {
    if (text.size() > 1) text += ", ";
    text += std::to_string(id) + "=" + addr;
  }
  return text + "}";
}

// topicRoute -l: one row per broker group, sorted by broker name, then a total.
void PrintTopicRouteList(const TopicRouteData& route, std::ostream& out) {
  std::map<std::string, const QueueData*> queues;
  for (const QueueData& qd : route.queue_datas) queues[qd.broker_name] = &qd;
  std::vector<const BrokerData*> brokers;
  for (const BrokerData& bd : route.broker_datas) brokers.push_back(&bd);
  std::stable_sort(brokers.begin(), brokers.end(), [](const BrokerData* a, const BrokerData* b) {
    return a->broker_name < b->broker_name;
  });
  out << StrFormat(kRouteListFormat, "#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue",
                   "#WriteQueue", "#Perm");
  int total_read = 0;
  int total_write = 0;
  for (const BrokerData* bd : brokers) {
    auto qd = queues.find(bd->broker_name);
    if (qd == queues.end()) continue;  // Java fails with a NullPointerException here
    total_read += qd->second->read_queue_nums;
    total_write += qd->second->write_queue_nums;
    out << StrFormat(kRouteListFormat, bd->cluster.c_str(), bd->broker_name.c_str(),
                     BrokerAddrsText(bd->broker_addrs).c_str(),
                     std::to_string(qd->second->read_queue_nums).c_str(),
                     std::to_string(qd->second->write_queue_nums).c_str(),
                     std::to_string(qd->second->perm).c_str());
  }
  out << std::string(158, '-') << "\n";
  out << StrFormat(kRouteListFormat, "Total:", std::to_string(queues.size()).c_str(), "",
                   std::to_string(total_read).c_str(), std::to_string(total_write).c_str(), "");
}

class TopicRouteCommand final : public SubCommand {
 public:
  std::string Name() const override { return "topicRoute"; }
  std::string Description() const override { return "Examine topic route info"; }

  bool SupportsJson() const override { return true; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("l", "list", false, "Use list format to print data");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const TopicRouteData route = admin->examineTopicRouteInfo(topic);
    if (ctx.json) {
      // Valid JSON: integer map keys quoted.
      JsonWriter w(JsonStyle::kBrowserCompatible);
      WriteTopicRouteJson(route, w);
      ctx.out << w.str() << "\n";
    } else if (line.HasOption("l")) {
      PrintTopicRouteList(route, ctx.out);
    } else {
      // Java TopicRouteData.toJson(true): fastjson PrettyFormat.
      JsonWriter w(JsonStyle::kFastjson, /*pretty=*/true);
      WriteTopicRouteJson(route, w);
      ctx.out << w.str() << "\n";
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewTopicRouteCommand() { return std::make_unique<TopicRouteCommand>(); }

}  // namespace rocketmq::admin::tools
