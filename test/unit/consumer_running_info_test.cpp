// ConsumerRunningInfo / ConsumeMessageDirectlyResult bodies: Java field order, object keys,
// TreeSet order of subscriptions, and reading them back.
#include <gtest/gtest.h>

#include "common/model/consumer_running_info.h"
#include "common/model/json_body.h"

namespace rocketmq {
namespace {

TEST(ConsumerRunningInfo, WritesJavaShape) {
  ConsumerRunningInfo info;
  info.properties["consumerGroup"] = "G";
  info.properties[ConsumerRunningInfo::kPropConsumeOrderly] = "false";
  info.subscription_set.push_back(SubscriptionData::Build("T", "TagA", 5));
  info.subscription_set.push_back(SubscriptionData::Build("%RETRY%G", "*", 6));
  ProcessQueueInfo pq;
  pq.commit_offset = 12;
  pq.cached_msg_count = 3;
  info.mq_table[MessageQueue("T", "b", 1)] = pq;
  TopicConsumeStatus cs;
  cs.pull_tps = 1.5;
  info.status_table["T"] = cs;
  const std::string json = info.ToJson();
  EXPECT_EQ(json.rfind("{\"mqTable\":{{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"}:"
                       "{\"cachedMsgCount\":3,",
                       0),
            0u)
      << json;
  EXPECT_NE(json.find("\"commitOffset\":12,\"droped\":false"), std::string::npos) << json;
  EXPECT_NE(json.find("\"properties\":{\"PROP_CONSUMEORDERLY\":\"false\",\"consumerGroup\":\"G\"}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"statusTable\":{\"T\":{\"consumeFailedMsgs\":0,\"consumeFailedTPS\":0.0,"
                      "\"consumeOKTPS\":0.0,\"consumeRT\":0.0,\"pullRT\":0.0,\"pullTPS\":1.5}}"),
            std::string::npos)
      << json;
  // TreeSet order: "%RETRY%G@*" < "T@TagA".
  EXPECT_LT(json.find("\"topic\":\"%RETRY%G\""), json.find("\"topic\":\"T\"}]"));

  auto back = DecodeJsonBody<ConsumerRunningInfo>(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->properties, info.properties);
  EXPECT_EQ(back->mq_table.at(MessageQueue("T", "b", 1)).commit_offset, 12);
  EXPECT_EQ(back->status_table.at("T").pull_tps, 1.5);
  EXPECT_EQ(back->subscription_set.size(), 2u);
  EXPECT_FALSE(back->jstack.has_value());
}

TEST(ConsumeMessageDirectlyResult, RoundTrip) {
  ConsumeMessageDirectlyResult r;
  r.consume_result = kCMResultLater;
  r.spent_time_mills = 4;
  EXPECT_EQ(r.ToJson(),
            "{\"autoCommit\":true,\"consumeResult\":\"CR_LATER\",\"order\":false,"
            "\"spentTimeMills\":4}");
  auto back = DecodeJsonBody<ConsumeMessageDirectlyResult>(r.ToJson());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->consume_result, "CR_LATER");
  EXPECT_EQ(back->spent_time_mills, 4);
}

}  // namespace
}  // namespace rocketmq
