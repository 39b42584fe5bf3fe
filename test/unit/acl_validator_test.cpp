// The broker's ACL check without a broker: Java 4.9.8's white-address forms
// (RemoteAddressStrategyFactory), the per-code resource parse and the validate order.
#include <gtest/gtest.h>

#include "common/response_code.h"
#include "mockbroker/broker/acl/plain_access_validator.h"
#include "mockbroker/broker/acl/remote_address_strategy.h"
#include "remoting/acl_rpc_hook.h"
#include "remoting/request_code.h"

namespace rocketmq::broker::acl {
namespace {

using remoting::RemotingCommand;
using remoting::RequestCode;

RemoteAddressStrategy Compiled(const std::string& item) {
  Result<RemoteAddressStrategy> s = RemoteAddressStrategy::Compile(item);
  EXPECT_TRUE(s.ok()) << item << ": " << s.status().ToString();
  return s.ok() ? *s : RemoteAddressStrategy();
}

TEST(AclRemoteAddressTest, JavaForms) {
  EXPECT_FALSE(Compiled("").Match("127.0.0.1"));
  EXPECT_FALSE(Compiled("   ").Match("127.0.0.1"));
  for (const char* any : {"*", "*.*.*.*", "*:*:*:*:*:*:*:*"}) {
    EXPECT_TRUE(Compiled(any).Match("10.1.2.3")) << any;
  }
  RemoteAddressStrategy braces = Compiled("192.168.0.{1,2}");
  EXPECT_TRUE(braces.Match("192.168.0.1"));
  EXPECT_TRUE(braces.Match("192.168.0.2"));
  EXPECT_FALSE(braces.Match("192.168.0.3"));
  RemoteAddressStrategy list = Compiled("192.168.0.1,10.0.0.7");
  EXPECT_TRUE(list.Match("10.0.0.7"));
  EXPECT_FALSE(list.Match("10.0.0.70"));
  RemoteAddressStrategy star = Compiled("192.168.1.*");
  EXPECT_TRUE(star.Match("192.168.1.77"));
  EXPECT_FALSE(star.Match("192.168.2.77"));
  EXPECT_FALSE(star.Match("192.168.10.77"));
  RemoteAddressStrategy last = Compiled("192.168.1.1-200");
  EXPECT_TRUE(last.Match("192.168.1.1"));
  EXPECT_TRUE(last.Match("192.168.1.200"));
  EXPECT_FALSE(last.Match("192.168.1.201"));
  EXPECT_FALSE(last.Match("192.168.1.0"));
  RemoteAddressStrategy third = Compiled("192.168.1-20.*");
  EXPECT_TRUE(third.Match("192.168.5.9"));
  EXPECT_FALSE(third.Match("192.168.21.9"));
  RemoteAddressStrategy second = Compiled("10.*.*.*");
  EXPECT_TRUE(second.Match("10.200.3.4"));
  EXPECT_FALSE(second.Match("11.200.3.4"));
  RemoteAddressStrategy one = Compiled("127.0.0.1");
  EXPECT_TRUE(one.Match("127.0.0.1"));
  EXPECT_FALSE(one.Match("127.0.0.11"));

  // IPv6: compared fully expanded.
  EXPECT_EQ(ExpandIp("::1", 8), "0000:0000:0000:0000:0000:0000:0000:0001");
  EXPECT_TRUE(Compiled("::1").Match("0:0:0:0:0:0:0:1"));
  RemoteAddressStrategy v6range = Compiled("1:2:3:4:5:6:7:*");
  EXPECT_TRUE(v6range.Match("1:2:3:4:5:6:7:ff"));
  EXPECT_FALSE(v6range.Match("1:2:3:4:5:6:8:ff"));
  EXPECT_FALSE(v6range.Match("127.0.0.1"));
  RemoteAddressStrategy v6set = Compiled("1::{a,b}");
  EXPECT_TRUE(v6set.Match("1:0:0:0:0:0:0:b"));
  EXPECT_FALSE(v6set.Match("1::c"));
}

TEST(AclRemoteAddressTest, MalformedItemsAreErrors) {
  for (const char* bad : {"192.168.0.300", "not-an-ip", "abc", "192.168.1.-5", "192.168.*",
                          "192.168.0.{1,x}", "192.168.1.9-3", "1.2.3.4.5"}) {
    EXPECT_FALSE(RemoteAddressStrategy::Compile(bad).ok()) << bad;
  }
  EXPECT_FALSE(IsValidIpv4("01.2.3.4"));
  EXPECT_TRUE(IsValidIpv4("1.2.3.4"));
}

TEST(AclParseTest, ResourcesPerCode) {
  RemotingCommand v2 = RemotingCommand::CreateRequest(RequestCode::kSendMessageV2);
  v2.SetExtField("a", "G1");
  v2.SetExtField("b", "T1");
  Result<AccessRequest> a = ParseAccessRequest("10.0.0.1:4711", v2);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->remote_ip, "10.0.0.1");
  ASSERT_EQ(a->resources.size(), 1u);
  EXPECT_EQ(a->resources[0], std::make_pair(std::string("T1"), kPermPub));
  // To a retry topic: SUB on the group instead.
  v2.SetExtField("b", "%RETRY%G1");
  a = ParseAccessRequest("10.0.0.1:4711", v2);
  ASSERT_EQ(a->resources.size(), 1u);
  EXPECT_EQ(a->resources[0], std::make_pair(std::string("%RETRY%G1"), kPermSub));

