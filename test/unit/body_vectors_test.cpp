// Every JSON body captured from Java RocketMQ 4.9.8 parses with its model, carries the values the
// flows put there, and re-serializes to the same bytes. Also the broker's config/*.json files.
#include <gtest/gtest.h>

#include <dirent.h>

#include <functional>
#include <map>
#include <set>
#include <string>

#include "common/json_reader.h"
#include "common/model/cluster_info.h"
#include "common/model/connection_bodies.h"
#include "common/model/consumer_offset_wrapper.h"
#include "common/model/heartbeat_data.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/lock_batch_body.h"
#include "common/model/offset_tables.h"
#include "common/model/route_data.h"
#include "common/model/subscription_group_config.h"
#include "common/model/topic_config_wrapper.h"
#include "support/vectors.h"

namespace rocketmq {
namespace {

bool LooksLikeJson(const std::string& body) {
  size_t i = body.find_first_not_of(" \t\r\n");
  return i != std::string::npos && (body[i] == '{' || body[i] == '[');
}

// Parses `f.body` as T, checks it with `check`, and expects ToJson() to give the same bytes.
template <typename T>
T ParseAndCheckBytes(const test::VectorFrame& f, const std::function<std::string(const T&)>& out) {
  Result<T> parsed = DecodeJsonBody<T>(f.body);
  EXPECT_TRUE(parsed.ok()) << f.Where() << ": " << parsed.status().ToString();
  if (!parsed.ok()) return T();
  if (out) {
    EXPECT_EQ(out(*parsed), f.body) << f.Where() << " re-serialized differently";
  }
  return std::move(*parsed);
}

struct Context {
  // (stream, opaque) -> request frame, to pair responses the capture decoder left unpaired.
  std::map<std::pair<std::string, int64_t>, const test::VectorFrame*> requests;
  std::map<std::string, int> parsed_per_kind;
};

std::string RequestCodeOf(const test::VectorFrame& f, const Context& ctx,
                          const test::VectorFrame** request) {
  auto it = ctx.requests.find({f.stream, f.header["opaque"].asInt64()});
  *request = it == ctx.requests.end() ? nullptr : it->second;
  if (!f.request_code_name.empty()) return f.request_code_name;
  return *request ? (*request)->code_name : std::string();
}

void CheckRoute(const test::VectorFrame& f, const test::VectorFrame* request) {
  ASSERT_NE(request, nullptr) << f.Where();
  // NameServer rule (protocol.md §2.13): standard JSON for version >= 401 or
  // acceptStandardJsonOnly=true, plain fastjson otherwise.
  const Json::Value& ext = request->header["extFields"];
  const bool standard = request->header["version"].asInt() >= 401 ||
                        ext.get("acceptStandardJsonOnly", "false").asString() == "true";
  const JsonStyle style = standard ? JsonStyle::kBrowserCompatible : JsonStyle::kFastjson;
  EXPECT_EQ(f.body.find("\"brokerAddrs\":{0:") != std::string::npos, !standard) << f.Where();
  TopicRouteData route = ParseAndCheckBytes<TopicRouteData>(
      f, [style](const TopicRouteData& r) { return r.ToJson(style); });
  ASSERT_FALSE(route.broker_datas.empty()) << f.Where();
  EXPECT_EQ(route.broker_datas[0].broker_name, "broker-a");
  EXPECT_EQ(route.broker_datas[0].cluster, "DefaultCluster");
  EXPECT_EQ(route.broker_datas[0].SelectBrokerAddr().substr(0, 10), "127.0.0.1:");
  ASSERT_FALSE(route.queue_datas.empty());
  EXPECT_EQ(route.queue_datas[0].broker_name, "broker-a");
  const std::string topic = request->header["extFields"]["topic"].asString();
  if (topic == "TBW102") {
    EXPECT_EQ(route.queue_datas[0].perm, 7);
    EXPECT_EQ(route.queue_datas[0].read_queue_nums, 8);
  } else if (topic == "VecTopic") {
    EXPECT_EQ(route.queue_datas[0].write_queue_nums, 4);
  }
}

void Dispatch(const test::VectorFrame& f, Context& ctx) {
  const test::VectorFrame* request = nullptr;
  const std::string kind = f.is_request ? f.code_name : RequestCodeOf(f, ctx, &request);
  const std::string key = (f.is_request ? "request " : "response ") + kind;

  if (f.is_request && kind == "REGISTER_BROKER") {
    RegisterBrokerBody body = ParseAndCheckBytes<RegisterBrokerBody>(
        f, [](const RegisterBrokerBody& b) { return b.ToJson(); });
    const auto& table = body.topic_config_serialize_wrapper.topic_config_table;
    ASSERT_TRUE(table.count("TBW102")) << f.Where();
    EXPECT_EQ(table.at("TBW102").perm, 7);
    EXPECT_EQ(table.at("TBW102").read_queue_nums, 8);
    EXPECT_EQ(table.at("SCHEDULE_TOPIC_XXXX").write_queue_nums, 18);
    EXPECT_FALSE(table.at("TBW102").attributes.has_value());  // 4.9.8 has no attributes
    EXPECT_GT(body.topic_config_serialize_wrapper.data_version.timestamp, 1700000000000);
    EXPECT_FALSE(body.topic_config_serialize_wrapper.data_version.state_version.has_value());
    EXPECT_TRUE(body.filter_server_list.empty());
  } else if (!f.is_request && kind == "GET_ROUTEINFO_BY_TOPIC") {
    CheckRoute(f, request);
  } else if (!f.is_request && kind == "GET_BROKER_CLUSTER_INFO") {
    ClusterInfo info =
        ParseAndCheckBytes<ClusterInfo>(f, [](const ClusterInfo& c) { return c.ToJson(); });
    ASSERT_TRUE(info.broker_addr_table.count("broker-a")) << f.Where();
    EXPECT_EQ(info.broker_addr_table.at("broker-a").broker_addrs.at(0), "127.0.0.1:20911");
    EXPECT_EQ(info.cluster_addr_table.at("DefaultCluster"), std::set<std::string>{"broker-a"});
  } else if (f.is_request && kind == "HEART_BEAT") {
    // Java writes these HashSets in identity-hash order; the model keeps the parsed order, so
    // the bytes still come back identical.
    HeartbeatData hb =
        ParseAndCheckBytes<HeartbeatData>(f, [](const HeartbeatData& h) { return h.ToJson(); });
    EXPECT_EQ(hb.client_id.substr(0, 10), "192.0.2.2@") << f.Where();
    EXPECT_FALSE(hb.producer_data_set.empty());
    for (const auto& c : hb.consumer_data_set) {
      EXPECT_EQ(c.consume_type, "CONSUME_PASSIVELY");
      EXPECT_EQ(c.message_model, "CLUSTERING");
      EXPECT_EQ(c.consume_from_where, "CONSUME_FROM_FIRST_OFFSET");
      for (const auto& s : c.subscription_data_set) {
        // codeSet is exactly what our Build() computes from subString.
        SubscriptionData built = SubscriptionData::Build(s.topic, s.sub_string, s.sub_version);
        EXPECT_EQ(built, s) << f.Where() << " " << s.topic;
      }
    }
  } else if (kind == "LOCK_BATCH_MQ" || kind == "UNLOCK_BATCH_MQ") {
    if (f.is_request) {
      LockBatchRequestBody b = ParseAndCheckBytes<LockBatchRequestBody>(
          f, [](const LockBatchRequestBody& x) { return x.ToJson(); });
      EXPECT_EQ(b.consumer_group, "vec_orderly_group") << f.Where();
      EXPECT_EQ(b.client_id, "192.0.2.2@vecorder");
      ASSERT_FALSE(b.mq_set.empty());
      EXPECT_EQ(b.mq_set[0].broker_name, "broker-a");
    } else {
      LockBatchResponseBody b = ParseAndCheckBytes<LockBatchResponseBody>(
          f, [](const LockBatchResponseBody& x) { return x.ToJson(); });
      for (const auto& mq : b.lock_ok_mq_set) {
        EXPECT_TRUE(mq.topic == "VecOrderTopic" || mq.topic == "%RETRY%vec_orderly_group");
      }
    }
  } else if (!f.is_request && kind == "GET_CONSUMER_LIST_BY_GROUP") {
    ConsumerListBody b = ParseAndCheckBytes<ConsumerListBody>(
        f, [](const ConsumerListBody& x) { return x.ToJson(); });
    ASSERT_FALSE(b.consumer_id_list.empty()) << f.Where();
    EXPECT_EQ(b.consumer_id_list[0].substr(0, 10), "192.0.2.2@");
  } else if (!f.is_request && kind == "GET_TOPIC_STATS_INFO") {
    TopicStatsTable t =
        ParseAndCheckBytes<TopicStatsTable>(f, [](const TopicStatsTable& x) { return x.ToJson(); });
    ASSERT_EQ(t.offset_table.size(), 4u) << f.Where();
    const TopicOffset& q3 = t.offset_table.at(MessageQueue("VecTopic", "broker-a", 3));
    EXPECT_EQ(q3.max_offset, 3);
    EXPECT_EQ(q3.min_offset, 0);
    EXPECT_EQ(q3.last_update_timestamp, 1795306023319);
  } else if (!f.is_request && kind == "GET_CONSUME_STATS") {
    // Two of the three queues share a HashMap bucket (16 buckets), where Java keeps insertion
    // order, which the parsed map cannot know: compare structures, not bytes.
    ConsumeStats s = ParseAndCheckBytes<ConsumeStats>(f, nullptr);
    Result<ConsumeStats> again = DecodeJsonBody<ConsumeStats>(s.ToJson());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->offset_table, s.offset_table);
    EXPECT_EQ(again->consume_tps, s.consume_tps);
    ASSERT_EQ(s.offset_table.size(), 3u) << f.Where();
    EXPECT_EQ(s.consume_tps, 0.0);
    const OffsetWrapper& q0 = s.offset_table.at(MessageQueue("VecConsumeTopic", "broker-a", 0));
    EXPECT_EQ(q0.broker_offset, 3);
    EXPECT_EQ(q0.consumer_offset, 3);
    EXPECT_FALSE(q0.pull_offset.has_value());
    EXPECT_EQ(s.ComputeTotalDiff(), 0);
  } else if (!f.is_request && kind == "GET_ALL_TOPIC_CONFIG") {
    TopicConfigSerializeWrapper w = ParseAndCheckBytes<TopicConfigSerializeWrapper>(
        f, [](const TopicConfigSerializeWrapper& x) { return x.ToJson(); });
    EXPECT_EQ(w.topic_config_table.at("VecHaTopic").read_queue_nums, 2) << f.Where();
  } else if (!f.is_request && kind == "GET_ALL_SUBSCRIPTIONGROUP_CONFIG") {
    SubscriptionGroupWrapper w = ParseAndCheckBytes<SubscriptionGroupWrapper>(
        f, [](const SubscriptionGroupWrapper& x) { return x.ToJson(); });
    const SubscriptionGroupConfig& tools = w.subscription_group_table.at("TOOLS_CONSUMER");
    EXPECT_TRUE(tools.consume_broadcast_enable) << f.Where();
    EXPECT_EQ(tools.retry_max_times, 16);
    EXPECT_FALSE(tools.consume_message_orderly.has_value());
  } else if (!f.is_request && kind == "GET_ALL_CONSUMER_OFFSET") {
    ParseAndCheckBytes<ConsumerOffsetSerializeWrapper>(
        f, [](const ConsumerOffsetSerializeWrapper& x) { return x.ToJson(); });
  } else if (!f.is_request && kind == "GET_ALL_DELAY_OFFSET") {
    ParseAndCheckBytes<DelayOffsetSerializeWrapper>(
        f, [](const DelayOffsetSerializeWrapper& x) { return x.ToJson(); });
  } else if (!f.is_request && kind == "GET_ALL_TOPIC_LIST_FROM_NAMESERVER") {
    TopicList t = ParseAndCheckBytes<TopicList>(f, [](const TopicList& x) { return x.ToJson(); });
    EXPECT_EQ(t.topic_list.size(), 17u) << f.Where();
    EXPECT_FALSE(t.broker_addr.has_value());
  } else if (!f.is_request && kind == "GET_BROKER_RUNTIME_INFO") {
    // The capture rewrote a store path inside one key ("commitLogDiskRatio_/opt/rmq-data/...")
    // after the fact, which moves it in Java's HashMap order: compare structures, not bytes.
    KVTable t = ParseAndCheckBytes<KVTable>(f, nullptr);
    EXPECT_EQ(t.table.at("brokerVersionDesc"), "V4_9_8") << f.Where();
    EXPECT_EQ(t.table.at("brokerVersion"), "409");
    Result<KVTable> again = DecodeJsonBody<KVTable>(t.ToJson());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->table, t.table);
  } else if (!f.is_request && kind == "GET_CONSUMER_CONNECTION_LIST") {
    ConsumerConnection c = ParseAndCheckBytes<ConsumerConnection>(
        f, [](const ConsumerConnection& x) { return x.ToJson(); });
    ASSERT_EQ(c.connection_set.size(), 1u) << f.Where();
    EXPECT_EQ(c.connection_set[0].language, "JAVA");
    EXPECT_EQ(c.connection_set[0].version, 409);
    EXPECT_EQ(c.subscription_table.at("VecConsumeTopic").code_set,
              (std::vector<int32_t>{2598919, 2598920}));
  } else if (!f.is_request && kind == "GET_PRODUCER_CONNECTION_LIST") {
    ProducerConnection c = ParseAndCheckBytes<ProducerConnection>(
        f, [](const ProducerConnection& x) { return x.ToJson(); });
    ASSERT_EQ(c.connection_set.size(), 1u) << f.Where();
    EXPECT_EQ(c.connection_set[0].client_id, "192.0.2.2@vecidle");
  } else if (!f.is_request && kind == "QUERY_TOPIC_CONSUME_BY_WHO") {
    ParseAndCheckBytes<GroupList>(f, [](const GroupList& x) { return x.ToJson(); });
  } else if (f.is_request && kind == "UPDATE_AND_CREATE_SUBSCRIPTIONGROUP") {
    SubscriptionGroupConfig c = ParseAndCheckBytes<SubscriptionGroupConfig>(
        f, [](const SubscriptionGroupConfig& x) { return x.ToJson(); });
    EXPECT_EQ(c.group_name, "vec_admin_group") << f.Where();
    EXPECT_FALSE(c.consume_broadcast_enable);
    EXPECT_FALSE(c.consume_from_min_enable);
  } else {
    ADD_FAILURE() << f.Where() << ": no parser claims this JSON body (" << key
                  << "): " << f.body.substr(0, 200);
    return;
  }
  ++ctx.parsed_per_kind[key];
}

