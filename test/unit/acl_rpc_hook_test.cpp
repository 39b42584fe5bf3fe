// ACL request signing (protocol.md §10.1). Expected signatures were computed independently with
// the OpenSSL command line, e.g.
//   printf 'akT1' | openssl dgst -sha1 -hmac sk -binary | base64
// (and cross-checked with Python's hmac module for the first one).
#include "remoting/acl_rpc_hook.h"

#include <string>

#include <gtest/gtest.h>

#include "common/response_code.h"

namespace rocketmq::remoting {
namespace {

// §10.1 example: {topic: "T1", AccessKey: "ak"}, no body, secret "sk" -> content "akT1".
constexpr char kExampleSignature[] = "9VPuTHRkgwQkbcY5/m5xrQF1GFI=";
// AccessKey AK123, SecurityToken tokenXYZ, b=VecTopic, a=groupA, queueId=3, body
// "hello body\0\x01", secret "secret-KEY" -> content "AK123tokenXYZgroupAVecTopic3hello
// body\0\x01".
constexpr char kBodySignature[] = "Qfxm6T0A70Ft5+wv6AXY4OQErjs=";
// The same request without its body.
constexpr char kNoBodySignature[] = "5NKWaRVEh/oWB6Klxk1uaCGe8bM=";

const std::string kBody("hello body\0\x01", 12);

RemotingCommand RequestWithBody() {
  RemotingCommand req = RemotingCommand::CreateRequest(310);
  req.SetExtField("b", "VecTopic");
  req.SetExtField("a", "groupA");
  req.SetExtField("queueId", "3");
  req.set_body(kBody);
  return req;
}

TEST(AclRpcHookTest, SignPrimitiveMatchesOpenSslCli) {
  EXPECT_EQ(AclSign("akT1", "sk"), kExampleSignature);
  EXPECT_EQ(AclSign(std::string("AK123tokenXYZgroupAVecTopic3") + kBody, "secret-KEY"),
            kBodySignature);
}

TEST(AclRpcHookTest, ProtocolExample) {
  RemotingCommand req = RemotingCommand::CreateRequest(105);
  req.SetExtField("topic", "T1");
  AclRpcHook hook(SessionCredentials{"ak", "sk", ""});
  hook.DoBeforeRequest("127.0.0.1:9876", req);
  EXPECT_EQ(req.ext_fields().GetOr(kAclAccessKey), "ak");
  EXPECT_FALSE(req.ext_fields().Has(kAclSecurityToken)) << "no token configured";
  EXPECT_EQ(req.ext_fields().GetOr(kAclSignature), kExampleSignature);
  EXPECT_EQ(AclSignatureContent(req), "akT1");
}

TEST(AclRpcHookTest, SortedKeysTokenAndBody) {
  RemotingCommand req = RequestWithBody();
  AclRpcHook hook(SessionCredentials{"AK123", "secret-KEY", "tokenXYZ"});
  hook.DoBeforeRequest("127.0.0.1:10911", req);
  // Keys in byte order: AccessKey < SecurityToken < a < b < queueId (upper case sorts first).
  EXPECT_EQ(AclSignatureContent(req), std::string("AK123tokenXYZgroupAVecTopic3") + kBody);
  EXPECT_EQ(req.ext_fields().GetOr(kAclSecurityToken), "tokenXYZ");
  EXPECT_EQ(req.ext_fields().GetOr(kAclSignature), kBodySignature);
  EXPECT_EQ(req.body(), kBody) << "signing must not touch the body";

  RemotingCommand no_body = RequestWithBody();
  no_body.set_body("");
  hook.DoBeforeRequest("127.0.0.1:10911", no_body);
  EXPECT_EQ(no_body.ext_fields().GetOr(kAclSignature), kNoBodySignature);
}

TEST(AclRpcHookTest, SigningTwiceReplacesTheSignature) {
  // A retried request passes through the hook again: the old Signature must not be signed.
  RemotingCommand req = RequestWithBody();
  AclRpcHook hook(SessionCredentials{"AK123", "secret-KEY", "tokenXYZ"});
  hook.DoBeforeRequest("a", req);
  hook.DoBeforeRequest("b", req);
  EXPECT_EQ(req.ext_fields().GetOr(kAclSignature), kBodySignature);
  EXPECT_EQ(req.ext_fields().size(), 6u);
}

TEST(AclRpcHookTest, SignatureSurvivesTheWire) {
  RemotingCommand req = RequestWithBody();
  AclRpcHook hook(SessionCredentials{"AK123", "secret-KEY", "tokenXYZ"});
  hook.DoBeforeRequest("127.0.0.1:10911", req);
  for (SerializeType type : {SerializeType::kJson, SerializeType::kRocketMQ}) {
    req.set_serialize_type(type);
    const std::string frame = req.Encode();
    Result<RemotingCommand> received = RemotingCommand::Decode(std::string_view(frame).substr(4));
    ASSERT_TRUE(received.ok());
    EXPECT_TRUE(VerifyAclSignature(received.value(), "secret-KEY").ok());
  }
}

TEST(AclRpcHookTest, VerifierRejectsTampering) {
  RemotingCommand signed_req = RequestWithBody();
  AclRpcHook hook(SessionCredentials{"AK123", "secret-KEY", "tokenXYZ"});
  hook.DoBeforeRequest("127.0.0.1:10911", signed_req);
  ASSERT_TRUE(VerifyAclSignature(signed_req, "secret-KEY").ok());

  Status wrong_key = VerifyAclSignature(signed_req, "secret-KEY2");
  EXPECT_EQ(wrong_key.code(), ResponseCode::kNoPermission);

  RemotingCommand changed_field = signed_req;
  changed_field.SetExtField("queueId", "2");
  EXPECT_EQ(VerifyAclSignature(changed_field, "secret-KEY").code(), ResponseCode::kNoPermission);

  RemotingCommand added_field = signed_req;
  added_field.SetExtField("extra", "x");
  EXPECT_EQ(VerifyAclSignature(added_field, "secret-KEY").code(), ResponseCode::kNoPermission);

  RemotingCommand changed_body = signed_req;
  changed_body.mutable_body().back() = '\x02';
  EXPECT_EQ(VerifyAclSignature(changed_body, "secret-KEY").code(), ResponseCode::kNoPermission);

  RemotingCommand truncated_sig = signed_req;
  truncated_sig.SetExtField(kAclSignature, std::string(kBodySignature).substr(0, 27));
  EXPECT_EQ(VerifyAclSignature(truncated_sig, "secret-KEY").code(), ResponseCode::kNoPermission);

  RemotingCommand unsigned_req = RequestWithBody();
  EXPECT_EQ(VerifyAclSignature(unsigned_req, "secret-KEY").code(), ResponseCode::kNoPermission);
}

TEST(AclRpcHookTest, UniqueKeyQueryExcludedOnlyForOldClients) {
  RemotingCommand req = RemotingCommand::CreateRequest(12);
  req.SetExtField("topic", "T1");
  req.SetExtField(kUniqueMsgQueryFlag, "true");
  req.SetExtField(kAclAccessKey, "ak");
  // New client (version 409): the flag is part of the content ("ak" + "T1" + "true" sorted:
  // AccessKey, _UNIQUE_KEY_QUERY, topic -> "ak" "true" "T1").
  EXPECT_EQ(AclSignatureContent(req), "aktrueT1");
  req.SetExtField(kAclSignature, AclSign("aktrueT1", "sk"));
  EXPECT_TRUE(VerifyAclSignature(req, "sk").ok());

  // A 4.9.3-or-older client signed without it.
  req.set_version(kVersionV4_9_3);
  EXPECT_FALSE(VerifyAclSignature(req, "sk").ok());
  req.SetExtField(kAclSignature, AclSign("akT1", "sk"));
  EXPECT_TRUE(VerifyAclSignature(req, "sk").ok());
}

}  // namespace
}  // namespace rocketmq::remoting
