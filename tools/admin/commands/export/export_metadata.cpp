// exportMetadata: writes the topic and subscription group configs of a cluster or broker to
// metadata json files (Java org.apache.rocketmq.tools.command.export.ExportMetadataCommand).
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/json_writer.h"
#include "common/time_util.h"
#include "tools/admin/cli/help_formatter.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_table.h"
#include "tools/admin/export_file.h"
#include "tools/admin/java_hash.h"
#include "tools/admin/mqadmin_startup.h"
#include "tools/admin/option_values.h"
#include "tools/admin/sub_command.h"

namespace rocketmq::admin::tools {
namespace {

// TopicConfig as fastjson writes the bean (members sorted).
void WriteExportedTopicConfig(JsonWriter& w, const TopicConfig& c) {
  w.BeginObject();
  w.Key("order").Bool(c.order);
  w.Key("perm").Int(c.perm);
  w.Key("readQueueNums").Int(c.read_queue_nums);
  w.Key("topicFilterType").String(c.topic_filter_type);
  w.Key("topicName").String(c.topic_name);
  w.Key("topicSysFlag").Int(c.topic_sys_flag);
  w.Key("writeQueueNums").Int(c.write_queue_nums);
  w.EndObject();
}

// SubscriptionGroupConfig as fastjson writes the bean (4.9.8 members, sorted).
void WriteExportedGroupConfig(JsonWriter& w, const SubscriptionGroupConfig& c) {
  w.BeginObject();
  w.Key("brokerId").Int(c.broker_id);
  w.Key("consumeBroadcastEnable").Bool(c.consume_broadcast_enable);
  w.Key("consumeEnable").Bool(c.consume_enable);
  w.Key("consumeFromMinEnable").Bool(c.consume_from_min_enable);
  w.Key("groupName").String(c.group_name);
  w.Key("notifyConsumerIdsChangedEnable").Bool(c.notify_consumer_ids_changed_enable);
  w.Key("retryMaxTimes").Int(c.retry_max_times);
  w.Key("retryQueueNums").Int(c.retry_queue_nums);
  w.Key("whichBrokerWhenConsumeSlowly").Int(c.which_broker_when_consume_slowly);
  w.EndObject();
}

void WriteExportedDataVersion(JsonWriter& w, const DataVersion& v) {
  w.BeginObject().Key("counter").Int(v.counter).Key("timestamp").Int(v.timestamp).EndObject();
}

template <typename Config>
std::vector<std::string> KeysOf(const std::map<std::string, Config>& table) {
  std::vector<std::string> keys;
  for (const auto& [key, config] : table) keys.push_back(key);
  return keys;
}

// A HashMap filled in a known order: its entries in Java's iteration order.
template <typename Config>
struct InsertionOrderedMap {
  std::vector<std::string> order;
  std::map<std::string, Config> values;
  Config* Find(const std::string& key) {
    auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second;
  }
  void Put(const std::string& key, Config value) {
    if (values.find(key) == values.end()) order.push_back(key);
    values[key] = std::move(value);
  }
  std::vector<std::string> JavaOrder() const { return JavaHashSetOrder(order); }
};

class ExportMetadataCommand final : public SubCommand {
 public:
  std::string Name() const override { return "exportMetadata"; }
  std::string Description() const override { return "export metadata"; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("c", "clusterName", true, "choose a cluster to export");
    options.AddOption("b", "brokerAddr", true, "choose a broker to export");
    options.AddOption("f", "filePath", true,
                      "export metadata.json path | default /tmp/rocketmq/export");
    options.AddOption("t", "topic", false, "only export topic metadata");
    options.AddOption("g", "subscriptionGroup", false, "only export subscriptionGroup metadata");
    options.AddOption("s", "specialTopic", false, "need retryTopic and dlqTopic");
  }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    std::string file_path =
        line.HasOption("f") ? JavaTrim(line.GetOptionValueOr("f", "")) : kDefaultExportPath;
    const bool special_topic = line.HasOption("s");
    constexpr int64_t kExportTimeoutMs = 10000;

