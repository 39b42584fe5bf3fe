// Message / MessageExt helpers and SocketAddress.
#include "common/message.h"

#include <gtest/gtest.h>

#include "common/message_const.h"
#include "common/message_ext.h"
#include "common/socket_address.h"

namespace rocketmq {
namespace {

TEST(MessageTest, ConstructorSetsTagsKeysAndWait) {
  Message msg("VecTopic", "TagA", "KEY-A1", "hello rocketmq");
  EXPECT_EQ(msg.topic(), "VecTopic");
  EXPECT_EQ(msg.body(), "hello rocketmq");
  EXPECT_EQ(msg.tags(), "TagA");
  EXPECT_EQ(msg.keys(), "KEY-A1");
  EXPECT_EQ(msg.GetProperty(kPropertyWaitStoreMsgOk), "true");
  EXPECT_EQ(msg.properties().Encode(),
            std::string("TAGS\x01TagA\x02KEYS\x01KEY-A1\x02WAIT\x01true"));

  Message bare("T", "body");
  EXPECT_FALSE(bare.properties().Contains(kPropertyTags));
  EXPECT_FALSE(bare.properties().Contains(kPropertyKeys));
}

TEST(MessageTest, KeysAreSpaceSeparated) {
  Message msg;
  msg.set_keys(std::vector<std::string>{"k1", "", "k2", "k3"});
  EXPECT_EQ(msg.keys(), "k1 k2 k3");
  EXPECT_EQ(msg.KeyList(), (std::vector<std::string>{"k1", "k2", "k3"}));
  msg.set_keys("  a  b ");
  EXPECT_EQ(msg.KeyList(), (std::vector<std::string>{"a", "b"}));
  msg.set_keys("");
  EXPECT_FALSE(msg.properties().Contains(kPropertyKeys));
  EXPECT_TRUE(msg.KeyList().empty());
}

TEST(MessageTest, DelayLevel) {
  Message msg;
  EXPECT_EQ(msg.delay_time_level(), 0);
  msg.set_delay_time_level(2);
  EXPECT_EQ(msg.GetProperty(kPropertyDelayTimeLevel), "2");
  EXPECT_EQ(msg.delay_time_level(), 2);
  msg.PutProperty(kPropertyDelayTimeLevel, "x3");
  EXPECT_EQ(msg.delay_time_level(), 0);
  msg.set_delay_time_level(0);
  EXPECT_FALSE(msg.properties().Contains(kPropertyDelayTimeLevel));
}

TEST(MessageTest, WaitStoreMsgOkDefaultsToTrue) {
  Message msg;
  EXPECT_TRUE(msg.wait_store_msg_ok());
  msg.set_wait_store_msg_ok(false);
  EXPECT_EQ(msg.GetProperty(kPropertyWaitStoreMsgOk), "false");
  EXPECT_FALSE(msg.wait_store_msg_ok());
  msg.PutProperty(kPropertyWaitStoreMsgOk, "TRUE");
  EXPECT_TRUE(msg.wait_store_msg_ok());
}

TEST(MessageTest, TransactionPrepared) {
  Message msg;
  EXPECT_FALSE(msg.transaction_prepared());
  msg.set_transaction_prepared(true);
  EXPECT_EQ(msg.GetProperty(kPropertyTransactionPrepared), "true");
  EXPECT_TRUE(msg.transaction_prepared());
}

TEST(MessageTest, UserPropertiesRejectSystemKeysAndSeparators) {
  Message msg("T", "TagA", "", "b");
  EXPECT_TRUE(msg.PutUserProperty("color", "red").ok());
  EXPECT_TRUE(msg.PutUserProperty("n", "42").ok());
  EXPECT_EQ(msg.GetUserProperty("color"), "red");
  EXPECT_TRUE(msg.PutUserProperty("KEYS", "x").IsInvalidArgument());
  EXPECT_TRUE(msg.PutUserProperty("UNIQ_KEY", "x").IsInvalidArgument());
  EXPECT_TRUE(msg.PutUserProperty("", "x").IsInvalidArgument());
  EXPECT_TRUE(msg.PutUserProperty("k", "").IsInvalidArgument());
  EXPECT_TRUE(msg.PutUserProperty("k", std::string("a\x02"
                                                   "b"))
                  .IsInvalidArgument());
  EXPECT_TRUE(msg.PutUserProperty(std::string("a\x01"), "b").IsInvalidArgument());
  EXPECT_EQ(msg.UserProperties(),
            (std::vector<MessageProperties::Entry>{{"color", "red"}, {"n", "42"}}));
}

TEST(MessageExtTest, ClientMsgIdPrefersUniqKey) {
  MessageExt msg;
  msg.set_offset_msg_id("7F000001000051AF0000000000000000");
  EXPECT_EQ(msg.ClientMsgId(), "7F000001000051AF0000000000000000");
  msg.set_unique_key("FD0000000000000000000000000000023D0E30946E096C2A7CF00000");
  EXPECT_EQ(msg.ClientMsgId(), "FD0000000000000000000000000000023D0E30946E096C2A7CF00000");
}

TEST(SocketAddressTest, ParseAndFormatIpv4) {
  auto addr = SocketAddress::Parse("127.0.0.1:20911");
  ASSERT_TRUE(addr.ok()) << addr.status().ToString();
  EXPECT_FALSE(addr->is_ipv6());
  EXPECT_EQ(addr->ip(), std::string("\x7F\x00\x00\x01", 4));
  EXPECT_EQ(addr->port(), 20911);
  EXPECT_EQ(addr->ToString(), "127.0.0.1:20911");
}

TEST(SocketAddressTest, ParseAndFormatIpv6) {
  for (const char* text : {"[fd00::2]:10911", "fd00::2:10911", "fd00:0:0:0:0:0:0:2:10911"}) {
    auto addr = SocketAddress::Parse(text);
    ASSERT_TRUE(addr.ok()) << text << ": " << addr.status().ToString();
    EXPECT_TRUE(addr->is_ipv6());
    EXPECT_EQ(addr->ip(), std::string("\xFD\x00\0\0\0\0\0\0\0\0\0\0\0\0\0\x02", 16));
    EXPECT_EQ(addr->port(), 10911);
    EXPECT_EQ(addr->ToString(), "[fd00::2]:10911");
    EXPECT_EQ(addr->IpToString(), "fd00::2");
  }
}

TEST(SocketAddressTest, RejectsBadInput) {
  for (const char* text :
       {"", "127.0.0.1", "127.0.0.1:", ":80", "127.0.0.1:65536", "127.0.0.1:-1", "host:80",
        "127.0.0.1:80x", "1.2.3.4.5:80", "[fd00::2]", "127.0.0.1:1234567"}) {
    EXPECT_TRUE(SocketAddress::Parse(text).status().IsInvalidArgument()) << text;
  }
  EXPECT_TRUE(SocketAddress::FromBytes("abc", 1).status().IsInvalidArgument());
}

TEST(SocketAddressTest, FromBytesKeepsAnyPortValue) {
  auto addr = SocketAddress::FromBytes(std::string("\x0A\x00\x00\x01", 4), 10911);
  ASSERT_TRUE(addr.ok());
  EXPECT_EQ(addr->ToString(), "10.0.0.1:10911");
  SocketAddress copy = *addr;
  EXPECT_EQ(copy, *addr);
  copy.set_port(1);
  EXPECT_NE(copy, *addr);
}

}  // namespace
}  // namespace rocketmq
