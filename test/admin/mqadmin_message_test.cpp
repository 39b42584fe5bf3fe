// mqadmin message subcommands (queryMsgById, queryMsgByKey, queryMsgByUniqueKey,
// queryMsgByOffset, printMsg, printMsgByQueue, consumeMessage, sendMessage, sendMsgStatus,
// checkMsgSendRT, clusterRT, queryCq) against the bundled cluster with the capture's traffic:
// the line layout of Java's output (vectors/mqadmin/<cmd>*.txt) with our values, the values
// cross-checked through DefaultMQAdminExt, and the error paths.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "admin/mqadmin_test_util.h"
#include "integration/admin_cluster_util.h"
#include "support/temp_dir.h"
#include "tools/admin/format_util.h"

namespace rocketmq::test {
namespace {

using admin::tools::FormatDateTimeMillis;
using admin::tools::StrFormat;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

class MqadminMessageTest : public AdminClusterFixture {
 protected:
  void SetUp() override {
    ::setenv("MQADMIN_MSGBODY_DIR", (body_dir_.path() + "/msgbodys").c_str(), 1);
    AdminClusterFixture::SetUp();
  }

  MqadminRun Run(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"-n", ns_addr()});
    return RunMqadmin(args);
  }

  // The detail block of queryMsgById & co for `msg`, built from the API's values in Java's
  // layout, up to (and including) the "Message Body Path:" line.
  std::string ExpectedDetail(const MQMessageExt& msg, bool with_offset_id) {
    std::string out;
    if (with_offset_id) out += StrFormat("%-20s %s\n", "OffsetID:", msg.getOffsetMsgId().c_str());
    out += StrFormat("%-20s %s\n", "Topic:", msg.getTopic().c_str());
    out += StrFormat("%-20s [%s]\n", "Tags:", msg.getTags().c_str());
    out += StrFormat("%-20s [%s]\n", "Keys:", msg.getKeys().c_str());
    out += StrFormat("%-20s %d\n", "Queue ID:", msg.getQueueId());
    out += StrFormat("%-20s %lld\n", "Queue Offset:", static_cast<long long>(msg.getQueueOffset()));
    out += StrFormat("%-20s %lld\n",
                     "CommitLog Offset:", static_cast<long long>(msg.getCommitLogOffset()));
    out += StrFormat("%-20s %d\n", "Reconsume Times:", msg.getReconsumeTimes());
    out += StrFormat("%-20s %s\n",
                     "Born Timestamp:", FormatDateTimeMillis(msg.getBornTimestamp()).c_str());
    out += StrFormat("%-20s %s\n",
                     "Store Timestamp:", FormatDateTimeMillis(msg.getStoreTimestamp()).c_str());
    out += StrFormat("%-20s %s\n", "Born Host:", msg.getBornHostString().c_str());
    out += StrFormat("%-20s %s\n", "Store Host:", msg.getStoreHostString().c_str());
    out += StrFormat("%-20s %d\n", "System Flag:", msg.getSysFlag());
    return out;
  }

  // Checks the part after Properties: the body path line, then the tracks as Java prints them
  // (CapBacklogGroup NOT_ONLINE before CapConsumerGroup CONSUMED: Java HashSet order).
  void ExpectTail(const std::string& tail, const std::string& body_file_name) {
    const std::string path = body_dir_.path() + "/msgbodys/" + body_file_name;
    const std::string expected =
        StrFormat("%-20s %s\n", "Message Body Path:", path.c_str()) +
        "\n\nMessageTrack [consumerGroup=CapBacklogGroup, trackType=NOT_ONLINE, "
        "exceptionDesc=CODE:206 DESC:the consumer group[CapBacklogGroup] not online]"
        "MessageTrack [consumerGroup=CapConsumerGroup, trackType=CONSUMED, exceptionDesc=null]";
    EXPECT_EQ(tail, expected);
  }

  TempDir body_dir_{"mqadmin_msgbody"};
};

