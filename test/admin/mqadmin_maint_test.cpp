// mqadmin's maintenance, ACL and export commands (cleanExpiredCQ, deleteExpiredCommitLog,
// cleanUnusedTopic, updateAclConfig, deleteAclConfig, clusterAclConfigVersion,
// updateGlobalWhiteAddr, exportMetadata, exportConfigs, exportMetrics) against the bundled
// cluster, checked against the layout of Java's captured outputs (test/vectors/mqadmin/).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "admin/mqadmin_test_util.h"
#include "common/java_hash.h"
#include "common/json_reader.h"
#include "integration/admin_cluster_util.h"
#include "integration/broker_test_util.h"
#include "support/mqadmin_vectors.h"
#include "tools/admin/java_hash.h"

namespace rocketmq::test {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The member names of a pretty fastjson object at nesting `depth` (tabs), in file order.
std::vector<std::string> MembersAtDepth(const std::string& json, int depth) {
  std::vector<std::string> names;
  std::regex member("\n" + std::string(static_cast<size_t>(depth), '\t') + "\"([^\"]+)\":");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), member);
       it != std::sregex_iterator(); ++it) {
    names.push_back((*it)[1]);
  }
  return names;
}

std::vector<std::string> SplitLines(const std::string& text) {
  MqadminRun run;
  run.out = text;
  return run.lines();
}

// A failed command: nothing or partial output, exactly one stderr line, exit 1.
void ExpectOneLineFailure(const MqadminRun& run, const std::string& needle) {
  EXPECT_EQ(run.exit_status, 1) << run.out << run.err;
  ASSERT_FALSE(run.err.empty()) << "stdout: " << run.out;
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << run.err;
  EXPECT_NE(run.err.find(needle), std::string::npos) << run.err;
}

// ---- ordering helpers against the captured files ----

TEST(MqadminMaintOrderTest, ConcurrentHashMapOrderMatchesJavaProperties) {
  // exportConfigs.files/configs.json: java.util.Properties filled in needBrokerProprties' order.
  const std::vector<std::string> set_order = {"brokerClusterName",
                                              "brokerId",
                                              "brokerName",
                                              "brokerRole",
                                              "fileReservedTime",
                                              "filterServerNums",
                                              "flushDiskType",
                                              "maxMessageSize",
                                              "messageDelayLevel",
                                              "msgTraceTopicName",
                                              "slaveReadEnable",
                                              "traceOn",
                                              "traceTopicEnable",
                                              "useTLS",
                                              "autoCreateTopicEnable",
                                              "autoCreateSubscriptionGroup"};
  const std::string file = ReadText(MqadminVectorsDir() + "/exportConfigs.files/configs.json");
  std::vector<std::string> java = MembersAtDepth(file, 3);
  ASSERT_EQ(java.size(), 32u);
  java.resize(16);
  EXPECT_EQ(JavaConcurrentHashMapOrder(set_order, 16), java);
  // A plain HashMap would have put brokerClusterName first: the resize reversal matters.
  EXPECT_NE(admin::tools::JavaHashSetOrder(set_order), java);
}

TEST(MqadminMaintOrderTest, DecodedGroupTableOrderMatchesExportMetadata) {
  const std::string file =
      ReadText(MqadminVectorsDir() + "/exportMetadata-b-g.files/subscriptionGroup.json");
  std::vector<std::string> all = {
      "CID_ONSAPI_OWNER",   "CID_ONSAPI_PERMISSION", "CID_ONSAPI_PULL",  "CID_ONS-HTTP-PROXY",
      "CID_RMQ_SYS_TRANS",  "CapBacklogGroup",       "CapConsumerGroup", "CapSubGroup",
      "FILTERSRV_CONSUMER", "SELF_TEST_C_GROUP",     "TOOLS_CONSUMER"};
  std::vector<std::string> user;
  for (const std::string& g :
       JavaConcurrentHashMapOrder(admin::tools::JavaHashSetOrder(all, 1024), 16)) {
    if (g.rfind("Cap", 0) == 0) user.push_back(g);
  }
  std::vector<std::string> java = MembersAtDepth(file, 2);
  java.erase(java.begin(), java.begin() + 2);  // dataVersion's counter and timestamp
  EXPECT_EQ(user, java);
}

