#include "tools/bench/producer_bench.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <thread>

#include "rocketmq/rocketmq.h"
#include "tools/bench/bench_options.h"
#include "tools/bench/bench_runtime.h"
#include "tools/bench/bench_stats.h"

namespace rocketmq::bench {
namespace {

// Long names that were gflags booleans in earlier mqbench versions ("--async", "--noasync").
const std::set<std::string> kProducerBoolFlags = {"async"};

cli::Options ProducerOptions() {
  cli::Options o = ServerUtilOptions();
  // Java's Producer.buildCommandlineOptions, in its order and words.
  o.AddOption("w", "threadCount", true, "Thread count, Default: 64");
  o.AddOption("s", "messageSize", true, "Message Size, Default: 128");
  o.AddOption("k", "keyEnable", true, "Message Key Enable, Default: false");
  o.AddOption("t", "topic", true, "Topic name, Default: BenchmarkTest");
  o.AddOption("l", "tagCount", true, "Tag count, Default: 0");
  o.AddOption("m", "msgTraceEnable", true, "Message Trace Enable, Default: false");
  o.AddOption("a", "aclEnable", true, "Acl Enable, Default: false");
  o.AddOption("ak", "accessKey", true, "Acl access key, Default: 12345678");
  o.AddOption("sk", "secretKey", true, "Acl secret key, Default: rocketmq2");
  o.AddOption("q", "messageQuantity", true, "Send message quantity, Default: 0, running forever");
  o.AddOption("d", "delayEnable", true, "Delay message Enable, Default: false");
  o.AddOption("e", "delayLevel", true, "Delay message level, Default: 1");
  o.AddOption("y", "asyncEnable", true, "Enable async produce, Default: false");
  // Ours.
  o.AddOption("ri", "reportInterval", true, "Seconds between the periodic lines, Default: 10");
  o.AddOption("g", "group", true, "Producer group, Default: benchmark_producer");
  o.AddOption("", "threads", true, "Same as -w");
  o.AddOption("", "count", true, "Same as -q");
  o.AddOption("", "async", true, "Same as -y");
  o.AddOption("", "duration_s", true, "Stop after this many seconds, Default: 0, no limit");
  o.AddOption("", "inflight", true, "Async: most sends outstanding at once, Default: 1000");
  o.AddOption("", "rate", true,
              "Messages per second over all threads, Default: 0, as fast as possible");
  o.AddOption("", "stats", true,
              "Print the client statistics (JSON, docs/statistics.md) on stderr every this many "
              "seconds and at the end, Default: 0, off");
  return o;
}

struct ProducerConfig {
  std::string namesrv, topic, group, access_key, secret_key;
  int64_t threads = 64, size = 128, tag_count = 0, quantity = 0, delay_level = 1;
  int64_t report_interval_s = 10, duration_s = 0, inflight = 1000, rate = 0, stats_s = 0;
  bool key_enable = false, trace_enable = false, acl_enable = false, delay_enable = false;
  bool async_enable = false;
};

// The live counters (StatsBenchmarkProducer) plus our RT histogram.
struct ProducerCounters {
  std::atomic<int64_t> send_success{0};
  std::atomic<int64_t> send_failed{0};
  std::atomic<int64_t> response_success{0};
  std::atomic<int64_t> response_failed{0};
  std::atomic<int64_t> rt_total_us{0};
  std::atomic<int64_t> max_rt_us{0};
  LatencyHistogram rt_us;

  void Success(int64_t rt_us_value) {
    send_success.fetch_add(1, std::memory_order_relaxed);
    response_success.fetch_add(1, std::memory_order_relaxed);
    rt_total_us.fetch_add(rt_us_value, std::memory_order_relaxed);
    AtomicMax(max_rt_us, rt_us_value);
    rt_us.Record(rt_us_value);
  }
  ProducerSnapshot Snapshot() const {
    ProducerSnapshot s;
    s.time_ms = NowMillis();
    s.send_success = send_success.load();
    s.send_failed = send_failed.load();
    s.response_success = response_success.load();
    s.response_failed = response_failed.load();
    s.rt_total_us = rt_total_us.load();
    s.rt_histogram_us = rt_us.Snapshot();
    return s;
  }
  int64_t MaxRtMs() const { return std::llround(static_cast<double>(max_rt_us.load()) / 1000); }
};

// Java's RemotingException: the request did not reach the broker or got no answer in time.
bool IsTransportFailure(const MQException& e) {
  const int code = e.getResponseCode();
  return code == -1002 || code == -1004 || code == -1006;
}

class ProducerBench {
 public:
  ProducerBench(const ProducerConfig& cfg, LinePrinter& printer)
      : cfg_(cfg),
        printer_(printer),
        body_(RandomAlphanumeric(static_cast<size_t>(cfg.size))),
        limiter_(cfg.inflight) {}

  int Run(std::ostream& err);

