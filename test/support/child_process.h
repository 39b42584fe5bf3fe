// Test helpers for the tests that run the real binaries (mqnamesrv, mqbroker) as child
// processes: a free loopback port, and ChildProcess, which owns one child by PID.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace rocketmq::test {

// A TCP port that was free on 127.0.0.1 a moment ago, with the port after it (a broker's HA
// port) free too; never from the kernel's ephemeral range.
int FreePort();

// Writes `text` to `path` (replacing it).
void WriteTextFile(const std::string& path, const std::string& text);

// A child process running `bin` with `args`, stdout to `out_path` and stderr to
// `out_path`.err. Killed (SIGKILL) and reaped when destroyed.
class ChildProcess {
 public:
  ChildProcess(const std::string& bin, std::vector<std::string> args, const std::string& out_path);
  ~ChildProcess() { Kill(9); }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // Sends `sig` and reaps; returns the wait status (-1 if already reaped).
  int Kill(int sig);
  // True once the child's stdout contains `needle` (polled until `timeout`).
  bool WaitForOutput(const std::string& needle, std::chrono::seconds timeout) const;

 private:
  pid_t pid_ = -1;
  std::string out_path_;
};

}  // namespace rocketmq::test