TEST(BodyVectorsTest, EveryJsonBodyParsesAndReserializes) {
  const std::vector<test::VectorFrame> frames = test::LoadAllFrames();
  ASSERT_EQ(frames.size(), 588u);
  Context ctx;
  for (const auto& f : frames) {
    if (f.is_request) ctx.requests[{f.stream, f.header["opaque"].asInt64()}] = &f;
  }
  int json_bodies = 0;
  for (const auto& f : frames) {
    if (!LooksLikeJson(f.body)) continue;
    ++json_bodies;
    SCOPED_TRACE(f.Where());
    Dispatch(f, ctx);
  }
  EXPECT_EQ(json_bodies, 160);
  // Each kind the flows produced was seen (guards against a silently empty dispatch).
  const std::map<std::string, int> expected = {
      {"request REGISTER_BROKER", 10},
      {"response GET_ROUTEINFO_BY_TOPIC", 69},
      {"response GET_BROKER_CLUSTER_INFO", 4},
      {"request HEART_BEAT", 23},
      {"request LOCK_BATCH_MQ", 4},
      {"response LOCK_BATCH_MQ", 4},
      {"request UNLOCK_BATCH_MQ", 1},
      {"response GET_CONSUMER_LIST_BY_GROUP", 24},
      {"response GET_TOPIC_STATS_INFO", 1},
      {"response GET_CONSUME_STATS", 1},
      {"response GET_ALL_TOPIC_CONFIG", 3},
      {"response GET_ALL_SUBSCRIPTIONGROUP_CONFIG", 3},
      {"response GET_ALL_CONSUMER_OFFSET", 3},
      {"response GET_ALL_DELAY_OFFSET", 3},
      {"response GET_ALL_TOPIC_LIST_FROM_NAMESERVER", 1},
      {"response GET_BROKER_RUNTIME_INFO", 2},
      {"response GET_CONSUMER_CONNECTION_LIST", 1},
      {"response GET_PRODUCER_CONNECTION_LIST", 1},
      {"response QUERY_TOPIC_CONSUME_BY_WHO", 1},
      {"request UPDATE_AND_CREATE_SUBSCRIPTIONGROUP", 1},
  };
  EXPECT_EQ(ctx.parsed_per_kind, expected);
}

