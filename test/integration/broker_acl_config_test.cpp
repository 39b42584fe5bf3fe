// The bundled broker's ACL 1.0 admin codes (50-54) against a rocketmqHome holding Java 4.9.8's
// distribution conf/plain_acl.yml. The mqadmin session captured in
// test/vectors/mqadmin/*acl* is replayed request by request; after each step the file on disk,
// the version counter and the error codes/remarks are compared with what Java's broker did.
// The broker enforces ACL, so the requests are signed as the file's admin account rocketmq2, as
// Java's mqadmin signs with conf/tools.yml.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "common/json_reader.h"
#include "common/model/acl_config.h"
#include "common/model/data_version.h"
#include "common/model/json_body.h"
#include "integration/broker_test_util.h"
#include "remoting/acl_rpc_hook.h"
#include "support/vectors.h"

namespace rocketmq::test {
namespace {

namespace fs = std::filesystem;

// rocketmq-all-4.9.8 distribution/conf/plain_acl.yml without its license header.
constexpr char kDistributionPlainAcl[] = R"(globalWhiteRemoteAddresses:
  - 10.10.103.*
  - 192.168.0.*

accounts:
  - accessKey: RocketMQ
    secretKey: 12345678
    whiteRemoteAddress:
    admin: false
    defaultTopicPerm: DENY
    defaultGroupPerm: SUB
    topicPerms:
      - topicA=DENY
      - topicB=PUB|SUB
      - topicC=SUB
    groupPerms:
      # the group should convert to retry topic
      - groupA=DENY
      - groupB=PUB|SUB
      - groupC=SUB

  - accessKey: rocketmq2
    secretKey: 12345678
    whiteRemoteAddress: 192.168.1.*
    # if it is admin, it could access all resources
    admin: true
)";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string MaskTimestamp(const std::string& yml) {
  return std::regex_replace(yml, std::regex("timestamp: [0-9]+"), "timestamp: T");
}

class BrokerAclConfigTest : public BrokerFixture {
 protected:
  void SetUp() override {
    home_ = dir_.path() + "/home";
    fs::create_directories(home_ + "/conf");
    std::ofstream(AclFile()) << kDistributionPlainAcl;
    client_.RegisterRpcHook(std::make_shared<remoting::AclRpcHook>(
        remoting::SessionCredentials{"rocketmq2", "12345678", ""}));
    BrokerFixture::SetUp();
  }
  Properties BrokerProps() override {
    Properties p = BrokerFixture::BrokerProps();
    p.Set("aclEnable", "true");
    p.Set("rocketmqHome", home_);
    return p;
  }
  std::string AclFile() const { return home_ + "/conf/plain_acl.yml"; }

  RemotingCommand UpdateAcl(std::vector<std::pair<std::string, std::string>> fields) {
    return Call(Request(RequestCode::kUpdateAndCreateAclConfig, std::move(fields)));
  }
  RemotingCommand DeleteAcl(const std::string& ak) {
    return Call(Request(RequestCode::kDeleteAclConfig, {{"accessKey", ak}}));
  }
  RemotingCommand UpdateWhiteAddrs(const std::string& addrs, const std::string& file = "") {
    std::vector<std::pair<std::string, std::string>> f = {{"globalWhiteAddrs", addrs}};
    if (!file.empty()) f.emplace_back("aclFileFullPath", file);
    return Call(Request(RequestCode::kUpdateGlobalWhiteAddrsConfig, f));
  }
  // GET_BROKER_CLUSTER_ACL_INFO: the `version` counter and allAclFileVersion.
  int64_t VersionCounter(Json::Value* all_versions = nullptr) {
    RemotingCommand r = Call(Request(RequestCode::kGetBrokerClusterAclInfo));
    EXPECT_EQ(r.code(), ResponseCode::kSuccess) << r.remark().value_or("");
    Result<DataVersion> v = DecodeJsonBody<DataVersion>(r.ext_fields().GetOr("version"));
    EXPECT_TRUE(v.ok());
    if (all_versions != nullptr) {
      Result<Json::Value> all = ParseJson(r.ext_fields().GetOr("allAclFileVersion"));
      EXPECT_TRUE(all.ok());
      if (all.ok()) *all_versions = *all;
    }
    return v.ok() ? v->counter : -1;
  }

  std::string home_;
};

