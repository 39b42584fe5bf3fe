// mqadmin getBrokerConfig / updateBrokerConfig against the bundled cluster, compared with Java
// 4.9.8's captured outputs (vectors/mqadmin/getBrokerConfig-*.txt, updateBrokerConfig-*.txt).
#include <gtest/gtest.h>

#include <algorithm>
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

class MqadminBrokerConfigTest : public MqadminConfigFixture {
 protected:
  bool SeedsTraffic() const override { return false; }

  // Checks one "header, %-50s=  %s lines, empty line" section starting at lines[at] against the
  // broker's config as the API reports it; returns the index after the section.
  size_t ExpectConfigSection(const std::vector<std::string>& lines, size_t at,
                             const std::string& header, const std::string& addr) {
    auto admin = NewAdmin();
    const admin::Properties config = admin->getBrokerConfig(addr);
    EXPECT_GT(config.size(), 100u);
    EXPECT_EQ(lines.at(at), header);
    std::set<std::string> seen;
    size_t i = at + 1;
    for (; i < lines.size() && !lines[i].empty(); ++i) {
      const std::string& line = lines[i];
      EXPECT_GE(line.size(), 53u) << line;
      std::string key = line.substr(0, 50);
      key.erase(key.find_last_not_of(' ') + 1);
      auto it = config.find(key);
      if (it == config.end()) {
        ADD_FAILURE() << "not a config key of " << addr << ": " << line;
        continue;
      }
      EXPECT_EQ(line, StrFormat("%-50s=  %s", key.c_str(), it->second.c_str()));
      seen.insert(key);
    }
    EXPECT_EQ(seen.size(), config.size());
    EXPECT_LT(i, lines.size());  // the empty line after the section
    return i + 1;
  }
};

TEST_F(MqadminBrokerConfigTest, OneBrokerPrintsEveryKeyInJavaOrder) {
  // The capture's command line (getBrokerConfig-b.txt; its byte counts are off, so it is not
  // loaded as a vector).
  MqadminRun run = RunMqadmin({"getBrokerConfig", "-n", ns_addr(), "-b", broker_a_addr()});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const std::vector<std::string> lines = run.lines();
  EXPECT_EQ(ExpectConfigSection(lines, 0,
                                "============" + broker_a_addr() + "============", broker_a_addr()),
            lines.size());
  EXPECT_EQ(run.out.substr(run.out.size() - 2), "\n\n");
  // The order is Java's Properties order of the broker's answer.
  auto admin = NewAdmin();
  std::vector<std::string> expected;
  expected.push_back("============" + broker_a_addr() + "============");
  for (const auto& [k, v] : admin->getBrokerConfigInJavaOrder(broker_a_addr())) {
    expected.push_back(StrFormat("%-50s=  %s", k.c_str(), v.c_str()));
  }
  expected.push_back("");
  EXPECT_EQ(lines, expected);
}

// The keys of each "====...====" section of a getBrokerConfig listing, in printed order.
std::vector<std::vector<std::string>> SectionKeys(const std::string& out) {
  std::vector<std::vector<std::string>> sections;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("============", 0) == 0) {
      sections.emplace_back();
    } else if (!line.empty() && !sections.empty()) {
      std::string key = line.substr(0, std::min<size_t>(50, line.size()));
      key.erase(key.find_last_not_of(' ') + 1);
      sections.back().push_back(key);
    }
  }
  return sections;
}

