// store_bench: append throughput of the message store, ASYNC_FLUSH and SYNC_FLUSH (group commit)
// with 1, 16 and 64 concurrent writers, next to the disk's sequential write bandwidth measured
// in the same run (1 MiB writes, then fsync).
//
// Usage: store_bench [dir] [seconds_per_case] [body_bytes]
//   dir defaults to $TMPDIR or /tmp; a scratch subdirectory is created and removed.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "mockbroker/store/message_store.h"

namespace {

using rocketmq::MessageExt;
using rocketmq::SocketAddress;
using rocketmq::store::FlushDiskType;
using rocketmq::store::MessageStore;
using rocketmq::store::MessageStoreConfig;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// dd-like: write `total` bytes in 1 MiB chunks, fsync, report MiB/s.
double DiskSequentialMiBps(const std::string& dir, size_t total) {
  std::string path = dir + "/dd.tmp";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return -1;
  std::string chunk(1 << 20, 'x');
  auto start = Clock::now();
  for (size_t done = 0; done < total; done += chunk.size()) {
    if (::write(fd, chunk.data(), chunk.size()) != static_cast<ssize_t>(chunk.size())) break;
  }
  ::fsync(fd);
  double secs = Seconds(Clock::now() - start);
  ::close(fd);
  ::unlink(path.c_str());
  return static_cast<double>(total) / (1 << 20) / secs;
}

struct CaseResult {
  double mib_per_sec;
  double msgs_per_sec;
  int64_t failures;
};

CaseResult RunCase(const std::string& dir, FlushDiskType type, int writers, double seconds,
                   size_t body_bytes) {
  MessageStoreConfig config;
  config.storePathRootDir = dir;
  config.mappedFileSizeCommitLog = 256 * 1024 * 1024;
  config.flushDiskType = type;
  config.storeHost = *SocketAddress::Parse("127.0.0.1:10911");
  MessageStore store(config);
  if (!store.Start().ok()) return {-1, -1, -1};
  std::atomic<bool> stop{false};
  std::atomic<int64_t> bytes{0}, msgs{0}, failures{0};
  std::vector<std::thread> threads;
  auto start = Clock::now();
  for (int t = 0; t < writers; ++t) {
    threads.emplace_back([&, t] {
      MessageExt m;
      m.set_topic("BenchTopic");
      m.set_queue_id(t % 8);
      m.set_body(std::string(body_bytes, 'b'));
      m.set_tags("TagA");
      m.set_born_host(*SocketAddress::Parse("127.0.0.1:40000"));
      while (!stop.load(std::memory_order_relaxed)) {
        auto r = store.PutMessage(m);
        if (r.IsOk()) {
          bytes.fetch_add(r.append.wrote_bytes, std::memory_order_relaxed);
          msgs.fetch_add(1, std::memory_order_relaxed);
        } else {
          failures.fetch_add(1, std::memory_order_relaxed);
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop.store(true);
  for (auto& th : threads) th.join();
  double secs = Seconds(Clock::now() - start);
  store.Shutdown();
  return {static_cast<double>(bytes.load()) / (1 << 20) / secs,
          static_cast<double>(msgs.load()) / secs, failures.load()};
}

}  // namespace

int main(int argc, char** argv) {
  const char* tmp = getenv("TMPDIR");
  std::string base = argc > 1 && argv[1][0] != '\0' ? argv[1] : std::string(tmp && *tmp ? tmp : "/tmp");
  double seconds = argc > 2 ? std::atof(argv[2]) : 3.0;
  size_t body = argc > 3 ? static_cast<size_t>(std::atol(argv[3])) : 1024;
  std::string scratch = base + "/store_bench_XXXXXX";
  if (mkdtemp(scratch.data()) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  auto env = rocketmq::store::NewPosixEnv();
  std::printf("store_bench: dir=%s, %.1f s per case, body %zu bytes\n", scratch.c_str(), seconds,
              body);
  std::printf("disk sequential write + fsync (256 MiB, 1 MiB writes): %.1f MiB/s\n",
              DiskSequentialMiBps(scratch, 256u << 20));
  for (FlushDiskType type : {FlushDiskType::kAsyncFlush, FlushDiskType::kSyncFlush}) {
    for (int writers : {1, 16, 64}) {
      std::string dir = scratch + "/case";
      CaseResult r = RunCase(dir, type, writers, seconds, body);
      std::printf("%-11s writers=%-3d %8.1f MiB/s %10.0f msgs/s  failures=%lld\n",
                  type == FlushDiskType::kAsyncFlush ? "ASYNC_FLUSH" : "SYNC_FLUSH", writers,
                  r.mib_per_sec, r.msgs_per_sec, static_cast<long long>(r.failures));
      (void)env->RemoveDirRecursive(dir);
    }
  }
  (void)env->RemoveDirRecursive(scratch);
  return 0;
}
