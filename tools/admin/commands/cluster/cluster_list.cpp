// clusterList: prints every broker of every cluster with its version, TPS and disk usage
// (Java org.apache.rocketmq.tools.command.cluster.ClusterListSubCommand).
//
// Order as Java: clusters in HashMap order, broker names sorted (TreeSet), broker ids ascending.
// A broker whose runtime info cannot be read is still listed with empty values (as Java), and
// the reason goes to stderr; without -i the command then fails after the table.
#include "tools/admin/commands/cluster/cluster_list.h"

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/json_writer.h"
#include "rocketmq/admin.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

constexpr char kClusterBaseFormat[] = "%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %6s\n";
constexpr char kClusterMoreHeaderFormat[] = "%-16s  %-32s %14s %14s %14s %14s\n";
constexpr char kClusterMoreRowFormat[] = "%-16s  %-32s %14lld %14lld %14lld %14lld\n";

// One broker address of the table, in print order.
struct ClusterListRow {
  std::string cluster;
  std::string broker_name;
  int64_t broker_id = 0;
  std::string addr;
};

std::vector<ClusterListRow> ClusterListRows(const ClusterInfo& info) {
  std::vector<ClusterListRow> rows;
  for (const std::string& cluster : ClusterNamesInJavaOrder(info)) {
    for (const std::string& name : info.cluster_addr_table.at(cluster)) {  // sorted, as TreeSet
      auto bd = info.broker_addr_table.find(name);
      if (bd == info.broker_addr_table.end()) continue;
      for (const auto& [id, addr] : bd->second.broker_addrs) {
        rows.push_back(ClusterListRow{cluster, name, id, addr});
      }
    }
  }
  return rows;
}

// Java Map.get on the runtime table: the value, "null" when absent (what "%s" prints for it).
std::string KvOrNull(const KVTable& kv, const char* key) {
  auto it = kv.find(key);
  return it == kv.end() ? "null" : it->second;
}

// Java Double.parseDouble of the first space-separated word; 0 when that fails.
double FirstDouble(const KVTable& kv, const char* key) {
  auto it = kv.find(key);
  if (it == kv.end()) return 0;
  const std::string word = JavaTrim(it->second.substr(0, it->second.find(' ')));
  char* end = nullptr;
  double value = std::strtod(word.c_str(), &end);
  return (word.empty() || *end != '\0') ? 0 : value;
}

std::optional<int64_t> KvLong(const KVTable& kv, const char* key) {
  auto it = kv.find(key);
  if (it == kv.end()) return std::nullopt;
  try {
    return JavaParseLong(it->second);
  } catch (const CommandError&) {
    return std::nullopt;
  }
}

class ClusterListCommand final : public SubCommand {
 public:
  // `max_rounds` < 0: -i loops forever.
  explicit ClusterListCommand(int64_t max_rounds) : max_rounds_(max_rounds) {}

  std::string Name() const override { return "clusterList"; }
  std::string Description() const override { return "List all of clusters"; }
  bool SupportsJson() const override { return true; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("m", "moreStats", false, "Print more stats");
    options.AddOption("i", "interval", true, "specify intervals numbers, it is in seconds");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const bool interval = line.HasOption("i");
    int64_t interval_ms = 0;
    if (interval) interval_ms = JavaParseLong(*line.GetOptionValue("i")) * 1000;
    const bool more = line.HasOption("m");
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    for (int64_t round = 0;; ++round) {
      if (round > 0) std::this_thread::sleep_for(std::chrono::milliseconds(interval_ms));
      int failed = more ? PrintMoreStats(*admin, ctx) : PrintBaseInfo(*admin, ctx);
      ctx.out.flush();
      if (!interval) {
        if (failed > 0) {
          throw CommandError(std::to_string(failed) + " broker(s) did not return runtime info");
        }
        return;
      }
      if (max_rounds_ >= 0 && round + 1 >= max_rounds_) return;
    }
  }

 private:
  // Reports a broker whose runtime info failed; the row is printed anyway.
  static void ReportBroker(CommandContext& ctx, const std::string& addr, const MQException& e) {
    ctx.err << "mqadmin clusterList: broker " << addr << ": " << e.getErrorMessage() << "\n";
  }