TEST_F(MqadminMessageTest, QueryCommandsPrintJavaDetailBlocks) {
  auto admin = NewAdmin();
  const std::string uniq = seed_ids()[7];
  const std::string offset_id = seed_offset_ids()[7];
  MQMessageExt msg = admin->viewMessage(offset_id);
  ASSERT_EQ(msg.getMsgId(), uniq);
  EXPECT_EQ(msg.getBody(), "cap body 7");
  EXPECT_EQ(msg.getKeys(), "CAP_KEY_7");

  // queryMsgById with the offset id (queryMsgById-offsetid.txt layout).
  MqadminRun r = Run({"queryMsgById", "-i", offset_id});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string head = ExpectedDetail(msg, true);
  ASSERT_TRUE(StartsWith(r.out, head)) << r.out;
  std::string rest = r.out.substr(head.size());
  // Java's HashMap order of the stored properties (queryMsgById-offsetid.txt).
  const std::string props_line =
      StrFormat("%-20s %s\n", "Properties:",
                ("{KEYS=CAP_KEY_7, UNIQ_KEY=" + uniq + ", CLUSTER=BarCluster, TAGS=TagD}").c_str());
  ASSERT_TRUE(StartsWith(rest, props_line)) << rest;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(rest, m, std::regex("^[^\n]*\n")));
  ExpectTail(rest.substr(m.length()), uniq);
  EXPECT_EQ(ReadFile(body_dir_.path() + "/msgbodys/" + uniq), "cap body 7");

  // Better than Java: the UNIQ_KEY works too, with the same output.
  MqadminRun by_key = Run({"queryMsgById", "-i", uniq});
  ASSERT_EQ(by_key.exit_status, 0) << by_key.err;
  EXPECT_EQ(by_key.out, r.out);

  // Both ids in one comma-separated -i.
  MqadminRun both = Run({"queryMsgById", "-i", offset_id + " , " + uniq});
  ASSERT_EQ(both.exit_status, 0) << both.err;
  EXPECT_EQ(both.out, r.out + r.out);

  // --json: one document with the same values.
  MqadminRun json = Run({"queryMsgById", "-i", uniq, "--json"});
  ASSERT_EQ(json.exit_status, 0) << json.err;
  EXPECT_NE(json.out.find("\"offsetMsgId\":\"" + offset_id + "\""), std::string::npos);
  EXPECT_NE(json.out.find("\"trackType\":\"CONSUMED\""), std::string::npos);
  EXPECT_EQ(std::count(json.out.begin(), json.out.end(), '\n'), 1);

  // queryMsgByUniqueKey: no OffsetID line (queryMsgByUniqueKey.txt).
  MqadminRun u = Run({"queryMsgByUniqueKey", "-t", kTopic, "-i", uniq});
  ASSERT_EQ(u.exit_status, 0) << u.err;
  EXPECT_EQ(u.out, r.out.substr(r.out.find('\n') + 1));
  MqadminRun ua = Run({"queryMsgByUniqueKey", "-t", kTopic, "-i", uniq, "-a"});
  ASSERT_EQ(ua.exit_status, 0) << ua.err;
  EXPECT_EQ(ua.out, u.out);

  // queryMsgByOffset: the pulled message carries MIN_OFFSET / MAX_OFFSET (queryMsgByOffset.txt).
  const MQMessageQueue& q = seed_queues()[7];
  MqadminRun o =
      Run({"queryMsgByOffset", "-t", kTopic, "-b", q.getBrokerName(), "-i",
           std::to_string(q.getQueueId()), "-o", std::to_string(seed_queue_offsets()[7])});
  ASSERT_EQ(o.exit_status, 0) << o.err;
  ASSERT_TRUE(StartsWith(o.out, head)) << o.out;
  const std::string max_text = std::to_string(admin->maxOffset(q));
  EXPECT_NE(o.out.find(StrFormat(
                "%-20s %s\n", "Properties:",
                ("{MIN_OFFSET=0, MAX_OFFSET=" + max_text + ", KEYS=CAP_KEY_7, UNIQ_KEY=" + uniq +
                 ", CLUSTER=BarCluster, TAGS=TagD}")
                    .c_str())),
            std::string::npos)
      << o.out;

  // queryMsgByKey (queryMsgByKey.txt, queryMsgByKey-dup.txt): "%-50s %4d %40d".
  MqadminRun k = Run({"queryMsgByKey", "-t", kTopic, "-k", "CAP_KEY_7"});
  ASSERT_EQ(k.exit_status, 0) << k.err;
  EXPECT_EQ(k.out, StrFormat("%-50s %4s %40s\n", "#Message ID", "#QID", "#Offset") +
                       StrFormat("%-50s %4d %40lld\n", uniq.c_str(), q.getQueueId(),
                                 static_cast<long long>(seed_queue_offsets()[7])));
  MqadminRun dup = Run({"queryMsgByKey", "-t", kTopic, "-k", "CapDupKey"});
  ASSERT_EQ(dup.exit_status, 0) << dup.err;
  std::vector<std::string> lines = dup.lines();
  ASSERT_EQ(lines.size(), 5u) << dup.out;
  for (int i : {0, 50, 100, 150}) {
    const std::string row =
        StrFormat("%-50s %4d %40lld", seed_ids()[i].c_str(), seed_queues()[i].getQueueId(),
                  static_cast<long long>(seed_queue_offsets()[i]));
    EXPECT_NE(std::find(lines.begin(), lines.end(), row), lines.end()) << row;
  }

  // Failures: one stderr line, exit 1, nothing on stdout.
  MqadminRun none = Run({"queryMsgByKey", "-t", kTopic, "-k", "NoSuchKey"});
  EXPECT_EQ(none.exit_status, 1);
  EXPECT_EQ(none.out, "");
  EXPECT_NE(none.err.find("query message by key finished, but no message."), std::string::npos);
  EXPECT_EQ(std::count(none.err.begin(), none.err.end(), '\n'), 1) << none.err;
  // An offset id of broker-a past the end (queryMsgById-notfound.txt): the broker's remark.
  const std::string past_end = offset_id.substr(0, 16) + "000000007FFFFFF0";
  MqadminRun nf = Run({"queryMsgById", "-i", past_end});
  EXPECT_EQ(nf.exit_status, 1);
  EXPECT_NE(nf.err.find("can not find message by the offset"), std::string::npos) << nf.err;
  MqadminRun unknown_topic = Run({"queryMsgByUniqueKey", "-t", "NoSuchTopic", "-i", uniq});
  EXPECT_EQ(unknown_topic.exit_status, 1);
  EXPECT_EQ(std::count(unknown_topic.err.begin(), unknown_topic.err.end(), '\n'), 1);
  // -g/-d: CONSUME_MESSAGE_DIRECTLY; a client id nobody has fails on one line.
  MqadminRun direct =
      Run({"queryMsgById", "-i", offset_id, "-g", kConsumerGroup, "-d", "127.0.0.1@Nobody"});
  EXPECT_EQ(direct.exit_status, 1);
  EXPECT_EQ(std::count(direct.err.begin(), direct.err.end(), '\n'), 1) << direct.err;
}

