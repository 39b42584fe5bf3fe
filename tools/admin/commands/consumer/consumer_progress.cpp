// consumerProgress: prints the consume progress (offsets, diff) of one group, or a summary of every
// group (Java org.apache.rocketmq.tools.command.consumer.ConsumerProgressSubCommand).
//
// With -g: GET_CONSUME_STATS of the group on every broker of its %RETRY% topic, one row per queue
// (retry queues included) in MessageQueue order, then "Consume TPS" and "Diff Total". -s true
// adds the client owning each queue (GET_CONSUMER_CONNECTION_LIST, then GET_CONSUMER_RUNNING_INFO
// of each client through the broker; "N/A" when unknown, as in Java).
// Without -g: one row per group found as a %RETRY%<group> topic of the NameServer's topic list;
// groups whose stats or connections cannot be read still get a row (OFFLINE), as in Java.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "common/message_const.h"
#include "rocketmq/admin.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/consumer_output.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mq_version.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

// Which client (its IP, the part of the client id before '@') holds each queue of the group;
// empty when the group has no connection. Failures leave the map empty, as Java's do.
std::map<MQMessageQueue, std::string> ProgressQueueOwners(DefaultMQAdminExt& admin,
                                                          const std::string& group) {
  std::map<MQMessageQueue, std::string> owners;
  try {
    ConsumerConnection cc = admin.examineConsumerConnectionInfo(group);
    for (const Connection& conn : cc.connection_set) {
      ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, conn.client_id, false);
      const std::string ip = conn.client_id.substr(0, conn.client_id.find('@'));
      for (const auto& [mq, pq] : info.mq_table) owners[mq] = ip;
    }
  } catch (const std::exception&) {
    // Java ignores any failure here and prints N/A.
  }
  return owners;
}

// One row of the summary (Java GroupConsumeInfo).
struct ProgressGroupRow {
  std::string group;
  int count = 0;
  int version = 0;
  std::string consume_type;   // CONSUME_ACTIVELY / CONSUME_PASSIVELY, "" when unknown
  std::string message_model;  // "" when unknown
  int consume_tps = 0;        // Java casts the double to int
  int64_t diff_total = 0;

  std::string ConsumeTypeDesc() const {
    if (count == 0) return "";
    return consume_type == "CONSUME_ACTIVELY" ? "PULL" : "PUSH";
  }
  std::string MessageModelDesc() const {
    return count != 0 && consume_type == "CONSUME_PASSIVELY" ? message_model : "";
  }
};

class ConsumerProgressCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumerProgress"; }
  std::string Description() const override { return "Query consumers's progress, speed"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "groupName", true, "consumer group name");
    options.AddOption("s", "showClientIP", true, "Show Client IP per Queue");
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::optional<std::string> s = line.GetOptionValue("s");
    const bool show_client_ip = s && EqualsIgnoreCase(*s, "true");
    if (std::optional<std::string> g = line.GetOptionValue("g")) {
      ShowGroup(*admin, JavaTrim(*g), show_client_ip, ctx);
    } else {
      ShowAllGroups(*admin, ctx);
    }
  }

 private:
  static bool EqualsIgnoreCase(const std::string& a, const char* b) {
    const std::string bs(b);
    if (a.size() != bs.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(a[i])) != bs[i]) return false;
    }
    return true;
  }

  static void ShowGroup(DefaultMQAdminExt& admin, const std::string& group, bool show_client_ip,
                        CommandContext& ctx) {
    ConsumeStats stats = admin.examineConsumeStats(group);
    std::map<MQMessageQueue, std::string> owners;
    if (show_client_ip) owners = ProgressQueueOwners(admin, group);
    int64_t diff_total = 0;
    if (ctx.json) {
      JsonWriter w;
      w.BeginObject();
      w.Key("consumeTps").Double(stats.consume_tps);
      w.Key("offsetTable").BeginArray();
      for (const auto& [mq, ow] : stats.offset_table) {
        const int64_t diff = ow.broker_offset - ow.consumer_offset;
        diff_total += diff;
        w.BeginObject();
        w.Key("messageQueue");
        WriteQueueJson(w, mq);
        w.Key("brokerOffset").Int(ow.broker_offset);
        w.Key("consumerOffset").Int(ow.consumer_offset);
        if (show_client_ip) {
          auto it = owners.find(mq);
          w.Key("clientIP");
          if (it == owners.end())
            w.Null();
          else
            w.String(it->second);
        }
        w.Key("diff").Int(diff);
        w.Key("lastTimestamp").Int(ow.last_timestamp);
        w.EndObject();
      }
      w.EndArray();
      w.Key("diffTotal").Int(diff_total);
      w.EndObject();
      ctx.out << w.str() << "\n";
      return;
    }
    if (show_client_ip) {
      ctx.out << StrFormat("%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s  %s\n", "#Topic",
                           "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset",
                           "#Client IP", "#Diff", "#LastTime");
    } else {
      ctx.out << StrFormat("%-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s\n", "#Topic",
                           "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff",
                           "#LastTime");
    }
    for (const auto& [mq, ow] : stats.offset_table) {
      const int64_t diff = ow.broker_offset - ow.consumer_offset;
      diff_total += diff;
      const std::string last_time =
          ow.last_timestamp == 0 ? "N/A" : FormatDateTime(ow.last_timestamp);
      const std::string topic = FrontStringAtLeast(mq.getTopic(), 64);
      const std::string broker = FrontStringAtLeast(mq.getBrokerName(), 32);
      const long long broker_offset = ow.broker_offset;
      const long long consumer_offset = ow.consumer_offset;
      if (show_client_ip) {
        auto it = owners.find(mq);
        const std::string ip = it == owners.end() ? "N/A" : it->second;
        ctx.out << StrFormat("%-64s  %-32s  %-4d  %-20lld  %-20lld  %-20s %-20lld  %s\n",
                             topic.c_str(), broker.c_str(), mq.getQueueId(), broker_offset,
                             consumer_offset, ip.c_str(), static_cast<long long>(diff),
                             last_time.c_str());
      } else {
        ctx.out << StrFormat("%-64s  %-32s  %-4d  %-20lld  %-20lld  %-20lld  %s\n", topic.c_str(),
                             broker.c_str(), mq.getQueueId(), broker_offset, consumer_offset,
                             static_cast<long long>(diff), last_time.c_str());
      }
    }
    ctx.out << "\n";
    ctx.out << "Consume TPS: " << JavaFixed(stats.consume_tps, 2) << "\n";
    ctx.out << "Diff Total: " << diff_total << "\n";
  }

  static void ShowAllGroups(DefaultMQAdminExt& admin, CommandContext& ctx) {
    const std::string kPrefix = kRetryGroupTopicPrefix;
    // Java prints the header before it asks the NameServer for the topic list.
    if (!ctx.json) {
      ctx.out << StrFormat("%-64s  %-6s  %-24s %-5s  %-14s  %-7s  %s\n", "#Group", "#Count",
                           "#Version", "#Type", "#Model", "#TPS", "#Diff Total");
    }
    TopicList topics = admin.fetchAllTopicList();
    std::vector<ProgressGroupRow> rows;
    for (const std::string& topic : topics.topic_list) {
      if (topic.compare(0, kPrefix.size(), kPrefix) != 0) continue;
      ProgressGroupRow row;
      row.group = topic.substr(kPrefix.size());
      try {
        ConsumeStats stats = admin.examineConsumeStats(row.group);
        row.consume_tps = static_cast<int>(stats.consume_tps);
        row.diff_total = stats.computeTotalDiff();
      } catch (const std::exception&) {
        // Java logs and prints the row without stats.
      }
      try {
        ConsumerConnection cc = admin.examineConsumerConnectionInfo(row.group);
        row.count = static_cast<int>(cc.connection_set.size());
        row.message_model = cc.message_model;
        row.consume_type = cc.consume_type;
        row.version = cc.computeMinVersion();
      } catch (const std::exception&) {
        // Offline: no connection.
      }
      rows.push_back(row);
      if (!ctx.json) {
        const std::string group = FrontStringAtLeast(row.group, 64);
        const std::string version = row.count > 0 ? MQVersionDesc(row.version) : "OFFLINE";
        ctx.out << StrFormat("%-64s  %-6d  %-24s %-5s  %-14s  %-7d  %lld\n", group.c_str(),
                             row.count, version.c_str(), row.ConsumeTypeDesc().c_str(),
                             row.MessageModelDesc().c_str(), row.consume_tps,
                             static_cast<long long>(row.diff_total));
      }
    }
    if (ctx.json) {
      JsonWriter w;
      w.BeginArray();
      for (const ProgressGroupRow& row : rows) {
        w.BeginObject();
        w.Key("group").String(row.group);
        w.Key("count").Int(row.count);
        w.Key("version").String(row.count > 0 ? MQVersionDesc(row.version) : "OFFLINE");
        w.Key("consumeType").String(row.ConsumeTypeDesc());
        w.Key("messageModel").String(row.MessageModelDesc());
        w.Key("consumeTps").Int(row.consume_tps);
        w.Key("diffTotal").Int(row.diff_total);
        w.EndObject();
      }
      w.EndArray();
      ctx.out << w.str() << "\n";
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumerProgressCommand() {
  return std::make_unique<ConsumerProgressCommand>();
}

}  // namespace rocketmq::admin::tools
