// clusterRT: sends test messages to every broker of the clusters and prints the average send time
// (Java org.apache.rocketmq.tools.command.cluster.CLusterSendMsgRTCommand).
#include <memory>
#include <string>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <vector>

#include "rocketmq/default_mq_producer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/commands/message/message_printer.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class ClusterRTCommand final : public SubCommand {
 public:
  std::string Name() const override { return "clusterRT"; }
  std::string Description() const override { return "List All clusters Message Send RT"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("a", "amount", true, "message amount | default 100");
    options.AddOption("s", "size", true, "message size | default 128 Byte");
    options.AddOption("c", "cluster", true, "cluster name | default display all cluster");
    options.AddOption("p", "print log", true, "print as tlog | default false");
    options.AddOption("m", "machine room", true, "machine room name | default noname");
    options.AddOption("i", "interval", true, "print interval | default 10 seconds");
  }

  // Loops forever as Java does (stop it with a signal); $MQADMIN_CLUSTERRT_ROUNDS = N > 0 stops
  // after N rounds (tests).
  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::unique_ptr<DefaultMQProducer> producer = StartToolProducer(ctx, NowMillisText());
    const ClusterInfo info = admin->examineBrokerClusterInfo();
    const int64_t amount =
        line.HasOption("a") ? JavaParseLong(JavaTrim(*line.GetOptionValue("a"))) : 100;
    const int64_t size =
        line.HasOption("s") ? JavaParseLong(JavaTrim(*line.GetOptionValue("s"))) : 128;
    const int64_t interval =
        line.HasOption("i") ? JavaParseLong(JavaTrim(*line.GetOptionValue("i"))) : 10;
    const bool tlog = line.HasOption("p") && JavaParseBoolean(JavaTrim(*line.GetOptionValue("p")));
    const std::string room = line.HasOption("m") ? JavaTrim(*line.GetOptionValue("m")) : "noname";
    std::vector<std::string> clusters;
    if (line.HasOption("c")) {
      clusters.push_back(JavaTrim(*line.GetOptionValue("c")));
    } else {
      std::vector<std::string> names;
      for (const auto& [name, brokers] : info.cluster_addr_table) names.push_back(name);
      clusters = JavaHashSetOrder(names);
    }
    if (!tlog) {
      ctx.out << StrFormat("%-24s  %-24s  %-4s  %-8s  %-8s\n", "#Cluster Name", "#Broker Name",
                           "#RT", "#successCount", "#failCount");
    }
    int64_t rounds = 0;
    if (const char* env = std::getenv("MQADMIN_CLUSTERRT_ROUNDS")) rounds = std::atoll(env);
    for (int64_t round = 0; rounds <= 0 || round < rounds; ++round) {
      if (round > 0) std::this_thread::sleep_for(std::chrono::seconds(interval));
      for (const std::string& cluster : clusters) {
        auto it = info.cluster_addr_table.find(cluster);
        if (it == info.cluster_addr_table.end()) {
          ctx.out << "cluster [" << cluster << "] not exist";
          ctx.out.flush();
          break;
        }
        const std::vector<std::string> brokers =
            JavaHashSetOrder(std::vector<std::string>(it->second.begin(), it->second.end()));
        for (const std::string& broker : brokers) {
          MQMessage msg(broker, std::string(static_cast<size_t>(std::max<int64_t>(0, size)), 'a'));
          int64_t elapsed = 0;
          int success = 0;
          int fail = 0;
          for (int64_t i = 0; i < amount; ++i) {
            const auto start = std::chrono::steady_clock::now();
            try {
              producer->send(msg);
              ++success;
            } catch (const MQException&) {
              ++fail;
            }
            const int64_t rt = std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::steady_clock::now() - start)
                                   .count();
            if (i != 0) elapsed += rt;
          }
          const double rt = static_cast<double>(elapsed) / static_cast<double>(amount - 1);
          if (!tlog) {
            ctx.out << StrFormat("%-24s  %-24s  %-8s  %-16d  %-16d\n", cluster.c_str(),
                                 broker.c_str(), JavaFixed(rt, 2).c_str(), success, fail);
          } else {
            const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count();
            // Java prints the time in GMT+8 whatever the local zone.
            ctx.out << FormatJavaDate(now_ms, kDateTimePattern, 8 * 60) << "|" << room << "|"
                    << cluster << "|" << broker << "|" << JavaFixed(rt, 0) << "\n";
          }
          ctx.out.flush();
        }
      }
    }
    producer->shutdown();
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewClusterRTCommand() { return std::make_unique<ClusterRTCommand>(); }

}  // namespace rocketmq::admin::tools