TEST(BodyVectorsTest, RouteVersionsFlow) {
  // 02b: 317 -> lenient, 409 -> standard, 317 + acceptStandardJsonOnly -> standard, TBW102 317
  // -> lenient, not-exist (no body), binary 317 -> lenient, binary 409 -> standard.
  const std::vector<test::VectorFrame> frames = test::LoadFrames("02b-route-versions.jsonl");
  std::vector<std::string> forms;
  for (const auto& f : frames) {
    if (f.is_request || f.body.empty()) continue;
    forms.push_back(f.body.find("{0:") != std::string::npos ? "lenient" : "standard");
    Result<TopicRouteData> route = DecodeJsonBody<TopicRouteData>(f.body);
    ASSERT_TRUE(route.ok()) << f.Where();
    EXPECT_EQ(route->broker_datas.at(0).broker_addrs.at(0), "127.0.0.1:20911");
  }
  EXPECT_EQ(forms, (std::vector<std::string>{"lenient", "standard", "standard", "lenient",
                                             "lenient", "standard"}));
}

// Lists config/*.json and *.json.bak of a store directory.
std::vector<std::string> ConfigFiles(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.find(".json") != std::string::npos) names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(BodyVectorsTest, StoreConfigFiles) {
  int files = 0;
  for (const char* store : {"store-clean", "store-killed"}) {
    const std::string dir = test::VectorsDir() + "/" + store + "/config";
    for (const std::string& name : ConfigFiles(dir)) {
      SCOPED_TRACE(dir + "/" + name);
      const std::string text = test::ReadFile(dir + "/" + name);
      ASSERT_FALSE(text.empty());
      ++files;
      const std::string base = name.substr(0, name.find(".json"));
      if (base == "topics") {
        Result<TopicConfigSerializeWrapper> w = DecodeJsonBody<TopicConfigSerializeWrapper>(text);
        ASSERT_TRUE(w.ok()) << w.status().ToString();
        EXPECT_EQ(w->ToJson(/*pretty=*/true), text);  // byte-identical pretty file
        EXPECT_TRUE(w->topic_config_table.count("TBW102"));
        if (name == "topics.json") {
          EXPECT_EQ(w->data_version.counter, 2);
          EXPECT_EQ(w->topic_config_table.at("VecStoreTopic").write_queue_nums, 2);
        }
      } else if (base == "consumerOffset") {
        Result<ConsumerOffsetSerializeWrapper> w =
            DecodeJsonBody<ConsumerOffsetSerializeWrapper>(text);
        ASSERT_TRUE(w.ok()) << w.status().ToString();
        EXPECT_EQ(w->ToJson(true), text);
      } else if (base == "delayOffset") {
        Result<DelayOffsetSerializeWrapper> w = DecodeJsonBody<DelayOffsetSerializeWrapper>(text);
        ASSERT_TRUE(w.ok()) << w.status().ToString();
        EXPECT_EQ(w->ToJson(true), text);
      } else if (base == "subscriptionGroup") {
        Result<SubscriptionGroupWrapper> w = DecodeJsonBody<SubscriptionGroupWrapper>(text);
        ASSERT_TRUE(w.ok()) << w.status().ToString();
        EXPECT_EQ(w->ToJson(true), text);
      } else if (base == "consumerFilter") {
        // {"filterDataByTopic":{}}: no model (filter servers / SQL92 filters are out of scope).
        Result<Json::Value> doc = ParseJson(text);
        ASSERT_TRUE(doc.ok());
        EXPECT_TRUE((*doc)["filterDataByTopic"].isObject());
      } else {
        ADD_FAILURE() << "no parser for config file " << name;
      }
    }
  }
  EXPECT_EQ(files, 13);
}

}  // namespace
}  // namespace rocketmq
