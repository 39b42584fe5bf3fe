// mqadmin updateKvConfig / deleteKvConfig / updateOrderConf / wipeWritePerm / addWritePerm /
// getNamesrvConfig / updateNamesrvConfig against the bundled NameServer, compared with Java
// 4.9.8's captured outputs, plus the NameServer admin API.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/json_reader.h"
#include "mqadmin_config_test_util.h"
#include "support/vectors.h"
#include "tools/admin/format_util.h"

namespace rocketmq::test {
namespace {

using admin::tools::StrFormat;

class MqadminNamesrvConfigTest : public MqadminConfigFixture {
 protected:
  bool SeedsTraffic() const override { return false; }

  // The perm of `broker_name`'s queues in the route of `topic`.
  int PermOf(const std::string& topic, const std::string& broker_name) {
    auto admin = NewAdmin();
    for (const auto& q : admin->examineTopicRouteInfo(topic).queue_datas) {
      if (q.broker_name == broker_name) return q.perm;
    }
    return -1;
  }
};

TEST_F(MqadminNamesrvConfigTest, KvConfigUpdateAndDelete) {
  const MqadminVector update = LoadMqadminVector("updateKvConfig.txt");
  MqadminRun run = RunVector(update);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, update.out);
  auto admin = NewAdmin();
  EXPECT_EQ(admin->getKVConfig("CapNamespace", "CapKey"), "CapValue");
  EXPECT_EQ(admin->getKVListByNamespace("CapNamespace"), (admin::KVTable{{"CapKey", "CapValue"}}));

  const MqadminVector del = LoadMqadminVector("deleteKvConfig.txt");
  run = RunVector(del);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, del.out);
  try {
    admin->getKVConfig("CapNamespace", "CapKey");
    FAIL() << "the key is still there";
  } catch (const MQClientException& e) {
    EXPECT_EQ(e.getResponseCode(), 22);  // QUERY_NOT_FOUND
  }

  run = RunMqadmin({"updateKvConfig", "-n", "127.0.0.1:1", "-s", "S", "-k", "K", "-v", "V"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateKvConfig", "127.0.0.1:1");
  run = RunMqadmin({"deleteKvConfig", "-n", "127.0.0.1:1", "-s", "S", "-k", "K"});
  ExpectOneErrorLine(run, "deleteKvConfig", "127.0.0.1:1");
  ExpectUsageError(RunMqadmin({"updateKvConfig", "-n", ns_addr(), "-s", "S", "-k", "K"}),
                   "updateKvConfig");
  ExpectUsageError(RunMqadmin({"deleteKvConfig", "-n", ns_addr(), "-s", "S"}), "deleteKvConfig");
}

TEST_F(MqadminNamesrvConfigTest, OrderConfPutGetDelete) {
  // The capture's sequence: put, get, delete, get after delete (no addresses in these outputs).
  auto expect_same = [&](const char* file) {
    const MqadminVector v = LoadMqadminVector(file);
    MqadminRun run = RunVector(v);
    EXPECT_EQ(run.exit_status, 0) << file << ": " << run.err;
    EXPECT_EQ(run.out, v.out) << file;
    EXPECT_EQ(run.err, "") << file;
  };
  expect_same("updateOrderConf-put.txt");
  auto admin = NewAdmin();
  EXPECT_EQ(admin->getKVConfig("ORDER_TOPIC_CONFIG", "CapOrderTopic"), "broker-a:2;broker-b:2");
  expect_same("updateOrderConf-get.txt");
  expect_same("updateOrderConf-delete.txt");

  MqadminRun run = RunVector(LoadMqadminVector("updateOrderConf-get-after-delete.txt"));
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateOrderConf",
                     "No config item, Namespace: ORDER_TOPIC_CONFIG Key: CapOrderTopic");
  EXPECT_NE(run.err.find("CODE 22"), std::string::npos) << run.err;

  run = RunVector(LoadMqadminVector("updateOrderConf-put-without-v.txt"));
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateOrderConf", "please set orderConf with option -v.");

  const MqadminVector bad = LoadMqadminVector("updateOrderConf-bad-method.txt");
  run = RunVector(bad);
  EXPECT_EQ(run.out, bad.out);  // Java's usage
  ExpectOneErrorLine(run, "updateOrderConf", "list");

  run = RunMqadmin({"updateOrderConf", "-n", "127.0.0.1:1", "-t", "T", "-m", "get"});
  ExpectOneErrorLine(run, "updateOrderConf", "127.0.0.1:1");
  ExpectUsageError(RunMqadmin({"updateOrderConf", "-n", ns_addr(), "-t", "T"}), "updateOrderConf");
}

TEST_F(MqadminNamesrvConfigTest, OrderConfMergeOfOneBroker) {
  // createOrUpdateOrderConf(isCluster = false) replaces one broker's item and keeps the others,
  // joined in Java's HashMap order of the broker names (broker-b before broker-a).
  auto admin = NewAdmin();
  admin->createOrUpdateOrderConf("MergeTopic", "broker-a:2", /*is_cluster=*/false);
  EXPECT_EQ(admin->getKVConfig("ORDER_TOPIC_CONFIG", "MergeTopic"), "broker-a:2");
  admin->createOrUpdateOrderConf("MergeTopic", "broker-b:4", false);
  EXPECT_EQ(admin->getKVConfig("ORDER_TOPIC_CONFIG", "MergeTopic"), "broker-b:4;broker-a:2");
  admin->createOrUpdateOrderConf("MergeTopic", "broker-a:8", false);
  EXPECT_EQ(admin->getKVConfig("ORDER_TOPIC_CONFIG", "MergeTopic"), "broker-b:4;broker-a:8");
  admin->createOrUpdateOrderConf("MergeTopic", "broker-c:1", true);
  EXPECT_EQ(admin->getKVConfig("ORDER_TOPIC_CONFIG", "MergeTopic"), "broker-c:1");
}

TEST_F(MqadminNamesrvConfigTest, WipeAndAddWritePerm) {
  auto admin = NewAdmin();
  admin::TopicConfig tc;
  tc.topic_name = "PermTopic";
  admin->createAndUpdateTopicConfig(broker_b_addr(), tc);
  ASSERT_TRUE(remoting::test::WaitFor([&] { return PermOf("PermTopic", "broker-b") == 6; }));

  const std::regex wipe_line("wipe write perm of broker\\[broker-b\\] in name server\\[" +
                             ns_addr() + "\\] OK, ([0-9]+)\n");
  MqadminRun run = RunVector(LoadMqadminVector("wipeWritePerm.txt"));
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_match(run.out, m, wipe_line)) << run.out;
  const int wiped = std::stoi(m[1]);
  EXPECT_GE(wiped, 1);
  EXPECT_EQ(PermOf("PermTopic", "broker-b"), 4);  // read only

