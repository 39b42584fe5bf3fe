// mqbench: load generator for the bundled (or any) cluster, like Java's benchmark Producer.
//
//   mqbench producer -n 127.0.0.1:9876 -t BenchmarkTopic -s 128 --threads 16 --duration_s 10
//                    [--async]
// Prints TPS, average and max latency once a second and a final summary line:
//   "summary: sent=N failed=F tps=T avg_rt_ms=A max_rt_ms=M"
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <gflags/gflags.h>

#include "rocketmq/rocketmq.h"

DEFINE_string(n, "127.0.0.1:9876", "NameServer address");
DEFINE_string(t, "BenchmarkTest", "topic");
DEFINE_int32(s, 128, "body size in bytes");
DEFINE_int32(threads, 1, "sending threads");
DEFINE_int32(duration_s, 10, "run time in seconds");
DEFINE_bool(async, false, "send asynchronously (each thread keeps --inflight sends outstanding)");
DEFINE_int32(inflight, 64, "outstanding async sends per thread");
DEFINE_string(g, "benchmark_producer", "producer group");

namespace {

using Clock = std::chrono::steady_clock;

struct Stats {
  std::atomic<int64_t> sent{0};
  std::atomic<int64_t> failed{0};
  std::atomic<int64_t> total_rt_us{0};
  std::atomic<int64_t> max_rt_us{0};

  void Record(int64_t rt_us, bool ok) {
    (ok ? sent : failed)++;
    total_rt_us += rt_us;
    int64_t prev = max_rt_us.load();
    while (rt_us > prev && !max_rt_us.compare_exchange_weak(prev, rt_us)) {
    }
  }
};

int64_t Micros(Clock::time_point begin) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - begin).count();
}

int RunProducer() {
  rocketmq::DefaultMQProducer producer(FLAGS_g);
  producer.setNamesrvAddr(FLAGS_n);
  try {
    producer.start();
  } catch (const rocketmq::MQException& e) {
    std::fprintf(stderr, "start failed: %s\n", e.what());
    return 1;
  }
  const std::string body(static_cast<size_t>(std::max(1, FLAGS_s)), 'x');
  Stats stats;
  std::atomic<bool> stop{false};
  std::vector<std::thread> workers;
  for (int w = 0; w < FLAGS_threads; ++w) {
    workers.emplace_back([&] {
      std::atomic<int> outstanding{0};
      while (!stop) {
        rocketmq::MQMessage msg(FLAGS_t, body);
        const auto begin = Clock::now();
        if (!FLAGS_async) {
          try {
            producer.send(msg);
            stats.Record(Micros(begin), true);
          } catch (const rocketmq::MQException&) {
            stats.Record(Micros(begin), false);
          }
          continue;
        }
        while (outstanding >= FLAGS_inflight && !stop) std::this_thread::yield();
        outstanding++;
        try {
          producer.send(
              msg,
              [&, begin](rocketmq::SendResult&) {
                stats.Record(Micros(begin), true);
                outstanding--;
              },
              [&, begin](rocketmq::MQException&) {
                stats.Record(Micros(begin), false);
                outstanding--;
              });
        } catch (const rocketmq::MQException&) {
          outstanding--;
          stats.Record(Micros(begin), false);
        }
      }
      while (outstanding > 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
  }
  const auto start = Clock::now();
  int64_t last_sent = 0, last_rt = 0, last_count = 0;
  for (int sec = 1; sec <= FLAGS_duration_s; ++sec) {
    std::this_thread::sleep_until(start + std::chrono::seconds(sec));
    int64_t sent = stats.sent.load(), failed = stats.failed.load(), rt = stats.total_rt_us.load();
    int64_t count = sent + failed;
    double avg_ms = count > last_count ? (rt - last_rt) / 1000.0 / (count - last_count) : 0;
    std::printf(
        "Current Time: %d s | Send TPS: %lld | Avg RT(ms): %.3f | Max RT(ms): %.3f | "
        "Send Failed: %lld\n",
        sec, static_cast<long long>(sent - last_sent), avg_ms, stats.max_rt_us.load() / 1000.0,
        static_cast<long long>(failed));
    std::fflush(stdout);
    last_sent = sent;
    last_rt = rt;
    last_count = count;
  }
  stop = true;
  for (auto& t : workers) t.join();
  producer.shutdown();
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  const int64_t sent = stats.sent.load(), failed = stats.failed.load();
  const int64_t count = std::max<int64_t>(1, sent + failed);
  std::printf("summary: sent=%lld failed=%lld tps=%.0f avg_rt_ms=%.3f max_rt_ms=%.3f\n",
              static_cast<long long>(sent), static_cast<long long>(failed), sent / secs,
              stats.total_rt_us.load() / 1000.0 / count, stats.max_rt_us.load() / 1000.0);
  return failed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  gflags::SetUsageMessage(
      "mqbench producer -n host:port -t topic -s size --threads N "
      "--duration_s S [--async]");
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  if (argc < 2 || std::strcmp(argv[1], "producer") != 0) {
    std::fprintf(stderr, "usage: mqbench producer [flags]  (see --help)\n");
    return 2;
  }
  return RunProducer();
}