// ---- store maintenance ----

class MqadminMaintTest : public AdminClusterFixture {};

TEST_F(MqadminMaintTest, MaintenanceCommandsPrintSuccessWithoutNewline) {
  for (const std::string cmd : {"cleanExpiredCQ", "deleteExpiredCommitLog", "cleanUnusedTopic"}) {
    SCOPED_TRACE(cmd);
    // Java: cleanExpiredCQ-b/-c/-noopt.txt etc. are all exactly "success" (7 bytes).
    for (const auto& args :
         std::vector<std::vector<std::string>>{{cmd, "-n", ns_addr(), "-b", broker_a_addr()},
                                               {cmd, "-n", ns_addr(), "-b", broker_b_addr()},
                                               {cmd, "-n", ns_addr(), "-c", kCluster},
                                               {cmd, "-n", ns_addr()}}) {
      MqadminRun run = RunMqadmin(args);
      EXPECT_EQ(run.exit_status, 0) << run.err;
      EXPECT_EQ(run.out, LoadMqadminVector(cmd + "-noopt.txt").out);
      EXPECT_EQ(run.out, "success");
      EXPECT_EQ(run.err, "");
    }
    ExpectOneLineFailure(RunMqadmin({cmd, "-n", ns_addr(), "-c", "NoSuchCluster"}),
                         "NoSuchCluster");
    ExpectOneLineFailure(RunMqadmin({cmd, "-n", "127.0.0.1:1"}), "127.0.0.1:1");
    ExpectOneLineFailure(RunMqadmin({cmd, "-n", ns_addr(), "-b", "127.0.0.1:1"}), "127.0.0.1:1");
    MqadminRun bad = RunMqadmin({cmd, "-n", ns_addr(), "-x"});
    EXPECT_EQ(bad.exit_status, 1);
    EXPECT_EQ(bad.out, LoadMqadminVector("help-" + cmd + ".txt").out);
  }
}

TEST_F(MqadminMaintTest, MaintenanceApi) {
  auto admin = NewAdmin();
  EXPECT_TRUE(admin->cleanExpiredConsumerQueueByAddr(broker_a_slave_addr()));
  EXPECT_TRUE(admin->deleteExpiredCommitLogByAddr(broker_b_addr()));
  EXPECT_TRUE(admin->cleanUnusedTopicByAddr(broker_a_addr()));
  EXPECT_TRUE(admin->cleanExpiredConsumerQueue(""));
  EXPECT_FALSE(admin->cleanUnusedTopic("NoSuchCluster"));
  // The seeded topic survives the unused-topic sweep.
  EXPECT_EQ(admin->examineTopicRouteInfo(kTopic).queue_datas.size(), 2u);
}

TEST_F(MqadminMaintTest, ViewBrokerStatsDataApi) {
  auto admin = NewAdmin();
  // CapTopic got the seed messages on broker-a: the item exists.
  admin::BrokerStatsData data =
      admin->viewBrokerStatsData(broker_a_addr(), "TOPIC_PUT_NUMS", kTopic);
  EXPECT_GE(data.stats_day.sum, 0);
  EXPECT_GE(data.stats_minute.tps, 0.0);
  // No transaction half messages were sent: Java answers SYSTEM_ERROR, which exportMetrics
  // takes as zero.
  try {
    admin->viewBrokerStatsData(broker_a_addr(), "TOPIC_PUT_NUMS", "RMQ_SYS_TRANS_HALF_TOPIC");
    ADD_FAILURE() << "no error for a missing stats item";
  } catch (const MQClientException& e) {  // Java: MQClientException with the broker's code
    EXPECT_EQ(e.getResponseCode(), 1);
  }
}

// ---- ACL commands on brokers without ACL ----