TEST_F(BrokerAclConfigTest, ReplaysTheJavaMqadminSession) {
  // clusterAclConfigVersion-acl-c: a file without dataVersion is at counter 0.
  RemotingCommand info = Call(Request(RequestCode::kGetBrokerClusterAclInfo));
  ASSERT_EQ(info.code(), ResponseCode::kSuccess);
  EXPECT_EQ(info.ext_fields().GetOr("brokerName"), "broker-a");
  EXPECT_EQ(info.ext_fields().GetOr("clusterName"), "DefaultCluster");
  EXPECT_EQ(info.ext_fields().GetOr("brokerAddr"), BrokerAddr());
  Json::Value all;
  EXPECT_EQ(VersionCounter(&all), 0);
  ASSERT_TRUE(all.isMember(AclFile())) << all.toStyledString();
  EXPECT_EQ(all[AclFile()]["counter"].asInt64(), 0);

  // updateAclConfig-acl-c
  RemotingCommand c1 = UpdateAcl({{"accessKey", "CapAccessKey1"},
                                  {"secretKey", "CapSecretKey1"},
                                  {"whiteRemoteAddress", "127.0.0.1"},
                                  {"defaultTopicPerm", "PUB"},
                                  {"defaultGroupPerm", "SUB"},
                                  {"topicPerms", "CapTopic=PUB|SUB"},
                                  {"groupPerms", "CapConsumerGroup=SUB"},
                                  {"admin", "false"}});
  ASSERT_EQ(c1.code(), ResponseCode::kSuccess) << c1.remark().value_or("");
  EXPECT_FALSE(c1.remark().has_value());
  EXPECT_NE(ReadAll(AclFile()).find("- accessKey: CapAccessKey1\n"
                                    "  secretKey: CapSecretKey1\n"
                                    "  whiteRemoteAddress: 127.0.0.1\n"
                                    "  admin: false\n"
                                    "  defaultTopicPerm: PUB\n"
                                    "  defaultGroupPerm: SUB\n"
                                    "  topicPerms:\n"
                                    "  - CapTopic=PUB|SUB\n"
                                    "  groupPerms:\n"
                                    "  - CapConsumerGroup=SUB\n"
                                    "dataVersion:\n"
                                    "- counter: 1\n"),
            std::string::npos)
      << ReadAll(AclFile());
  EXPECT_EQ(VersionCounter(), 1);
  auto snapshot = broker_->plain_permission_manager()->Snapshot();
  ASSERT_EQ(snapshot->accounts.count("CapAccessKey1"), 1u);
  EXPECT_EQ(snapshot->accounts.at("CapAccessKey1").resource_perms.at("%RETRY%CapConsumerGroup"),
            broker::acl::kPermSub);

  // updateAclConfig-acl-b
  RemotingCommand c2 = UpdateAcl(
      {{"accessKey", "CapAccessKey2"}, {"secretKey", "CapSecretKey2"}, {"admin", "false"}});
  ASSERT_EQ(c2.code(), ResponseCode::kSuccess) << c2.remark().value_or("");
  EXPECT_EQ(VersionCounter(), 2);

  // updateAclConfig-acl-short-secret: CODE 209 and Java's text; nothing written.
  const std::string before = ReadAll(AclFile());
  RemotingCommand c3 =
      UpdateAcl({{"accessKey", "CapAccessKey3"}, {"secretKey", "abc"}, {"admin", "false"}});
  EXPECT_EQ(c3.code(), 209);
  EXPECT_EQ(c3.remark().value_or(""),
            "The accessKey=CapAccessKey3 and secretKey=abc cannot be null and length should "
            "longer than 6");
  EXPECT_EQ(ReadAll(AclFile()), before);
  EXPECT_EQ(VersionCounter(), 2);

  // updateGlobalWhiteAddr-acl-c (no aclFileFullPath: the default file)
  RemotingCommand w = UpdateWhiteAddrs("10.10.103.*,192.168.0.*,127.0.0.1");
  ASSERT_EQ(w.code(), ResponseCode::kSuccess) << w.remark().value_or("");
  EXPECT_EQ(VersionCounter(), 3);

  // deleteAclConfig-acl-c, then deleteAclConfig-acl-missing: CODE 210.
  RemotingCommand d = DeleteAcl("CapAccessKey1");
  ASSERT_EQ(d.code(), ResponseCode::kSuccess) << d.remark().value_or("");
  EXPECT_EQ(broker_->plain_permission_manager()->Snapshot()->accounts.count("CapAccessKey1"), 0u);
  RemotingCommand missing = DeleteAcl("NoSuchAK");
  EXPECT_EQ(missing.code(), 210);
  EXPECT_EQ(missing.remark().value_or(""),
            "The accesskey[NoSuchAK] corresponding to accessConfig has been deleted failed.");

  // clusterAclConfigVersion-acl-after: counter 4 and the very file Java's broker wrote.
  EXPECT_EQ(VersionCounter(), 4);
  const std::string java_file =
      ReadAll(VectorsDir() + "/mqadmin/clusterAclConfigVersion-acl-after.files/plain_acl.yml");
  ASSERT_FALSE(java_file.empty());
  EXPECT_EQ(MaskTimestamp(ReadAll(AclFile())), MaskTimestamp(java_file));

  // The model survives a broker restart.
  RestartBroker();
  EXPECT_EQ(VersionCounter(), 4);
  EXPECT_EQ(broker_->plain_permission_manager()->Snapshot()->accounts.count("CapAccessKey2"), 1u);
}

