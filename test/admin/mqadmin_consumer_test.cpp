// mqadmin consumer / connection / offset subcommands against AdminClusterFixture: output layout as
// Java 4.9.8 prints it (vectors/mqadmin/consumerProgress*.txt, consumerConnection*.txt,
// producerConnection.txt, ...), values cross-checked through DefaultMQAdminExt, error paths.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "admin/mqadmin_test_util.h"
#include "integration/admin_cluster_util.h"
#include "tools/admin/format_util.h"
#include "tools/admin/mq_version.h"

namespace rocketmq::test {
namespace {

using admin::tools::FormatDateTime;
using admin::tools::MQVersionDesc;
using admin::tools::StrFormat;

class MqadminConsumerTest : public AdminClusterFixture {
 protected:
  MqadminRun Run(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"-n", ns_addr()});
    return RunMqadmin(args);
  }
};

// A failure: exit 1, the reason on stderr after "mqadmin <command>: ", no stack trace. (The
// client library's NameServer errors carry Java's FAQ hint on a second line; the framework
// prints the message as it is.)
void ExpectOneLineError(const MqadminRun& run, const std::string& needle) {
  EXPECT_EQ(run.exit_status, 1) << run.out << run.err;
  ASSERT_FALSE(run.err.empty());
  EXPECT_EQ(run.err.rfind("mqadmin ", 0), 0u) << run.err;
  EXPECT_EQ(run.err.back(), '\n');
  EXPECT_NE(run.err.substr(0, run.err.find('\n')).find(needle), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("\tat "), std::string::npos);
}

TEST(MqVersionDescTest, JavaOrdinals) {
  EXPECT_EQ(MQVersionDesc(0), "V3_0_0_SNAPSHOT");
  EXPECT_EQ(MQVersionDesc(15), "V3_0_0_FINAL");
  EXPECT_EQ(MQVersionDesc(16), "V3_0_1_SNAPSHOT");
  EXPECT_EQ(MQVersionDesc(45), "V3_0_15");
  EXPECT_EQ(MQVersionDesc(47), "V3_1_0");
  EXPECT_EQ(MQVersionDesc(395), "V4_9_1");
  EXPECT_EQ(MQVersionDesc(409), "V4_9_8");
  EXPECT_EQ(MQVersionDesc(413), "V5_0_0");
  EXPECT_EQ(MQVersionDesc(611), "V5_9_9");
  EXPECT_EQ(MQVersionDesc(612), "HIGHER_VERSION");
  EXPECT_EQ(MQVersionDesc(10000), "HIGHER_VERSION");
}

