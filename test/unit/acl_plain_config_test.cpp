// The ACL 1.0 file model of the bundled broker (src/mockbroker/broker/acl/): YAML typing and
// snakeyaml's dump layout, the Java validation rules, and the multi-file manager.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/model/acl_config.h"
#include "common/model/json_body.h"
#include "mockbroker/broker/acl/plain_acl_config.h"
#include "mockbroker/broker/acl/plain_permission_manager.h"
#include "mockbroker/broker/acl/yaml_document.h"
#include "support/temp_dir.h"

namespace rocketmq::broker::acl {
namespace {

namespace fs = std::filesystem;

std::string Dump(const std::string& yml) {
  Result<YamlNode> root = ParseYaml(yml);
  EXPECT_TRUE(root.ok()) << root.status().ToString();
  return root.ok() ? DumpYamlAsMap(*root) : std::string();
}

TEST(AclYamlTest, DumpsTheDistributionFileAsSnakeyaml) {
  const std::string in =
      "# comment\n"
      "globalWhiteRemoteAddresses:\n  - 10.10.103.*\n  - 192.168.0.*\n\n"
      "accounts:\n"
      "  - accessKey: RocketMQ\n    secretKey: 12345678\n    whiteRemoteAddress:\n"
      "    admin: false\n    topicPerms:\n      - topicB=PUB|SUB\n"
      "    groupPerms:\n      # note\n      - groupA=DENY\n\n"
      "  - accessKey: rocketmq2\n    admin: true\n";
  EXPECT_EQ(Dump(in),
            "globalWhiteRemoteAddresses:\n- 10.10.103.*\n- 192.168.0.*\n"
            "accounts:\n"
            "- accessKey: RocketMQ\n  secretKey: 12345678\n  whiteRemoteAddress: null\n"
            "  admin: false\n  topicPerms:\n  - topicB=PUB|SUB\n  groupPerms:\n  - groupA=DENY\n"
            "- accessKey: rocketmq2\n  admin: true\n");
}

TEST(AclYamlTest, ResolvesScalarsLikeYaml11) {
  Result<YamlNode> root = ParseYaml(
      "a: 12345678\nb: '12345678'\nc: yes\nd: 'yes'\ne: ~\nf: 1.5\ng: plain text\nh: !!str 42\n");
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(root->Find("a")->type, YamlNode::Type::kInt);
  EXPECT_EQ(root->Find("b")->type, YamlNode::Type::kString);
  EXPECT_EQ(root->Find("c")->type, YamlNode::Type::kBool);
  EXPECT_EQ(root->Find("c")->text, "true");
  EXPECT_EQ(root->Find("d")->type, YamlNode::Type::kString);
  EXPECT_TRUE(root->Find("e")->IsNull());
  EXPECT_EQ(root->Find("f")->type, YamlNode::Type::kFloat);
  EXPECT_EQ(root->Find("g")->AsString(), "plain text");
  EXPECT_EQ(root->Find("h")->type, YamlNode::Type::kString);
  // Strings that would read back as something else are single-quoted; numbers are not.
  EXPECT_EQ(DumpYamlAsMap(*root),
            "a: 12345678\nb: '12345678'\nc: true\nd: 'yes'\ne: null\nf: 1.5\ng: plain text\n"
            "h: '42'\n");
}

TEST(AclYamlTest, QuotesOnlyWhatIsNotPlainSafe) {
  YamlNode root = YamlNode::Map();
  root.Set("empty", YamlNode::String(""));
  root.Set("colon", YamlNode::String("a: b"));
  root.Set("dash", YamlNode::String("- x"));
  root.Set("star", YamlNode::String("*.example"));
  root.Set("hash", YamlNode::String("a #b"));
  root.Set("quote", YamlNode::String("it's"));
  root.Set("lead", YamlNode::String(" x"));
  root.Set("newline", YamlNode::String("a\nb"));
  root.Set("ok", YamlNode::String("10.10.103.*"));
  root.Set("seq", YamlNode::Sequence());
  root.Set("map", YamlNode::Map());
  EXPECT_EQ(DumpYamlAsMap(root),
            "empty: ''\ncolon: 'a: b'\ndash: '- x'\nstar: '*.example'\nhash: 'a #b'\n"
            "quote: it's\nlead: ' x'\nnewline: \"a\\nb\"\nok: 10.10.103.*\nseq: []\nmap: {}\n");
  EXPECT_EQ(DumpYamlAsMap(YamlNode::Null()), "{}\n");
  // Whatever is dumped reads back to the same values.
  Result<YamlNode> again = ParseYaml(DumpYamlAsMap(root));
  ASSERT_TRUE(again.ok());
  for (const auto& [key, value] : root.entries) {
    const YamlNode* back = again->Find(key);
    ASSERT_NE(back, nullptr) << key;
    EXPECT_EQ(back->text, value.text) << key;
    EXPECT_EQ(back->kind, value.kind) << key;
  }
}

TEST(AclYamlTest, NestedCollectionsInSequences) {
  EXPECT_EQ(Dump("x:\n  - [a, b]\n  - {k: v, m: {n: 1}}\n  - {}\ny: {z: [1]}\n"),
            "x:\n- - a\n  - b\n- k: v\n  m:\n    n: 1\n- {}\ny:\n  z:\n  - 1\n");
}

TEST(AclYamlTest, SyntaxErrorIsCorruption) {
  Result<YamlNode> r = ParseYaml("a: [unclosed\n");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsCorruption()) << r.status().ToString();
}

TEST(AclConfigRulesTest, KeyAndPermissionChecks) {
  PlainAccessConfig c;
  c.access_key = "CapAccessKey3";
  c.secret_key = "abc";
  EXPECT_EQ(CheckPlainAccessConfig(c).message(),
            "The accessKey=CapAccessKey3 and secretKey=abc cannot be null and length should "
            "longer than 6");
  c.secret_key = "1234567";
  EXPECT_TRUE(CheckPlainAccessConfig(c).ok());
  c.access_key = "123456";  // 6 is not enough
  EXPECT_FALSE(CheckPlainAccessConfig(c).ok());

  EXPECT_TRUE(CheckResourcePerms(std::vector<std::string>{"a=PUB", "b= SUB|PUB ", "c=DENY"}).ok());
  EXPECT_TRUE(CheckResourcePerms(std::nullopt).ok());
  EXPECT_FALSE(CheckResourcePerms(std::vector<std::string>{"a=ANY"}).ok());
  EXPECT_FALSE(CheckResourcePerms(std::vector<std::string>{""}).ok());
  EXPECT_FALSE(CheckResourcePerms(std::vector<std::string>{"a=SUB=PUB"}).ok());

  EXPECT_EQ(ParsePerm(std::string("PUB|SUB")), kPermPub | kPermSub);
  EXPECT_EQ(ParsePerm(std::nullopt), kPermDeny);
  EXPECT_EQ(ParsePerm(std::string("junk")), kPermDeny);

  EXPECT_EQ(JavaSplitComma("a,b,,"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(JavaSplitComma(",a"), (std::vector<std::string>{"", "a"}));
  EXPECT_EQ(JavaSplitComma(""), (std::vector<std::string>{""}));
}

TEST(AclConfigRulesTest, FileModelAndEdits) {
  Result<YamlNode> root = ParseYaml(
      "accounts:\n- accessKey: RocketMQ\n  secretKey: 12345678\n  extra: kept\n"
      "  groupPerms: [groupA=SUB]\n"
      "dataVersion:\n- counter: 3\n  timestamp: 100\n");
  ASSERT_TRUE(root.ok());
  PlainAclFile file = PlainAclFile::FromYaml(*root, 999);
  ASSERT_EQ(file.accounts.size(), 1u);
  EXPECT_EQ(file.accounts[0].secret_key.value_or(""), "12345678");
  EXPECT_FALSE(file.accounts[0].white_remote_address.has_value());
  EXPECT_EQ(file.data_version.counter, 3);
  EXPECT_EQ(file.data_version.timestamp, 100);
  EXPECT_EQ(PlainAclFile::FromYaml(YamlNode::Map(), 999).data_version.timestamp, 999);

  Result<PlainAccessResource> res = PlainAccessResource::Build(file.accounts[0]);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->resource_perms.at("%RETRY%groupA"), kPermSub);

  PlainAccessConfig update;
  update.access_key = "RocketMQ";
  update.secret_key = "";  // empty: the old secret stays
  update.default_topic_perm = "PUB";
  YamlNode& account = root->Find("accounts")->items[0];
  ApplyAccessConfig(update, &account);
  DataVersion v = BumpDataVersion(&*root, 5000);
  EXPECT_EQ(v.counter, 4);
  EXPECT_EQ(DumpYamlAsMap(*root),
            "accounts:\n- accessKey: RocketMQ\n  secretKey: 12345678\n  extra: kept\n"
            "  groupPerms:\n  - groupA=SUB\n  admin: false\n  defaultTopicPerm: PUB\n"
            "dataVersion:\n- counter: 4\n  timestamp: 5000\n");
}

TEST(AclConfigRulesTest, PlainAccessConfigJsonInFastjsonOrder) {
  PlainAccessConfig c;
  c.access_key = "RocketMQ";
  c.secret_key = "12345678";
  c.default_topic_perm = "DENY";
  c.topic_perms = std::vector<std::string>{"topicA=DENY"};
  EXPECT_EQ(c.ToJson(),
            "{\"accessKey\":\"RocketMQ\",\"admin\":false,\"defaultTopicPerm\":\"DENY\","
            "\"secretKey\":\"12345678\",\"topicPerms\":[\"topicA=DENY\"]}");
  AclConfig all;
  all.global_white_addrs = {"10.*"};
  all.plain_access_configs = {c};
  Result<AclConfig> back = DecodeJsonBody<AclConfig>(all.ToJson());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->plain_access_configs[0], c);
}

class PlainPermissionManagerTest : public ::testing::Test {
 protected:
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories(fs::path(dir_.path() + "/" + rel).parent_path());
    std::ofstream(dir_.path() + "/" + rel) << text;
  }
  rocketmq::test::TempDir dir_{"acl_manager"};
  int64_t now_ = 1000;
  PlainPermissionManager manager_{dir_.path(), [this] { return now_; }};
};

