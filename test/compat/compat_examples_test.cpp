// Runs the official-client-style programs of test/compat (built against the compatibility
// headers only) against an in-process NameServer and broker on ephemeral loopback ports: each
// must exit 0, which it does only when every message it sent was stored and, for the consumers,
// read back as its program describes.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "integration/broker_test_util.h"

namespace rocketmq::test {
namespace {

struct ProgramRun {
  int exit_code = -1;  // -1: killed after the timeout, or did not start
  std::string output;  // stdout and stderr
};

// Runs `program` from the compat programs' directory with `args`, waiting at most `timeout`;
// a program still running then is killed by its PID.
ProgramRun RunProgram(const std::string& dir, const std::string& program,
                      const std::vector<std::string>& args, std::chrono::seconds timeout) {
  const std::string bin = std::string(ROCKETMQ_COMPAT_BIN_DIR) + "/" + program;
  const std::string out_path = dir + "/" + program + ".out";
  std::vector<std::string> argv_strings{bin};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  ProgramRun run;
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  if (pid < 0) return run;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  pid_t done = 0;
  while ((done = waitpid(pid, &status, WNOHANG)) == 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (done == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  } else if (done == pid && WIFEXITED(status)) {
    run.exit_code = WEXITSTATUS(status);
  }
  std::ifstream in(out_path);
  std::stringstream ss;
  ss << in.rdbuf();
  run.output = ss.str();
  return run;
}

class CompatExamplesTest : public BrokerFixture {
 protected:
  // Creates `topic` with 4 queues and runs `program` on it; expects exit code 0.
  void Run(const std::string& program, const std::string& topic, int count,
           std::vector<std::string> extra = {}) {
    ASSERT_EQ(CreateTopic(topic, 4).code(), 0);
    std::vector<std::string> args{"-n", "127.0.0.1:" + std::to_string(namesrv_->port()),
                                  "-g", "compat_" + topic,
                                  "-t", topic,
                                  "-m", std::to_string(count),
                                  "-w", "60"};
    args.insert(args.end(), extra.begin(), extra.end());
    ProgramRun run = RunProgram(dir_.path(), program, args, std::chrono::seconds(90));
    EXPECT_EQ(run.exit_code, 0) << program << " output:\n" << run.output;
  }
};

TEST_F(CompatExamplesTest, SyncProducer) { Run("SyncProducer", "CompatSync", 20); }

TEST_F(CompatExamplesTest, SyncProducerSelectActiveBroker) {
  Run("SyncProducer", "CompatSyncActive", 5, {"-u"});
}

TEST_F(CompatExamplesTest, AsyncProducerWithAutoDeleteCallbacks) {
  Run("AsyncProducer", "CompatAsync", 20);
}

TEST_F(CompatExamplesTest, BatchProducer) { Run("BatchProducer", "CompatBatch", 10); }

TEST_F(CompatExamplesTest, PushConsumer) { Run("PushConsumer", "CompatPush", 30); }

TEST_F(CompatExamplesTest, OrderlyPushConsumer) { Run("OrderlyPushConsumer", "CompatOrderly", 30); }

TEST_F(CompatExamplesTest, PullConsumer) { Run("PullConsumer", "CompatPull", 25); }

TEST_F(CompatExamplesTest, TransactionProducer) {
  Run("TransactionProducer", "CompatTransaction", 10);
}

}  // namespace
}  // namespace rocketmq::test