TEST_F(MqadminConsumerTest, ConsumerProgressOfOneGroup) {
  auto admin = NewAdmin();
  // The online consumer may commit its first retry-queue offset between the API read and the
  // mqadmin run; read again until both saw the same set of queues.
  admin::ConsumeStats stats;
  MqadminRun run;
  for (int attempt = 0; attempt < 5; ++attempt) {
    stats = admin->examineConsumeStats(kConsumerGroup);
    run = Run({"consumerProgress", "-g", kConsumerGroup});
    if (admin->examineConsumeStats(kConsumerGroup).offset_table.size() ==
        stats.offset_table.size()) {
      break;
    }
  }
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.err, "");
  // Header exactly as consumerProgress-g.txt.
  std::string expected =
      "#Topic                                                            #Broker Name              "
      "   "
      "     #QID  #Broker Offset        #Consumer Offset      #Diff                 #LastTime\n";
  int64_t diff_total = 0;
  for (const auto& [mq, w] : stats.offset_table) {
    const int64_t diff = w.broker_offset - w.consumer_offset;
    diff_total += diff;
    expected += StrFormat("%-64s  %-32s  %-4d  %-20lld  %-20lld  %-20lld  %s\n",
                          mq.getTopic().c_str(), mq.getBrokerName().c_str(), mq.getQueueId(),
                          static_cast<long long>(w.broker_offset),
                          static_cast<long long>(w.consumer_offset), static_cast<long long>(diff),
                          w.last_timestamp == 0 ? "N/A" : FormatDateTime(w.last_timestamp).c_str());
  }
  expected += "\n";
  // 16 CapTopic queues, after the retry queues (one per broker) whose offsets the consumer has
  // committed so far: none, one or both, depending on when its persist timer fired on each
  // broker (MessageQueue order).
  std::vector<std::string> lines = run.lines();
  const size_t queues = stats.offset_table.size();
  ASSERT_TRUE(queues >= 16u && queues <= 18u) << queues;
  ASSERT_EQ(lines.size(), 1u + queues + 3u) << run.out;
  for (size_t i = 1; i <= queues - 16; ++i) {
    EXPECT_EQ(lines[i].substr(0, 23), "%RETRY%CapConsumerGroup") << lines[i];
  }
  EXPECT_EQ(lines[queues - 15].substr(0, 8), "CapTopic");
  ASSERT_GE(run.out.size(), expected.size());
  EXPECT_EQ(run.out.substr(0, expected.size()), expected);
  EXPECT_TRUE(std::regex_match(lines[lines.size() - 2], std::regex(R"(Consume TPS: \d+\.\d\d)")))
      << lines[lines.size() - 2];
  EXPECT_EQ(lines.back(), "Diff Total: " + std::to_string(diff_total));
  EXPECT_EQ(diff_total, 0);

  // -s true: the client IP column comes from the consumer's own running info.
  run = Run({"consumerProgress", "-g", kConsumerGroup, "-s", "true"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  lines = run.lines();
  ASSERT_GE(lines.size(), 1u + 16u + 3u) << run.out;
  EXPECT_EQ(lines[0],
            "#Topic                                                            #Broker Name        "
            "              #QID  #Broker Offset        #Consumer Offset      #Client IP           "
            "#Diff                 #LastTime");
  const std::regex row(
      R"((\S+) {2,}(broker-[ab]) {26}(\d) {5}(\d+) +  (\d+) +  (\S+) +(\d+) +  (N/A|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d))");
  int with_ip = 0;
  for (size_t i = 1; i + 3 < lines.size(); ++i) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(lines[i], m, row)) << lines[i];
    EXPECT_EQ(lines[i].find(m[6].str()), 64u + 2 + 32 + 2 + 4 + 2 + 20 + 2 + 20 + 2) << lines[i];
    if (m[6] == "127.0.0.1") ++with_ip;
    if (m[1] == kTopic) {
      EXPECT_EQ(m[6], "127.0.0.1") << lines[i];
    }
  }
  EXPECT_GE(with_ip, 16);

  // --json: the same offsets as one document.
  run = Run({"consumerProgress", "-g", kConsumerGroup, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out.front(), '{');
  EXPECT_NE(run.out.find("\"diffTotal\":0"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"topic\":\"CapTopic\""), std::string::npos);
}

