// consumer: prints the connections and running status of a consumer group (not registered by
// Java 4.9.8) (Java org.apache.rocketmq.tools.command.consumer.ConsumerSubCommand).
#include <memory>
#include <string>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include "rocketmq/admin.h"
#include "tools/admin/command_table.h"
#include "tools/admin/consumer_running_info_format.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mq_version.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ConsumerCommand final : public SubCommand {
 public:
  std::string Name() const override { return "consumer"; }
  std::string Description() const override { return "Query consumer's connection, status, etc."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("g", "consumerGroup", true, "consumer group name", /*required=*/true);
    options.AddOption("s", "jstack", false, "Run jstack command in the consumer progress");
  }

  // As Java's source: the clients of the group (GET_CONSUMER_CONNECTION_LIST), each client's
  // GET_CONSUMER_RUNNING_INFO written to ./<now-ms>/<clientId>, one "%03d" row per client, then
  // the subscription and queue analysis. A client that fails is reported on stderr and skipped.
  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string group = JavaTrim(*line.GetOptionValue("g"));
    ConsumerConnection cc = admin->examineConsumerConnectionInfo(group);
    const bool jstack = line.HasOption("s");
    const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    std::map<std::string, ConsumerRunningInfo> infos;
    int index = 1;
    for (const Connection& conn : cc.connection_set) {
      try {
        ConsumerRunningInfo info = admin->getConsumerRunningInfo(group, conn.client_id, jstack);
        infos[conn.client_id] = info;
        const std::string path = std::to_string(now) + "/" + conn.client_id;
        std::filesystem::path p(path);
        std::error_code ec;
        std::filesystem::create_directories(p.parent_path(), ec);
        std::ofstream f(p, std::ios::binary | std::ios::trunc);
        f << FormatConsumerRunningInfo(info);
        f.close();
        if (!f) throw std::runtime_error("cannot write " + path);
        ctx.out << StrFormat("%03d  %-40s %-20s %s\n", index++, conn.client_id.c_str(),
                             MQVersionDesc(conn.version).c_str(), path.c_str());
      } catch (const std::exception& e) {
        ctx.err << "mqadmin consumer: client " << conn.client_id << ": " << e.what() << "\n";
      }
    }
    if (infos.empty()) return;
    if (!AnalyzeSubscription(infos, now)) {
      ctx.out << "\n\nWARN: Different subscription in the same group of consumer!!!";
      return;
    }
    ctx.out << "\n\nSame subscription in the same group of consumer";
    ctx.out << "\n\nRebalance OK\n";
    for (const auto& [client_id, info] : infos)
      ctx.out << AnalyzeProcessQueue(client_id, info, now);
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewConsumerCommand() { return std::make_unique<ConsumerCommand>(); }

}  // namespace rocketmq::admin::tools