TEST_F(MqadminMessageTest, PrintAndConsumeCommandsFollowJavaLayout) {
  auto admin = NewAdmin();
  // printMsgByQueue -p -d -f (printMsgByQueue.txt): one MSGID line per message, then the tags.
  const MQMessageQueue q0(kTopic, "broker-a", 0);
  const int64_t max0 = admin->maxOffset(q0);
  MqadminRun pq = Run({"printMsgByQueue", "-t", kTopic, "-a", "broker-a", "-i", "0", "-p", "true",
                       "-d", "true", "-f", "true"});
  ASSERT_EQ(pq.exit_status, 0) << pq.err;
  std::vector<std::string> lines = pq.lines();
  const std::regex msg_line(
      R"(^MSGID: [0-9A-F]+ MessageExt \[brokerName=broker-a, queueId=0, storeSize=\d+, )"
      R"(queueOffset=\d+, sysFlag=0, bornTimestamp=\d+, bornHost=/127\.0\.0\.1:\d+, )"
      R"(storeTimestamp=\d+, storeHost=/127\.0\.0\.1:\d+, msgId=[0-9A-F]{32}, commitLogOffset=\d+, )"
      R"(bodyCRC=-?\d+, reconsumeTimes=0, preparedTransactionOffset=0, toString\(\)=Message\{)"
      R"(topic='CapTopic', flag=0, properties=\{MIN_OFFSET=0, MAX_OFFSET=\d+, [^}]*\}, )"
      R"(body=\[[-0-9, ]+\], transactionId='null'\}\] BODY: cap body \d+$)");
  int64_t msg_lines = 0;
  int64_t tag_total = 0;
  for (const std::string& line : lines) {
    if (StartsWith(line, "MSGID: ")) {
      EXPECT_TRUE(std::regex_match(line, msg_line)) << line;
      ++msg_lines;
    } else {
      std::smatch m;
      ASSERT_TRUE(std::regex_match(line, m, std::regex(R"(^Tag: (Tag[A-D]) {26} Count: (\d+)$)")))
          << line;
      tag_total += std::stoll(m[2]);
    }
  }
  EXPECT_EQ(msg_lines, max0);
  EXPECT_EQ(tag_total, max0);

  // Without -p/-f nothing is printed (printMsgByQueue-default.txt).
  MqadminRun quiet = Run({"printMsgByQueue", "-t", kTopic, "-a", "broker-b", "-i", "1"});
  ASSERT_EQ(quiet.exit_status, 0) << quiet.err;
  EXPECT_EQ(quiet.out, "");

  // printMsg -s TagA -d false (printMsg-s-d.txt): per queue the header, the rows, the dashes.
  MqadminRun pm = Run({"printMsg", "-t", kTopic, "-s", "TagA", "-d", "false"});
  ASSERT_EQ(pm.exit_status, 0) << pm.err;
  int headers = 0;
  int dashes = 0;
  for (const std::string& line : pm.lines()) {
    if (StartsWith(line, "minOffset=")) {
      EXPECT_TRUE(std::regex_match(
          line,
          std::regex(
              R"(^minOffset=\d+, maxOffset=\d+, MessageQueue \[topic=CapTopic, brokerName=broker-[ab], queueId=[0-7]\]$)")))
          << line;
      ++headers;
    } else if (line == "--------------------------------------------------------") {
      ++dashes;
    } else if (StartsWith(line, "MSGID: ")) {
      EXPECT_NE(line.find("TAGS=TagA}"), std::string::npos) << line;
      EXPECT_TRUE(line.size() > 20 && line.substr(line.size() - 20) == "BODY: NOT PRINT BODY")
          << line;
    } else {
      EXPECT_TRUE(std::regex_match(
          line,
          std::regex(
              R"(^MessageQueue \[topic=CapTopic, brokerName=broker-[ab], queueId=[0-7]\] (no matched msg|print msg finished)\. status=(NO_MATCHED_MSG|NO_NEW_MSG|OFFSET_ILLEGAL), offset=\d+$)")))
          << line;
    }
  }
  EXPECT_EQ(headers, 16);
  EXPECT_EQ(dashes, 16);

  // consumeMessage -b -i -c 3 (consumeMessage-q.txt; "oldler" sic).
  MqadminRun cq = Run({"consumeMessage", "-t", kTopic, "-b", "broker-a", "-i", "0", "-c", "3"});
  ASSERT_EQ(cq.exit_status, 0) << cq.err;
  lines = cq.lines();
  ASSERT_GE(lines.size(), 5u) << cq.out;
  EXPECT_EQ(lines[0], "The oldler 3 message will be provided");
  EXPECT_EQ(lines[1], "Consume ok");
  for (size_t i = 2; i < 5; ++i) {
    EXPECT_NE(lines[i].find("queueOffset=" + std::to_string(i - 2) + ","), std::string::npos)
        << lines[i];
  }
  // consumeMessage -c 5 (consumeMessage-c.txt): the first queue in Java HashSet order.
  MqadminRun cc = Run({"consumeMessage", "-t", kTopic, "-c", "5"});
  ASSERT_EQ(cc.exit_status, 0) << cc.err;
  lines = cc.lines();
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "The older 5 message of the 2 queue will be provided") << cc.out;
  EXPECT_NE(cc.out.find("brokerName=broker-b, queueId=2,"), std::string::npos);
  // Option order errors print Java's sentence without a newline.
  MqadminRun bad = Run({"consumeMessage", "-t", kTopic, "-i", "0"});
  EXPECT_EQ(bad.exit_status, 0);
  EXPECT_EQ(bad.out, "Please set the brokerName before queueId!");
}