TEST_F(MqadminConsumerTest, ConsumerProgressOfAllGroupsAndErrors) {
  auto admin = NewAdmin();
  MqadminRun run = Run({"consumerProgress"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::vector<std::string> lines = run.lines();
  ASSERT_GE(lines.size(), 3u) << run.out;
  EXPECT_EQ(
      lines[0],
      "#Group                                                            #Count  #Version       "
      "          #Type  #Model          #TPS     #Diff Total");
  const int64_t backlog = admin->examineConsumeStats(kBacklogGroup).computeTotalDiff();
  EXPECT_GT(backlog, 0);
  // The online group's TPS depends on how recently it consumed: any integer in its column.
  const std::regex online_row(StrFormat("%-64s  %-6d  %-24s %-5s  %-14s  ", kConsumerGroup, 1,
                                        "V4_9_8", "PUSH", "CLUSTERING") +
                              "\\d+ *  0");
  const std::string offline_row =
      StrFormat("%-64s  %-6d  %-24s %-5s  %-14s  %-7d  %lld", kBacklogGroup, 0, "OFFLINE", "", "",
                0, static_cast<long long>(backlog));
  int found = 0;
  for (const std::string& l : lines) {
    if (std::regex_match(l, online_row) || l == offline_row) ++found;
  }
  EXPECT_EQ(found, 2) << run.out;

  run = Run({"consumerProgress", "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out.front(), '[');
  EXPECT_NE(run.out.find("\"group\":\"CapBacklogGroup\",\"count\":0,\"version\":\"OFFLINE\""),
            std::string::npos)
      << run.out;

  // Errors: unknown group (no %RETRY% route), unreachable NameServer, bad flag.
  run = Run({"consumerProgress", "-g", "NoSuchGroup"});
  EXPECT_EQ(run.out, "");
  ExpectOneLineError(run, "%RETRY%NoSuchGroup");
  run = RunMqadmin({"consumerProgress", "-n", "127.0.0.1:1", "-g", kConsumerGroup});
  ExpectOneLineError(run, "127.0.0.1:1");
  run = Run({"consumerProgress", "-x"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out.rfind("usage: mqadmin consumerProgress", 0), 0u) << run.out;
}

TEST_F(MqadminConsumerTest, ConsumerAndProducerConnection) {
  auto admin = NewAdmin();
  admin::ConsumerConnection cc = admin->examineConsumerConnectionInfo(kConsumerGroup);
  ASSERT_EQ(cc.connection_set.size(), 1u);
  const admin::Connection& conn = cc.connection_set[0];
  EXPECT_EQ(conn.client_id, online_client_id());
  // Layout of consumerConnection.txt; HashMap order puts CapTopic before the retry topic.
  const std::string body_tail =
      "\nBelow is subscription:\n"
      "#Topic               #SubExpression\n"
      "CapTopic             *\n"
      "%RETRY%CapConsumerGroup *\n"
      "\n"
      "ConsumeType: CONSUME_PASSIVELY\n"
      "MessageModel: CLUSTERING\n"
      "ConsumeFromWhere: CONSUME_FROM_FIRST_OFFSET\n";
  auto expected_for = [&](const admin::Connection& c) {
    return StrFormat("%-36s %-22s %-10s %s\n", "#ClientId", "#ClientAddr", "#Language",
                     "#Version") +
           StrFormat("%-36s %-22s %-10s %s\n", c.client_id.c_str(), c.client_addr.c_str(),
                     c.language.c_str(), MQVersionDesc(c.version).c_str()) +
           body_tail;
  };
  MqadminRun run = Run({"consumerConnection", "-g", kConsumerGroup});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  // The command asks a random broker of the retry topic: its client address is the client's
  // connection to that broker.
  admin::Connection seen = conn;
  seen.client_addr = run.lines().at(1).substr(37, run.lines().at(1).find(' ', 37) - 37);
  EXPECT_EQ(run.out, expected_for(seen));
  EXPECT_EQ(run.lines()[0],
            "#ClientId                            #ClientAddr            #Language  #Version");

  // -b: that broker's view (its own connection from the client).
  admin::ConsumerConnection cc_b =
      admin->examineConsumerConnectionInfo(kConsumerGroup, broker_b_addr());
  ASSERT_EQ(cc_b.connection_set.size(), 1u);
  run = Run({"consumerConnection", "-g", kConsumerGroup, "-b", broker_b_addr()});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out, expected_for(cc_b.connection_set[0]));

  run = Run({"consumerConnection", "-g", kConsumerGroup, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_NE(run.out.find("\"clientId\":\"" + online_client_id() + "\""), std::string::npos)
      << run.out;

  // Offline group: the broker's CONSUMER_NOT_ONLINE (206) with -b; unknown group; no -g.
  run = Run({"consumerConnection", "-g", kBacklogGroup, "-b", broker_b_addr()});
  ExpectOneLineError(run, "not online");
  run = Run({"consumerConnection", "-g", "NoSuchGroup"});
  ExpectOneLineError(run, "%RETRY%NoSuchGroup");
  run = Run({"consumerConnection"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out.rfind("usage: mqadmin consumerConnection", 0), 0u) << run.out;

  // producerConnection: "%04d  %-32s %-22s %-8s %s" as producerConnection.txt.
  admin::ProducerConnection pc = admin->examineProducerConnectionInfo(kProducerGroup, kTopic);
  ASSERT_EQ(pc.connection_set.size(), 1u);
  const admin::Connection& p = pc.connection_set[0];
  EXPECT_EQ(p.client_id, online_client_id());
  run = Run({"producerConnection", "-g", kProducerGroup, "-t", kTopic});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  const std::string producer_addr = run.out.substr(39, run.out.find(' ', 39) - 39);
  EXPECT_EQ(run.out,
            StrFormat("0001  %-32s %-22s %-8s %s\n", p.client_id.c_str(), producer_addr.c_str(),
                      p.language.c_str(), MQVersionDesc(p.version).c_str()));
  run = Run({"producerConnection", "-g", kProducerGroup, "-t", kTopic, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out.front(), '{');
  run = Run({"producerConnection", "-g", "NoSuchProducerGroup", "-t", kTopic});
  ExpectOneLineError(run, "producer group");
  run = Run({"producerConnection", "-g", kProducerGroup});
  EXPECT_EQ(run.exit_status, 1);
  run = RunMqadmin({"producerConnection", "-n", "127.0.0.1:1", "-g", kProducerGroup, "-t", kTopic});
  ExpectOneLineError(run, "127.0.0.1:1");
}

TEST_F(MqadminConsumerTest, ResetAndSkipOffsets) {
  auto admin = NewAdmin();
  // Offline group: Java's fallback table ("consumerGroup[...]" line, six columns).
  MqadminRun run = Run({"resetOffsetByTime", "-g", kBacklogGroup, "-t", kTopic, "-s", "0"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::vector<std::string> lines = run.lines();
  ASSERT_EQ(lines.size(), 2u + 16u) << run.out;
  EXPECT_EQ(
      lines[0],
      "rollback consumer offset by specified consumerGroup[CapBacklogGroup], topic[CapTopic], "
      "force[true], timestamp(string)[0], timestamp(long)[0]");
  EXPECT_EQ(
      lines[1],
      "#brokerName           #queueId              #brokerOffset         #consumerOffset      "
      " #timestampOffset      #rollbackOffset     ");
  const std::regex old_row(R"((broker-[ab]) {14}(\d) {21}(\d+) +  (\d+) +  (0) {21}(0) {19})");
  for (size_t i = 2; i < lines.size(); ++i) {
    EXPECT_TRUE(std::regex_match(lines[i], old_row)) << lines[i];
    EXPECT_EQ(lines[i].size(), 6u * 20 + 5 * 2) << lines[i];
  }
  // The offsets really moved to 0.
  admin::ConsumeStats backlog = admin->examineConsumeStats(kBacklogGroup);
  for (const auto& [mq, w] : backlog.offset_table) {
    if (mq.getTopic() == kTopic) {
      EXPECT_EQ(w.consumer_offset, 0) << mq.getQueueId();
    }
  }

  // skipAccumulatedMessage of the offline group: every queue to its max offset.
  run = Run({"skipAccumulatedMessage", "-g", kBacklogGroup, "-t", kTopic});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  lines = run.lines();
  ASSERT_EQ(lines.size(), 1u + 16u) << run.out;
  EXPECT_EQ(lines[0].rfind("#brokerName           #queueId", 0), 0u);
  EXPECT_EQ(admin->examineConsumeStats(kBacklogGroup, kTopic).computeTotalDiff(), 0);

  // Online group: the brokers tell the consumer (INVOKE_BROKER_TO_RESET_OFFSET).
  run = Run({"resetOffsetByTime", "-g", kConsumerGroup, "-t", kTopic, "-s", "now"});
  if (run.exit_status == 0) {
    lines = run.lines();
    ASSERT_EQ(lines.size(), 2u + 16u) << run.out;
    EXPECT_EQ(lines[0],
              "rollback consumer offset by specified group[CapConsumerGroup], topic[CapTopic], "
              "force[true], timestamp(string)[now], timestamp(long)[-1]");
    EXPECT_EQ(lines[1], StrFormat("%-40s  %-40s  %-40s", "#brokerName", "#queueId", "#offset"));
    // Java's HashMap order of the 16 queues (resetOffsetByTime-online.txt, where the route
    // listed broker-b first; queues sharing a bucket come in route order).
    const bool b_first =
        admin->examineTopicRouteInfo(kTopic).broker_datas[0].broker_name == "broker-b";
    const char* const kOrderBFirst[] = {"broker-b 2", "broker-a 1", "broker-b 1", "broker-a 0",
                                        "broker-b 0", "broker-a 7", "broker-b 7", "broker-a 6",
                                        "broker-b 6", "broker-a 5", "broker-b 5", "broker-a 4",
                                        "broker-b 4", "broker-a 3", "broker-b 3", "broker-a 2"};
    const char* const kOrderAFirst[] = {"broker-a 1", "broker-b 2", "broker-a 0", "broker-b 1",
                                        "broker-b 0", "broker-a 7", "broker-a 6", "broker-b 7",
                                        "broker-a 5", "broker-b 6", "broker-a 4", "broker-b 5",
                                        "broker-a 3", "broker-b 4", "broker-a 2", "broker-b 3"};
    const char* const* kOrder = b_first ? kOrderBFirst : kOrderAFirst;
    for (size_t i = 0; i < 16; ++i) {
      std::smatch m;
      ASSERT_TRUE(
          std::regex_match(lines[2 + i], m, std::regex(R"((broker-[ab]) {34}(\d) {41}(\d+) *)")))
          << lines[2 + i];
      EXPECT_EQ(m[1].str() + " " + m[2].str(), kOrder[i]);
      EXPECT_EQ(lines[2 + i].size(), 124u);
    }
  } else {
    ADD_FAILURE() << "online reset failed: " << run.err;
  }

  // Errors: bad timestamp, missing -t, unknown topic, unreachable NameServer.
  run = Run({"resetOffsetByTime", "-g", kConsumerGroup, "-t", kTopic, "-s", "yesterday"});
  ExpectOneLineError(run, "yesterday");
  run = Run({"resetOffsetByTime", "-g", kConsumerGroup, "-s", "now"});
  EXPECT_EQ(run.exit_status, 1);
  EXPECT_EQ(run.out.rfind("usage: mqadmin resetOffsetByTime", 0), 0u) << run.out;
  run = Run({"skipAccumulatedMessage", "-g", kConsumerGroup, "-t", "NoSuchTopic"});
  ExpectOneLineError(run, "NoSuchTopic");
  run = RunMqadmin(
      {"skipAccumulatedMessage", "-n", "127.0.0.1:1", "-g", kConsumerGroup, "-t", kTopic});
  ExpectOneLineError(run, "127.0.0.1:1");
}

TEST_F(MqadminConsumerTest, CloneGroupOffsetAndBrokerConsumeStats) {
  auto admin = NewAdmin();
  MqadminRun run =
      Run({"cloneGroupOffset", "-s", kConsumerGroup, "-d", "CapCloneGroup", "-t", kTopic});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  // cloneGroupOffset.txt: no trailing newline.
  EXPECT_EQ(run.out,
            "clone group offset success. srcGroup[CapConsumerGroup], destGroup=[CapCloneGroup], "
            "topic[CapTopic]");
  // The clone's committed offsets equal the source's, queue by queue (QUERY_CONSUMER_OFFSET).
  admin::ConsumeStats src = admin->examineConsumeStats(kConsumerGroup, kTopic);
  remoting::RemotingClient raw;
  ASSERT_TRUE(raw.Start().ok());
  client::ClientApi api(&raw, {ns_addr()});
  for (const auto& [mq, w] : src.offset_table) {
    const std::string addr = mq.getBrokerName() == "broker-a" ? broker_a_addr() : broker_b_addr();
    Result<int64_t> cloned = api.QueryConsumerOffset(
        addr, "CapCloneGroup", MessageQueue(mq.getTopic(), mq.getBrokerName(), mq.getQueueId()),
        3000);
    ASSERT_TRUE(cloned.ok()) << cloned.status().ToString();
    EXPECT_EQ(*cloned, w.consumer_offset) << mq.getBrokerName() << " " << mq.getQueueId();
  }
  raw.Shutdown();
  run = Run({"cloneGroupOffset", "-s", "NoSuchGroup", "-d", "X", "-t", kTopic});
  ExpectOneLineError(run, "%RETRY%NoSuchGroup");

  // brokerConsumeStats: brokerConsumeStats.txt layout, values from the API.
  admin::ConsumeStatsList list = admin->fetchConsumeStatsInBroker(broker_a_addr(), false, 5000);
  run = Run({"brokerConsumeStats", "-b", broker_a_addr()});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::string expected =
      StrFormat("%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s\n", "#Topic", "#Group",
                "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff", "#LastTime");
  for (const auto& [group, stats_list] : list.consume_stats_list) {
    for (const auto& cs : stats_list) {
      for (const auto& [mq, w] : cs.offset_table) {
        if (w.last_timestamp <= 0) continue;
        expected += StrFormat("%-64s  %-64s  %-32s  %-4d  %-20lld  %-20lld  %-20lld  %s\n",
                              mq.getTopic().c_str(), group.c_str(), mq.getBrokerName().c_str(),
                              mq.getQueueId(), static_cast<long long>(w.broker_offset),
                              static_cast<long long>(w.consumer_offset),
                              static_cast<long long>(w.broker_offset - w.consumer_offset),
                              FormatDateTime(w.last_timestamp).c_str());
      }
    }
  }
  expected += "\nDiff Total: " + std::to_string(list.total_diff) + "\n";
  EXPECT_EQ(run.out, expected);
  EXPECT_EQ(
      run.lines()[0],
      "#Topic                                                            #Group               "
      "                                             #Broker Name                      #QID  "
      "#Broker Offset        #Consumer Offset      #Diff                 #LastTime");
  EXPECT_NE(run.out.find("CapConsumerGroup"), std::string::npos);
  run = Run({"brokerConsumeStats", "-b", broker_a_addr(), "-l", "1000000"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.lines().size(), 3u) << run.out;
  run = Run({"brokerConsumeStats", "-b", broker_a_addr(), "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out.front(), '{');
  run = Run({"brokerConsumeStats", "-b", "127.0.0.1:1"});
  ExpectOneLineError(run, "127.0.0.1:1");
  run = Run({"brokerConsumeStats", "-b", broker_a_addr(), "-t", "abc"});
  ExpectOneLineError(run, "abc");
}

TEST_F(MqadminConsumerTest, ProducerStatsAllAndConsumerStatus) {
  auto admin = NewAdmin();
  // producer: "producer group (G) instance : clientId=..,remoteIP=.., language=.., ...".
  MqadminRun run = Run({"producer", "-b", broker_a_addr()});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  const std::regex producer_row(
      R"(producer group \((\S+)\) instance : clientId=(\S+),remoteIP=(\S+), language=([A-Z]+), version=(\d+), lastUpdateTimestamp=(\d+))");
  bool seen_group = false;
  for (const std::string& l : run.lines()) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(l, m, producer_row)) << l;
    if (m[1] == kProducerGroup) {
      seen_group = true;
      EXPECT_EQ(m[2], online_client_id());
    }
  }
  EXPECT_TRUE(seen_group) << run.out;
  admin::ProducerTableInfo producers = admin->getAllProducerInfo(broker_a_addr());
  EXPECT_EQ(producers.data.count(kProducerGroup), 1u);
  run = Run({"producer", "-b", "127.0.0.1:1"});
  ExpectOneLineError(run, "127.0.0.1:1");

  // statsAll -t CapTopic: statsAll-t.txt layout, one row per group. The broker's statistics
  // are sampled every 10 s (as Java's StatsItem): wait for the sample that saw the consumption.
  ASSERT_TRUE(remoting::test::WaitFor(
      [&] {
        int64_t got = 0;
        auto admin = NewAdmin();
        for (const std::string& addr : {broker_a_addr(), broker_b_addr()}) {
          try {
            got += admin->viewBrokerStatsData(addr, "GROUP_GET_NUMS",
                                              std::string(kTopic) + "@" + kConsumerGroup)
                       .stats_minute.sum;
          } catch (const MQException&) {
          }
        }
        return got >= kSeedMessages;
      },
      std::chrono::seconds(25)));
  run = Run({"statsAll", "-t", kTopic});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  std::vector<std::string> lines = run.lines();
  ASSERT_GE(lines.size(), 3u) << run.out;
  EXPECT_EQ(
      lines[0],
      "#Topic                                                            #Consumer Group      "
      "                                            #Accumulation      #InTPS     #OutTPS   "
      "#InMsg24Hour  #OutMsg24Hour");
  const std::regex stats_row(
      R"(CapTopic {58}(\S+) +( +\d+) ( +\d+\.\d\d) ( +\d+\.\d\d) ( +\d+) ( +\d+))");
  int groups = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(lines[i], m, stats_row)) << lines[i];
    EXPECT_EQ(lines[i].size(), 64u + 2 + 64 + 1 + 12 + 1 + 11 + 1 + 11 + 1 + 14 + 1 + 14);
    if (m[1] == kConsumerGroup || m[1] == kBacklogGroup) ++groups;
    if (m[1] == kConsumerGroup) {
      EXPECT_EQ(std::stoll(m[5].str()), kSeedMessages) << lines[i];
    }
  }
  EXPECT_EQ(groups, 2) << run.out;
  run = Run({"statsAll"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_NE(run.out.find("NO_CONSUMER"), std::string::npos) << run.out;
  run = Run({"statsAll", "-t", kTopic, "--json"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out.front(), '[');

  // consumerStatus -i: ConsumerRunningInfo.formatString() sections.
  admin::ConsumerRunningInfo info =
      admin->getConsumerRunningInfo(kConsumerGroup, online_client_id(), false);
  EXPECT_FALSE(info.mq_table.empty());
  run = Run({"consumerStatus", "-g", kConsumerGroup, "-i", online_client_id()});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(run.out.rfind("#Consumer Properties#\n", 0), 0u);
  for (const char* section : {"\n\n#Consumer Subscription#\n", "\n\n#Consumer Offset#\n",
                              "\n\n#Consumer MQ Detail#\n", "\n\n#Consumer RT&TPS#\n"}) {
    EXPECT_NE(run.out.find(section), std::string::npos) << section;
  }
  EXPECT_NE(run.out.find(StrFormat("%-64s  %-32s  %-4s  %-20s\n", "#Topic", "#Broker Name", "#QID",
                                   "#Consumer Offset")),
            std::string::npos);
  EXPECT_NE(run.out.find("002 Topic: CapTopic                                 ClassFilter: false  "
                         "  SubExpression: *\n"),
            std::string::npos)
      << run.out;

  // consumerStatus without -i writes ./<now>/<clientId>, relative to the working directory.
  const std::filesystem::path cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir());
  run = Run({"consumerStatus", "-g", kConsumerGroup});
  std::filesystem::current_path(cwd);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  lines = run.lines();
  ASSERT_GE(lines.size(), 2u) << run.out;
  EXPECT_EQ(lines[0], StrFormat("%-10s %-40s %-20s %s", "#Index", "#ClientId", "#Version",
                                "#ConsumerRunningInfoFile"));
  std::smatch m;
  ASSERT_TRUE(std::regex_match(lines[1], m, std::regex(R"(1 {10}(\S+) +V4_9_8 {15}(\d+/(\S+)))")))
      << lines[1];
  EXPECT_EQ(m[1], online_client_id());
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(dir()) / m[2].str())) << m[2];
  EXPECT_NE(run.out.find("\n\nSame subscription in the same group of consumer\n\nRebalance OK\n"),
            std::string::npos)
      << run.out;
  run = Run({"consumerStatus", "-g", kBacklogGroup});
  ExpectOneLineError(run, "");
  run = Run({"consumerStatus"});
  EXPECT_EQ(run.exit_status, 1);

  // consumer (Java's unregistered ConsumerSubCommand): "%03d  %-40s %-20s %s".
  std::filesystem::current_path(dir());
  run = Run({"consumer", "-g", kConsumerGroup});
  std::filesystem::current_path(cwd);
  ASSERT_EQ(run.exit_status, 0) << run.err;
  EXPECT_TRUE(std::regex_search(run.out,
                                std::regex("^001  127\\.0\\.0\\.1@CapOnline {22}V4_9_8 {15}\\d+/")))
      << run.out;
}

}  // namespace
}  // namespace rocketmq::test
