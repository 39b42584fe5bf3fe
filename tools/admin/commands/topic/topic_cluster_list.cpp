// topicClusterList: prints the clusters a topic lives in
// (Java org.apache.rocketmq.tools.command.topic.TopicClusterSubCommand).
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

class TopicClusterListCommand final : public SubCommand {
 public:
  std::string Name() const override { return "topicClusterList"; }
  std::string Description() const override { return "get cluster info for topic"; }

  bool SupportsJson() const override { return true; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::set<std::string> clusters = admin->getTopicClusterList(topic);
    // Java iterates a HashSet.
    const std::vector<std::string> ordered =
        JavaHashSetOrder(std::vector<std::string>(clusters.begin(), clusters.end()));
    if (ctx.json) {
      JsonWriter w;
      w.BeginObject().Key("clusterList").BeginArray();
      for (const std::string& c : ordered) w.String(c);
      w.EndArray().EndObject();
      ctx.out << w.str() << "\n";
      return;
    }
    for (const std::string& c : ordered) ctx.out << c << "\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewTopicClusterListCommand() {
  return std::make_unique<TopicClusterListCommand>();
}

}  // namespace rocketmq::admin::tools