    if (line.HasOption("b")) {
      const std::string broker_addr = JavaTrim(line.GetOptionValueOr("b", ""));
      // Java does nothing for -b without -t or -g.
      if (line.HasOption("t")) {
        file_path += "/topic.json";
        TopicConfigSerializeWrapper wrapper =
            admin->getUserTopicConfig(broker_addr, special_topic, kExportTimeoutMs);
        JsonWriter w(JsonStyle::kFastjson, /*pretty=*/true);
        w.BeginObject();
        w.Key("dataVersion");
        WriteExportedDataVersion(w, wrapper.data_version);
        w.Key("topicConfigTable").BeginObject();
        for (const std::string& topic :
             DecodedBrokerTableOrder(KeysOf(wrapper.topic_config_table))) {
          w.Key(topic);
          WriteExportedTopicConfig(w, wrapper.topic_config_table.at(topic));
        }
        w.EndObject().EndObject();
        WriteExportFile(file_path, w.Release());
        ctx.out << "export " << file_path << " success";  // Java printf: no newline
      } else if (line.HasOption("g")) {
        file_path += "/subscriptionGroup.json";
        SubscriptionGroupWrapper wrapper =
            admin->getUserSubscriptionGroup(broker_addr, kExportTimeoutMs);
        JsonWriter w(JsonStyle::kFastjson, /*pretty=*/true);
        w.BeginObject();
        w.Key("dataVersion");
        WriteExportedDataVersion(w, wrapper.data_version);
        w.Key("subscriptionGroupTable").BeginObject();
        for (const std::string& group :
             DecodedBrokerTableOrder(KeysOf(wrapper.subscription_group_table))) {
          w.Key(group);
          WriteExportedGroupConfig(w, wrapper.subscription_group_table.at(group));
        }
        w.EndObject().EndObject();
        WriteExportFile(file_path, w.Release());
        ctx.out << "export " << file_path << " success";
      }
      return;
    }
    if (!line.HasOption("c")) {
      ctx.out << cli::FormatHelp("mqadmin " + Name(), CommandOptions(*this));
      return;
    }

    // The cluster's masters; topics and groups merged across them (queue counts and retry
    // queue counts added up, the other members from the last master).
    InsertionOrderedMap<TopicConfig> topics;
    InsertionOrderedMap<SubscriptionGroupConfig> groups;
    for (const std::string& addr :
         MasterAddrsOfCluster(admin->examineBrokerClusterInfo(), JavaTrim(line.GetOptionValueOr("c", "")))) {
      TopicConfigSerializeWrapper topic_wrapper =
          admin->getUserTopicConfig(addr, special_topic, kExportTimeoutMs);
      SubscriptionGroupWrapper group_wrapper =
          admin->getUserSubscriptionGroup(addr, kExportTimeoutMs);
      for (const std::string& topic :
           DecodedBrokerTableOrder(KeysOf(topic_wrapper.topic_config_table))) {
        TopicConfig config = topic_wrapper.topic_config_table.at(topic);
        if (const TopicConfig* seen = topics.Find(topic)) {
          config.write_queue_nums += seen->write_queue_nums;
          config.read_queue_nums += seen->read_queue_nums;
        }
        topics.Put(topic, config);
      }
      for (const std::string& group :
           DecodedBrokerTableOrder(KeysOf(group_wrapper.subscription_group_table))) {
        SubscriptionGroupConfig config = group_wrapper.subscription_group_table.at(group);
        if (const SubscriptionGroupConfig* seen = groups.Find(group)) {
          config.retry_queue_nums += seen->retry_queue_nums;
        }
        groups.Put(group, config);
      }
    }

    const bool with_topics = line.HasOption("t") || !line.HasOption("g");
    const bool with_groups = !line.HasOption("t");
    std::string export_path = file_path + (line.HasOption("t")   ? "/topic.json"
                                           : line.HasOption("g") ? "/subscriptionGroup.json"
                                                                 : "/metadata.json");
    // The result HashMap: its members in Java's order.
    std::vector<std::string> members;
    if (with_topics) members.push_back("topicConfigTable");
    if (with_groups) members.push_back("subscriptionGroupTable");
    members.push_back("exportTime");
    JsonWriter w(JsonStyle::kFastjson, /*pretty=*/true);
    w.BeginObject();
    for (const std::string& member : JavaHashSetOrder(members)) {
      w.Key(member);
      if (member == "exportTime") {
        w.Int(NowMillis());
      } else if (member == "topicConfigTable") {
        w.BeginObject();
        for (const std::string& topic : topics.JavaOrder()) {
          w.Key(topic);
          WriteExportedTopicConfig(w, topics.values.at(topic));
        }
        w.EndObject();
      } else {
        w.BeginObject();
        for (const std::string& group : groups.JavaOrder()) {
          w.Key(group);
          WriteExportedGroupConfig(w, groups.values.at(group));
        }
        w.EndObject();
      }
    }
    w.EndObject();
    WriteExportFile(export_path, w.Release());
    ctx.out << "export " << export_path << " success\n";
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewExportMetadataCommand() {
  return std::make_unique<ExportMetadataCommand>();
}

}  // namespace rocketmq::admin::tools