 private:
  void SendLoop(int64_t quota, int64_t index);
  void SendOne(MQMessage& msg);
  void Tick(int64_t k);

  const ProducerConfig& cfg_;
  LinePrinter& printer_;
  const std::string body_;
  std::unique_ptr<DefaultMQProducer> producer_;
  ProducerCounters counters_;
  InflightLimiter limiter_;
  std::atomic<bool> stop_{false};
  std::mutex window_mu_;
  SnapshotWindow<ProducerSnapshot> window_;  // guarded by window_mu_
};

void ProducerBench::Tick(int64_t k) {
  std::lock_guard<std::mutex> lock(window_mu_);
  window_.Add(counters_.Snapshot());
  const auto span = PeriodicSpan(static_cast<int>(cfg_.report_interval_s));
  if (k % cfg_.report_interval_s == 0 && window_.size() >= span) {
    const ProducerFigures f = ComputeProducer(window_.FirstOfLast(span), window_.Last());
    printer_.Line(
        ProducerPeriodicLine(JavaHumanTime(NowMillis()), f, counters_.MaxRtMs(), window_.Last()));
  }
}

void ProducerBench::SendOne(MQMessage& msg) {
  const int64_t begin_us = SteadyMicros();
  if (cfg_.async_enable) {
    if (!limiter_.Acquire(stop_)) return;
    try {
      producer_->send(
          msg,
          [this, begin_us](SendResult&) {
            counters_.Success(SteadyMicros() - begin_us);
            limiter_.Release();
          },
          [this](MQException&) {
            counters_.send_failed.fetch_add(1);
            limiter_.Release();
          });
    } catch (const MQException&) {
      counters_.send_failed.fetch_add(1);
      limiter_.Release();
    }
    return;
  }
  try {
    producer_->send(msg);
    counters_.Success(SteadyMicros() - begin_us);
  } catch (const MQBrokerException&) {
    counters_.response_failed.fetch_add(1);
    SleepUnlessStopped(std::chrono::seconds(3), stop_);
  } catch (const MQException& e) {
    counters_.send_failed.fetch_add(1);
    if (IsTransportFailure(e)) SleepUnlessStopped(std::chrono::seconds(3), stop_);
  }
}

void ProducerBench::SendLoop(int64_t quota, int64_t index) {
  // --rate: thread `index` sends its n-th message at (n * threads + index) / rate seconds, so the
  // threads take turns and the total is the rate from the first second on.
  const auto paced_start = SteadyClock::now();
  int64_t num = 0;
  while (!stop_ && !StopRequested()) {
    if (cfg_.rate > 0) {
      const auto due = paced_start + std::chrono::microseconds(static_cast<int64_t>(
                                         static_cast<double>(num * cfg_.threads + index) * 1e6 /
                                         static_cast<double>(cfg_.rate)));
      while (SteadyClock::now() < due && !stop_ && !StopRequested()) {
        std::this_thread::sleep_until(
            std::min(due, SteadyClock::now() + std::chrono::milliseconds(20)));
      }
      if (stop_ || StopRequested()) break;
    }
    MQMessage msg(cfg_.topic, body_);
    const int64_t now_ms = NowMillis();
    if (cfg_.key_enable) msg.setKeys(std::to_string(now_ms / 1000));
    if (cfg_.delay_enable) msg.setDelayTimeLevel(static_cast<int>(cfg_.delay_level));
    if (cfg_.tag_count > 0) msg.setTags("tag" + std::to_string(now_ms % cfg_.tag_count));
    SendOne(msg);
    ++num;
    if (cfg_.quantity > 0 && num >= quota) break;
  }
}

int ProducerBench::Run(std::ostream& err) {
  producer_ = std::make_unique<DefaultMQProducer>(cfg_.group);
  producer_->setInstanceName(std::to_string(NowMillis()));
  producer_->setNamesrvAddr(cfg_.namesrv);
  producer_->setCompressMsgBodyOverHowmuch(INT_MAX);
  if (cfg_.acl_enable) producer_->setSessionCredentials(cfg_.access_key, cfg_.secret_key);
  StatsPrinter stats(err);
  if (cfg_.stats_s > 0) producer_->setStatisticsOptions(stats.Options(cfg_.stats_s));

  // Java splits -q over the threads, the remainder to the first.
  std::vector<int64_t> quotas(static_cast<size_t>(cfg_.threads), 0);
  if (cfg_.quantity > 0) {
    std::fill(quotas.begin(), quotas.end(), cfg_.quantity / cfg_.threads);
    quotas[0] += cfg_.quantity % cfg_.threads;
  }
  SnapshotTicker ticker([this](int64_t k) { Tick(k); });
  try {
    producer_->start();
  } catch (const MQException& e) {
    err << "mqbench: producer start failed: " << e.what() << "\n";
    return 1;
  }
  std::vector<std::thread> workers;
  for (size_t i = 0; i < quotas.size(); ++i) {
    const int64_t quota = quotas[i];
    if (cfg_.quantity > 0 && quota == 0) break;
    workers.emplace_back([this, quota, i] { SendLoop(quota, static_cast<int64_t>(i)); });
  }
  // --duration_s ends the run early; -q ends it when every thread sent its share.
  std::thread waiter;
  if (cfg_.duration_s > 0) {
    waiter = std::thread([this] {
      SleepUnlessStopped(std::chrono::seconds(cfg_.duration_s), stop_);
      stop_ = true;
    });
  }
  for (auto& w : workers) w.join();
  stop_ = true;
  if (waiter.joinable()) waiter.join();
  if (cfg_.async_enable && !limiter_.WaitIdle(std::chrono::seconds(30))) {
    err << "mqbench: async sends still outstanding after 30 s\n";
  }
  ticker.Stop();

  const ProducerSnapshot now = counters_.Snapshot();
  const int64_t total = now.send_success + now.send_failed;
  {
    std::lock_guard<std::mutex> lock(window_mu_);
    if (window_.size() > 1) {
      printer_.Line(ProducerCompleteLine(total, ComputeProducer(window_.First(), window_.Last()),
                                         counters_.MaxRtMs(), window_.Last()));
    } else {
      printer_.Line(ProducerShortCompleteLine(
          total, now.send_failed, now.response_failed,
          LatencyHistogram::Percentile(now.rt_histogram_us, 0.50) / 1000.0,
          LatencyHistogram::Percentile(now.rt_histogram_us, 0.99) / 1000.0));
    }
  }
  if (cfg_.stats_s > 0) stats.Print(producer_->getStatistics());
  producer_->shutdown();
  return now.send_failed == 0 && now.response_failed == 0 ? 0 : 1;
}

}  // namespace

int RunProducer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const cli::Options options = ProducerOptions();
  int exit_code = 0;
  std::optional<cli::CommandLine> line =
      ParseOrUsage("benchmarkProducer", options, kProducerBoolFlags, args, out, err, &exit_code);
  if (!line) return exit_code;
  OptionReader r(*line);
  ProducerConfig c;
  c.namesrv = NamesrvFrom(r);
  c.topic = r.GetString({"t"}, "BenchmarkTest");
  c.size = r.GetInt({"s"}, 128, 1, 4 * 1024 * 1024);
  c.key_enable = r.GetBool({"k"}, false);
  c.tag_count = r.GetInt({"l"}, 0, 0, INT_MAX);
  c.trace_enable = r.GetBool({"m"}, false);
  c.acl_enable = r.GetBool({"a"}, false);
  c.quantity = r.GetInt({"q", "count"}, 0, 0, INT64_MAX);
  c.delay_enable = r.GetBool({"d"}, false);
  c.delay_level = r.GetInt({"e"}, 1, INT_MIN, INT_MAX);
  c.async_enable = r.GetBool({"y", "async"}, false);
  // Java: an async run uses one sending thread whatever -w says.
  c.threads = c.async_enable ? 1 : r.GetInt({"w", "threads"}, 64, 1, 100000);
  c.access_key = r.GetString({"ak"}, "rocketmq2");
  c.secret_key = r.GetString({"sk"}, "12345678");
  c.group = r.GetString({"g"}, "benchmark_producer");
  c.report_interval_s = r.GetInt({"ri"}, 10, 1, 86400);
  c.duration_s = r.GetInt({"duration_s"}, 0, 0, INT_MAX);
  c.inflight = r.GetInt({"inflight"}, 1000, 1, 10000000);
  c.rate = r.GetInt({"rate"}, 0, 0, INT_MAX);
  c.stats_s = r.GetInt({"stats"}, 0, 0, 86400);
  if (!r.ok()) {
    err << "mqbench: " << r.error() << "\n";
    return 1;
  }
  if (c.trace_enable) {
    err << "mqbench: -m true: this client has no message trace (Java's AsyncTraceDispatcher); "
           "run without -m\n";
    return 1;
  }
  out << "topic: " << c.topic << " threadCount: " << c.threads << " messageSize: " << c.size
      << " keyEnable: " << JavaBoolText(c.key_enable)
      << " propertySize: 0 tagCount: " << c.tag_count
      << " traceEnable: " << JavaBoolText(c.trace_enable)
      << " aclEnable: " << JavaBoolText(c.acl_enable) << " messageQuantity: " << c.quantity
      << "\ndelayEnable: " << JavaBoolText(c.delay_enable) << " delayLevel: " << c.delay_level
      << "\nasyncEnable: " << JavaBoolText(c.async_enable) << "\n"
      << std::flush;
  LinePrinter printer(out);
  ProducerBench bench(c, printer);
  return bench.Run(err);
}

}  // namespace rocketmq::bench