TEST_F(PlainPermissionManagerTest, CreatesTheDefaultFileAndKeepsFirstDefinition) {
  Write("conf/acl/a.yml", "accounts:\n- {accessKey: SharedKey1, secretKey: FromFileA}\n");
  Write("conf/acl/sub/b.yaml", "accounts:\n- {accessKey: SharedKey1, secretKey: FromFileB}\n");
  ASSERT_TRUE(manager_.Load().ok());
  EXPECT_TRUE(fs::exists(manager_.default_acl_file()));
  auto snap = manager_.Snapshot();
  EXPECT_EQ(snap->accounts.at("SharedKey1").secret_key, "FromFileA");
  // The empty default file has no version entry; the others start at 0.
  auto versions = manager_.AllDataVersions();
  EXPECT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions.count(manager_.default_acl_file()), 0u);

  ASSERT_TRUE(manager_
                  .UpdateAccessConfig(PlainAccessConfig{
                      std::string("NewAccess"), std::string("NewSecret"), std::nullopt, true,
                      std::nullopt, std::nullopt, std::nullopt, std::nullopt})
                  .ok());
  std::ifstream in(manager_.default_acl_file());
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(),
            "accounts:\n- accessKey: NewAccess\n  secretKey: NewSecret\n  admin: true\n"
            "dataVersion:\n- counter: 1\n  timestamp: 1000\n");
  EXPECT_EQ(manager_.default_data_version().counter, 1);
  EXPECT_TRUE(manager_.Snapshot()->accounts.at("NewAccess").admin);

  Result<bool> deleted = manager_.DeleteAccessConfig("SharedKey1");
  ASSERT_TRUE(deleted.ok());
  EXPECT_TRUE(*deleted);
  // File b's definition takes over once a's is gone.
  EXPECT_EQ(manager_.Snapshot()->accounts.at("SharedKey1").secret_key, "FromFileB");
}

TEST_F(PlainPermissionManagerTest, BrokenYamlFailsTheLoad) {
  Write("conf/plain_acl.yml", "accounts: [\n");
  Status st = manager_.Load();
  EXPECT_TRUE(st.IsCorruption()) << st.ToString();
}

}  // namespace
}  // namespace rocketmq::broker::acl
