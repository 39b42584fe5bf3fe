// consumerStatus: prints the running info of the clients of a consumer group
// (Java org.apache.rocketmq.tools.command.consumer.ConsumerStatusSubCommand).
// GET_CONSUMER_CONNECTION_LIST (one broker of the group's retry topic, or -b), then
// GET_CONSUMER_RUNNING_INFO of each client through the broker. Without -i, like Java, each
// client's ConsumerRunningInfo text goes to the file ./<now-ms>/<clientId> and a table of the
// clients is printed; a client that fails is reported on stderr and skipped (Java prints its
// stack trace and goes on).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "common/json_writer.h"
#include "rocketmq/admin.h"
#include "tools/admin/command_table.h"
#include "tools/admin/consumer_running_info_format.h"
#include "tools/admin/consumer_running_info_json.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mq_version.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ConsumerStatusCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumerStatus"; }
  std::string Description() const override { return "Query consumer's internal data structure"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "consumerGroup", true, "consumer group name", /*required=*/true);
    options.AddOption("i", "clientId", true, "The consumer's client id");
    options.AddOption("b", "brokerAddr", true, "broker address");
    options.AddOption("s", "jstack", false, "Run jstack command in the consumer progress");
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string group = JavaTrim(*line.GetOptionValue("g"));
    std::optional<std::string> broker = line.GetOptionValue("b");
    ConsumerConnection cc = broker ? admin->examineConsumerConnectionInfo(group, JavaTrim(*broker))
                                   : admin->examineConsumerConnectionInfo(group);
    const bool jstack = line.HasOption("s");
    if (std::optional<std::string> client = line.GetOptionValue("i")) {
      ConsumerRunningInfo info = admin->getConsumerRunningInfo(group, JavaTrim(*client), jstack);
      if (ctx.json) {
        JsonWriter w;
        WriteConsumerRunningInfoJson(w, info);
        ctx.out << w.str() << "\n";
      } else {
        ctx.out << FormatConsumerRunningInfo(info);
      }
      return;
    }
    const int64_t now = NowMs();
    std::map<std::string, ConsumerRunningInfo> infos;  // Java TreeMap by client id
    JsonWriter w;
    w.BeginObject();
    w.Key("clients").BeginArray();
    if (!ctx.json) {
      ctx.out << StrFormat("%-10s %-40s %-20s %s\n", "#Index", "#ClientId", "#Version",
                           "#ConsumerRunningInfoFile");
    }
    int index = 1;
    for (const Connection& conn : cc.connection_set) {
      try {
        ConsumerRunningInfo info = admin->getConsumerRunningInfo(group, conn.client_id, jstack);
        infos[conn.client_id] = info;
        const std::string path = std::to_string(now) + "/" + conn.client_id;
        WriteInfoFile(path, FormatConsumerRunningInfo(info));
        if (ctx.json) {
          w.BeginObject();
          w.Key("index").Int(index++);
          w.Key("clientId").String(conn.client_id);
          w.Key("version").String(MQVersionDesc(conn.version));
          w.Key("consumerRunningInfoFile").String(path);
          w.EndObject();
        } else {
          ctx.out << StrFormat("%-10d %-40s %-20s %s\n", index++, conn.client_id.c_str(),
                               MQVersionDesc(conn.version).c_str(), path.c_str());
        }
      } catch (const std::exception& e) {
        ctx.err << "mqadmin consumerStatus: client " << conn.client_id << ": " << e.what() << "\n";
      }
    }
    w.EndArray();
    if (!infos.empty()) {
      const bool sub_same = AnalyzeSubscription(infos, now);
      const bool rebalance_ok = sub_same;  // Java's analyzeRebalance always says OK
      std::string problems;
      if (sub_same) {
        for (const auto& [client_id, info] : infos)
          problems += AnalyzeProcessQueue(client_id, info, now);
      }
      if (ctx.json) {
        w.Key("sameSubscription").Bool(sub_same);
        if (sub_same) {
          w.Key("rebalanceOK").Bool(rebalance_ok);
          w.Key("processQueueWarnings").String(problems);
        }
      } else if (sub_same) {
        ctx.out << "\n\nSame subscription in the same group of consumer";
        ctx.out << "\n\nRebalance " << (rebalance_ok ? "OK" : "Failed") << "\n";
        ctx.out << problems;
      } else {
        ctx.out << "\n\nWARN: Different subscription in the same group of consumer!!!";
      }
    }
    w.EndObject();
    if (ctx.json) ctx.out << w.str() << "\n";
  }

 private:
  static int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  // Java MixAll.string2FileNotSafe: creates the parent directories and writes `text`.
  static void WriteInfoFile(const std::string& path, const std::string& text) {
    std::filesystem::path p(path);
    std::error_code ec;
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();
    if (!f) throw std::runtime_error("cannot write " + path);
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumerStatusCommand() {
  return std::make_unique<ConsumerStatusCommand>();
}

}  // namespace rocketmq::admin::tools