TEST_F(MqadminBrokerConfigTest, KeysAndTheirOrderAreJavas) {
  // getBrokerConfig-b.txt / -c.txt (their byte counts are off: read as text): the same 178 keys
  // in the same order, masters and slave alike. The order is what Java mqadmin's Properties
  // makes of the broker's text, which itself is the broker's ConcurrentHashMap order.
  for (const char* file : {"getBrokerConfig-b.txt", "getBrokerConfig-c.txt"}) {
    const std::string text = ReadFile(MqadminVectorsDir() + "/" + file);
    const size_t begin = text.find("# stdout:\n");
    const size_t end = text.find("# stderr:");
    ASSERT_TRUE(begin != std::string::npos && end != std::string::npos) << file;
    const std::vector<std::vector<std::string>> java = SectionKeys(text.substr(begin, end - begin));
    const bool cluster = std::string(file) == "getBrokerConfig-c.txt";
    MqadminRun run = cluster
                         ? RunMqadmin({"getBrokerConfig", "-n", ns_addr(), "-c", kCluster})
                         : RunMqadmin({"getBrokerConfig", "-n", ns_addr(), "-b", broker_a_addr()});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    const std::vector<std::vector<std::string>> ours = SectionKeys(run.out);
    ASSERT_EQ(ours.size(), java.size()) << file;
    for (size_t i = 0; i < java.size(); ++i) {
      EXPECT_EQ(java[i].size(), 178u) << file;
      EXPECT_EQ(ours[i], java[i]) << file << " section " << i;
    }
  }
}

TEST_F(MqadminBrokerConfigTest, ClusterPrintsMastersThenTheirSlaves) {
  MqadminRun run = RunMqadmin({"getBrokerConfig", "-n", ns_addr(), "-c", kCluster});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  const std::vector<std::string> lines = run.lines();
  // Java's HashMap(4) of master addresses decides which master comes first.
  const std::vector<std::string> masters = MastersInJavaOrder(4);
  size_t at = 0;
  for (const std::string& master : masters) {
    at = ExpectConfigSection(lines, at, "============Master: " + master + "============", master);
    if (master == broker_a_addr()) {
      at = ExpectConfigSection(lines, at,
                               "============My Master: " + broker_a_addr() +
                                   "=====Slave: " + broker_a_slave_addr() + "============",
                               broker_a_slave_addr());
    }
  }
  EXPECT_EQ(at, lines.size());
}

TEST_F(MqadminBrokerConfigTest, JsonHasTheSameEntries) {
  MqadminRun run = RunMqadmin({"getBrokerConfig", "-n", ns_addr(), "-c", kCluster, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  Result<Json::Value> doc = ParseJson(run.out);
  ASSERT_TRUE(doc.ok()) << run.out;
  const Json::Value& brokers = (*doc)["brokers"];
  ASSERT_EQ(brokers.size(), 3u);
  auto admin = NewAdmin();
  int slaves = 0;
  for (const Json::Value& b : brokers) {
    const std::string addr = b["brokerAddr"].asString();
    const admin::Properties config = admin->getBrokerConfig(addr);
    EXPECT_EQ(b["config"].size(), config.size());
    for (const auto& [k, v] : config) EXPECT_EQ(b["config"][k].asString(), v) << k;
    if (b["role"].asString() == "SLAVE") {
      ++slaves;
      EXPECT_EQ(addr, broker_a_slave_addr());
      EXPECT_EQ(b["masterAddr"].asString(), broker_a_addr());
    } else {
      EXPECT_EQ(b["role"].asString(), "MASTER");
    }
  }
  EXPECT_EQ(slaves, 1);
}

TEST_F(MqadminBrokerConfigTest, GetBrokerConfigErrors) {
  // Neither -b nor -c: Java prints nothing; we print nothing and fail.
  MqadminRun run = RunVector(LoadMqadminVector("getBrokerConfig-noopt.txt"));
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "getBrokerConfig", "-b");
  run = RunMqadmin({"getBrokerConfig", "-n", "127.0.0.1:1", "-c", kCluster});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "getBrokerConfig", "127.0.0.1:1");
  run = RunMqadmin({"getBrokerConfig", "-n", ns_addr(), "-c", "NoSuchCluster"});
  ExpectOneErrorLine(run, "getBrokerConfig", "clusterName");
  // An unreachable broker: the header was printed before asking (as Java).
  run = RunMqadmin({"getBrokerConfig", "-n", ns_addr(), "-b", "127.0.0.1:1"});
  EXPECT_EQ(run.out, "============127.0.0.1:1============\n");
  ExpectOneErrorLine(run, "getBrokerConfig", "127.0.0.1:1");
  ExpectUsageError(RunMqadmin({"getBrokerConfig", "-n", ns_addr(), "-x"}), "getBrokerConfig");
}

