#include "support/child_process.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <mutex>
#include <random>
#include <thread>

namespace rocketmq::test {

namespace {

// True when a listener could bind `port` on 127.0.0.1 right now.
bool CanBind(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  int on = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sa.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof(sa)) == 0;
  close(fd);
  return ok;
}

// Whatever `path` holds now (empty when it cannot be read).
std::string ReadWhatIsThere(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// First port of the kernel's ephemeral range (where connect() picks local ports).
int EphemeralLow() {
  int low = 32768;
  int high = 60999;
  std::ifstream in("/proc/sys/net/ipv4/ip_local_port_range");
  if (in >> low >> high && low > 11000) return low;
  return 32768;
}

}  // namespace

int FreePort() {
  // Below the ephemeral range: a port bound to 0 and released would be handed again to some
  // outgoing connection's local end, and the server's listen() on it then fails. The next port
  // must be free too, as a broker listens on listenPort + 1 for HA.
  static std::mutex mu;
  static std::mt19937 rng(static_cast<uint32_t>(getpid()) ^
                          static_cast<uint32_t>(std::random_device{}()));
  static const int low = EphemeralLow();
  std::lock_guard<std::mutex> lock(mu);
  std::uniform_int_distribution<int> pick(10000, low - 2);
  for (int attempt = 0; attempt < 1000; ++attempt) {
    const int port = pick(rng);
    if (CanBind(port) && CanBind(port + 1)) return port;
  }
  return 0;
}

void WriteTextFile(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

ChildProcess::ChildProcess(const std::string& bin, std::vector<std::string> args,
                           const std::string& out_path)
    : out_path_(out_path) {
  pid_ = fork();
  if (pid_ == 0) {
    FILE* out = std::fopen(out_path.c_str(), "w");
    dup2(fileno(out), 1);
    FILE* err = std::fopen((out_path + ".err").c_str(), "w");
    dup2(fileno(err), 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(bin.c_str()));
    for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
}

int ChildProcess::Kill(int sig) {
  if (pid_ <= 0) return -1;
  kill(pid_, sig);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

bool ChildProcess::WaitForOutput(const std::string& needle, std::chrono::seconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ReadWhatIsThere(out_path_).find(needle) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Say why in the test's output: the child's last words (a bind failure, a bad config line).
  for (const std::string& path : {out_path_, out_path_ + ".err"}) {
    std::string all = ReadWhatIsThere(path);
    if (all.size() > 2000) all = all.substr(all.size() - 2000);
    std::fprintf(stderr, "no \"%s\" in %s within %llds; it ends with:\n%s\n", needle.c_str(),
                 path.c_str(), static_cast<long long>(timeout.count()), all.c_str());
  }
  return false;
}

}  // namespace rocketmq::test
