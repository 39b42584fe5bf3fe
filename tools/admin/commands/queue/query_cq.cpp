// queryCq: prints the consume queue entries of one queue from an index
// (Java org.apache.rocketmq.tools.command.queue.QueryConsumeQueueCommand).
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

class QueryCqCommand final : public SubCommand {
 public:
  std::string Name() const override { return "queryCq"; }
  std::string Description() const override { return "Query cq command."; }

  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
    options.AddOption("q", "queue", true, "queue num, ie. 1", /*required=*/true);
    options.AddOption("i", "index", true, "start queue index.", /*required=*/true);
    options.AddOption("c", "count", true, "how many.");
    options.AddOption("b", "broker", true, "broker addr.");
    options.AddOption("g", "consumer", true, "consumer group.");
  }

  bool SupportsJson() const override { return true; }

  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    std::unique_ptr<DefaultMQAdminExt> admin = ctx.StartAdmin();
    const std::string topic = JavaTrim(*line.GetOptionValue("t"));
    const int queue_id = JavaParseInt(JavaTrim(*line.GetOptionValue("q")));
    const int64_t index = JavaParseLong(JavaTrim(*line.GetOptionValue("i")));
    const int count = JavaParseInt(JavaTrim(line.GetOptionValueOr("c", "10")));
    std::string broker = line.HasOption("b") ? JavaTrim(*line.GetOptionValue("b")) : "";
    const std::string group = line.HasOption("g") ? JavaTrim(*line.GetOptionValue("g")) : "";
    if (broker.empty()) {
      // Java: the master of the route's first broker.
      TopicRouteData route = admin->examineTopicRouteInfo(topic);
      if (route.broker_datas.empty()) throw CommandError("No topic route data!");
      auto master = route.broker_datas[0].broker_addrs.find(0);
      if (master == route.broker_datas[0].broker_addrs.end()) {
        throw CommandError("broker " + route.broker_datas[0].broker_name + " has no master");
      }
      broker = master->second;
    }
    QueryConsumeQueueResponseBody body =
        admin->queryConsumeQueue(broker, topic, queue_id, index, count, group);
    if (ctx.json) {
      JsonWriter w;
      w.BeginObject();
      w.Key("filterData");
      if (body.has_filter_data) {
        w.String(body.filter_data);
      } else {
        w.Null();
      }
      w.Key("maxQueueIndex").Int(body.max_queue_index);
      w.Key("minQueueIndex").Int(body.min_queue_index);
      w.Key("queueData").BeginArray();
      int64_t i = index;
      for (const ConsumeQueueData& d : body.queue_data) {
        w.BeginObject();
        w.Key("index").Int(i++);
        w.Key("bitMap");
        d.has_bit_map ? w.String(d.bit_map) : w.Null();
        w.Key("eval").Bool(d.eval);
        w.Key("extendDataJson");
        d.has_extend_data_json ? w.String(d.extend_data_json) : w.Null();
        w.Key("msg");
        d.has_msg ? w.String(d.msg) : w.Null();
        w.Key("physicOffset").Int(d.physic_offset);
        w.Key("physicSize").Int(d.physic_size);
        w.Key("tagsCode").Int(d.tags_code);
        w.EndObject();
      }
      w.EndArray();
      w.Key("subscriptionData");
      if (body.has_subscription_data) {
        WriteSubscriptionJson(w, body.subscription_data, false);
      } else {
        w.Null();
      }
      ctx.out << w.EndObject().str() << "\n";
      return;
    }
    if (body.has_subscription_data) {
      JsonWriter pretty(JsonStyle::kFastjson, /*pretty=*/true);
      WriteSubscriptionJson(pretty, body.subscription_data, true);
      ctx.out << "Subscription data: \n" << pretty.str() << "\n";
      ctx.out << "======================================\n";
    }
    if (body.has_filter_data) {
      ctx.out << "Filter data: \n" << body.filter_data << "\n";
      ctx.out << "======================================\n";
    }
    ctx.out << "Queue data: \nmax: " << body.max_queue_index << ", min: " << body.min_queue_index
            << "\n";
    ctx.out << "======================================\n";
    int64_t i = index;
    for (const ConsumeQueueData& d : body.queue_data) {
      ctx.out << "idx: " << i++ << "\n"
              << d.toString() << "\n"
              << "======================================\n";
    }
  }

 private:
  // fastjson's SubscriptionData: fields sorted by name (JSON.toJSONString(data, true) when
  // `pretty`). tagsSet and codeSet are HashSets in Java: they iterate in HashSet order, and
  // fastjson writes a Set on one line even when pretty (CollectionCodec ignores PrettyFormat).
  static void WriteSubscriptionJson(JsonWriter& w, const SubscriptionData& s, bool /*pretty*/) {
    w.BeginObject();
    w.Key("classFilterMode").Bool(s.class_filter_mode);
    std::vector<int32_t> codes(s.code_set.begin(), s.code_set.end());
    JsonWriter code_json;
    code_json.BeginArray();
    // Integer.hashCode() is the value itself.
    for (size_t i : JavaHashOrder(codes)) code_json.Int(codes[i]);
    w.Key("codeSet").Raw(code_json.EndArray().str());
    w.Key("expressionType").String(s.expression_type);
    w.Key("subString").String(s.sub_string);
    w.Key("subVersion").Int(s.sub_version);
    JsonWriter tag_json;
    tag_json.BeginArray();
    for (const std::string& tag :
         JavaHashSetOrder(std::vector<std::string>(s.tags_set.begin(), s.tags_set.end()))) {
      tag_json.String(tag);
    }
    w.Key("tagsSet").Raw(tag_json.EndArray().str());
    w.Key("topic").String(s.topic);
    w.EndObject();
  }
};

}  // namespace

std::unique_ptr<SubCommand> NewQueryCqCommand() { return std::make_unique<QueryCqCommand>(); }

}  // namespace rocketmq::admin::tools
