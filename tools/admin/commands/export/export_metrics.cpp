// exportMetrics: writes the runtime statistics of a cluster to metrics.json
// (Java org.apache.rocketmq.tools.command.export.ExportMetricsCommand).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "rocketmq/mq_exception.h"
#include "rocketmq/version.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/export_file.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/mq_version.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

// Java StatsAllSubCommand.compute24HourSum: the day's sum, else the hour's, else the minute's.
int64_t Compute24HourSum(const BrokerStatsData& data) {
  if (data.stats_day.sum != 0) return data.stats_day.sum;
  if (data.stats_hour.sum != 0) return data.stats_hour.sum;
  return data.stats_minute.sum;
}

// VIEW_BROKER_STATS_DATA of one topic's TOPIC_PUT_NUMS; nullopt when the broker answers with an
// error (no such item; Java catches MQClientException there). Transport failures propagate.
std::optional<BrokerStatsData> TopicPutStats(DefaultMQAdminExt& admin, const std::string& addr,
                                             const std::string& topic) {
  try {
    return admin.viewBrokerStatsData(addr, "TOPIC_PUT_NUMS", topic);
  } catch (const MQClientException& e) {
    if (e.getResponseCode() < 0) throw;  // no answer at all
    return std::nullopt;
  }
}

// Java Double.parseDouble of the first space-separated field of a runtime-info value such as
// putTps "12.5 11.0 10.2"; 0 when missing or blank (Java's split then gives no field).
double FirstTps(const KVTable& kv, const std::string& key) {
  auto it = kv.find(key);
  if (it == kv.end()) return 0;
  const std::string first = it->second.substr(0, it->second.find(' '));
  if (first.empty()) return 0;
  try {
    return std::stod(first);
  } catch (const std::exception&) {
    throw CommandError("bad " + key + " in broker runtime info: " + it->second);
  }
}

int64_t RuntimeLong(const KVTable& kv, const std::string& key) {
  auto it = kv.find(key);
  if (it == kv.end()) return 0;
  return JavaParseLong(it->second);
}

// A JSON map member whose value is a string of the broker's, left out when absent (fastjson
// skips null map values).
void WriteOptionalString(JsonWriter& w, const std::string& key,
                         const std::map<std::string, std::string>& from,
                         const std::string& from_key) {
  auto it = from.find(from_key);
  if (it != from.end()) w.Key(key).String(it->second);
}

// A pretty JSON object written at nesting level 0, re-indented to sit at `level` inside another
// pretty document (one more tab after every line break).
std::string Reindent(const std::string& json, int level) {
  std::string out;
  for (char ch : json) {
    out += ch;
    if (ch == '\n') out.append(static_cast<size_t>(level), '\t');
  }
  return out;
}

