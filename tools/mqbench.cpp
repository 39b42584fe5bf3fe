// mqbench: load generator for the bundled (or any) cluster, like Java's benchmark Producer and
// Consumer.
//
//   mqbench producer -n 127.0.0.1:9876 -t BenchmarkTopic -s 128 --threads 16 --duration_s 10
//                    [--async] [--rate N]
// Prints TPS, average and max latency once a second and a final summary line:
//   "summary: sent=N failed=F tps=T avg_rt_ms=A max_rt_ms=M"
//
//   mqbench consumer -n 127.0.0.1:9876 -t BenchmarkTopic -g benchmark_consumer
//                    [--duration_s S] [--count N] [--from_first]
// A push consumer: prints receive TPS and end-to-end latency (consume time - born timestamp)
// percentiles once a second; stops after --duration_s, or once --count messages arrived (backlog
// drain), with a summary line:
//   "summary: received=N seconds=S tps=T e2e_p50_ms=A e2e_p99_ms=B e2e_max_ms=C"
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
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
DEFINE_string(g, "", "group (default benchmark_producer / benchmark_consumer)");
DEFINE_int32(rate, 0,
             "producer: total messages per second over all threads (0 = as fast as possible)");
DEFINE_int64(count, 0,
             "consumer: stop once this many messages arrived, or after --duration_s seconds "
             "without one (0 = run --duration_s)");
DEFINE_bool(from_first, true, "consumer: CONSUME_FROM_FIRST_OFFSET for a new group");
DEFINE_int32(consume_threads, 20, "consumer: consume threads");
DEFINE_int32(measure_after_s, 0, "consumer: leave the first seconds out of the summary (warm-up)");

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
  rocketmq::DefaultMQProducer producer(FLAGS_g.empty() ? "benchmark_producer" : FLAGS_g);
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
      // --rate: this thread's share, paced against its own schedule.
      const double per_thread =
          FLAGS_rate > 0 ? static_cast<double>(FLAGS_rate) / FLAGS_threads : 0;
      const auto paced_start = Clock::now();
      int64_t issued = 0;
      while (!stop) {
        if (per_thread > 0) {
          const auto due = paced_start + std::chrono::microseconds(
                                             static_cast<int64_t>(issued * 1e6 / per_thread));
          std::this_thread::sleep_until(due);
          ++issued;
        }
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

class BenchListener : public rocketmq::MessageListenerConcurrently {
 public:
  rocketmq::ConsumeConcurrentlyStatus consumeMessage(
      const std::vector<rocketmq::MQMessageExt>& msgs) override {
    const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    std::lock_guard<std::mutex> lock(mu);
    for (const auto& m : msgs) {
      second_latencies.push_back(now - m.getBornTimestamp());
      ++received;
    }
    return rocketmq::CONSUME_SUCCESS;
  }
  std::mutex mu;
  std::vector<int64_t> second_latencies;  // guarded by mu: this second's e2e latencies, ms
  std::vector<int64_t> all_latencies;     // guarded by mu
  std::atomic<int64_t> received{0};
};

int64_t Percentile(std::vector<int64_t>& v, double p) {
  if (v.empty()) return 0;
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

int RunConsumer() {
  BenchListener listener;
  rocketmq::DefaultMQPushConsumer consumer(FLAGS_g.empty() ? "benchmark_consumer" : FLAGS_g);
  consumer.setNamesrvAddr(FLAGS_n);
  consumer.subscribe(FLAGS_t, "*");
  consumer.setConsumeThreadMin(FLAGS_consume_threads);
  consumer.setConsumeThreadMax(FLAGS_consume_threads);
  if (FLAGS_from_first) consumer.setConsumeFromWhere(rocketmq::CONSUME_FROM_FIRST_OFFSET);
  consumer.registerMessageListener(&listener);
  try {
    consumer.start();
  } catch (const rocketmq::MQException& e) {
    std::fprintf(stderr, "start failed: %s\n", e.what());
    return 1;
  }
  const auto start = Clock::now();
  Clock::time_point last_message = start;
  int64_t last = 0;
  for (int sec = 1; FLAGS_count > 0 || sec <= FLAGS_duration_s; ++sec) {
    std::this_thread::sleep_until(start + std::chrono::seconds(sec));
    std::vector<int64_t> lat;
    {
      std::lock_guard<std::mutex> lock(listener.mu);
      lat.swap(listener.second_latencies);
      if (sec > FLAGS_measure_after_s) {
        listener.all_latencies.insert(listener.all_latencies.end(), lat.begin(), lat.end());
      }
    }
    const int64_t received = listener.received.load();
    if (received > last) last_message = Clock::now();
    std::printf(
        "Current Time: %d s | Receive TPS: %lld | E2E p50(ms): %lld | p99(ms): %lld | "
        "Total: %lld\n",
        sec, static_cast<long long>(received - last), static_cast<long long>(Percentile(lat, 0.5)),
        static_cast<long long>(Percentile(lat, 0.99)), static_cast<long long>(received));
    std::fflush(stdout);
    last = received;
    if (FLAGS_count > 0 && received >= FLAGS_count) break;
    // Drain mode gives up after --duration_s seconds without a new message.
    if (FLAGS_count > 0 && Clock::now() - (received > 0 ? last_message : start) >
                               std::chrono::seconds(FLAGS_duration_s)) {
      break;
    }
  }
  consumer.shutdown();
  std::vector<int64_t> all;
  {
    std::lock_guard<std::mutex> lock(listener.mu);
    all.swap(listener.all_latencies);
    all.insert(all.end(), listener.second_latencies.begin(), listener.second_latencies.end());
  }
  const int64_t received = listener.received.load();
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  const int64_t max = all.empty() ? 0 : *std::max_element(all.begin(), all.end());
  std::printf(
      "summary: received=%lld seconds=%.1f tps=%.0f e2e_p50_ms=%lld e2e_p99_ms=%lld "
      "e2e_max_ms=%lld\n",
      static_cast<long long>(received), secs, received / std::max(secs, 0.001),
      static_cast<long long>(Percentile(all, 0.5)), static_cast<long long>(Percentile(all, 0.99)),
      static_cast<long long>(max));
  return FLAGS_count > 0 && received < FLAGS_count ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  gflags::SetUsageMessage(
      "mqbench producer -n host:port -t topic -s size --threads N --duration_s S [--async] "
      "[--rate N]\n       mqbench consumer -n host:port -t topic [-g group] [--duration_s S] "
      "[--count N]");
  gflags::ParseCommandLineFlags(&argc, &argv, true);
  if (argc >= 2 && std::strcmp(argv[1], "producer") == 0) return RunProducer();
  if (argc >= 2 && std::strcmp(argv[1], "consumer") == 0) return RunConsumer();
  std::fprintf(stderr, "usage: mqbench producer|consumer [flags]  (see --help)\n");
  return 2;
}