TEST_F(MqadminMaintTest, AclCommandsFailOnBrokersWithoutAcl) {
  ExpectOneLineFailure(RunMqadmin({"updateAclConfig", "-n", ns_addr(), "-b", broker_a_addr(), "-a",
                                   "CapAccessKey1", "-s", "CapSecretKey1"}),
                       broker_a_addr());
  ExpectOneLineFailure(
      RunMqadmin({"deleteAclConfig", "-n", ns_addr(), "-c", kCluster, "-a", "CapAccessKey1"}),
      "CODE 210");
  ExpectOneLineFailure(RunMqadmin({"updateGlobalWhiteAddr", "-n", ns_addr(), "-b", broker_b_addr(),
                                   "-g", "10.10.103.*"}),
                       "CODE 211");
  // Java prints the header before failing (clusterAclConfigVersion-c.txt).
  MqadminRun run = RunMqadmin({"clusterAclConfigVersion", "-n", ns_addr(), "-c", kCluster});
  EXPECT_EQ(run.out, LoadMqadminVector("clusterAclConfigVersion-c.txt").out);
  ExpectOneLineFailure(run, "CODE");
  for (const std::string cmd :
       {"updateAclConfig", "deleteAclConfig", "clusterAclConfigVersion", "updateGlobalWhiteAddr"}) {
    MqadminRun usage = RunMqadmin({cmd, "-n", ns_addr()});  // the -b|-c group is required
    EXPECT_EQ(usage.exit_status, 1) << cmd;
    EXPECT_EQ(usage.out, LoadMqadminVector("help-" + cmd + ".txt").out) << cmd;
  }
  ExpectOneLineFailure(RunMqadmin({"updateAclConfig", "-n", ns_addr(), "-c", "NoSuchCluster", "-a",
                                   "CapAccessKey1", "-s", "CapSecretKey1"}),
                       "NoSuchCluster");
}

// ---- ACL commands on an ACL broker ----

constexpr char kPlainAcl[] = R"(globalWhiteRemoteAddresses:
  - 10.10.103.*
  - 192.168.0.*

accounts:
  - accessKey: rocketmq2
    secretKey: 12345678
    whiteRemoteAddress: 192.168.1.*
    admin: true
)";

class MqadminAclTest : public BrokerFixture {
 protected:
  void SetUp() override {
    home_ = dir_.path() + "/home";
    fs::create_directories(home_ + "/conf");
    std::ofstream(AclFile()) << kPlainAcl;
    // The broker enforces ACL: mqadmin signs as the admin account from
    // $ROCKETMQ_HOME/conf/tools.yml, as Java's mqadmin does.
    std::ofstream(home_ + "/conf/tools.yml") << "accessKey: rocketmq2\nsecretKey: 12345678\n";
    ASSERT_EQ(setenv("ROCKETMQ_HOME", home_.c_str(), 1), 0);
    BrokerFixture::SetUp();
    ASSERT_TRUE(WaitFor([&] {
      try {
        DefaultMQAdminExt admin;
        admin.setNamesrvAddr(NsAddr());
        admin.start();
        return admin.examineBrokerClusterInfo().cluster_addr_table.count("DefaultCluster") == 1;
      } catch (const MQException&) {
        return false;
      }
    }));
  }
  Properties BrokerProps() override {
    Properties p = BrokerFixture::BrokerProps();
    p.Set("aclEnable", "true");
    p.Set("rocketmqHome", home_);
    return p;
  }
  void TearDown() override {
    unsetenv("ROCKETMQ_HOME");
    BrokerFixture::TearDown();
  }
  std::string AclFile() const { return home_ + "/conf/plain_acl.yml"; }
  std::string NsAddr() const { return "127.0.0.1:" + std::to_string(namesrv_->port()); }
  std::string home_;
};

