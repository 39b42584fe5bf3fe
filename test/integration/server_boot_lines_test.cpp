// The real mqnamesrv and mqbroker binaries print Java's boot line once each, on stdout (as
// NamesrvStartup / BrokerStartup do), and not a second time through their stderr log; a bad
// ROCKETMQ_LOG_LEVEL is refused with a clear message.
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "support/child_process.h"
#include "support/temp_dir.h"

namespace rocketmq::test {
namespace {

std::string ReadAllOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int CountOf(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(ServerBootLinesTest, EachServerPrintsItsJavaBootLineOnceOnStdout) {
  TempDir dir("boot_lines");
  const std::string bin = ROCKETMQ_BIN_DIR;
  const int ns_port = FreePort();
  const int broker_port = FreePort();
  WriteTextFile(dir.path() + "/ns.conf", "listenPort=" + std::to_string(ns_port) +
                                             "\nkvConfigPath=" + dir.path() + "/kv.json\n");
  WriteTextFile(
      dir.path() + "/broker.conf",
      "brokerName=broker-b\nbrokerIP1=127.0.0.1\nlistenPort=" + std::to_string(broker_port) +
          "\nstorePathRootDir=" + dir.path() + "/store\nmappedFileSizeCommitLog=1048576\n");
  const std::string ns_addr = "127.0.0.1:" + std::to_string(ns_port);
  ChildProcess ns(bin + "/mqnamesrv", {"-c", dir.path() + "/ns.conf"}, dir.path() + "/ns.out");
  ASSERT_TRUE(ns.WaitForOutput("boot success", std::chrono::seconds(20)));
  ChildProcess broker(bin + "/mqbroker", {"-c", dir.path() + "/broker.conf", "-n", ns_addr},
                      dir.path() + "/broker.out");
  ASSERT_TRUE(broker.WaitForOutput("boot success", std::chrono::seconds(20)));
  // Let the servers run past start-up (registration, first timers) before counting.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const int broker_status = broker.Kill(SIGTERM);
  const int ns_status = ns.Kill(SIGTERM);
  EXPECT_TRUE(WIFEXITED(broker_status) && WEXITSTATUS(broker_status) == 0) << broker_status;
  EXPECT_TRUE(WIFEXITED(ns_status) && WEXITSTATUS(ns_status) == 0) << ns_status;

  const std::string ns_out = ReadAllOf(dir.path() + "/ns.out");
  const std::string ns_err = ReadAllOf(dir.path() + "/ns.out.err");
  EXPECT_EQ(CountOf(ns_out, "The Name Server boot success. serializeType=JSON\n"), 1) << ns_out;
  EXPECT_EQ(CountOf(ns_err, "boot success"), 0) << ns_err;

  const std::string broker_out = ReadAllOf(dir.path() + "/broker.out");
  const std::string broker_err = ReadAllOf(dir.path() + "/broker.out.err");
  const std::string line = "The broker[broker-b, 127.0.0.1:" + std::to_string(broker_port) +
                           "] boot success. serializeType=JSON and name server is " + ns_addr +
                           "\n";
  EXPECT_EQ(CountOf(broker_out, line), 1) << broker_out;
  EXPECT_EQ(CountOf(broker_out, "boot success"), 1) << broker_out;
  EXPECT_EQ(CountOf(broker_err, "boot success"), 0) << broker_err;
  // The log still works: the broker's INFO records reach stderr and its log file.
  EXPECT_NE(broker_err.find(" INFO  ["), std::string::npos) << broker_err;
  EXPECT_NE(ReadAllOf(dir.path() + "/store/logs/broker.log").find(" INFO  ["), std::string::npos);
}

TEST(ServerBootLinesTest, LogLevelFromTheEnvironment) {
  TempDir dir("boot_lines_env");
  const std::string bin = ROCKETMQ_BIN_DIR;
  WriteTextFile(dir.path() + "/ns.conf", "listenPort=" + std::to_string(FreePort()) +
                                             "\nkvConfigPath=" + dir.path() + "/kv.json\n");
  // A value that is not a level: refused before anything starts.
  setenv("ROCKETMQ_LOG_LEVEL", "loud", 1);
  {
    ChildProcess ns(bin + "/mqnamesrv", {"-c", dir.path() + "/ns.conf"}, dir.path() + "/bad.out");
    const std::string why = "ROCKETMQ_LOG_LEVEL=loud is not a log level";
    bool said = false;
    for (int i = 0; i < 500 && !said; ++i) {
      said = ReadAllOf(dir.path() + "/bad.out.err").find(why) != std::string::npos;
      if (!said) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_TRUE(said) << ReadAllOf(dir.path() + "/bad.out.err");
    // It exits right after saying so: signal 0 changes nothing, Kill reaps it for its status.
    const int status = ns.Kill(0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << status;
    EXPECT_EQ(ReadAllOf(dir.path() + "/bad.out").find("boot success"), std::string::npos);
  }
  // "error" silences the INFO start-up records but not the boot line on stdout.
  setenv("ROCKETMQ_LOG_LEVEL", "error", 1);
  ChildProcess ns(bin + "/mqnamesrv", {"-c", dir.path() + "/ns.conf"}, dir.path() + "/ns.out");
  unsetenv("ROCKETMQ_LOG_LEVEL");
  ASSERT_TRUE(ns.WaitForOutput("boot success", std::chrono::seconds(20)));
  const int status = ns.Kill(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_EQ(ReadAllOf(dir.path() + "/ns.out.err").find(" INFO  ["), std::string::npos);
}

}  // namespace
}  // namespace rocketmq::test
