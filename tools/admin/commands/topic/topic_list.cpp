// topicList: lists every topic (or cluster, topic and consumer groups with -c)
// (Java org.apache.rocketmq.tools.command.topic.TopicListSubCommand).
#include <memory>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "common/message_const.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/format_util.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class TopicListCommand final : public SubCommand {
 public:
  std::string Name() const override { return "topicList"; }
  std::string Description() const override { return "Fetch all topic list from name server"; }

  bool SupportsJson() const override { return true; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("c", "clusterModel", false, "clusterModel");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    if (!line.HasOption("c")) {
      // Java decodes the NameServer's array into a HashSet and prints it in that order.
      const std::vector<std::string> topics =
          JavaHashSetOrder(admin->fetchAllTopicList().topic_list);
      if (ctx.json) {
        JsonWriter w;
        w.BeginObject().Key("topicList").BeginArray();
        for (const std::string& t : topics) w.String(t);
        w.EndArray().EndObject();
        ctx.out << w.str() << "\n";
        return;
      }
      for (const std::string& t : topics) ctx.out << t << "\n";
      return;
    }

    const ClusterInfo clusters = admin->examineBrokerClusterInfo();
    const std::vector<std::string> cluster_order = ClusterNamesInJavaOrder(clusters);
    if (!ctx.json) {
      ctx.out << StrFormat("%-20s  %-48s  %-48s\n", "#Cluster Name", "#Topic", "#Consumer Group");
    }
    JsonWriter w;
    w.BeginObject().Key("topicList").BeginArray();
    for (const std::string& topic : JavaHashSetOrder(admin->fetchAllTopicList().topic_list)) {
      if (topic.rfind(kRetryGroupTopicPrefix, 0) == 0 ||
          topic.rfind(kDlqGroupTopicPrefix, 0) == 0) {
        continue;
      }
      // As Java: a topic whose route or consumers cannot be read is listed with what was found
      // ("" cluster, "" group); "null" when no cluster holds its first broker.
      std::string cluster;
      std::vector<std::string> groups;
      try {
        const TopicRouteData route = admin->examineTopicRouteInfo(topic);
        cluster = "null";
        if (!route.broker_datas.empty()) {
          for (const std::string& name : cluster_order) {
            if (clusters.cluster_addr_table.at(name).count(route.broker_datas[0].broker_name) !=
                0) {
              cluster = name;
              break;
            }
          }
        }
        groups = JavaHashSetOrder(admin->queryTopicConsumeByWho(topic).group_list);
      } catch (const MQException& e) {
        ctx.err << "mqadmin topicList: " << topic << ": " << e.getErrorMessage() << "\n";
      }
      if (ctx.json) {
        w.BeginObject();
        w.Key("clusterName").String(cluster);
        w.Key("topic").String(topic);
        w.Key("groupList").BeginArray();
        for (const std::string& g : groups) w.String(g);
        w.EndArray();
        w.EndObject();
        continue;
      }
      if (groups.empty()) groups.push_back("");
      for (const std::string& group : groups) {
        // Java UtilAll.frontStringAtLeast: at most the first n characters.
        ctx.out << StrFormat("%-20s  %-64s  %-64s\n", cluster.substr(0, 20).c_str(),
                             topic.substr(0, 64).c_str(), group.substr(0, 64).c_str());
      }
    }
    if (ctx.json) {
      w.EndArray().EndObject();
      ctx.out << w.str() << "\n";
    }
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewTopicListCommand() { return std::make_unique<TopicListCommand>(); }

}  // namespace rocketmq::admin::tools