  // Java's HashMap order decides which refusal is reported (checked with a JVM:
  // {TopicDeny, %RETRY%GroupDeny} iterates the group first, {TopicPubOnly, ...} the topic).
  RemotingCommand pull = RemotingCommand::CreateRequest(RequestCode::kPullMessage);
  pull.SetExtField("topic", "TopicDeny");
  pull.SetExtField("consumerGroup", "GroupDeny");
  a = ParseAccessRequest("[::1]:1", pull);
  EXPECT_EQ(a->remote_ip, "::1");
  ASSERT_EQ(a->resources.size(), 2u);
  EXPECT_EQ(a->resources[0].first, "%RETRY%GroupDeny");
  pull.SetExtField("topic", "TopicPubOnly");
  a = ParseAccessRequest("[::1]:1", pull);
  EXPECT_EQ(a->resources[0].first, "TopicPubOnly");

  // No extFields: nothing but the address.
  a = ParseAccessRequest("1.2.3.4:5", RemotingCommand::CreateRequest(RequestCode::kPullMessage));
  EXPECT_FALSE(a->access_key.has_value());
  EXPECT_TRUE(a->resources.empty());

  // A heartbeat without a body is Java's NullPointerException, refused by parse.
  RemotingCommand hb = RemotingCommand::CreateRequest(RequestCode::kHeartBeat);
  hb.SetExtField("AccessKey", "x");
  EXPECT_FALSE(ParseAccessRequest("1.2.3.4:5", hb).ok());
}

TEST(AclValidateTest, OrderOfChecks) {
  AclSnapshot rules;
  rules.global_white_strategies.push_back(Compiled("10.10.*.*"));
  PlainAccessConfig c;
  c.access_key = "UserAccess1";
  c.secret_key = "UserSecret1";
  c.default_topic_perm = "SUB";
  c.topic_perms = std::vector<std::string>{"RMQ_SYS_TRACE_TOPIC=DENY"};
  Result<PlainAccessResource> user = PlainAccessResource::Build(c);
  ASSERT_TRUE(user.ok());
  rules.accounts["UserAccess1"] = *user;

  RemotingCommand send = RemotingCommand::CreateRequest(RequestCode::kSendMessageV2);
  send.SetExtField("a", "G");
  send.SetExtField("b", "T");
  auto check = [&](const std::string& addr, const RemotingCommand& r) {
    Result<AccessRequest> a = ParseAccessRequest(addr, r);
    EXPECT_TRUE(a.ok());
    return ValidateAccess(rules, *a, r);
  };
  // Global white list first: even unsigned.
  EXPECT_TRUE(check("10.10.3.4:1", send).ok());
  Status st = check("10.11.3.4:1", send);
  EXPECT_EQ(st.code(), ResponseCode::kSystemError);
  EXPECT_EQ(st.message(),
            "org.apache.rocketmq.acl.common.AclException: No accessKey is configured, "
            "org.apache.rocketmq.acl.plain.PlainPermissionManager.validate("
            "PlainPermissionManager.java:664)");
  remoting::AclRpcHook signer(remoting::SessionCredentials{"UserAccess1", "UserSecret1", ""});
  RemotingCommand signed_send = send;
  signer.DoBeforeRequest("", signed_send);
  EXPECT_NE(check("10.11.3.4:1", signed_send).message().find("No default permission for topic:T"),
            std::string::npos);
  // PUB on the trace topic skips the permission check, even when the account denies it.
  RemotingCommand trace = send;
  trace.SetExtField("b", "RMQ_SYS_TRACE_TOPIC");
  signer.DoBeforeRequest("", trace);
  EXPECT_TRUE(check("10.11.3.4:1", trace).ok());
  EXPECT_TRUE(NeedAdminPerm(RequestCode::kUpdateAndCreateTopic));
  EXPECT_FALSE(NeedAdminPerm(RequestCode::kUpdateAndCreateAclConfig));
  EXPECT_FALSE(CheckPermission(kPermSub, kPermDeny | kPermSub));
  EXPECT_TRUE(CheckPermission(kPermAny, kPermPub));
}

}  // namespace
}  // namespace rocketmq::broker::acl
