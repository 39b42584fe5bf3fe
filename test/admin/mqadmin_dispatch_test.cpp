// mqadmin run in-process (MqadminMain) against the outputs of Java mqadmin 4.9.8
// (vectors/mqadmin): command list, every usage, dispatch and parse errors, byte for byte; plus our
// deliberate differences (--json, one-line errors with exit 1).
#include <cstdlib>
#include <functional>
#include <sstream>

#include <gtest/gtest.h>

#include "rocketmq/mq_exception.h"
#include "support/mqadmin_vectors.h"
#include "tools/admin/command_error.h"
#include "tools/admin/command_table.h"
#include "tools/admin/mqadmin_startup.h"

namespace rocketmq::admin::tools {
namespace {

using rocketmq::test::ListMqadminVectors;
using rocketmq::test::LoadMqadminVector;
using rocketmq::test::MqadminVector;

struct RunResult {
  int status;
  std::string out;
  std::string err;
};

RunResult RunMqadmin(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int status = MqadminMain(args, out, err);
  return RunResult{status, out.str(), err.str()};
}

RunResult RunMqadmin(const std::vector<std::string>& args, const CommandTable& table) {
  std::ostringstream out;
  std::ostringstream err;
  const int status = MqadminMain(args, out, err, table);
  return RunResult{status, out.str(), err.str()};
}

// Runs the vector's command line and expects Java's stdout, stderr and exit status.
void ExpectSameAsJava(const std::string& file) {
  SCOPED_TRACE(file);
  const MqadminVector v = LoadMqadminVector(file);
  ASSERT_FALSE(v.args.empty() && v.command != "mqadmin") << v.command;
  const RunResult run = RunMqadmin(v.args);
  EXPECT_EQ(run.out, v.out) << v.command;
  EXPECT_EQ(run.err, v.err) << v.command;
  EXPECT_EQ(run.status, v.exit_status) << v.command;
}

TEST(MqadminDispatch, CommandListIsJavasWithConsumerAfterProducer) {
  const MqadminVector v = LoadMqadminVector("noargs.txt");
  // Our list has `consumer` (Java's unregistered ConsumerSubCommand) right after `producer`;
  // everything else is Java's list byte for byte.
  std::string expected = v.out;
  const std::string producer_line =
      "   producer             Query producer's instances, connection, status, etc.\n";
  const size_t at = expected.find(producer_line);
  ASSERT_NE(at, std::string::npos);
  expected.insert(at + producer_line.size(),
                  "   consumer             Query consumer's connection, status, etc.\n");
  const RunResult run = RunMqadmin({});
  EXPECT_EQ(run.out, expected);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.status, 0);
}

TEST(MqadminDispatch, EveryJavaCommandHasAHelpVector) {
  const CommandTable table;
  size_t help_vectors = 0;
  for (const auto& command : table.commands()) {
    if (command->Name() == "consumer") continue;  // not registered in Java 4.9.8
    const MqadminVector v = LoadMqadminVector("help-" + command->Name() + ".txt");
    EXPECT_FALSE(v.out.empty()) << command->Name();
    ++help_vectors;
  }
  EXPECT_EQ(help_vectors, 56u);  // what MQAdminStartup 4.9.8 registers
  EXPECT_EQ(table.commands().size(), 57u);
}

TEST(MqadminDispatch, EveryHelpVector) {
  const std::vector<std::string> files = ListMqadminVectors("help-");
  EXPECT_EQ(files.size(), 58u);  // 56 commands + help-alone + help-noSuchCommand
  for (const std::string& file : files) ExpectSameAsJava(file);
}

TEST(MqadminDispatch, ConsumerHelpFollowsTheSameFormat) {
  const RunResult run = RunMqadmin({"help", "consumer"});
  EXPECT_EQ(run.out,
            "usage: mqadmin consumer -g <arg> [-h] [-n <arg>] [-s]\n"
            " -g,--consumerGroup <arg>   consumer group name\n"
            " -h,--help                  Print help\n"
            " -n,--namesrvAddr <arg>     Name server address list, eg: "
            "'192.168.0.1:9876;192.168.0.2:9876'\n"
            " -s,--jstack                Run jstack command in the consumer progress\n");
  EXPECT_EQ(run.status, 0);
}

TEST(MqadminDispatch, UnknownSubcommand) { ExpectSameAsJava("error-unknown-subcommand.txt"); }

TEST(MqadminDispatch, ParseErrorsPrintTheUsageAndExit1) {
  ExpectSameAsJava("topicStatus-missing-t.txt");
  ExpectSameAsJava("updateTopic-missing-b-c.txt");
  ExpectSameAsJava("topicList-unknown-option.txt");
}

TEST(MqadminDispatch, DashHPrintsTheUsageAndExits0) { ExpectSameAsJava("topicList-h.txt"); }

TEST(MqadminDispatch, SubcommandNamesIgnoreCase) {
  // error-lowercase-subcommand.txt: Java ran `clusterlist` as clusterList (the output itself
  // needs the live cluster; only the dispatch is checked here).
  const MqadminVector v = LoadMqadminVector("error-lowercase-subcommand.txt");
  ASSERT_FALSE(v.args.empty());
  const CommandTable table;
  const SubCommand* command = table.Find(v.args[0]);
  ASSERT_NE(command, nullptr);
  EXPECT_EQ(command->Name(), "clusterList");
  EXPECT_EQ(RunMqadmin({"CLUSTERLIST", "-h"}).out, RunMqadmin({"help", "clusterList"}).out);
  // Aliases too, and `help` takes any case of the command name (but "help" itself is exact).
  ASSERT_NE(table.Find("deleteaccessconfig"), nullptr);
  EXPECT_EQ(table.Find("deleteaccessconfig")->Name(), "deleteAclConfig");
  EXPECT_EQ(table.Find("QueryMsgTraceById")->Name(), "queryMsgTraceById");
  EXPECT_EQ(RunMqadmin({"help", "TOPICLIST"}).out, RunMqadmin({"help", "topicList"}).out);
  EXPECT_EQ(RunMqadmin({"HELP", "topicList"}).out, "The sub command HELP not exist.\n");
  EXPECT_EQ(RunMqadmin({"help", "topicList", "x"}).out, "The sub command help not exist.\n");
}

TEST(MqadminDispatch, JsonRejectedByATextOnlyCommand) {
  // updateTopic writes, so it never prints JSON.
  const RunResult run =
      RunMqadmin({"updateTopic", "-n", "127.0.0.1:1", "-c", "C", "-t", "T", "--json"});
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "mqadmin updateTopic: --json is not supported by this command\n");
  EXPECT_EQ(run.status, 1);
}

