// mqadmin topic and cluster commands (updateTopic, deleteTopic, updateTopicPerm, topicRoute,
// topicStatus, topicClusterList, topicList, clusterList, brokerStatus, allocateMQ) run in-process
// against AdminClusterFixture and compared with Java 4.9.8's captured outputs
// (vectors/mqadmin/<command>*.txt): byte for byte where only the addresses differ (the vector's
// addresses are replaced by ours; our ephemeral ports have the same width), by line layout
// (exact widths) and cross-checked through DefaultMQAdminExt where values differ.
#include <gtest/gtest.h>
#include <json/json.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "admin/mqadmin_test_util.h"
#include "integration/admin_cluster_util.h"
#include "integration/remoting_test_util.h"
#include "support/mqadmin_vectors.h"
#include "rocketmq/admin.h"
#include "tools/admin/cluster_lookup.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/commands/cluster/cluster_list.h"
#include "tools/admin/java_hash.h"

namespace rocketmq::test {
namespace {

using admin::tools::JavaHashSetOrder;

// Java's captured addresses (vectors/mqadmin/README.md).
constexpr char kVecBrokerA[] = "127.0.0.1:57589";
constexpr char kVecBrokerASlave[] = "127.0.0.1:33845";
constexpr char kVecBrokerB[] = "127.0.0.1:33047";

// The exact stdout bytes of vectors/mqadmin/<name>.txt.
std::string TopicVectorStdout(const std::string& name) {
  std::ifstream in(MqadminVectorsDir() + "/" + name + ".txt", std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  const std::string count_tag = "# stdout-bytes: ";
  size_t at = text.find(count_tag);
  const size_t bytes = std::stoul(text.substr(at + count_tag.size()));
  at = text.find("# stdout:\n");
  return text.substr(at + 10, bytes);
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

Json::Value ParseJsonOut(const std::string& text) {
  Json::Value v;
  Json::CharReaderBuilder b;
  std::string errs;
  std::istringstream in(text);
  EXPECT_TRUE(Json::parseFromStream(b, in, &v, &errs)) << errs << "\n" << text;
  return v;
}

std::vector<std::string> SplitLines(const std::string& text) {
  MqadminRun run;
  run.out = text;
  return run.lines();
}

// Exits 1 with one stderr line ("mqadmin <cmd>: <reason>") and nothing more on stdout than `out`.
// A Java NameServer's remark carries a second line ("See http://rocketmq.apache.org/docs/faq/
// ..."), which the framework passes through; that one is tolerated.
void ExpectOneLineFailure(const MqadminRun& run, const std::string& out = "") {
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, out);
  ASSERT_FALSE(run.err.empty());
  EXPECT_EQ(run.err.rfind("mqadmin ", 0), 0u) << run.err;
  std::string err = run.err;
  const std::string faq = "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";
  if (size_t at = err.find(faq); at != std::string::npos) err.erase(at, faq.size());
  EXPECT_EQ(err.find('\n'), err.size() - 1) << run.err;
}

class MqadminTopicTest : public AdminClusterFixture {
 protected:
  // The vector text with Java's broker addresses replaced by ours.
  std::string Localize(std::string text) const {
    text = ReplaceAll(text, kVecBrokerA, broker_a_addr());
    text = ReplaceAll(text, kVecBrokerASlave, broker_a_slave_addr());
    return ReplaceAll(text, kVecBrokerB, broker_b_addr());
  }
  MqadminRun Run(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"-n", ns_addr()});
    return RunMqadmin(args);
  }
  // Waits until the NameServer's route of `topic` satisfies `pred`.
  template <typename Pred>
  bool WaitRoute(const std::string& topic, Pred pred) {
    auto admin = NewAdmin();
    return remoting::test::WaitFor(
        [&] {
          try {
            return pred(admin->examineTopicRouteInfo(topic));
          } catch (const MQException&) {
            return false;
          }
        },
        std::chrono::seconds(10));
  }
};

// Write commands do not need the seeded traffic.
class MqadminTopicWriteTest : public MqadminTopicTest {
 protected:
  bool SeedsTraffic() const override { return false; }
};

// ---- Java HashSet orders, checked on the captured vectors (no cluster) ----

TEST(MqadminTopicOrderTest, MasterAddrsFollowJavaHashSetOrderOfTheVectors) {
  admin::ClusterInfo info;
  info.broker_addr_table["broker-a"] = {
      "BarCluster", "broker-a", {{0, kVecBrokerA}, {1, kVecBrokerASlave}}};
  info.broker_addr_table["broker-b"] = {"BarCluster", "broker-b", {{0, kVecBrokerB}}};
  info.cluster_addr_table["BarCluster"] = {"broker-a", "broker-b"};
  // updateTopic-c.txt: broker-b's master first.
  EXPECT_EQ(admin::tools::MasterAddrsOfCluster(info, "BarCluster"),
            (std::vector<std::string>{kVecBrokerB, kVecBrokerA}));
  // brokerStatus-c.txt: address order of the prefixed lines.
  EXPECT_EQ(admin::tools::BrokerAddrsOfCluster(info, "BarCluster"),
            (std::vector<std::string>{kVecBrokerB, kVecBrokerA, kVecBrokerASlave}));
  // updateTopic-order.txt: orderConf=[broker-b:2;broker-a:2].
  EXPECT_EQ(admin::tools::BrokerNamesOfCluster(info, "BarCluster"),
            (std::vector<std::string>{"broker-b", "broker-a"}));
  EXPECT_THROW(admin::tools::MasterAddrsOfCluster(info, "NoCluster"), admin::tools::CommandError);
}

TEST(MqadminTopicOrderTest, TopicListOrderOfAJavaSetIsStable) {
  // A set Java printed, decoded again in that order, prints the same (what topicList relies on
  // when our NameServer writes its set in Java order).
  const std::vector<std::string> java = SplitLines(TopicVectorStdout("topicList"));
  EXPECT_EQ(JavaHashSetOrder(java), java);
}

TEST(MqadminTopicOrderTest, TopicConfigToStringAsJava) {
  admin::TopicConfig c;
  c.topic_name = "CapTopic3";
  c.read_queue_nums = 2;
  c.write_queue_nums = 3;
  c.perm = 4;
  EXPECT_EQ(admin::tools::TopicConfigToString(c),
            "TopicConfig [topicName=CapTopic3, readQueueNums=2, writeQueueNums=3, perm=R--, "
            "topicFilterType=SINGLE_TAG, topicSysFlag=0, order=false]");
}

// ---- read commands on the seeded cluster ----

TEST_F(MqadminTopicTest, TopicRouteMatchesJavaPrettyJsonAndListFormat) {
  auto admin = NewAdmin();
  const admin::TopicRouteData route = admin->examineTopicRouteInfo(kTopic);
  ASSERT_EQ(route.broker_datas.size(), 2u);

  MqadminRun run = Run({"topicRoute", "-t", kTopic});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  std::string expected = Localize(TopicVectorStdout("topicRoute"));
  if (route.broker_datas[0].broker_name == "broker-a") {
    // Our NameServer lists broker-a first where Java's listed broker-b first: same layout, blocks
    // swapped.
    const std::string b_block =
        "\t\t{\n\t\t\t\"brokerAddrs\":{0:\"" + broker_b_addr() +
        "\"\n\t\t\t},\n\t\t\t\"brokerName\":\"broker-b\",\n\t\t\t\"cluster\":\"BarCluster\"\n\t\t}";
    const std::string a_block =
        "\t\t{\n\t\t\t\"brokerAddrs\":{0:\"" + broker_a_addr() + "\",1:\"" + broker_a_slave_addr() +
        "\"\n\t\t\t},\n\t\t\t\"brokerName\":\"broker-a\",\n\t\t\t\"cluster\":\"BarCluster\"\n\t\t}";
    expected = ReplaceAll(expected, b_block + ",\n" + a_block, a_block + ",\n" + b_block);
  }
  if (route.queue_datas[0].broker_name == "broker-a") {
    expected = ReplaceAll(expected, "\"brokerName\":\"broker-b\",\n\t\t\t\"perm\"",
                          "\"brokerName\":\"@@\",\n\t\t\t\"perm\"");
    expected = ReplaceAll(expected, "\"brokerName\":\"broker-a\",\n\t\t\t\"perm\"",
                          "\"brokerName\":\"broker-b\",\n\t\t\t\"perm\"");
    expected = ReplaceAll(expected, "\"brokerName\":\"@@\",\n\t\t\t\"perm\"",
                          "\"brokerName\":\"broker-a\",\n\t\t\t\"perm\"");
  }
  EXPECT_EQ(run.out, expected);

  // -l: sorted by broker name, so byte-exact with the vector.
  run = Run({"topicRoute", "-t", kTopic, "-l"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, Localize(TopicVectorStdout("topicRoute-l")));

  // --json: one valid document with the same data.
  run = Run({"topicRoute", "-t", kTopic, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  Json::Value v = ParseJsonOut(run.out);
  ASSERT_EQ(v["brokerDatas"].size(), 2u);
  ASSERT_EQ(v["queueDatas"].size(), 2u);
  for (Json::ArrayIndex i = 0; i < 2; ++i) {
    EXPECT_EQ(v["brokerDatas"][i]["brokerName"].asString(), route.broker_datas[i].broker_name);
    EXPECT_EQ(v["brokerDatas"][i]["brokerAddrs"]["0"].asString(),
              route.broker_datas[i].broker_addrs.at(0));
    EXPECT_EQ(v["queueDatas"][i]["readQueueNums"].asInt(), kQueuesPerBroker);
  }
}

TEST_F(MqadminTopicTest, TopicStatusClusterListAllocateAndTopicList) {
  auto admin = NewAdmin();
  // topicStatus: header exact, one row per queue in MessageQueue order, values as the API's.
  const admin::TopicStatsTable stats = admin->examineTopicStats(kTopic);
  MqadminRun run = Run({"topicStatus", "-t", kTopic});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::vector<std::string> lines = run.lines();
  const std::vector<std::string> java = SplitLines(TopicVectorStdout("topicStatus"));
  ASSERT_EQ(lines.size(), java.size());
  EXPECT_EQ(lines[0], java[0]);
  const std::regex row(
      R"((broker-[ab]) {24}  ([0-7])     (\d+) +  (\d+) +    (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})?)");
  size_t i = 1;
  for (const auto& [mq, offset] : stats.offset_table) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(lines[i], m, row)) << lines[i];
    EXPECT_EQ(m[1], mq.getBrokerName());
    EXPECT_EQ(std::stoi(m[2]), mq.getQueueId());
    EXPECT_EQ(std::stoll(m[3]), offset.min_offset);
    EXPECT_GE(std::stoll(m[4]), offset.max_offset);  // the online producer may have sent more
    // Column starts as in Java's line.
    EXPECT_EQ(lines[i].find(m[3].str(), 38), 40u);
    EXPECT_EQ(lines[i].find(m[4].str(), 62), 62u);
    EXPECT_EQ(lines[i].size() == 86 + 23, offset.last_update_timestamp > 0) << lines[i];
    ++i;
  }
  run = Run({"topicStatus", "-t", kTopic, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(ParseJsonOut(run.out)["offsetTable"].size(), stats.offset_table.size());

  // topicClusterList: exactly as Java's.
  run = Run({"topicClusterList", "-t", kTopic});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, TopicVectorStdout("topicClusterList"));
  EXPECT_EQ(admin->getTopicClusterList(kTopic), (std::set<std::string>{"BarCluster"}));
  run = Run({"topicClusterList", "-t", kTopic, "--json"});
  EXPECT_EQ(run.out, "{\"clusterList\":[\"BarCluster\"]}\n");

  // allocateMQ: only topic/broker names and queue ids matter, so byte-exact with Java's.
  run = Run({"allocateMQ", "-t", kTopic, "-i", "192.168.0.1,192.168.0.2,192.168.0.3"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, TopicVectorStdout("allocateMQ"));
  run = Run({"allocateMQ", "-t", kTopic, "-i", "192.168.0.1,192.168.0.2,192.168.0.3", "--json"});
  EXPECT_EQ(run.out, TopicVectorStdout("allocateMQ"));

  // topicList: the NameServer's topics in Java HashSet order.
  const std::vector<std::string> topics = admin->fetchAllTopicList().topic_list;
  run = Run({"topicList"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.lines(), JavaHashSetOrder(topics));
  run = Run({"topicList", "--json"});
  Json::Value v = ParseJsonOut(run.out);
  EXPECT_EQ(v["topicList"].size(), topics.size());

  // topicList -c: header exact; CapTopic's two groups in Java's order, rows at Java's widths.
  run = Run({"topicList", "-c"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  lines = run.lines();
  const std::vector<std::string> java_c = SplitLines(TopicVectorStdout("topicList-c"));
  EXPECT_EQ(lines[0], java_c[0]);
  EXPECT_NE(std::find(lines.begin(), lines.end(), java_c[1]), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), java_c[2]), lines.end());
  EXPECT_LT(std::find(lines.begin(), lines.end(), java_c[1]),
            std::find(lines.begin(), lines.end(), java_c[2]));
  size_t non_retry = 0;
  for (const std::string& t : topics) {
    if (t.rfind("%RETRY%", 0) != 0 && t.rfind("%DLQ%", 0) != 0) ++non_retry;
  }
  EXPECT_EQ(lines.size(), 1 + non_retry + 1);  // CapTopic has two rows
  for (size_t k = 1; k < lines.size(); ++k) {
    EXPECT_EQ(lines[k].size(), 20u + 2 + 64 + 2 + 64) << lines[k];
    EXPECT_EQ(lines[k].substr(0, 22), "BarCluster            ") << lines[k];
  }
  run = Run({"topicList", "-c", "--json"});
  v = ParseJsonOut(run.out);
  EXPECT_EQ(v["topicList"].size(), non_retry);
}

TEST_F(MqadminTopicTest, ClusterListAndBrokerStatus) {
  auto admin = NewAdmin();
  MqadminRun run = Run({"clusterList"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::vector<std::string> lines = run.lines();
  const std::vector<std::string> java = SplitLines(TopicVectorStdout("clusterList"));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], java[0]);
  const std::vector<std::pair<std::string, std::string>> expected_rows = {
      {"broker-a                0     ", broker_a_addr()},
      {"broker-a                1     ", broker_a_slave_addr()},
      {"broker-b                0     ", broker_b_addr()}};
  // Java: "%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %6s" with "%9.2f(%s,%sms)" cells:
  // parse the values, print them again with Java's format, compare.
  const std::regex row(
      R"(BarCluster +(broker-[ab]) +([01]) +(\S+) +(\S+) +(\d+\.\d\d\(\w+,\w+ms\)) +(\d+\.\d\d\(\w+,\w+ms\)) +(\S+) +(\d+\.\d\d) +(\d+\.\d{4}))");
  for (size_t k = 0; k < 3; ++k) {
    const std::string& line = lines[k + 1];
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, row)) << line;
    EXPECT_EQ(line.substr(18, 30), expected_rows[k].first) << line;
    EXPECT_EQ(m[3].str(), expected_rows[k].second);
    const admin::KVTable kv = admin->fetchBrokerRuntimeStats(expected_rows[k].second);
    EXPECT_EQ(m[4].str(), kv.at("brokerVersionDesc"));
    char rebuilt[512];
    std::snprintf(rebuilt, sizeof rebuilt, "%-16s  %-22s  %-4s  %-22s %-16s %19s %19s %10s %5s %6s",
                  "BarCluster", m[1].str().c_str(), m[2].str().c_str(), m[3].str().c_str(),
                  m[4].str().c_str(), m[5].str().c_str(), m[6].str().c_str(), m[7].str().c_str(),
                  m[8].str().c_str(), m[9].str().c_str());
    EXPECT_EQ(line, rebuilt);
  }
  run = Run({"clusterList", "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(ParseJsonOut(run.out)["brokers"].size(), 3u);

  // -m: header exact, one row per address with four right-aligned totals.
  run = Run({"clusterList", "-m"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  lines = run.lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], SplitLines(TopicVectorStdout("clusterList-m"))[0]);
  const std::regex more_row(R"(BarCluster {8}broker-[ab] {24}( [ \d-]{13}\d){4})");
  for (size_t k = 1; k < 4; ++k) EXPECT_TRUE(std::regex_match(lines[k], more_row)) << lines[k];

  // -i: Java reprints the table every i seconds forever; bounded here to two rounds.
  std::vector<std::unique_ptr<admin::tools::SubCommand>> commands;
  commands.push_back(admin::tools::NewClusterListCommandWithRounds(2));
  admin::tools::CommandTable table(std::move(commands));
  std::ostringstream out;
  std::ostringstream err;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(admin::tools::MqadminMain({"clusterList", "-n", ns_addr(), "-i", "1"}, out, err, table),
            0);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(900));
  lines = SplitLines(out.str());
  ASSERT_EQ(lines.size(), 8u) << out.str();
  EXPECT_EQ(lines[4], java[0]);

  // brokerStatus -b: every runtime key, sorted, as "%-32s: %s".
  const admin::KVTable kv = admin->fetchBrokerRuntimeStats(broker_a_addr());
  run = Run({"brokerStatus", "-b", broker_a_addr()});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  lines = run.lines();
  ASSERT_EQ(lines.size(), kv.size());
  size_t k = 0;
  for (const auto& [key, value] : kv) {
    std::string padded = key;
    if (padded.size() < 32) padded.resize(32, ' ');
    // Values move (TPS, counters, times); keys, order and layout must not.
    EXPECT_EQ(lines[k].substr(0, padded.size() + 2), padded + ": ") << lines[k];
    if (key == "brokerVersionDesc" || key == "brokerVersion") {
      EXPECT_EQ(lines[k], padded + ": " + value);
    }
    ++k;
  }
  // Java's keys in Java's order: ours has at least the keys clusterList reads.
  for (const char* key : {"brokerVersionDesc", "putTps", "getTransferedTps", "commitLogDiskRatio",
                          "msgPutTotalTodayNow", "earliestMessageTimeStamp"}) {
    EXPECT_EQ(kv.count(key), 1u) << key;
  }
  run = Run({"brokerStatus", "-b", broker_a_addr(), "--json"});
  EXPECT_EQ(ParseJsonOut(run.out)["table"].size(), kv.size());

  // -c: every address of the cluster (slave included) in Java HashSet order, "%-24s " prefix.
  run = Run({"brokerStatus", "-c", kCluster});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::vector<std::string> seen;
  for (const std::string& line : run.lines()) {
    const std::string addr = line.substr(0, line.find(' '));
    ASSERT_EQ(line.substr(addr.size(), 24 - addr.size() + 1),
              std::string(24 - addr.size() + 1, ' '));
    if (seen.empty() || seen.back() != addr) seen.push_back(addr);
  }
  // Java's order (checked on the vector by MasterAddrsFollowJavaHashSetOrderOfTheVectors).
  EXPECT_EQ(seen, admin::tools::BrokerAddrsOfCluster(admin->examineBrokerClusterInfo(), kCluster));
  EXPECT_EQ(seen.size(), 3u);
  run = Run({"brokerStatus", "-c", kCluster, "--json"});
  EXPECT_EQ(ParseJsonOut(run.out)["brokers"].size(), 3u);
}

// ---- write commands ----

TEST_F(MqadminTopicWriteTest, UpdateTopicUpdateTopicPermAndDeleteTopic) {
  auto admin = NewAdmin();
  // updateTopic -b (updateTopic-b.txt, updateTopic-perm-u-s.txt): byte-exact.
  MqadminRun run =
      Run({"updateTopic", "-b", broker_b_addr(), "-t", "CapTopic2", "-r", "4", "-w", "4"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, Localize(TopicVectorStdout("updateTopic-b")));
  run = Run({"updateTopic", "-b", broker_a_addr(), "-t", "CapTopic3", "-r", "2", "-w", "3", "-p",
             "4", "-u", "false", "-s", "false"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, Localize(TopicVectorStdout("updateTopic-perm-u-s")));
  ASSERT_TRUE(WaitRoute("CapTopic3", [](const admin::TopicRouteData& r) {
    return r.queue_datas.size() == 1 && r.queue_datas[0].perm == 4 &&
           r.queue_datas[0].read_queue_nums == 2 && r.queue_datas[0].write_queue_nums == 3;
  }));

  // updateTopic -c (updateTopic-c.txt): one line per master in Java's order.
  run = Run({"updateTopic", "-c", kCluster, "-t", "CapTopic", "-r", "8", "-w", "8"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  // Java's order (checked on the vector by MasterAddrsFollowJavaHashSetOrderOfTheVectors).
  const std::vector<std::string> masters =
      admin::tools::MasterAddrsOfCluster(admin->examineBrokerClusterInfo(), kCluster);
  std::string expected = Localize(TopicVectorStdout("updateTopic-c"));
  if (masters[0] != broker_b_addr()) {
    expected = "create topic to " + masters[0] + " success.\ncreate topic to " + masters[1] +
               " success.\n" + expected.substr(expected.find("TopicConfig"));
  }
  EXPECT_EQ(run.out, expected);
  ASSERT_TRUE(WaitRoute("CapTopic",
                        [](const admin::TopicRouteData& r) { return r.queue_datas.size() == 2; }));

  // updateTopicPerm -b, twice, then -c, then a slave (updateTopicPerm-*.txt): byte-exact.
  ASSERT_TRUE(WaitRoute("CapTopic2",
                        [](const admin::TopicRouteData& r) { return r.queue_datas.size() == 1; }));
  run = Run({"updateTopicPerm", "-b", broker_b_addr(), "-t", "CapTopic2", "-p", "4"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, Localize(TopicVectorStdout("updateTopicPerm-b")));
  ASSERT_TRUE(WaitRoute("CapTopic2", [](const admin::TopicRouteData& r) {
    return r.queue_datas.size() == 1 && r.queue_datas[0].perm == 4;
  }));
  run = Run({"updateTopicPerm", "-b", broker_b_addr(), "-t", "CapTopic2", "-p", "4"});
  EXPECT_EQ(run.out, TopicVectorStdout("updateTopicPerm-b-same"));
  run = Run({"updateTopicPerm", "-c", kCluster, "-t", "CapTopic2", "-p", "6"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  expected.clear();
  for (const std::string& m : masters)
    expected += "update topic perm from 4 to 6 in " + m + " success.\n";
  EXPECT_EQ(run.out, expected);
  ASSERT_TRUE(WaitRoute("CapTopic2", [](const admin::TopicRouteData& r) {
    return r.queue_datas.size() == 2 && r.queue_datas[0].perm == 6 && r.queue_datas[1].perm == 6;
  }));
  run = Run({"updateTopicPerm", "-b", broker_a_slave_addr(), "-t", "CapTopic2", "-p", "6"});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_EQ(run.out, TopicVectorStdout("updateTopicPerm-b-slave"));
  // Neither -b nor -c: Java's usage (updateTopicPerm-noopt.txt), then a failure.
  run = Run({"updateTopicPerm", "-t", "CapTopic2", "-p", "6"});
  ExpectOneLineFailure(run, TopicVectorStdout("updateTopicPerm-noopt"));

  // deleteTopic (deleteTopic.txt): byte-exact, and the topic is gone everywhere.
  run = Run({"deleteTopic", "-c", kCluster, "-t", "CapTopic2"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, TopicVectorStdout("deleteTopic"));
  try {
    admin->examineTopicRouteInfo("CapTopic2");
    ADD_FAILURE() << "CapTopic2 still routed";
  } catch (const MQClientException& e) {
    EXPECT_EQ(e.getResponseCode(), 17);
  }
  const auto topics = admin->fetchAllTopicList().topic_list;
  EXPECT_EQ(std::find(topics.begin(), topics.end(), "CapTopic2"), topics.end());
  // The API level: deleting from an explicit NameServer set and from brokers directly.
  admin->deleteTopicInBroker({broker_a_addr()}, "CapTopic3");
  admin->deleteTopicInNameServer({ns_addr()}, "CapTopic3", kCluster);
  EXPECT_THROW(admin->examineTopicRouteInfo("CapTopic3"), MQClientException);
}

TEST_F(MqadminTopicWriteTest, ErrorPaths) {
  // Usage errors as Java: usage on stdout, exit 1 (topicStatus-missing-t, updateTopic-missing-b-c,
  // topicList-unknown-option), -h exit 0.
  MqadminRun run = Run({"topicStatus"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, TopicVectorStdout("topicStatus-missing-t"));
  run = Run({"updateTopic", "-t", "CapTopicX"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, TopicVectorStdout("updateTopic-missing-b-c"));
  run = Run({"topicList", "-x"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out, TopicVectorStdout("topicList-unknown-option"));
  run = RunMqadmin({"topicList", "-h"});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_EQ(run.out, TopicVectorStdout("topicList-h"));
  run = Run({"brokerStatus"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out.rfind("usage: mqadmin brokerStatus", 0), 0u);
  run = Run({"updateTopic", "-c", kCluster, "-t", "CapTopicX", "-r", "x"});
  ExpectOneLineFailure(run);

  // Unknown topic: CODE 17 from the NameServer, one line.
  for (const char* cmd : {"topicRoute", "topicStatus", "topicClusterList", "updateTopicPerm"}) {
    std::vector<std::string> args = {cmd, "-t", "NoSuchTopic"};
    if (std::string(cmd) == "updateTopicPerm") args.insert(args.end(), {"-p", "6", "-c", kCluster});
    run = Run(args);
    ExpectOneLineFailure(run);
    EXPECT_NE(run.err.find("17"), std::string::npos) << cmd << ": " << run.err;
  }
  run = Run({"allocateMQ", "-t", "NoSuchTopic", "-i", "a,b"});
  ExpectOneLineFailure(run);
  run = Run({"allocateMQ", "-t", "NoSuchTopic", "-i", "a,,b"});
  ExpectOneLineFailure(run);
  // Unknown cluster: Java prints "[error] ..." and reports success; we fail.
  run = Run({"updateTopic", "-c", "NoCluster", "-t", "CapTopicX"});
  ExpectOneLineFailure(run);
  EXPECT_NE(run.err.find("NoCluster"), std::string::npos);
  run = Run({"deleteTopic", "-c", "NoCluster", "-t", "CapTopicX"});
  ExpectOneLineFailure(run);
  run = Run({"brokerStatus", "-c", "NoCluster"});
  ExpectOneLineFailure(run);
  // -o true on a cluster also writes the topic's orderConf at the NameServer
  // (updateTopic-order.txt: broker names in Java's HashSet order, no newline before TopicConfig).
  run = Run({"updateTopic", "-c", kCluster, "-t", "CapOrderTopic", "-r", "2", "-w", "2", "-o",
             "true"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  const std::string order_tail =
      "set cluster orderConf. isOrder=true, orderConf=[broker-b:2;broker-a:2]TopicConfig "
      "[topicName=CapOrderTopic, readQueueNums=2, writeQueueNums=2, perm=RW-, "
      "topicFilterType=SINGLE_TAG, topicSysFlag=0, order=true]";
  ASSERT_GE(run.out.size(), order_tail.size());
  EXPECT_EQ(run.out.substr(run.out.size() - order_tail.size()), order_tail) << run.out;
  EXPECT_EQ(NewAdmin()->getKVConfig("ORDER_TOPIC_CONFIG", "CapOrderTopic"),
            "broker-b:2;broker-a:2");
  // -b merges that broker's item into the conf.
  run = Run({"updateTopic", "-b", broker_a_addr(), "-t", "CapOrderTopic", "-r", "4", "-w", "4",
             "-o", "true"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out.rfind("set broker orderConf. isOrder=true, orderConf=[broker-a:4]create topic to " +
                              broker_a_addr() + " success.\n",
                          0),
            0u)
      << run.out;
  const std::string merged = NewAdmin()->getKVConfig("ORDER_TOPIC_CONFIG", "CapOrderTopic");
  EXPECT_NE(merged.find("broker-a:4"), std::string::npos) << merged;
  EXPECT_NE(merged.find("broker-b:2"), std::string::npos) << merged;
  // Unreachable broker.
  run = Run({"brokerStatus", "-b", "127.0.0.1:1"});
  ExpectOneLineFailure(run);
  run = Run({"updateTopic", "-b", "127.0.0.1:1", "-t", "CapTopicX"});
  ExpectOneLineFailure(run);

  // Unreachable NameServer: one stderr line, exit 1, for every command.
  const std::vector<std::vector<std::string>> commands = {
      {"updateTopic", "-n", "127.0.0.1:1", "-c", kCluster, "-t", "CapTopicX"},
      {"deleteTopic", "-n", "127.0.0.1:1", "-c", kCluster, "-t", "CapTopicX"},
      {"updateTopicPerm", "-n", "127.0.0.1:1", "-c", kCluster, "-t", "CapTopicX", "-p", "6"},
      {"topicRoute", "-n", "127.0.0.1:1", "-t", "CapTopic"},
      {"topicStatus", "-n", "127.0.0.1:1", "-t", "CapTopic"},
      {"topicClusterList", "-n", "127.0.0.1:1", "-t", "CapTopic"},
      {"topicList", "-n", "127.0.0.1:1"},
      {"topicList", "-n", "127.0.0.1:1", "-c"},
      {"clusterList", "-n", "127.0.0.1:1"},
      {"brokerStatus", "-n", "127.0.0.1:1", "-c", kCluster},
      {"allocateMQ", "-n", "127.0.0.1:1", "-t", "CapTopic", "-i", "a"},
  };
  for (const auto& args : commands) {
    run = RunMqadmin(args);
    SCOPED_TRACE(args[0]);
    ExpectOneLineFailure(run);
  }
}

}  // namespace
}  // namespace rocketmq::test