TEST_F(MqadminMessageTest, SendCommandsPrintJavaTables) {
  auto admin = NewAdmin();
  // sendMessage (sendMessage.txt / sendMessage-b-i.txt).
  MqadminRun s = Run({"sendMessage", "-t", kTopic, "-p", "hello from mqadmin", "-k", "CapSendKey",
                      "-c", "TagSend", "-b", "broker-a", "-i", "3"});
  ASSERT_EQ(s.exit_status, 0) << s.err;
  std::vector<std::string> lines = s.lines();
  ASSERT_EQ(lines.size(), 2u) << s.out;
  EXPECT_EQ(lines[0], StrFormat("%-32s  %-4s  %-20s    %s", "#Broker Name", "#QID", "#Send Result",
                                "#MsgId"));
  std::smatch m;
  ASSERT_TRUE(std::regex_match(lines[1], m,
                               std::regex(R"(^broker-a {24}  3     SEND_OK {13}    ([0-9A-F]+)$)")))
      << lines[1];
  MQMessageExt sent = admin->queryMessageByUniqKey(kTopic, m[1], 32, 0, INT64_MAX).message_list[0];
  EXPECT_EQ(sent.getBody(), "hello from mqadmin");
  EXPECT_EQ(sent.getTags(), "TagSend");
  EXPECT_EQ(sent.getKeys(), "CapSendKey");
  EXPECT_EQ(sent.getQueueId(), 3);
  MqadminRun no_b = Run({"sendMessage", "-t", kTopic, "-p", "x", "-i", "3"});
  EXPECT_EQ(no_b.exit_status, 0);
  EXPECT_EQ(no_b.out, "Broker name must be set if the queue is chosen!");

  // sendMsgStatus (sendMsgStatus.txt): topic = broker name.
  MqadminRun st = Run({"sendMsgStatus", "-b", "broker-a", "-s", "64", "-c", "3"});
  ASSERT_EQ(st.exit_status, 0) << st.err;
  lines = st.lines();
  ASSERT_EQ(lines.size(), 3u) << st.out;
  for (const std::string& line : lines) {
    EXPECT_TRUE(std::regex_match(
        line,
        std::regex(
            R"(^rt=\d+ms, SendResult=SendResult \[sendStatus=SEND_OK, msgId=[0-9A-F]+, offsetMsgId=[0-9A-F]+, messageQueue=MessageQueue \[topic=broker-a, brokerName=broker-a, queueId=\d+\], queueOffset=\d+\]$)")))
        << line;
  }

  // checkMsgSendRT (checkMsgSendRT.txt): queue i % n of the route, then the average.
  MqadminRun rt = Run({"checkMsgSendRT", "-t", kTopic, "-a", "3", "-s", "64"});
  ASSERT_EQ(rt.exit_status, 0) << rt.err;
  lines = rt.lines();
  ASSERT_EQ(lines.size(), 5u) << rt.out;
  EXPECT_EQ(lines[0],
            StrFormat("%-32s  %-4s  %-20s    %s", "#Broker Name", "#QID", "#Send Result", "#RT"));
  for (int i = 1; i <= 3; ++i) {
    EXPECT_TRUE(std::regex_match(lines[i], std::regex("^broker-a {24}  " + std::to_string(i - 1) +
                                                      R"(     true {16}    \d+$)")))
        << lines[i];
  }
  EXPECT_TRUE(std::regex_match(lines[4], std::regex(R"(^Avg RT: \d+\.\d\d$)"))) << lines[4];

  // clusterRT, one round (clusterRT.txt / clusterRT-p.txt).
  ::setenv("MQADMIN_CLUSTERRT_ROUNDS", "1", 1);
  MqadminRun c = Run({"clusterRT", "-a", "2", "-s", "64", "-i", "1"});
  MqadminRun p = Run(
      {"clusterRT", "-a", "2", "-s", "64", "-c", kCluster, "-p", "true", "-m", "room1", "-i", "1"});
  ::unsetenv("MQADMIN_CLUSTERRT_ROUNDS");
  ASSERT_EQ(c.exit_status, 0) << c.err;
  lines = c.lines();
  ASSERT_EQ(lines.size(), 3u) << c.out;
  EXPECT_EQ(lines[0],
            "#Cluster Name             #Broker Name              #RT   #successCount  #failCount");
  EXPECT_TRUE(std::regex_match(
      lines[1], std::regex(R"(^BarCluster {14}  broker-b {16}  [0-9.]+ +  2 {15}  0 {15}$)")))
      << lines[1];
  EXPECT_TRUE(std::regex_match(
      lines[2], std::regex(R"(^BarCluster {14}  broker-a {16}  [0-9.]+ +  2 {15}  0 {15}$)")))
      << lines[2];
  ASSERT_EQ(p.exit_status, 0) << p.err;
  lines = p.lines();
  ASSERT_EQ(lines.size(), 2u) << p.out;
  EXPECT_TRUE(std::regex_match(
      lines[0],
      std::regex(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\|room1\|BarCluster\|broker-b\|\d+$)")))
      << lines[0];
}

TEST_F(MqadminMessageTest, QueryCqPrintsConsumeQueueEntries) {
  MqadminRun r =
      Run({"queryCq", "-t", kTopic, "-q", "0", "-i", "0", "-c", "3", "-b", broker_a_addr()});
  if (r.err.find("code 3") != std::string::npos ||
      r.err.find("not supported") != std::string::npos) {
    GTEST_SKIP() << "broker does not serve QUERY_CONSUME_QUEUE: " << r.err;
  }
  ASSERT_EQ(r.exit_status, 0) << r.err;
  std::vector<std::string> lines = r.lines();
  ASSERT_EQ(lines.size(), 12u) << r.out;
  EXPECT_EQ(lines[0], "Queue data: ");
  EXPECT_TRUE(std::regex_match(lines[1], std::regex(R"(^max: \d+, min: 0$)"))) << lines[1];
  EXPECT_EQ(lines[2], "======================================");
  EXPECT_EQ(lines[3], "idx: 0");
  EXPECT_TRUE(std::regex_match(
      lines[4],
      std::regex(
          R"(^ConsumeQueueData\{physicOffset=\d+, physicSize=\d+, tagsCode=-?\d+, extendDataJson='null', bitMap='null', eval=false, msg='null'\}$)")))
      << lines[4];
  // Without -b: the first broker of the route.
  MqadminRun route = Run({"queryCq", "-t", kTopic, "-q", "0", "-i", "0", "-c", "1"});
  ASSERT_EQ(route.exit_status, 0) << route.err;
  EXPECT_EQ(route.lines().size(), 6u) << route.out;
}

TEST(MqadminMessageErrors, UsageAndUnreachableNameServer) {
  // Missing required option: usage on stdout, exit 1.
  MqadminRun usage = RunMqadmin({"queryMsgByKey", "-n", "127.0.0.1:1", "-t", "T"});
  EXPECT_EQ(usage.exit_status, 1);
  EXPECT_NE(usage.out.find("usage: mqadmin queryMsgByKey"), std::string::npos) << usage.out;
  // Unreachable NameServer: one stderr line, exit 1.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"queryMsgByKey", "-n", "127.0.0.1:1", "-t", "T", "-k", "K"},
        std::vector<std::string>{"printMsg", "-n", "127.0.0.1:1", "-t", "T"},
        std::vector<std::string>{"queryMsgByUniqueKey", "-n", "127.0.0.1:1", "-t", "T", "-i",
                                 "7F0000010000E0F50000000000000600"}}) {
    MqadminRun r = RunMqadmin(args);
    EXPECT_EQ(r.exit_status, 1) << args[0];
    EXPECT_EQ(r.out, "") << args[0];
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args[0] << ": " << r.err;
  }
}

}  // namespace
}  // namespace rocketmq::test