  run = RunVector(LoadMqadminVector("addWritePerm.txt"));
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, StrFormat("add write perm of broker[broker-b] in name server[%s] OK, %d\n",
                               ns_addr().c_str(), wiped));
  EXPECT_EQ(PermOf("PermTopic", "broker-b"), 6);

  const MqadminVector unknown = LoadMqadminVector("wipeWritePerm-unknown-broker.txt");
  run = RunVector(unknown);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, Localize(unknown.out));

  // An unreachable NameServer: the Failed line (as Java), then the failure.
  run = RunMqadmin({"wipeWritePerm", "-n", "127.0.0.1:1", "-b", "broker-b"});
  EXPECT_EQ(run.out, "wipe write perm of broker[broker-b] in name server[127.0.0.1:1] Failed\n");
  ExpectOneErrorLine(run, "wipeWritePerm", "127.0.0.1:1");
  run = RunMqadmin({"addWritePerm", "-n", "127.0.0.1:1", "-b", "broker-b"});
  EXPECT_EQ(run.out, "add write perm of broker[broker-b] in name server[127.0.0.1:1] Failed\n");
  ExpectOneErrorLine(run, "addWritePerm", "127.0.0.1:1");
  ExpectUsageError(RunMqadmin({"wipeWritePerm", "-n", ns_addr()}), "wipeWritePerm");
  ExpectUsageError(RunMqadmin({"addWritePerm", "-n", ns_addr()}), "addWritePerm");
}

