// The admin body models of the broker's consumer and statistics codes: exact fastjson bytes
// (fields sorted by name, MessageQueue object keys, Java HashMap order; the orders below were
// printed by a java.util.HashMap holding the same keys) and round trips.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "common/model/broker_stats_data.h"
#include "common/model/consume_stats_list.h"
#include "common/model/get_consumer_status_body.h"
#include "common/model/json_body.h"
#include "common/model/message_queue_json.h"
#include "common/model/producer_table_info.h"
#include "common/model/query_consume_time_span_body.h"

namespace rocketmq {
namespace {

std::string MqKey(const std::string& topic, int q) {
  return "{\"brokerName\":\"broker-a\",\"queueId\":" + std::to_string(q) + ",\"topic\":\"" + topic +
         "\"}";
}

// Runs the body with the local time zone set to UTC.
class UtcZone {
 public:
  UtcZone() {
    const char* tz = std::getenv("TZ");
    if (tz != nullptr) old_ = tz;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  ~UtcZone() {
    if (old_) {
      setenv("TZ", old_->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }

 private:
  std::optional<std::string> old_;
};

TEST(AdminBodiesJsonTest, GetConsumerStatusBodyInJavaHashMapOrder) {
  GetConsumerStatusBody b;
  for (int q = 0; q < 4; ++q) b.message_queue_table[MessageQueue("TopicR", "broker-a", q)] = q * 10;
  // new HashMap<MessageQueue, Long>() iterates queue 2, 3, 0, 1.
  const std::string table = "{" + MqKey("TopicR", 2) + ":20," + MqKey("TopicR", 3) + ":30," +
                            MqKey("TopicR", 0) + ":0," + MqKey("TopicR", 1) + ":10}";
  EXPECT_EQ(b.ToJson(), "{\"consumerTable\":{},\"messageQueueTable\":" + table + "}");

  GetConsumerStatusBody agg;
  agg.consumer_table["cid-1"] = b.message_queue_table;
  agg.consumer_table["cid-2"] = {};
  agg.consumer_table["127.0.0.1@inst"] = {{MessageQueue("TopicR", "broker-a", 0), 5}};
  EXPECT_EQ(agg.ToJson(), "{\"consumerTable\":{\"127.0.0.1@inst\":{" + MqKey("TopicR", 0) +
                              ":5},\"cid-1\":" + table +
                              ",\"cid-2\":{}},\"messageQueueTable\":{}}");

  Result<GetConsumerStatusBody> back = DecodeJsonBody<GetConsumerStatusBody>(agg.ToJson());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->consumer_table, agg.consumer_table);
  EXPECT_TRUE(back->message_queue_table.empty());
}

TEST(AdminBodiesJsonTest, BrokerStatsDataFieldsSorted) {
  BrokerStatsData d;
  d.stats_minute = BrokerStatsItem{7, 0.1, 1.75};
  d.stats_hour = BrokerStatsItem{7, 0.0116, 1.75};
  d.stats_day = BrokerStatsItem{0, 0.0, 0.0};
  EXPECT_EQ(d.ToJson(),
            "{\"statsDay\":{\"avgpt\":0.0,\"sum\":0,\"tps\":0.0},"
            "\"statsHour\":{\"avgpt\":1.75,\"sum\":7,\"tps\":0.0116},"
            "\"statsMinute\":{\"avgpt\":1.75,\"sum\":7,\"tps\":0.1}}");
  Result<BrokerStatsData> back = DecodeJsonBody<BrokerStatsData>(d.ToJson());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->stats_minute, d.stats_minute);
  EXPECT_EQ(back->stats_hour, d.stats_hour);
  EXPECT_EQ(back->stats_day, d.stats_day);
}

TEST(AdminBodiesJsonTest, QueryConsumeTimeSpanBodyWritesTheStringGetters) {
  UtcZone utc;
  EXPECT_EQ(FormatQueueTimeSpanDate(1700000000123), "2023-11-14#22:13:20:123");
  EXPECT_EQ(FormatQueueTimeSpanDate(-1), "1969-12-31#23:59:59:999");
  QueryConsumeTimeSpanBody b;
  QueueTimeSpan span;
  span.message_queue = MessageQueue("T", "broker-a", 1);
  span.min_time_stamp = 1700000000123;
  span.max_time_stamp = 1700000000999;
  span.consume_time_stamp = 0;
  span.delay_time = 42;
  b.consume_time_span_set.push_back(span);
  EXPECT_EQ(b.ToJson(),
            "{\"consumeTimeSpanSet\":[{\"consumeTimeStamp\":0,"
            "\"consumeTimeStampStr\":\"1970-01-01#00:00:00:000\",\"delayTime\":42,"
            "\"maxTimeStamp\":1700000000999,\"maxTimeStampStr\":\"2023-11-14#22:13:20:999\","
            "\"messageQueue\":" +
                MqKey("T", 1) +
                ",\"minTimeStamp\":1700000000123,"
                "\"minTimeStampStr\":\"2023-11-14#22:13:20:123\"}]}");
  Result<QueryConsumeTimeSpanBody> back = DecodeJsonBody<QueryConsumeTimeSpanBody>(b.ToJson());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->consume_time_span_set.size(), 1u);
  EXPECT_EQ(back->consume_time_span_set[0], span);
}

TEST(AdminBodiesJsonTest, ConsumeStatsListNestsConsumeStats) {
  ConsumeStats s;
  OffsetWrapper w;
  w.broker_offset = 5;
  w.consumer_offset = 3;
  w.last_timestamp = 1700000000000;
  s.offset_table[MessageQueue("T", "broker-a", 0)] = w;
  ConsumeStatsList l;
  l.broker_addr = "127.0.0.1:10911";
  l.total_diff = 2;
  l.consume_stats_list.push_back({{"G1", {s}}});
  l.consume_stats_list.push_back({{"G2", {}}});
  EXPECT_EQ(
      l.ToJson(),
      "{\"brokerAddr\":\"127.0.0.1:10911\",\"consumeStatsList\":[{\"G1\":[{\"consumeTps\":0.0,"
      "\"offsetTable\":{" +
          MqKey("T", 0) +
          ":{\"brokerOffset\":5,\"consumerOffset\":3,\"lastTimestamp\":1700000000000}}}]},"
          "{\"G2\":[]}],\"totalDiff\":2}");
  Result<ConsumeStatsList> back = DecodeJsonBody<ConsumeStatsList>(l.ToJson());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->broker_addr, l.broker_addr);
  EXPECT_EQ(back->total_diff, 2);
  ASSERT_EQ(back->consume_stats_list.size(), 2u);
  ASSERT_EQ(back->consume_stats_list[0].at("G1").size(), 1u);
  EXPECT_EQ(back->consume_stats_list[0].at("G1")[0].offset_table, s.offset_table);
  EXPECT_TRUE(back->consume_stats_list[1].at("G2").empty());
}

TEST(AdminBodiesJsonTest, ProducerTableInfoAsJavaWritesIt) {
  ProducerTableInfo t;
  t.data["PG_B"].push_back(ProducerInfo{"cid-b", "/127.0.0.1:50001", "JAVA", 409, 1700000000001});
  t.data["PG_A"].push_back(ProducerInfo{"cid-a", "/127.0.0.1:50000", "CPP", 409, 1700000000000});
  EXPECT_EQ(t.ToJson(),
            "{\"data\":{\"PG_A\":[{\"clientId\":\"cid-a\",\"language\":\"CPP\","
            "\"lastUpdateTimestamp\":1700000000000,\"remoteIP\":\"/127.0.0.1:50000\","
            "\"version\":409}],\"PG_B\":[{\"clientId\":\"cid-b\",\"language\":\"JAVA\","
            "\"lastUpdateTimestamp\":1700000000001,\"remoteIP\":\"/127.0.0.1:50001\","
            "\"version\":409}]}}");
  Result<ProducerTableInfo> back = DecodeJsonBody<ProducerTableInfo>(t.ToJson());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->data, t.data);
}

TEST(AdminBodiesJsonTest, MessageQueueKeyOrderFollowsJavaHashMap) {
  std::vector<MessageQueue> keys;
  for (int q = 0; q < 4; ++q) keys.emplace_back("TopicR", "broker-a", q);
  std::vector<MessageQueue> ordered = JavaMessageQueueKeyOrder(keys);
  ASSERT_EQ(ordered.size(), 4u);
  EXPECT_EQ(ordered[0].queue_id, 2);
  EXPECT_EQ(ordered[1].queue_id, 3);
  EXPECT_EQ(ordered[2].queue_id, 0);
  EXPECT_EQ(ordered[3].queue_id, 1);
}

}  // namespace
}  // namespace rocketmq