TEST(MqadminDispatch, MissingNameServerAddressIsOneLine) {
  // StartAdmin refuses to run without -n or NAMESRV_ADDR.
  ::unsetenv("NAMESRV_ADDR");
  std::ostringstream out;
  std::ostringstream err;
  CommandContext ctx{out, err};
  try {
    ctx.StartAdmin();
    ADD_FAILURE() << "StartAdmin without an address";
  } catch (const CommandError& e) {
    EXPECT_STREQ(e.what(), "no NameServer address: pass -n host:port or set NAMESRV_ADDR");
  }
}

// A command that throws what the test gives it.
class ThrowingCommand final : public SubCommand {
 public:
  explicit ThrowingCommand(std::function<void(CommandContext&)> body) : body_(std::move(body)) {}
  std::string Name() const override { return "fakeCmd"; }
  std::string Description() const override { return "a test command"; }
  void BuildOptions(cli::Options& options) const override {
    options.AddOption("t", "topic", true, "topic name", /*required=*/true);
  }
  bool SupportsJson() const override { return true; }
  void Execute(const cli::CommandLine& line, CommandContext& ctx) override {
    ctx.out << "topic=" << line.GetOptionValueOr("t", "?") << " json=" << ctx.json
            << " ns=" << ctx.namesrv_addr << "\n";
    body_(ctx);
  }

 private:
  std::function<void(CommandContext&)> body_;
};

