// statsAll: prints the in/out TPS and message counts of every topic and consumer group
// (Java org.apache.rocketmq.tools.command.stats.StatsAllSubCommand).
// VIEW_BROKER_STATS_DATA (TOPIC_PUT_NUMS, GROUP_GET_NUMS) on each master of each topic, plus
// QUERY_TOPIC_CONSUME_BY_WHO and GET_CONSUME_STATS; rows as Java prints them.
#include <algorithm>
#include <memory>
#include <string>

#include "common/json_writer.h"
#include "common/message_const.h"
#include "rocketmq/admin.h"
#include "tools/admin/command_table.h"
#include "tools/admin/consumer_output.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class StatsAllCommand final : public SubCommand {
 public:
  std::string Name() const override { return "statsAll"; }
  std::string Description() const override { return "Topic and Consumer tps stats"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("a", "activeTopic", false, "print active topic only");
    options.AddOption("t", "topic", true, "print select topic only");
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    TopicList topics = admin->fetchAllTopicList();
    if (!ctx.json) {
      ctx.out << StrFormat("%-64s  %-64s %12s %11s %11s %14s %14s\n", "#Topic", "#Consumer Group",
                           "#Accumulation", "#InTPS", "#OutTPS", "#InMsg24Hour", "#OutMsg24Hour");
    }
    const bool active_topic = line.HasOption("a");
    const std::string select_topic = line.GetOptionValueOr("t", "");
    const std::string retry_prefix = kRetryGroupTopicPrefix;
    const std::string dlq_prefix = "%DLQ%";
    JsonWriter w;
    w.BeginArray();
    for (const std::string& topic : topics.topic_list) {
      if (topic.compare(0, retry_prefix.size(), retry_prefix) == 0 ||
          topic.compare(0, dlq_prefix.size(), dlq_prefix) == 0) {
        continue;
      }
      if (!select_topic.empty() && topic != select_topic) continue;
      try {
        PrintTopic(*admin, topic, active_topic, ctx, w);
      } catch (const std::exception&) {
        // Java skips a topic whose route or consumers cannot be read.
      }
    }
    w.EndArray();
    if (ctx.json) ctx.out << w.str() << "\n";
  }

 private:
  // Java compute24HourSum: the day's sum, else the hour's, else the minute's.
  static int64_t Sum24Hour(const BrokerStatsData& d) {
    if (d.stats_day.sum != 0) return d.stats_day.sum;
    if (d.stats_hour.sum != 0) return d.stats_hour.sum;
    return d.stats_minute.sum;
  }

  // Sums one statistics item over the masters of the route; unreadable brokers count 0.
  static void SumStats(DefaultMQAdminExt& admin, const TopicRouteData& route,
                       const std::string& name, const std::string& key, double* tps, int64_t* sum) {
    for (const BrokerData& bd : route.broker_datas) {
      auto master = bd.broker_addrs.find(0);
      if (master == bd.broker_addrs.end()) continue;
      try {
        BrokerStatsData d = admin.viewBrokerStatsData(master->second, name, key);
        *tps += d.stats_minute.tps;
        *sum += Sum24Hour(d);
      } catch (const std::exception&) {
        // As Java: a broker without that item adds nothing.
      }
    }
  }

  static void PrintTopic(DefaultMQAdminExt& admin, const std::string& topic, bool active_topic,
                         CommandContext& ctx, JsonWriter& w) {
    TopicRouteData route = admin.examineTopicRouteInfo(topic);
    GroupList groups = admin.queryTopicConsumeByWho(topic);
    double in_tps = 0;
    int64_t in_today = 0;
    SumStats(admin, route, "TOPIC_PUT_NUMS", topic, &in_tps, &in_today);
    const std::string topic64 = FrontStringAtLeast(topic, 64);
    if (groups.group_list.empty()) {
      if (active_topic && in_today <= 0) return;
      if (ctx.json) {
        WriteRow(w, topic, "", 0, in_tps, 0, in_today, 0);
      } else {
        ctx.out << StrFormat("%-64s  %-64s %12d %11s %11s %14lld %14s\n", topic64.c_str(), "", 0,
                             JavaFixed(in_tps, 2).c_str(), "", static_cast<long long>(in_today),
                             "NO_CONSUMER");
      }
      return;
    }
    // Java iterates the decoded HashSet of groups.
    std::vector<std::string> names(groups.group_list.begin(), groups.group_list.end());
    for (const std::string& group : JavaHashSetOrder(names)) {
      double out_tps = 0;
      int64_t out_today = 0;
      SumStats(admin, route, "GROUP_GET_NUMS", topic + "@" + group, &out_tps, &out_today);
      int64_t accumulate = 0;
      try {
        accumulate =
            std::max<int64_t>(0, admin.examineConsumeStats(group, topic).computeTotalDiff());
      } catch (const std::exception&) {
        // No stats: Java prints 0.
      }
      if (active_topic && in_today <= 0 && out_today <= 0) continue;
      if (ctx.json) {
        WriteRow(w, topic, group, accumulate, in_tps, out_tps, in_today, out_today);
        continue;
      }
      ctx.out << StrFormat("%-64s  %-64s %12lld %11s %11s %14lld %14lld\n", topic64.c_str(),
                           FrontStringAtLeast(group, 64).c_str(),
                           static_cast<long long>(accumulate), JavaFixed(in_tps, 2).c_str(),
                           JavaFixed(out_tps, 2).c_str(), static_cast<long long>(in_today),
                           static_cast<long long>(out_today));
    }
  }

  static void WriteRow(JsonWriter& w, const std::string& topic, const std::string& group,
                       int64_t accumulate, double in_tps, double out_tps, int64_t in_today,
                       int64_t out_today) {
    w.BeginObject();
    w.Key("topic").String(topic);
    w.Key("consumerGroup");
    if (group.empty())
      w.Null();
    else
      w.String(group);
    w.Key("accumulation").Int(accumulate);
    w.Key("inTPS").Double(in_tps);
    w.Key("outTPS").Double(out_tps);
    w.Key("inMsg24Hour").Int(in_today);
    w.Key("outMsg24Hour").Int(out_today);
    w.EndObject();
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewStatsAllCommand() { return std::make_unique<StatsAllCommand>(); }

}  // namespace rocketmq::admin::tools
