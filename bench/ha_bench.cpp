// ha_bench: what SYNC_MASTER replication costs. A master MessageStore with its HaService and a
// SLAVE store replicating from it over loopback run in this process; N writers put messages on
// the master for a fixed time, once as ASYNC_MASTER (the slave streams behind) and once as
// SYNC_MASTER (each put waits until the slave acknowledged it, group-committed). Prints msgs/s
// of both and their ratio, for 16 and 64 concurrent writers.
//
// Usage: ha_bench [dir] [seconds_per_case] [body_bytes]
//   dir defaults to $TMPDIR or /tmp; a scratch subdirectory is created and removed.
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "mockbroker/ha/ha_service.h"
#include "mockbroker/store/message_store.h"

namespace {

using rocketmq::MessageExt;
using rocketmq::SocketAddress;
using rocketmq::ha::HaService;
using rocketmq::store::BrokerRole;
using rocketmq::store::MessageStore;
using rocketmq::store::MessageStoreConfig;
using rocketmq::store::PutMessageStatus;
using Clock = std::chrono::steady_clock;

struct CaseResult {
  double msgs_per_sec = -1;
  int64_t not_ok = 0;
};

MessageStoreConfig StoreConfig(const std::string& dir, BrokerRole role) {
  MessageStoreConfig c;
  c.storePathRootDir = dir;
  c.mappedFileSizeCommitLog = 256 * 1024 * 1024;
  c.brokerRole = role;
  c.storeHost = *SocketAddress::Parse("127.0.0.1:10911");
  return c;
}

CaseResult RunCase(const std::string& dir, BrokerRole role, int writers, double seconds,
                   size_t body_bytes) {
  MessageStore master(StoreConfig(dir + "/master", role));
  if (!master.Start().ok()) return {};
  HaService master_ha(&master);
  if (!master_ha.Start(0).ok()) return {};
  master.SetReplicationHooks(master_ha.Hooks());
  MessageStoreConfig slave_config = StoreConfig(dir + "/slave", BrokerRole::kSlave);
  slave_config.haMasterAddress = "127.0.0.1:" + std::to_string(master_ha.port());
  MessageStore slave(slave_config);
  if (!slave.Start().ok()) return {};
  HaService slave_ha(&slave);
  if (!slave_ha.Start(0).ok()) return {};
  for (int i = 0; i < 500 && master_ha.connection_count() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  std::atomic<bool> stop{false};
  std::atomic<int64_t> msgs{0}, not_ok{0};
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
        auto r = master.PutMessage(m);
        if (r.status == PutMessageStatus::kPutOk) {
          msgs.fetch_add(1, std::memory_order_relaxed);
        } else {
          not_ok.fetch_add(1, std::memory_order_relaxed);
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop.store(true);
  for (auto& th : threads) th.join();
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  slave_ha.Shutdown();
  master_ha.Shutdown();
  master.SetReplicationHooks({});
  slave.Shutdown();
  master.Shutdown();
  return {static_cast<double>(msgs.load()) / secs, not_ok.load()};
}

}  // namespace

int main(int argc, char** argv) {
  const char* tmp = getenv("TMPDIR");
  std::string base = argc > 1 ? argv[1] : (tmp != nullptr ? tmp : "/tmp");
  const double seconds = argc > 2 ? atof(argv[2]) : 3.0;
  const size_t body = argc > 3 ? static_cast<size_t>(atol(argv[3])) : 1024;
  std::string scratch = base + "/ha_bench.XXXXXX";
  if (mkdtemp(scratch.data()) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  std::printf("ha_bench: %zu-byte bodies, %.1f s per case, in %s\n", body, seconds,
              scratch.c_str());
  std::printf("%8s %16s %16s %10s\n", "writers", "ASYNC msgs/s", "SYNC msgs/s", "SYNC/ASYNC");
  int run = 0;
  for (int writers : {16, 64}) {
    CaseResult async = RunCase(scratch + "/" + std::to_string(run++), BrokerRole::kAsyncMaster,
                               writers, seconds, body);
    CaseResult sync = RunCase(scratch + "/" + std::to_string(run++), BrokerRole::kSyncMaster,
                              writers, seconds, body);
    std::printf("%8d %16.0f %16.0f %9.1f%%", writers, async.msgs_per_sec, sync.msgs_per_sec,
                100.0 * sync.msgs_per_sec / async.msgs_per_sec);
    if (async.not_ok + sync.not_ok > 0) {
      std::printf("  (not PUT_OK: async %lld, sync %lld)", static_cast<long long>(async.not_ok),
                  static_cast<long long>(sync.not_ok));
    }
    std::printf("\n");
  }
  std::string rm = "rm -rf '" + scratch + "'";
  return std::system(rm.c_str()) == 0 ? 0 : 1;
}
