// Our mqadmin against "Java's servers": a JavaReplayServer answers with the responses a Java
// 4.9.8 NameServer and broker sent to Java's mqadmin (vectors 04-mqadmin-<cmd>.jsonl), and our
// stdout must be what Java's mqadmin printed from them (vectors mqadmin-<cmd>.txt), byte for
// byte, with the server addresses rewritten to the replay server's (same length) and the few
// values that depend on the moment of the run masked (clusterList's #Hour).
//
// This is how the "works unchanged against a real Apache RocketMQ 4.9.8 cluster" promise is
// checked on a machine without Java's servers: same requests understood, same answers parsed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "admin/mqadmin_test_util.h"
#include "support/java_replay_server.h"
#include "support/vectors.h"

namespace rocketmq::test {
namespace {

struct CapturedRun {
  std::vector<std::string> args;  // after "mqadmin"
  std::string output;             // stdout (and stderr) as printed
  int exit_status = -1;
};

// mqadmin-<cmd>.txt: "$ mqadmin <args>\n<output>[exit N]\n".
CapturedRun LoadCapturedRun(const std::string& name) {
  CapturedRun run;
  std::string text = ReadFile(VectorsDir() + "/mqadmin-" + name + ".txt");
  const size_t eol = text.find('\n');
  std::istringstream first(text.substr(0, eol));
  std::string word;
  first >> word;  // "$"
  first >> word;  // "mqadmin"
  while (first >> word) run.args.push_back(word);
  const size_t exit_pos = text.rfind("[exit ");
  run.output = text.substr(eol + 1, exit_pos - eol - 1);
  run.exit_status = std::atoi(text.c_str() + exit_pos + 6);
  return run;
}

class MqadminJavaReplayTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    // The capture ran in UTC; dates print in the local zone.
    setenv("TZ", "UTC", 1);
    tzset();
  }
};

// Masks what depends on the moment of the run rather than on the servers' answers.
std::string MaskVolatile(const std::string& command, std::string text) {
  if (command == "clusterList") {
    // #Hour: hours since the broker's earliest message, counted from now.
    static const std::regex kHour(R"( \d+\.\d\d (\d+\.\d{4})\n)");
    text = std::regex_replace(text, kHour, " <hour> $1\n");
  }
  return text;
}

TEST_P(MqadminJavaReplayTest, OutputMatchesJava) {
  const std::string command = GetParam();
  // queryMsgById first checks that the id's address is a broker the NameServer lists (Java does
  // not ask): the cluster table comes from the clusterList capture of the same servers.
  std::vector<std::string> extra;
  if (command == "queryMsgById") extra.push_back("04-mqadmin-clusterList.jsonl");
  JavaReplayServer server("04-mqadmin-" + command + ".jsonl", extra);
  ASSERT_TRUE(server.Start());
  CapturedRun captured = LoadCapturedRun(command);
  std::vector<std::string> args;
  for (const std::string& a : captured.args) args.push_back(server.Rewrite(a));

  MqadminRun ours = RunMqadmin(args);
  EXPECT_EQ(ours.exit_status, captured.exit_status) << ours.err;
  EXPECT_EQ(MaskVolatile(command, ours.out), MaskVolatile(command, server.Rewrite(captured.output)))
      << "stderr: " << ours.err;
  EXPECT_TRUE(server.unexpected().empty()) << "requests without a captured answer: "
                                           << ::testing::PrintToString(server.unexpected())
                                           << "; served: " << ::testing::PrintToString(server.served());
}

INSTANTIATE_TEST_SUITE_P(Captured, MqadminJavaReplayTest,
                         ::testing::Values("brokerStatus", "clusterList", "consumerConnection",
                                           "consumerProgress", "deleteTopic", "getBrokerConfig",
                                           "producerConnection", "queryMsgById", "queryMsgByKey",
                                           "topicList", "topicRoute", "topicStatus",
                                           "updateSubGroup", "updateTopic"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace rocketmq::test
