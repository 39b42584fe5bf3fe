// RESET_CONSUMER_CLIENT_OFFSET bodies: both forms of protocol.md §2.16 decode to one table.
#include <gtest/gtest.h>

#include "common/model/offset_tables.h"
#include "consumer/client_remoting_processor.h"

namespace rocketmq::consumer {
namespace {

TEST(ResetOffsetBody, JavaObjectKeyForm) {
  // What the Java broker sends (fastjson object keys).
  const std::string body =
      "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"}:12,"
      "{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:7}}";
  auto table = DecodeResetOffsetBody(body);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ(table->size(), 2u);
  EXPECT_EQ(table->at(MessageQueue("T", "b", 0)), 7);
  EXPECT_EQ(table->at(MessageQueue("T", "b", 1)), 12);
}

TEST(ResetOffsetBody, CArrayForm) {
  ResetOffsetBodyForC c;
  c.offset_table.push_back({MessageQueue("T", "b", 3), 99});
  auto table = DecodeResetOffsetBody(c.ToJson());
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ(table->size(), 1u);
  EXPECT_EQ(table->at(MessageQueue("T", "b", 3)), 99);
}

TEST(ResetOffsetBody, EmptyAndBad) {
  auto empty = DecodeResetOffsetBody("");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  EXPECT_FALSE(DecodeResetOffsetBody("{\"offsetTable\":{nope").ok());
}

}  // namespace
}  // namespace rocketmq::consumer
