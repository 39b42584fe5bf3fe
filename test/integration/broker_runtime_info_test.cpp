// GET_BROKER_RUNTIME_INFO of the bundled broker against the Java 4.9.8 answer captured in
// test/vectors (04-mqadmin-brokerStatus): the same key set and HashMap order, and values
// computed from this broker's store (counters, offsets, queues, disk).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "common/json_reader.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "integration/broker_test_util.h"
#include "support/vectors.h"

namespace rocketmq::test {
namespace {

// The keys of a KVTable body in body order.
std::vector<std::string> KeysInOrder(const std::string& body) {
  std::vector<std::string> keys;
  std::regex key_re("\"([^\"]+)\":\"");
  const std::string table = body.substr(body.find("{", 1));
  for (auto it = std::sregex_iterator(table.begin(), table.end(), key_re);
       it != std::sregex_iterator(); ++it) {
    keys.push_back((*it)[1]);
  }
  return keys;
}

std::string JavaRuntimeInfoBody() {
  for (const VectorFrame& f : LoadFrames("04-mqadmin-brokerStatus.jsonl")) {
    if (!f.is_request && f.request_code_name == "GET_BROKER_RUNTIME_INFO") return f.body;
  }
  return "";
}

class BrokerRuntimeInfoTest : public BrokerFixture {};

TEST_F(BrokerRuntimeInfoTest, KeySetOrderAndValues) {
  const int64_t started = NowMillis();
  ASSERT_EQ(CreateTopic("RT", 2).code(), ResponseCode::kSuccess);
  for (int i = 0; i < 5; ++i) {
    RemotingCommand r =
        Call(SendV2("RT", i % 2, Props({{"WAIT", "true"}}), "runtime " + std::to_string(i)));
    ASSERT_EQ(r.code(), ResponseCode::kSuccess);
  }
  ASSERT_EQ(Call(SendV2("RT", 0, Props({{"DELAY", "2"}}), "later")).code(), ResponseCode::kSuccess);
  ASSERT_TRUE(WaitFor([&] { return broker_->message_store().DispatchBehindBytes() == 0; }));
  // Java's capture had delay levels 2 and 3 in its offset table. The schedule service reloads
  // its file on start and moves offsets into their queue's range: level 2 (one message) keeps
  // 1, level 3 (empty queue) becomes 0.
  broker_->schedule_message_service().Shutdown();
  std::ofstream(dir_.path() + "/store/config/delayOffset.json") << "{\"offsetTable\":{2:1,3:1}}";
  broker_->schedule_message_service().Start();
  ASSERT_EQ(Call(Request(RequestCode::kHeartBeat, {}, HeartbeatBody("rt", "G", "RT", "*"))).code(),
            ResponseCode::kSuccess);
  RemotingCommand pull = Call(Pull("G", "RT", 0, 0));
  ASSERT_EQ(pull.code(), ResponseCode::kSuccess);
  RemotingCommand miss = Call(Pull("G", "RT", 1, 3));
  ASSERT_NE(miss.code(), ResponseCode::kSuccess);

  RemotingCommand resp = Call(Request(RequestCode::kGetBrokerRuntimeInfo));
  ASSERT_EQ(resp.code(), ResponseCode::kSuccess);
  EXPECT_FALSE(resp.remark().has_value());
  EXPECT_TRUE(resp.ext_fields_null());
  Result<KVTable> ours = DecodeJsonBody<KVTable>(resp.body());
  ASSERT_TRUE(ours.ok()) << resp.body();
  const std::string java_body = JavaRuntimeInfoBody();
  Result<KVTable> java = DecodeJsonBody<KVTable>(java_body);
  ASSERT_TRUE(java.ok());

  // Same keys; the per-path disk ratio key carries each broker's own CommitLog directory.
  const std::string java_path_key =
      "commitLogDiskRatio_/opt/rmq-data/vectors-work/store/broker-a/commitlog";
  const std::string our_path_key = "commitLogDiskRatio_" + dir_.path() + "/store/commitlog";
  std::set<std::string> java_keys, our_keys;
  for (const auto& [k, v] : java->table) java_keys.insert(k == java_path_key ? "<path>" : k);
  for (const auto& [k, v] : ours->table) our_keys.insert(k == our_path_key ? "<path>" : k);
  EXPECT_EQ(our_keys, java_keys);
  EXPECT_EQ(ours->table.size(), 50u);

  // Java's HashMap order (the path key's place depends on its hash, so it is left out).
  auto without_path = [](std::vector<std::string> keys, const std::string& path_key) {
    keys.erase(std::remove(keys.begin(), keys.end(), path_key), keys.end());
    return keys;
  };
  EXPECT_EQ(without_path(KeysInOrder(resp.body()), our_path_key),
            without_path(KeysInOrder(java_body), java_path_key));

  const auto& t = ours->table;
  const int64_t max_offset = broker_->message_store().GetMaxPhyOffset();
  EXPECT_EQ(t.at("brokerVersionDesc"), "V4_9_8");
  EXPECT_EQ(t.at("brokerVersion"), "409");
  EXPECT_EQ(t.at("msgPutTotalTodayNow"), "6");
  EXPECT_EQ(t.at("putMessageTimesTotal"), "6");
  EXPECT_EQ(t.at("putMessageFailedTimes"), "0");
  EXPECT_EQ(t.at("putMessageSizeTotal"), std::to_string(max_offset));
  EXPECT_EQ(t.at("putMessageAverageSize"), FormatJavaDouble(max_offset / 6.0));
  EXPECT_EQ(t.at("msgGetTotalTodayNow"), "3");  // q0: three messages pulled; the miss adds none
  EXPECT_EQ(t.at("msgPutTotalTodayMorning"), "0");
  EXPECT_EQ(t.at("msgGetTotalYesterdayMorning"), "0");
  EXPECT_EQ(t.at("commitLogMinOffset"), "0");
  EXPECT_EQ(t.at("commitLogMaxOffset"), std::to_string(max_offset));
  EXPECT_EQ(t.at("dispatchBehindBytes"), "0");
  EXPECT_EQ(t.at("pageCacheLockTimeMills"), "0");
  // Java reads 2 * maxMessageSize bytes from the first record: not there in a small store.
  EXPECT_EQ(t.at("earliestMessageTimeStamp"), "-1");
  EXPECT_EQ(t.at("scheduleMessageOffset_2"), "1,1");  // the DELAY=2 message is in queue 1
  EXPECT_EQ(t.at("scheduleMessageOffset_3"), "0,0");
  for (const char* k :
       {"sendThreadPoolQueueSize", "pullThreadPoolQueueSize", "queryThreadPoolQueueSize",
        "EndTransactionQueueSize", "sendThreadPoolQueueHeadWaitTimeMills",
        "pullThreadPoolQueueHeadWaitTimeMills", "queryThreadPoolQueueHeadWaitTimeMills",
        "startAcceptSendRequestTimeStamp"}) {
    EXPECT_EQ(t.at(k), "0") << k;
  }
  EXPECT_EQ(t.at("sendThreadPoolQueueCapacity"), "10000");
  EXPECT_EQ(t.at("pullThreadPoolQueueCapacity"), "100000");
  EXPECT_EQ(t.at("queryThreadPoolQueueCapacity"), "20000");
  EXPECT_EQ(t.at("EndTransactionThreadPoolQueueCapacity"), "100000");
  EXPECT_EQ(t.at("remainTransientStoreBufferNumbs"), "2147483647");
  EXPECT_TRUE(std::regex_match(t.at("remainHowManyDataToFlush"),
                               std::regex("[0-9]+ B|[0-9]+\\.[0-9] [KMG]iB")))
      << t.at("remainHowManyDataToFlush");
  EXPECT_TRUE(std::regex_match(t.at("commitLogDirCapacity"),
                               std::regex("Total : [0-9.]+ [KMGTPE]iB, Free : [0-9.]+ "
                                          "([KMGTPE]i)?B\\.")))
      << t.at("commitLogDirCapacity");
  const int64_t boot = std::stoll(t.at("bootTimestamp"));
  EXPECT_GE(boot, started - 5000);
  EXPECT_LE(boot, NowMillis());
  EXPECT_TRUE(std::regex_match(t.at("runtime"),
                               std::regex("\\[ 0 days, 0 hours, 0 minutes, [0-9]+ seconds \\]")))
      << t.at("runtime");
  // First minute: Java has no previous minute yet.
  EXPECT_EQ(t.at("putMessageDistributeTime"), "null");
  EXPECT_EQ(t.at("putLatency99"), "0.00");
  EXPECT_EQ(t.at("putLatency999"), "0.00");
  EXPECT_GE(std::stoll(t.at("putMessageEntireTimeMax")), 0);
  EXPECT_GE(std::stoll(t.at("getMessageEntireTimeMax")), 0);
  EXPECT_GE(std::stoll(t.at("dispatchMaxBuffer")), 0);
  // Fewer than 11 one-second samples so far: every window is empty, as in Java.
  EXPECT_EQ(t.at("putTps"), "  ");
  EXPECT_EQ(t.at("getTotalTps"), "0.0 0.0 0.0");
  const double ratio = std::stod(t.at("commitLogDiskRatio"));
  EXPECT_GT(ratio, 0.0);
  EXPECT_LE(ratio, 1.0);
  EXPECT_EQ(t.at(our_path_key), t.at("commitLogDiskRatio"));
  EXPECT_EQ(t.at("consumeQueueDiskRatio"), t.at("commitLogDiskRatio"));
}

}  // namespace
}  // namespace rocketmq::test