class ExportMetricsCommand final : public SubCommand {
 public:
  std::string Name() const override { return "exportMetrics"; }
  std::string Description() const override { return "export metrics"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("c", "clusterName", true, "choose a cluster to export", /*required=*/true);
    options.AddOption("f", "filePath", true,
                      "export metrics.json path | default /tmp/rocketmq/export");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string cluster = JavaTrim(line.GetOptionValueOr("c", ""));
    const std::string file_path =
        line.HasOption("f") ? JavaTrim(line.GetOptionValueOr("f", "")) : kDefaultExportPath;
    constexpr int64_t kExportTimeoutMs = 10000;
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();

    double total_normal_in_tps = 0, total_normal_out_tps = 0, total_trans_in_tps = 0,
           total_schedule_in_tps = 0;
    int64_t total_normal_in = 0, total_normal_out = 0, total_trans_in = 0, total_schedule_in = 0;
    std::vector<std::string> broker_names;              // evaluateReport keys, insertion order
    std::map<std::string, std::string> broker_reports;  // broker name -> its pretty JSON object

    ClusterInfo info = admin->examineBrokerClusterInfo();
    for (const std::string& broker_name : BrokerNamesOfCluster(info, cluster)) {
      auto bd = info.broker_addr_table.find(broker_name);
      if (bd == info.broker_addr_table.end()) continue;
      auto master = bd->second.broker_addrs.find(0);
      if (master == bd->second.broker_addrs.end()) continue;
      const std::string& addr = master->second;

      KVTable kv = admin->fetchBrokerRuntimeStats(addr);
      Properties props = admin->getBrokerConfig(addr);
      SubscriptionGroupWrapper groups = admin->getUserSubscriptionGroup(addr, kExportTimeoutMs);
      TopicConfigSerializeWrapper topics = admin->getUserTopicConfig(addr, false, kExportTimeoutMs);
      std::optional<BrokerStatsData> trans =
          TopicPutStats(*admin, addr, "RMQ_SYS_TRANS_HALF_TOPIC");
      std::optional<BrokerStatsData> schedule = TopicPutStats(*admin, addr, "SCHEDULE_TOPIC_XXXX");

      const double normal_in_tps = FirstTps(kv, "putTps");
      const double normal_out_tps = FirstTps(kv, "getTransferedTps");
      const double trans_in_tps = trans ? trans->stats_minute.tps : 0.0;
      const double schedule_in_tps = schedule ? schedule->stats_minute.tps : 0.0;
      const int64_t trans_in = trans ? Compute24HourSum(*trans) : 0;
      const int64_t schedule_in = schedule ? Compute24HourSum(*schedule) : 0;
      const int64_t normal_in = RuntimeLong(kv, "msgPutTotalTodayMorning") -
                                RuntimeLong(kv, "msgPutTotalYesterdayMorning");
      const int64_t normal_out = RuntimeLong(kv, "msgGetTotalTodayMorning") -
                                 RuntimeLong(kv, "msgGetTotalYesterdayMorning");
      total_normal_in_tps += normal_in_tps;
      total_normal_out_tps += normal_out_tps;
      total_trans_in_tps += trans_in_tps;
      total_schedule_in_tps += schedule_in_tps;
      total_normal_in += normal_in;
      total_normal_out += normal_out;
      total_trans_in += trans_in;
      total_schedule_in += schedule_in;

      // Client languages and versions of the groups' online consumers (groups without any are
      // skipped, as Java does).
      std::vector<std::string> client_info;
      for (const auto& [group, config] : groups.subscription_group_table) {
        try {
          ConsumerConnection cc = admin->examineConsumerConnectionInfo(config.group_name);
          for (const Connection& conn : cc.connection_set) {
            client_info.push_back(conn.language + "%" + MQVersionDesc(conn.version));
          }
        } catch (const MQException&) {
          continue;
        }
      }

      // brokerInfo: three HashMaps of HashMaps; members in Java's order.
      JsonWriter w(JsonStyle::kFastjson, /*pretty=*/true);
      w.BeginObject();
      for (const std::string& part :
           JavaHashSetOrder({"runtimeEnv", "runtimeQuota", "runtimeVersion"})) {
        w.Key(part).BeginObject();
        if (part == "runtimeEnv") {
          for (const std::string& key : JavaHashSetOrder({"cpuNum", "totalMemKBytes"})) {
            if (key == "cpuNum")
              WriteOptionalString(w, key, props, "clientCallbackExecutorThreads");
            else
              WriteOptionalString(w, key, kv, "totalMemKBytes");
          }
        } else if (part == "runtimeVersion") {
          for (const std::string& key : JavaHashSetOrder({"rocketmqVersion", "clientInfo"})) {
            if (key == "rocketmqVersion") {
              w.Key(key).String(MQVersionDesc(ProtocolVersion()));
            } else {
              // A HashSet: fastjson writes collections on one line even in pretty mode.
              JsonWriter set;
              set.BeginArray();
              for (const std::string& c : JavaHashSetOrder(client_info)) set.String(c);
              set.EndArray();
              w.Key(key).Raw(set.str());
            }
          }
        } else {
          for (const std::string& key :
               JavaHashSetOrder({"diskRatio", "tps", "oneDayNum", "messageAverageSize", "topicSize",
                                 "groupSize"})) {
            if (key == "diskRatio") {
              w.Key(key).BeginObject();
              for (const std::string& k :
                   JavaHashSetOrder({"commitLogDiskRatio", "consumeQueueDiskRatio"})) {
                WriteOptionalString(w, k, kv, k);
              }
              w.EndObject();
            } else if (key == "tps") {
              w.Key(key).BeginObject();
              for (const std::string& k : JavaHashSetOrder(
                       {"normalInTps", "normalOutTps", "transInTps", "scheduleInTps"})) {
                w.Key(k).Double(k == "normalInTps"    ? normal_in_tps
                                : k == "normalOutTps" ? normal_out_tps
                                : k == "transInTps"   ? trans_in_tps
                                                      : schedule_in_tps);
              }
              w.EndObject();
            } else if (key == "oneDayNum") {
              w.Key(key).BeginObject();
              for (const std::string& k :
                   JavaHashSetOrder({"normalOneDayInNum", "normalOneDayOutNum", "transOneDayInNum",
                                     "scheduleOneDayInNum"})) {
                w.Key(k).Int(k == "normalOneDayInNum"    ? normal_in
                             : k == "normalOneDayOutNum" ? normal_out
                             : k == "transOneDayInNum"   ? trans_in
                                                         : schedule_in);
              }
              w.EndObject();
            } else if (key == "messageAverageSize") {
              WriteOptionalString(w, key, kv, "putMessageAverageSize");
            } else if (key == "topicSize") {
              w.Key(key).Int(static_cast<int64_t>(topics.topic_config_table.size()));
            } else {
              w.Key(key).Int(static_cast<int64_t>(groups.subscription_group_table.size()));
            }
          }
        }
        w.EndObject();
      }
      w.EndObject();
      if (broker_reports.find(broker_name) == broker_reports.end())
        broker_names.push_back(broker_name);
      broker_reports[broker_name] = w.Release();
    }

    JsonWriter w(JsonStyle::kFastjson, /*pretty=*/true);
    w.BeginObject();
    for (const std::string& member : JavaHashSetOrder({"evaluateReport", "totalData"})) {
      w.Key(member).BeginObject();
      if (member == "evaluateReport") {
        for (const std::string& name : JavaHashSetOrder(broker_names)) {
          w.Key(name).Raw(Reindent(broker_reports.at(name), 2));
        }
      } else {
        for (const std::string& part : JavaHashSetOrder({"totalTps", "totalOneDayNum"})) {
          w.Key(part).BeginObject();
          if (part == "totalTps") {
            for (const std::string& k :
                 JavaHashSetOrder({"totalNormalInTps", "totalNormalOutTps", "totalTransInTps",
                                   "totalScheduleInTps"})) {
              w.Key(k).Double(k == "totalNormalInTps"    ? total_normal_in_tps
                              : k == "totalNormalOutTps" ? total_normal_out_tps
                              : k == "totalTransInTps"   ? total_trans_in_tps
                                                         : total_schedule_in_tps);
            }
          } else {
            for (const std::string& k :
                 JavaHashSetOrder({"normalOneDayInNum", "normalOneDayOutNum", "transOneDayInNum",
                                   "scheduleOneDayInNum"})) {
              w.Key(k).Int(k == "normalOneDayInNum"    ? total_normal_in
                           : k == "normalOneDayOutNum" ? total_normal_out
                           : k == "transOneDayInNum"   ? total_trans_in
                                                       : total_schedule_in);
            }
          }
          w.EndObject();
        }
      }
      w.EndObject();
    }
    w.EndObject();
    const std::string path = file_path + "/metrics.json";
    WriteExportFile(path, w.Release());
    ctx.out << "export " << path << " success";  // Java printf: no newline
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewExportMetricsCommand() {
  return std::make_unique<ExportMetricsCommand>();
}

}  // namespace rocketmq::admin::tools
