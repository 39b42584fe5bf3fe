// Message / MessageExt helpers and SocketAddress.
#include "common/message.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "common/listen_socket.h"
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


TEST(SocketAddressTest, FromSockaddrUnmapsIpv4MappedPeers) {
  sockaddr_in6 mapped{};
  mapped.sin6_family = AF_INET6;
  mapped.sin6_port = htons(40662);
  ASSERT_EQ(inet_pton(AF_INET6, "::ffff:127.0.0.1", &mapped.sin6_addr), 1);
  auto v4 = SocketAddress::FromSockaddr(reinterpret_cast<sockaddr*>(&mapped));
  ASSERT_TRUE(v4.ok());
  EXPECT_FALSE(v4->is_ipv6());
  EXPECT_EQ(v4->ToString(), "127.0.0.1:40662");

  sockaddr_in6 loop{};
  loop.sin6_family = AF_INET6;
  loop.sin6_port = htons(10911);
  loop.sin6_addr = in6addr_loopback;
  auto v6 = SocketAddress::FromSockaddr(reinterpret_cast<sockaddr*>(&loop));
  ASSERT_TRUE(v6.ok());
  EXPECT_TRUE(v6->is_ipv6());
  EXPECT_EQ(v6->ToString(), "[::1]:10911");

  sockaddr_un unix_addr{};
  unix_addr.sun_family = AF_UNIX;
  EXPECT_TRUE(SocketAddress::FromSockaddr(reinterpret_cast<sockaddr*>(&unix_addr))
                  .status()
                  .IsInvalidArgument());
}

TEST(SocketAddressTest, JavaTextIsUncompressedForIpv6) {
  EXPECT_EQ(SocketAddress::Parse("127.0.0.1:59630")->ToJavaString(), "127.0.0.1:59630");
  EXPECT_EQ(SocketAddress::Parse("[::1]:59822")->ToJavaString(), "0:0:0:0:0:0:0:1:59822");
  EXPECT_EQ(SocketAddress::Parse("[fd00:ab::0102]:1")->ToJavaString(), "fd00:ab:0:0:0:0:0:102:1");
}

TEST(ListenSocketTest, WildcardAcceptsBothFamiliesAndReportsThePort) {
  Result<ListenSocket> sock = OpenListenSocket("", 0, 8);
  ASSERT_TRUE(sock.ok()) << sock.status().ToString();
  ASSERT_GT(sock->port, 0);
  for (const char* text : {"127.0.0.1", "::1"}) {
    auto addr = SocketAddress::Parse(std::string(text).find(':') != std::string::npos
                                         ? "[" + std::string(text) + "]:" + std::to_string(sock->port)
                                         : std::string(text) + ":" + std::to_string(sock->port));
    ASSERT_TRUE(addr.ok());
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (addr->is_ipv6()) {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(&ss);
      in6->sin6_family = AF_INET6;
      in6->sin6_port = htons(static_cast<uint16_t>(sock->port));
      std::memcpy(&in6->sin6_addr, addr->ip().data(), 16);
      len = sizeof(*in6);
    } else {
      auto* in4 = reinterpret_cast<sockaddr_in*>(&ss);
      in4->sin_family = AF_INET;
      in4->sin_port = htons(static_cast<uint16_t>(sock->port));
      std::memcpy(&in4->sin_addr, addr->ip().data(), 4);
      len = sizeof(*in4);
    }
    const int fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(fd, 0);
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&ss), len) == 0;
    ::close(fd);
    // A host without IPv6 falls back to 0.0.0.0: only ::1 may then be refused.
    if (addr->is_ipv6() && !connected) {
      std::cout << "no IPv6 loopback here: " << std::strerror(errno) << "\n";
      continue;
    }
    EXPECT_TRUE(connected) << text << ": " << std::strerror(errno);
  }
  ::close(sock->fd);

  Result<ListenSocket> bad = OpenListenSocket("not-an-address.invalid", 0, 8);
  EXPECT_FALSE(bad.ok());
  EXPECT_TRUE(OpenListenSocket("127.0.0.1", 70000, 8).status().IsInvalidArgument());
}

}  // namespace
}  // namespace rocketmq