TEST_F(MqadminAclTest, UpdateVersionWhiteAddrAndDelete) {
  const std::string addr = BrokerAddr();
  // clusterAclConfigVersion -c (clusterAclConfigVersion-acl-c.txt): header, one row per file.
  MqadminRun v0 = RunMqadmin({"clusterAclConfigVersion", "-n", NsAddr(), "-c", "DefaultCluster"});
  ASSERT_EQ(v0.exit_status, 0) << v0.err;
  const std::vector<std::string> java =
      SplitLines(LoadMqadminVector("clusterAclConfigVersion-acl-c.txt").out);
  std::vector<std::string> lines = v0.lines();
  ASSERT_EQ(lines.size(), 3u) << v0.out;
  EXPECT_EQ(lines[0], java[0]);
  EXPECT_EQ(lines[2], java[2]);
  std::regex row(
      R"((DefaultCluster  )  (broker-a {14})  (127\.0\.0\.1:\d+ *)  (\S+ *)  (0 {21})  (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {3}))");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(lines[1], m, row)) << lines[1];
  EXPECT_EQ(m[3].str().size(), 22u);
  EXPECT_EQ(m[4].str().substr(0, AclFile().size()), AclFile());

  // updateAclConfig -c (updateAclConfig-acl-c.txt): one success line per broker + the object.
  MqadminRun up = RunMqadmin({"updateAclConfig",
                              "-n",
                              NsAddr(),
                              "-c",
                              "DefaultCluster",
                              "-a",
                              "CapAccessKey1",
                              "-s",
                              "CapSecretKey1",
                              "-w",
                              "127.0.0.1",
                              "-i",
                              "PUB",
                              "-u",
                              "SUB",
                              "-t",
                              "CapTopic=PUB|SUB",
                              "-g",
                              "CapConsumerGroup=SUB",
                              "-m",
                              "false"});
  ASSERT_EQ(up.exit_status, 0) << up.err;
  EXPECT_TRUE(std::regex_match(
      up.out,
      std::regex(
          "create or update plain access config to " + addr +
          " success\\.\norg\\.apache\\.rocketmq\\.common\\.PlainAccessConfig@[0-9a-f]{1,8}")))
      << up.out;
  const std::string yml = ReadText(AclFile());
  EXPECT_NE(yml.find("accessKey: CapAccessKey1"), std::string::npos) << yml;
  EXPECT_NE(yml.find("CapTopic=PUB|SUB"), std::string::npos) << yml;

  MqadminRun up_b = RunMqadmin({"updateAclConfig", "-n", NsAddr(), "-b", addr, "-a",
                                "CapAccessKey2", "-s", "CapSecretKey2"});
  EXPECT_EQ(up_b.exit_status, 0) << up_b.err;
  EXPECT_EQ(up_b.lines()[0], "create or update plain access config to " + addr + " success.");
  // A secret of 3 characters (updateAclConfig-acl-short-secret.txt): CODE 209.
  ExpectOneLineFailure(RunMqadmin({"updateAclConfig", "-n", NsAddr(), "-b", addr, "-a",
                                   "CapAccessKey3", "-s", "abc"}),
                       "CODE 209");

  // updateGlobalWhiteAddr -c (updateGlobalWhiteAddr-acl-c.txt).
  MqadminRun white = RunMqadmin({"updateGlobalWhiteAddr", "-n", NsAddr(), "-c", "DefaultCluster",
                                 "-g", "10.10.103.*,192.168.0.*,127.0.0.1"});
  EXPECT_EQ(white.exit_status, 0) << white.err;
  EXPECT_EQ(white.out, "update global white remote addresses to " + addr + " success.\n");
  EXPECT_NE(ReadText(AclFile()).find("- 127.0.0.1"), std::string::npos);

  // The version counter moved by one per change; -b prints rows and its own last line.
  auto admin = std::make_unique<DefaultMQAdminExt>();
  admin->setNamesrvAddr(NsAddr());
  admin->start();
  admin::ClusterAclVersionInfo info = admin->examineBrokerClusterAclVersionInfo(addr);
  EXPECT_EQ(info.broker_name, "broker-a");
  EXPECT_EQ(info.cluster_name, "DefaultCluster");
  ASSERT_EQ(info.all_acl_config_data_version.count(AclFile()), 1u);
  EXPECT_EQ(info.all_acl_config_data_version.at(AclFile()).counter, 3);
  MqadminRun vb = RunMqadmin({"clusterAclConfigVersion", "-n", NsAddr(), "-b", addr});
  ASSERT_EQ(vb.exit_status, 0) << vb.err;
  ASSERT_EQ(vb.lines().size(), 2u);
  EXPECT_NE(vb.lines()[0].find("  3                       "), std::string::npos) << vb.lines()[0];
  EXPECT_EQ(vb.lines()[1], "get broker's plain access config version success.");
  // --json: one document with Java's member names.
  MqadminRun vj =
      RunMqadmin({"clusterAclConfigVersion", "-n", NsAddr(), "-c", "DefaultCluster", "--json"});
  ASSERT_EQ(vj.exit_status, 0) << vj.err;
  Result<Json::Value> doc = ParseJson(vj.out);
  ASSERT_TRUE(doc.ok()) << vj.out;
  ASSERT_TRUE(doc->isArray());
  ASSERT_EQ(doc->size(), 1u);
  EXPECT_EQ((*doc)[0]["brokerAddr"].asString(), addr);
  EXPECT_EQ((*doc)[0]["allAclConfigDataVersion"][AclFile()]["counter"].asInt64(), 3);

  // deleteAclConfig -c (deleteAclConfig-acl-c.txt), then the missing account: CODE 210.
  MqadminRun del = RunMqadmin(
      {"deleteAclConfig", "-n", NsAddr(), "-c", "DefaultCluster", "-a", "CapAccessKey1"});
  EXPECT_EQ(del.exit_status, 0) << del.err;
  EXPECT_EQ(del.out, "delete plain access config account from " + addr +
                         " success.\naccount's accesskey is:CapAccessKey1");
  EXPECT_EQ(ReadText(AclFile()).find("CapAccessKey1"), std::string::npos);
  ExpectOneLineFailure(
      RunMqadmin({"deleteAclConfig", "-n", NsAddr(), "-b", addr, "-a", "NoSuchAK"}),
      "The accesskey[NoSuchAK] corresponding to accessConfig has been deleted failed.");
}