TEST_F(BrokerAclConfigTest, UpdateExistingAccountKeepsUnsetMembersAndMovesItLast) {
  RemotingCommand r = UpdateAcl({{"accessKey", "RocketMQ"},
                                 {"secretKey", "NewSecret99"},
                                 {"topicPerms", "topicZ=SUB,topicY=PUB"},
                                 {"admin", "true"}});
  ASSERT_EQ(r.code(), ResponseCode::kSuccess) << r.remark().value_or("");
  const std::string yml = ReadAll(AclFile());
  EXPECT_NE(yml.find("- accessKey: rocketmq2\n"
                     "  secretKey: 12345678\n"
                     "  whiteRemoteAddress: 192.168.1.*\n"
                     "  admin: true\n"
                     "- accessKey: RocketMQ\n"
                     "  secretKey: NewSecret99\n"
                     "  whiteRemoteAddress: null\n"
                     "  admin: true\n"
                     "  defaultTopicPerm: DENY\n"
                     "  defaultGroupPerm: SUB\n"
                     "  topicPerms:\n"
                     "  - topicZ=SUB\n"
                     "  - topicY=PUB\n"
                     "  groupPerms:\n"
                     "  - groupA=DENY\n"),
            std::string::npos)
      << yml;
  const auto& account = broker_->plain_permission_manager()->Snapshot()->accounts.at("RocketMQ");
  EXPECT_EQ(account.secret_key, "NewSecret99");
  EXPECT_TRUE(account.admin);
  EXPECT_EQ(account.resource_perms.count("topicA"), 0u);
  EXPECT_EQ(account.resource_perms.at("topicZ"), broker::acl::kPermSub);
}

TEST_F(BrokerAclConfigTest, ErrorsAsJava) {
  RemotingCommand bad_perm = UpdateAcl(
      {{"accessKey", "GoodAccess"}, {"secretKey", "GoodSecret"}, {"topicPerms", "T1=ALL"}});
  EXPECT_EQ(bad_perm.code(), 209);
  EXPECT_EQ(bad_perm.remark().value_or(""),
            "Parse resource permission error for T1=ALL.\nThe expected permissions are 'SUB' or "
            "'PUB' or 'SUB|PUB' or 'PUB|SUB'.");
  RemotingCommand bad_format =
      UpdateAcl({{"accessKey", "GoodAccess"}, {"secretKey", "GoodSecret"}, {"groupPerms", "G1"}});
  EXPECT_EQ(bad_format.code(), 209);
  EXPECT_EQ(bad_format.remark().value_or(""),
            "Parse Resource format error for G1.\nThe expected resource format is 'Res=Perm'. "
            "For example: topicA=SUB");
  RemotingCommand short_ak = UpdateAcl({{"accessKey", "short"}, {"secretKey", "GoodSecret"}});
  EXPECT_EQ(short_ak.code(), 209);
  EXPECT_EQ(short_ak.remark().value_or(""),
            "The accessKey=short and secretKey=GoodSecret cannot be null and length should "
            "longer than 6");
  RemotingCommand no_secret = UpdateAcl({{"accessKey", "GoodAccess"}});
  EXPECT_EQ(no_secret.code(), 209);
  EXPECT_EQ(no_secret.remark().value_or(""),
            "The accessKey=GoodAccess and secretKey=null cannot be null and length should "
            "longer than 6");
  RemotingCommand no_ak = Call(Request(RequestCode::kUpdateAndCreateAclConfig));
  EXPECT_EQ(no_ak.code(), ResponseCode::kSystemError);
  EXPECT_EQ(no_ak.remark().value_or(""), "the custom field <accessKey> is null");

  // A white-address file outside rocketmqHome, or missing, is refused with CODE 211.
  const std::string outside = dir_.path() + "/outside.yml";
  std::ofstream(outside) << "accounts: []\n";
  for (const std::string& file : {outside, home_ + "/conf/acl/none.yml"}) {
    RemotingCommand r = UpdateWhiteAddrs("10.0.0.1", file);
    EXPECT_EQ(r.code(), 211) << file;
    EXPECT_EQ(r.remark().value_or(""),
              "The globalWhiteAddresses[10.0.0.1] has been updated failed.");
  }
  EXPECT_EQ(ReadAll(outside), "accounts: []\n");
  EXPECT_EQ(VersionCounter(), 0);
}