  // The default table; returns the number of brokers whose runtime info failed.
  static int PrintBaseInfo(DefaultMQAdminExt& admin, CommandContext& ctx) {
    const std::vector<ClusterListRow> rows = ClusterListRows(admin.examineBrokerClusterInfo());
    JsonWriter w;
    if (ctx.json) {
      w.BeginObject().Key("brokers").BeginArray();
    } else {
      ctx.out << StrFormat(kClusterBaseFormat, "#Cluster Name", "#Broker Name", "#BID", "#Addr",
                           "#Version", "#InTPS(LOAD)", "#OutTPS(LOAD)", "#PCWait(ms)", "#Hour",
                           "#SPACE");
    }
    int failed = 0;
    for (const ClusterListRow& row : rows) {
      KVTable kv;
      bool ok = true;
      try {
        kv = admin.fetchBrokerRuntimeStats(row.addr);
      } catch (const MQException& e) {
        ReportBroker(ctx, row.addr, e);
        ok = false;
        ++failed;
      }
      // Java starts from "" and overwrites with Map.get (null -> "null") when the call worked.
      auto text = [&](const char* key) { return ok ? KvOrNull(kv, key) : std::string(); };
      const double in = FirstDouble(kv, "putTps");
      const double out = FirstDouble(kv, "getTransferedTps");
      double hour = 0;
      if (std::optional<int64_t> earliest = KvLong(kv, "earliestMessageTimeStamp")) {
        const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count();
        hour = static_cast<double>(now - *earliest) / 1000.0 / 60.0 / 60.0;
      }
      double space = 0;
      if (kv.count("commitLogDiskRatio") != 0) space = FirstDouble(kv, "commitLogDiskRatio");
      if (ctx.json) {
        w.BeginObject();
        w.Key("clusterName").String(row.cluster);
        w.Key("brokerName").String(row.broker_name);
        w.Key("brokerId").Int(row.broker_id);
        w.Key("addr").String(row.addr);
        w.Key("version").String(text("brokerVersionDesc"));
        w.Key("inTps").Double(in);
        w.Key("sendThreadPoolQueueSize").String(text("sendThreadPoolQueueSize"));
        w.Key("sendThreadPoolQueueHeadWaitTimeMills")
            .String(text("sendThreadPoolQueueHeadWaitTimeMills"));
        w.Key("outTps").Double(out);
        w.Key("pullThreadPoolQueueSize").String(text("pullThreadPoolQueueSize"));
        w.Key("pullThreadPoolQueueHeadWaitTimeMills")
            .String(text("pullThreadPoolQueueHeadWaitTimeMills"));
        w.Key("pageCacheLockTimeMills").String(text("pageCacheLockTimeMills"));
        w.Key("hour").Double(hour);
        w.Key("space").Double(space);
        w.EndObject();
        continue;
      }
      const std::string in_text = StrFormat("%9s(%s,%sms)", JavaFixed(in, 2).c_str(),
                                            text("sendThreadPoolQueueSize").c_str(),
                                            text("sendThreadPoolQueueHeadWaitTimeMills").c_str());
      const std::string out_text = StrFormat("%9s(%s,%sms)", JavaFixed(out, 2).c_str(),
                                             text("pullThreadPoolQueueSize").c_str(),
                                             text("pullThreadPoolQueueHeadWaitTimeMills").c_str());
      ctx.out << StrFormat(kClusterBaseFormat, row.cluster.c_str(), row.broker_name.c_str(),
                           std::to_string(row.broker_id).c_str(), row.addr.c_str(),
                           text("brokerVersionDesc").c_str(), in_text.c_str(), out_text.c_str(),
                           text("pageCacheLockTimeMills").c_str(), JavaFixed(hour, 2).c_str(),
                           JavaFixed(space, 4).c_str());
    }
    if (ctx.json) {
      w.EndArray().EndObject();
      ctx.out << w.str() << "\n";
    }
    return failed;
  }

  // -m: message totals of yesterday and today per broker address.
  static int PrintMoreStats(DefaultMQAdminExt& admin, CommandContext& ctx) {
    const std::vector<ClusterListRow> rows = ClusterListRows(admin.examineBrokerClusterInfo());
    JsonWriter w;
    if (ctx.json) {
      w.BeginObject().Key("brokers").BeginArray();
    } else {
      ctx.out << StrFormat(kClusterMoreHeaderFormat, "#Cluster Name", "#Broker Name",
                           "#InTotalYest", "#OutTotalYest", "#InTotalToday", "#OutTotalToday");
    }
    int failed = 0;
    for (const ClusterListRow& row : rows) {
      int64_t in_yest = 0;
      int64_t out_yest = 0;
      int64_t in_today = 0;
      int64_t out_today = 0;
      try {
        const KVTable kv = admin.fetchBrokerRuntimeStats(row.addr);
        auto put_yest = KvLong(kv, "msgPutTotalYesterdayMorning");
        auto put_morning = KvLong(kv, "msgPutTotalTodayMorning");
        auto put_now = KvLong(kv, "msgPutTotalTodayNow");
        auto get_yest = KvLong(kv, "msgGetTotalYesterdayMorning");
        auto get_morning = KvLong(kv, "msgGetTotalTodayMorning");
        auto get_now = KvLong(kv, "msgGetTotalTodayNow");
        // Java computes all four in one try block: one missing value leaves them all 0.
        if (put_yest && put_morning && put_now && get_yest && get_morning && get_now) {
          in_yest = *put_morning - *put_yest;
          out_yest = *get_morning - *get_yest;
          in_today = *put_now - *put_morning;
          out_today = *get_now - *get_morning;
        }
      } catch (const MQException& e) {
        ReportBroker(ctx, row.addr, e);
        ++failed;
      }
      if (ctx.json) {
        w.BeginObject();
        w.Key("clusterName").String(row.cluster);
        w.Key("brokerName").String(row.broker_name);
        w.Key("brokerId").Int(row.broker_id);
        w.Key("addr").String(row.addr);
        w.Key("inTotalYest").Int(in_yest);
        w.Key("outTotalYest").Int(out_yest);
        w.Key("inTotalToday").Int(in_today);
        w.Key("outTotalToday").Int(out_today);
        w.EndObject();
        continue;
      }
      ctx.out << StrFormat(kClusterMoreRowFormat, row.cluster.c_str(), row.broker_name.c_str(),
                           static_cast<long long>(in_yest), static_cast<long long>(out_yest),
                           static_cast<long long>(in_today), static_cast<long long>(out_today));
    }
    if (ctx.json) {
      w.EndArray().EndObject();
      ctx.out << w.str() << "\n";
    }
    return failed;
  }

  const int64_t max_rounds_;
};

}  // namespace

std::unique_ptr<SubCommand> NewClusterListCommand() {
  return std::make_unique<ClusterListCommand>(-1);
}

std::unique_ptr<SubCommand> NewClusterListCommandWithRounds(int64_t max_rounds) {
  return std::make_unique<ClusterListCommand>(max_rounds);
}

}  // namespace rocketmq::admin::tools