// ---- export ----

TEST_F(MqadminMaintTest, ExportMetadataCluster) {
  const std::string out_dir = dir() + "/export/metadata-c";
  MqadminRun run = RunMqadmin({"exportMetadata", "-n", ns_addr(), "-c", kCluster, "-f", out_dir});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, "export " + out_dir + "/metadata.json success\n");
  const std::string file = ReadText(out_dir + "/metadata.json");
  const std::string java = ReadText(MqadminVectorsDir() + "/exportMetadata-c.files/metadata.json");
  EXPECT_EQ(MembersAtDepth(file, 1), MembersAtDepth(java, 1));
  // CapTopic: 8 + 8 queues; the same member layout as Java's file.
  const std::regex exported_time("\"exportTime\":[0-9]+");
  EXPECT_EQ(std::regex_replace(file.substr(0, file.find("\"subscriptionGroupTable\"")),
                               exported_time, "T"),
            std::regex_replace(java.substr(0, java.find("\"subscriptionGroupTable\"")),
                               exported_time, "T"));
  Result<Json::Value> doc = ParseJson(file);
  ASSERT_TRUE(doc.ok());
  const Json::Value& groups = (*doc)["subscriptionGroupTable"];
  EXPECT_TRUE(groups.isMember(kConsumerGroup));
  EXPECT_TRUE(groups.isMember(kBacklogGroup));
  EXPECT_FALSE(groups.isMember("TOOLS_CONSUMER"));
  EXPECT_EQ(groups[kConsumerGroup]["retryQueueNums"].asInt(), 2);  // one per master, added up
  // Every TopicConfig has Java's 7 members, every SubscriptionGroupConfig its 9.
  EXPECT_EQ(MembersAtDepth(file, 3).size(),
            7 * (*doc)["topicConfigTable"].size() + 9 * groups.size());
  EXPECT_EQ(file.back(), '}');

  // -s adds the retry topics; -t only topics (topic.json).
  MqadminRun s =
      RunMqadmin({"exportMetadata", "-n", ns_addr(), "-c", kCluster, "-s", "-f", out_dir});
  ASSERT_EQ(s.exit_status, 0) << s.err;
  Result<Json::Value> sdoc = ParseJson(ReadText(out_dir + "/metadata.json"));
  ASSERT_TRUE(sdoc.ok());
  EXPECT_TRUE((*sdoc)["topicConfigTable"].isMember("%RETRY%CapConsumerGroup"));
  MqadminRun t =
      RunMqadmin({"exportMetadata", "-n", ns_addr(), "-c", kCluster, "-t", "-f", out_dir});
  EXPECT_EQ(t.out, "export " + out_dir + "/topic.json success\n");
  EXPECT_EQ(MembersAtDepth(ReadText(out_dir + "/topic.json"), 1),
            (std::vector<std::string>{"exportTime", "topicConfigTable"}));
}