TEST_F(BrokerAclConfigTest, SecondAclFileUnderConfAcl) {
  fs::create_directories(home_ + "/conf/acl");
  const std::string extra = home_ + "/conf/acl/extra.yml";
  std::ofstream(extra) << "accounts:\n- accessKey: ExtraAccess\n  secretKey: '1234567'\n"
                          "dataVersion:\n- counter: 7\n  timestamp: 1\n";
  RestartBroker();
  Json::Value all;
  EXPECT_EQ(VersionCounter(&all), 0);
  EXPECT_EQ(all[extra]["counter"].asInt64(), 7);

  // An existing account is edited in its own file; the quoted numeric secret stays a string.
  ASSERT_EQ(
      UpdateAcl(
          {{"accessKey", "ExtraAccess"}, {"defaultTopicPerm", "SUB"}, {"secretKey", "7654321"}})
          .code(),
      ResponseCode::kSuccess);
  EXPECT_EQ(MaskTimestamp(ReadAll(extra)),
            "accounts:\n- accessKey: ExtraAccess\n  secretKey: '7654321'\n  admin: false\n"
            "  defaultTopicPerm: SUB\ndataVersion:\n- counter: 8\n  timestamp: T\n");
  ASSERT_EQ(UpdateWhiteAddrs("10.1.1.*", extra).code(), ResponseCode::kSuccess);
  VersionCounter(&all);
  EXPECT_EQ(all[extra]["counter"].asInt64(), 9);
  EXPECT_EQ(all[AclFile()]["counter"].asInt64(), 0);

  RemotingCommand cfg = Call(Request(RequestCode::kGetBrokerClusterAclConfig));
  ASSERT_EQ(cfg.code(), ResponseCode::kSuccess);
  Result<AclConfig> body = DecodeJsonBody<AclConfig>(cfg.body());
  ASSERT_TRUE(body.ok()) << body.status().ToString();
  EXPECT_EQ(body->global_white_addrs,
            (std::vector<std::string>{"10.1.1.*", "10.10.103.*", "192.168.0.*"}));
  ASSERT_EQ(body->plain_access_configs.size(), 3u);
  EXPECT_EQ(body->plain_access_configs[0].access_key.value_or(""), "ExtraAccess");
  EXPECT_EQ(body->plain_access_configs[0].secret_key.value_or(""), "7654321");
  EXPECT_EQ(body->plain_access_configs[1].secret_key.value_or(""), "12345678");
  EXPECT_EQ(cfg.body().rfind("{\"globalWhiteAddrs\":[\"10.1.1.*\"", 0), 0u) << cfg.body();
}

// aclEnable=false (the default): Java answers 50/51/53 with their failure code and a
// NullPointerException text, and 52/54 not at all; this broker says ACL is off.
class BrokerAclDisabledTest : public BrokerFixture {};

TEST_F(BrokerAclDisabledTest, AnswersWithAClearRemark) {
  const std::string remark =
      "ACL is not enabled on this broker (aclEnable=false): no plain ACL validator";
  RemotingCommand u = Call(Request(RequestCode::kUpdateAndCreateAclConfig,
                                   {{"accessKey", "CapAccessKey1"}, {"secretKey", "CapSecret1"}}));
  EXPECT_EQ(u.code(), 209);
  EXPECT_EQ(u.remark().value_or(""), remark);
  RemotingCommand d =
      Call(Request(RequestCode::kDeleteAclConfig, {{"accessKey", "CapAccessKey1"}}));
  EXPECT_EQ(d.code(), 210);
  EXPECT_EQ(d.remark().value_or(""), remark);
  RemotingCommand w =
      Call(Request(RequestCode::kUpdateGlobalWhiteAddrsConfig, {{"globalWhiteAddrs", "10.*"}}));
  EXPECT_EQ(w.code(), 211);
  EXPECT_EQ(w.remark().value_or(""), remark);
  for (int32_t code :
       {RequestCode::kGetBrokerClusterAclInfo, RequestCode::kGetBrokerClusterAclConfig}) {
    RemotingCommand r = Call(Request(code));
    EXPECT_EQ(r.code(), ResponseCode::kSystemError) << code;
    EXPECT_EQ(r.remark().value_or(""), remark);
  }
}

}  // namespace
}  // namespace rocketmq::test