TEST_F(MqadminNamesrvConfigTest, GetNamesrvConfig) {
  MqadminRun run = RunMqadmin({"getNamesrvConfig", "-n", ns_addr()});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  auto admin = NewAdmin();
  const admin::PropertyList config = admin->getNameServerConfigInJavaOrder().at(ns_addr());
  ASSERT_GT(config.size(), 10u);
  std::string expected = "============" + ns_addr() + "============\n";
  for (const auto& [k, v] : config) expected += StrFormat("%-50s=  %s\n", k.c_str(), v.c_str());
  EXPECT_EQ(run.out, expected);
  // The same entries as the map form, and Java's listing has the same keys as ours.
  const admin::Properties map = admin->getNameServerConfig({ns_addr()}).at(ns_addr());
  EXPECT_EQ(map.size(), config.size());
  for (const auto& [k, v] : config) EXPECT_EQ(map.at(k), v) << k;
  for (const char* key : {"listenPort", "kvConfigPath", "orderMessageEnable", "rocketmqHome"}) {
    EXPECT_EQ(map.count(key), 1u) << key;
  }
  // Exactly Java 4.9.8's keys (getNamesrvConfig.txt; its byte counts are off, so the file is
  // read as text), with Java's defaults where the capture's set-up did not choose the value.
  std::set<std::string> java_keys;
  for (const char* file : {"getNamesrvConfig.txt", "getNamesrvConfig-after-update.txt"}) {
    const std::string text = ReadFile(MqadminVectorsDir() + "/" + file);
    const size_t begin = text.find("# stdout:\n");
    const size_t end = text.find("# stderr:");
    ASSERT_NE(begin, std::string::npos) << file;
    ASSERT_NE(end, std::string::npos) << file;
    std::istringstream in(text.substr(begin, end - begin));
    std::string line;
    std::set<std::string> keys;
    while (std::getline(in, line)) {
      const size_t eq = line.find("  =  ");
      if (eq == std::string::npos) continue;
      std::string key = line.substr(0, eq);
      key.erase(key.find_last_not_of(' ') + 1);
      keys.insert(key);
      if (key == "listenPort" || key == "kvConfigPath" || key == "configStorePath" ||
          key == "rocketmqHome") {
        continue;  // the capture's paths and port
      }
      EXPECT_EQ(map.at(key), line.substr(eq + 5)) << key;
    }
    EXPECT_EQ(keys.size(), 21u) << file;
    if (java_keys.empty()) java_keys = keys;
    EXPECT_EQ(keys, java_keys) << file;
  }
  std::set<std::string> our_keys;
  for (const auto& [k, v] : config) our_keys.insert(k);
  EXPECT_EQ(our_keys, java_keys);
  // The NameServer was started on port 0: the bound port is what it reports.
  EXPECT_EQ(map.at("listenPort"), ns_addr().substr(ns_addr().rfind(':') + 1));

  run = RunMqadmin({"getNamesrvConfig", "-n", ns_addr(), "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  Result<Json::Value> doc = ParseJson(run.out);
  ASSERT_TRUE(doc.ok()) << run.out;
  ASSERT_EQ(doc->size(), 1u);
  for (const auto& [k, v] : config) EXPECT_EQ((*doc)[ns_addr()][k].asString(), v) << k;

  run = RunMqadmin({"getNamesrvConfig", "-n", "127.0.0.1:1"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "getNamesrvConfig", "127.0.0.1:1");
  ExpectUsageError(RunMqadmin({"getNamesrvConfig", "-n", ns_addr(), "-x"}), "getNamesrvConfig");
}

TEST_F(MqadminNamesrvConfigTest, UpdateNamesrvConfig) {
  const MqadminVector v = LoadMqadminVector("updateNamesrvConfig.txt");
  auto admin = NewAdmin();
  admin->updateNameServerConfig({{"orderMessageEnable", "true"}});
  EXPECT_EQ(admin->getNameServerConfig().at(ns_addr()).at("orderMessageEnable"), "true");
  MqadminRun run = RunVector(v);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, Localize(v.out));
  EXPECT_EQ(admin->getNameServerConfig().at(ns_addr()).at("orderMessageEnable"), "false");

  // A black-listed key (updateNamesrvConfig-blacklisted.txt): NO_PERMISSION with Java's remark on
  // one stderr line (Java: a stack trace, exit 0), and nothing changes, in memory or on disk.
  const admin::Properties before = admin->getNameServerConfig().at(ns_addr());
  const std::string stored_before = ReadFile(dir() + "/namesrv/namesrv.properties");
  run = RunVector(LoadMqadminVector("updateNamesrvConfig-blacklisted.txt"));
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateNamesrvConfig", "NameServer " + ns_addr());
  EXPECT_NE(run.err.find("CODE 16"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("Can not update config in black list."), std::string::npos) << run.err;
  for (const char* key : {"configStorePath", "configBlackList", "rocketmqHome"}) {
    run = RunMqadmin({"updateNamesrvConfig", "-n", ns_addr(), "-k", key, "-v", "/tmp/x"});
    EXPECT_EQ(run.out, "") << key;
    ExpectOneErrorLine(run, "updateNamesrvConfig", "Can not update config in black list.");
  }
  EXPECT_EQ(admin->getNameServerConfig().at(ns_addr()), before);
  EXPECT_EQ(ReadFile(dir() + "/namesrv/namesrv.properties"), stored_before);
  try {
    admin->updateNameServerConfig({{"kvConfigPath", "/tmp/x.json"}});
    ADD_FAILURE() << "the black list let kvConfigPath through";
  } catch (const MQClientException& e) {
    EXPECT_EQ(e.getResponseCode(), 16);
  }
  run = RunMqadmin({"updateNamesrvConfig", "-n", "127.0.0.1:1", "-k", "a", "-v", "b"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateNamesrvConfig", "127.0.0.1:1");
  ExpectUsageError(RunMqadmin({"updateNamesrvConfig", "-n", ns_addr(), "-k", "a"}),
                   "updateNamesrvConfig");
}

}  // namespace
}  // namespace rocketmq::test