TEST_F(MqadminMaintTest, ExportMetadataBrokerAndUsage) {
  const std::string out_dir = dir() + "/export/metadata-b";
  MqadminRun t =
      RunMqadmin({"exportMetadata", "-n", ns_addr(), "-b", broker_a_addr(), "-t", "-f", out_dir});
  ASSERT_EQ(t.exit_status, 0) << t.err;
  EXPECT_EQ(t.out, "export " + out_dir + "/topic.json success");
  auto admin = NewAdmin();
  admin::TopicConfigSerializeWrapper topics =
      admin->getUserTopicConfig(broker_a_addr(), false, 5000);
  ASSERT_EQ(topics.topic_config_table.count(kTopic), 1u);
  EXPECT_EQ(topics.topic_config_table.size(), 1u);
  const std::string java_t = ReadText(MqadminVectorsDir() + "/exportMetadata-b-t.files/topic.json");
  const std::regex version("\"counter\":[0-9]+,\n\t\t\"timestamp\":[0-9]+");
  EXPECT_EQ(std::regex_replace(ReadText(out_dir + "/topic.json"), version, "V"),
            std::regex_replace(java_t, version, "V"));

  MqadminRun g =
      RunMqadmin({"exportMetadata", "-n", ns_addr(), "-b", broker_a_addr(), "-g", "-f", out_dir});
  ASSERT_EQ(g.exit_status, 0) << g.err;
  EXPECT_EQ(g.out, "export " + out_dir + "/subscriptionGroup.json success");
  admin::SubscriptionGroupWrapper groups = admin->getUserSubscriptionGroup(broker_a_addr(), 5000);
  Result<Json::Value> gdoc = ParseJson(ReadText(out_dir + "/subscriptionGroup.json"));
  ASSERT_TRUE(gdoc.ok());
  EXPECT_EQ((*gdoc)["subscriptionGroupTable"].size(), groups.subscription_group_table.size());
  EXPECT_EQ((*gdoc)["dataVersion"]["counter"].asInt64(), groups.data_version.counter);
  EXPECT_GT(admin->getAllSubscriptionGroup(broker_a_addr(), 5000).subscription_group_table.size(),
            groups.subscription_group_table.size());

  // -b alone: nothing (exportMetadata-b.txt); neither -b nor -c: the usage, exit 0.
  MqadminRun b =
      RunMqadmin({"exportMetadata", "-n", ns_addr(), "-b", broker_a_addr(), "-f", out_dir + "/x"});
  EXPECT_EQ(b.exit_status, 0);
  EXPECT_EQ(b.out, "");
  EXPECT_FALSE(fs::exists(out_dir + "/x"));
  MqadminRun noopt = RunMqadmin({"exportMetadata", "-n", ns_addr()});
  EXPECT_EQ(noopt.exit_status, 0);
  EXPECT_EQ(noopt.out, LoadMqadminVector("exportMetadata-noopt.txt").out);
  ExpectOneLineFailure(
      RunMqadmin({"exportMetadata", "-n", ns_addr(), "-c", "NoSuchCluster", "-f", out_dir}),
      "NoSuchCluster");
  ExpectOneLineFailure(
      RunMqadmin({"exportMetadata", "-n", "127.0.0.1:1", "-c", kCluster, "-f", out_dir}),
      "127.0.0.1:1");
}

