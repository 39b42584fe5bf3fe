// allocateMQ: prints how the average allocation strategy spreads a topic's queues over a list of
// clients (Java org.apache.rocketmq.tools.command.topic.AllocateMQSubCommand).
#include <algorithm>
#include <cstdint>
#include <memory>
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

// Java String.split(","): pieces between commas, trailing empty pieces dropped. An empty
// client id makes Java's allocation strategy throw; refuse it here.
std::vector<std::string> SplitIpList(const std::string& text) {
  std::vector<std::string> pieces;
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    pieces.push_back(
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  while (!pieces.empty() && pieces.back().empty()) pieces.pop_back();
  for (const std::string& p : pieces) {
    if (p.empty()) throw CommandError("ipList has an empty entry: " + text);
  }
  if (pieces.empty()) throw CommandError("ipList is empty");
  return pieces;
}

// Java MessageQueue.hashCode().
int32_t JavaMessageQueueHash(const MQMessageQueue& mq) {
  uint32_t h = 1;
  h = 31 * h + static_cast<uint32_t>(JavaStringHashCode(mq.getBrokerName()));
  h = 31 * h + static_cast<uint32_t>(mq.getQueueId());
  h = 31 * h + static_cast<uint32_t>(JavaStringHashCode(mq.getTopic()));
  return static_cast<int32_t>(h);
}

// Java MQClientInstance.topicRouteData2TopicSubscribeInfo (the readable queues of every
// broker group, into a HashSet<MessageQueue>) then new ArrayList(set): the HashSet's order.
std::vector<MQMessageQueue> SubscribeQueuesInJavaOrder(const std::string& topic,
                                                       const TopicRouteData& route) {
  std::vector<MQMessageQueue> added;
  std::vector<int32_t> hashes;
  for (const QueueData& qd : route.queue_datas) {
    if ((qd.perm & kPermRead) == 0) continue;
    for (int i = 0; i < qd.read_queue_nums; ++i) {
      MQMessageQueue mq(topic, qd.broker_name, i);
      if (std::find(added.begin(), added.end(), mq) != added.end()) continue;
      added.push_back(mq);
      hashes.push_back(JavaMessageQueueHash(mq));
    }
  }
  std::vector<MQMessageQueue> ordered;
  for (size_t index : JavaHashOrder(hashes)) ordered.push_back(added[index]);
  return ordered;
}

// Java AllocateMessageQueueAveragely.allocate: a contiguous share of `all` for `cid`, the first
// (size % clients) clients getting one more.
std::vector<MQMessageQueue> AllocateAveragely(const std::string& cid,
                                              const std::vector<MQMessageQueue>& all,
                                              const std::vector<std::string>& cids) {
  std::vector<MQMessageQueue> result;
  auto it = std::find(cids.begin(), cids.end(), cid);
  if (all.empty() || it == cids.end()) return result;
  const int index = static_cast<int>(it - cids.begin());
  const int n = static_cast<int>(all.size());
  const int clients = static_cast<int>(cids.size());
  const int mod = n % clients;
  const int average = n <= clients ? 1 : (mod > 0 && index < mod ? n / clients + 1 : n / clients);
  const int start = (mod > 0 && index < mod) ? index * average : index * average + mod;
  const int range = std::min(average, n - start);
  for (int i = 0; i < range; ++i) result.push_back(all[(start + i) % n]);
  return result;
}

class AllocateMQCommand final : public SubCommand {
 public:
  std::string Name() const override { return "allocateMQ"; }
  std::string Description() const override { return "Allocate MQ"; }

  bool SupportsJson() const override { return true; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("i", "ipList", true, "ipList", /*required=*/true);
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const std::vector<std::string> ips = SplitIpList(JavaTrim(*line.GetOptionValue("i")));
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::vector<MQMessageQueue> mqs =
        SubscribeQueuesInJavaOrder(topic, admin->examineTopicRouteInfo(topic));
    // The same JSON with or without --json: Java prints RebalanceResult as compact JSON.
    JsonWriter w;
    w.BeginObject().Key("result").BeginObject();
    for (const std::string& ip : JavaHashSetOrder(ips)) {
      w.Key(ip).BeginArray();
      for (const MQMessageQueue& mq : AllocateAveragely(ip, mqs, ips)) {
        w.BeginObject();
        w.Key("brokerName").String(mq.getBrokerName());
        w.Key("queueId").Int(mq.getQueueId());
        w.Key("topic").String(mq.getTopic());
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject().EndObject();
    ctx.out << w.str() << "\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewAllocateMQCommand() { return std::make_unique<AllocateMQCommand>(); }

}  // namespace rocketmq::admin::tools