TEST_F(MqadminBrokerConfigTest, UpdateOneBroker) {
  const MqadminVector v = LoadMqadminVector("updateBrokerConfig-b.txt");
  MqadminRun run = RunVector(v);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, Localize(v.out));
  auto admin = NewAdmin();
  EXPECT_EQ(admin->getBrokerConfig(broker_b_addr()).at("fileReservedTime"), "96");
  EXPECT_NE(admin->getBrokerConfig(broker_a_addr()).at("fileReservedTime"), "96");
}

TEST_F(MqadminBrokerConfigTest, UpdateClusterUpdatesMastersOnly) {
  auto admin = NewAdmin();
  // Every broker starts from 48 hours, so that 72 shows who was updated.
  for (const std::string& addr : {broker_a_addr(), broker_a_slave_addr(), broker_b_addr()}) {
    admin->updateBrokerConfig(addr, {{"fileReservedTime", "48"}});
  }
  const std::string slave_before = "48";
  MqadminRun run = RunVector(LoadMqadminVector("updateBrokerConfig-c.txt"));
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::string expected;
  for (const std::string& addr : MastersInJavaOrder()) {
    expected += "update broker config success, " + addr + "\n";
  }
  EXPECT_EQ(run.out, expected);
  EXPECT_EQ(admin->getBrokerConfig(broker_a_addr()).at("fileReservedTime"), "72");
  EXPECT_EQ(admin->getBrokerConfig(broker_b_addr()).at("fileReservedTime"), "72");
  EXPECT_EQ(admin->getBrokerConfig(broker_a_slave_addr()).at("fileReservedTime"), slave_before);
}

TEST_F(MqadminBrokerConfigTest, UpdateErrors) {
  // A black-listed key: the broker's CODE 16 on one stderr line (Java: a stack trace).
  MqadminRun run = RunVector(LoadMqadminVector("updateBrokerConfig-blacklisted.txt"));
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateBrokerConfig", "Can not update config in black list.");
  EXPECT_NE(run.err.find("CODE 16"), std::string::npos) << run.err;
  // The same refusal from every master of a cluster: named per broker.
  run = RunMqadmin({"updateBrokerConfig", "-n", ns_addr(), "-c", kCluster, "-k", "brokerConfigPath",
                    "-v", "/tmp/x.conf"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateBrokerConfig", broker_a_addr());
  EXPECT_NE(run.err.find(broker_b_addr()), std::string::npos) << run.err;
  // Neither -b nor -c: Java's usage on stdout, then a failure.
  const MqadminVector noopt = LoadMqadminVector("updateBrokerConfig-noopt.txt");
  run = RunVector(noopt);
  EXPECT_EQ(run.out, noopt.out);
  ExpectOneErrorLine(run, "updateBrokerConfig");
  // Missing -v: the usage, exit 1.
  ExpectUsageError(
      RunMqadmin({"updateBrokerConfig", "-n", ns_addr(), "-b", broker_b_addr(), "-k", "x"}),
      "updateBrokerConfig");
  run = RunMqadmin({"updateBrokerConfig", "-n", "127.0.0.1:1", "-c", kCluster, "-k",
                    "fileReservedTime", "-v", "72"});
  EXPECT_EQ(run.out, "");
  ExpectOneErrorLine(run, "updateBrokerConfig", "127.0.0.1:1");
  run = RunMqadmin({"updateBrokerConfig", "-n", ns_addr(), "-b", "127.0.0.1:1", "-k",
                    "fileReservedTime", "-v", "72"});
  ExpectOneErrorLine(run, "updateBrokerConfig", "127.0.0.1:1");
}

}  // namespace
}  // namespace rocketmq::test