TEST_F(MqadminMaintTest, ExportConfigs) {
  const std::string out_dir = dir() + "/export/configs";
  MqadminRun run = RunMqadmin({"exportConfigs", "-n", ns_addr(), "-c", kCluster, "-f", out_dir});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, "export " + out_dir + "/configs.json success");
  const std::string file = ReadText(out_dir + "/configs.json");
  const std::string java = ReadText(MqadminVectorsDir() + "/exportConfigs.files/configs.json");
  // Same members in the same order at every level (values differ: ports, paths, roles).
  EXPECT_EQ(MembersAtDepth(file, 1), MembersAtDepth(java, 1));
  EXPECT_EQ(MembersAtDepth(file, 2), MembersAtDepth(java, 2));
  EXPECT_EQ(MembersAtDepth(file, 3), MembersAtDepth(java, 3));
  Result<Json::Value> doc = ParseJson(file);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)["clusterScale"]["masterBrokerSize"].asInt(), 2);
  EXPECT_EQ((*doc)["clusterScale"]["slaveBrokerSize"].asInt(), 1);
  EXPECT_EQ((*doc)["clusterScale"]["namesrvSize"].asInt(), 1);
  auto admin = NewAdmin();
  admin::Properties props = admin->getBrokerConfig(broker_a_addr());
  EXPECT_EQ((*doc)["brokerConfigs"]["broker-a"]["brokerRole"].asString(), props["brokerRole"]);
  EXPECT_EQ((*doc)["brokerConfigs"]["broker-a"]["brokerRole"].asString(), "SYNC_MASTER");
  EXPECT_EQ((*doc)["brokerConfigs"]["broker-b"]["brokerRole"].asString(), "ASYNC_MASTER");

  MqadminRun missing = RunMqadmin({"exportConfigs", "-n", ns_addr()});  // -c is required
  EXPECT_EQ(missing.exit_status, 1);
  EXPECT_EQ(missing.out, LoadMqadminVector("help-exportConfigs.txt").out);
  ExpectOneLineFailure(
      RunMqadmin({"exportConfigs", "-n", ns_addr(), "-c", "NoSuchCluster", "-f", out_dir}),
      "NoSuchCluster");
}

TEST_F(MqadminMaintTest, ExportMetrics) {
  const std::string out_dir = dir() + "/export/metrics";
  MqadminRun run = RunMqadmin({"exportMetrics", "-n", ns_addr(), "-c", kCluster, "-f", out_dir});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, "export " + out_dir + "/metrics.json success");
  const std::string file = ReadText(out_dir + "/metrics.json");
  const std::string java = ReadText(MqadminVectorsDir() + "/exportMetrics.files/metrics.json");
  for (int depth = 1; depth <= 3; ++depth) {
    EXPECT_EQ(MembersAtDepth(file, depth), MembersAtDepth(java, depth)) << depth;
  }
  Result<Json::Value> doc = ParseJson(file);
  ASSERT_TRUE(doc.ok()) << file;
  const Json::Value& a = (*doc)["evaluateReport"]["broker-a"];
  EXPECT_EQ(a["runtimeVersion"]["rocketmqVersion"].asString(), "V4_9_8");
  // The online push consumer (this library, language CPP) is the only client.
  ASSERT_TRUE(a["runtimeVersion"]["clientInfo"].isArray());
  ASSERT_EQ(a["runtimeVersion"]["clientInfo"].size(), 1u);
  EXPECT_EQ(a["runtimeVersion"]["clientInfo"][0].asString().substr(0, 4), "CPP%");
  EXPECT_NE(file.find("\"clientInfo\":[\""), std::string::npos);  // a set: one line
  EXPECT_EQ(a["runtimeQuota"]["topicSize"].asInt(), 1);           // CapTopic
  auto admin = NewAdmin();
  EXPECT_EQ(a["runtimeQuota"]["groupSize"].asUInt(),
            admin->getUserSubscriptionGroup(broker_a_addr(), 5000).subscription_group_table.size());
  EXPECT_TRUE(a["runtimeQuota"]["tps"]["normalInTps"].isDouble());
  EXPECT_TRUE((*doc)["totalData"]["totalTps"]["totalNormalInTps"].isDouble());

  ExpectOneLineFailure(
      RunMqadmin({"exportMetrics", "-n", ns_addr(), "-c", "NoSuchCluster", "-f", out_dir}),
      "NoSuchCluster");
  ExpectOneLineFailure(
      RunMqadmin({"exportMetrics", "-n", "127.0.0.1:1", "-c", kCluster, "-f", out_dir}),
      "127.0.0.1:1");
}

}  // namespace
}  // namespace rocketmq::test