RunResult RunFake(std::function<void(CommandContext&)> body, std::vector<std::string> extra = {}) {
  std::vector<std::unique_ptr<SubCommand>> commands;
  commands.push_back(std::make_unique<ThrowingCommand>(std::move(body)));
  const CommandTable table(std::move(commands));
  std::vector<std::string> args = {"fakecmd", "-n", "10.0.0.1:9876", "-t", "T1"};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunMqadmin(args, table);
}

TEST(MqadminErrors, SuccessExits0AndJsonReachesTheCommand) {
  const RunResult run = RunFake([](CommandContext&) {}, {"--json"});
  EXPECT_EQ(run.out, "topic=T1 json=1 ns=10.0.0.1:9876\n");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.status, 0);
}

TEST(MqadminErrors, CommandError) {
  const RunResult run =
      RunFake([](CommandContext&) { throw CommandError("topic name must not be empty"); });
  EXPECT_EQ(run.out, "topic=T1 json=0 ns=10.0.0.1:9876\n");  // what was printed before stays
  EXPECT_EQ(run.err, "mqadmin fakeCmd: topic name must not be empty\n");
  EXPECT_EQ(run.status, 1);
}

TEST(MqadminErrors, BrokerAnswer) {
  const RunResult run = RunFake([](CommandContext&) {
    throw MQBrokerException(17, "topic[X] not exist", "127.0.0.1:10911");
  });
  EXPECT_EQ(run.err,
            "mqadmin fakeCmd: broker 127.0.0.1:10911 answered CODE 17 (TOPIC_NOT_EXIST): "
            "topic[X] not exist\n");
  EXPECT_EQ(run.status, 1);
}

TEST(MqadminErrors, NameServerAnswer) {
  const RunResult run = RunFake([](CommandContext&) {
    throw MQClientException("No topic route info in name server for the topic: X", 17);
  });
  EXPECT_EQ(run.err,
            "mqadmin fakeCmd: NameServer 10.0.0.1:9876 answered CODE 17 (TOPIC_NOT_EXIST): "
            "No topic route info in name server for the topic: X\n");
  EXPECT_EQ(run.status, 1);
}

TEST(MqadminErrors, ClientSideFailure) {
  RunResult run = RunFake(
      [](CommandContext&) { throw MQClientException("connect to 127.0.0.1:1 failed", -1002); });
  EXPECT_EQ(run.err, "mqadmin fakeCmd: connect to 127.0.0.1:1 failed (CODE -1002)\n");
  EXPECT_EQ(run.status, 1);
  run = RunFake([](CommandContext&) { throw MQClientException("not started"); });
  EXPECT_EQ(run.err, "mqadmin fakeCmd: not started\n");
}

TEST(MqadminErrors, ParseErrorOfAFakeCommandPrintsItsUsage) {
  std::vector<std::unique_ptr<SubCommand>> commands;
  commands.push_back(std::make_unique<ThrowingCommand>([](CommandContext&) {}));
  const CommandTable table(std::move(commands));
  const RunResult run = RunMqadmin({"fakeCmd", "--json"}, table);  // -t missing
  EXPECT_EQ(run.out,
            "usage: mqadmin fakeCmd [-h] [-n <arg>] -t <arg>\n"
            " -h,--help                Print help\n"
            " -n,--namesrvAddr <arg>   Name server address list, eg: "
            "'192.168.0.1:9876;192.168.0.2:9876'\n"
            " -t,--topic <arg>         topic name\n");
  EXPECT_EQ(run.status, 1);
}

TEST(MqadminErrors, OutOfScopeCommandsSayWhy) {
  ::setenv("NAMESRV_ADDR", "127.0.0.1:1", 1);
  RunResult run = RunMqadmin({"startMonitoring"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("mqadmin startMonitoring: startMonitoring is not supported"),
            std::string::npos)
      << run.err;
  run = RunMqadmin({"queryMsgTraceById", "-i", "X"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("trace topic"), std::string::npos) << run.err;
  ::unsetenv("NAMESRV_ADDR");
}

}  // namespace
}  // namespace rocketmq::admin::tools
