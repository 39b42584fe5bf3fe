#include "tools/bench/batch_bench.h"

#include <climits>
#include <cmath>
#include <memory>
#include <random>
#include <thread>

#include "rocketmq/rocketmq.h"
#include "tools/bench/bench_options.h"
#include "tools/bench/bench_runtime.h"
#include "tools/bench/bench_stats.h"

namespace rocketmq::bench {
namespace {

cli::Options BatchOptions() {
  cli::Options o = ServerUtilOptions();
  // Java's BatchProducer.buildCommandlineOptions (it redefines -n), in its order and words.
  o.AddOption("w", "threadCount", true, "Thread count, Default: 64");
  o.AddOption("s", "messageSize", true, "Message Size, Default: 128");
  o.AddOption("b", "batchSize", true, "Batch Size, Default: 16");
  o.AddOption("k", "keyEnable", true, "Message Key Enable, Default: false");
  o.AddOption("t", "topic", true, "Topic name, Default: BenchmarkTest");
  o.AddOption("l", "tagCount", true, "Tag count, Default: 0");
  o.AddOption("m", "msgTraceEnable", true, "Message Trace Enable, Default: false");
  o.AddOption("a", "aclEnable", true, "Acl Enable, Default: false");
  o.AddOption("c", "accessKey", true, "Acl Access Key, Default: rocketmq2");
  o.AddOption("e", "secretKey", true, "Acl Secret Key, Default: 123456789");
  o.AddOption("p", "propertySize", true, "Property Size, Default: 0");
  o.AddOption("n", "namesrv", true, "name server, Default: 127.0.0.1:9876");
  // Ours.
  o.AddOption("ri", "reportInterval", true, "Seconds between the periodic lines, Default: 10");
  o.AddOption("g", "group", true, "Producer group, Default: benchmark_batch_producer");
  o.AddOption("", "threads", true, "Same as -w");
  o.AddOption("", "duration_s", true, "Stop after this many seconds, Default: 0, no limit");
  return o;
}

struct BatchConfig {
  std::string namesrv, topic, group, access_key, secret_key;
  int64_t threads = 64, size = 128, batch = 16, property_size = 0, tag_count = 0;
  int64_t report_interval_s = 10, duration_s = 0;
  bool key_enable = false, trace_enable = false, acl_enable = false;
};

struct BatchCounters {
  std::atomic<int64_t> request_success{0};
  std::atomic<int64_t> request_failed{0};
  std::atomic<int64_t> message_success{0};
  std::atomic<int64_t> message_failed{0};
  std::atomic<int64_t> rt_total_us{0};
  std::atomic<int64_t> max_rt_us{0};
  LatencyHistogram rt_us;

  BatchSnapshot Snapshot() const {
    BatchSnapshot s;
    s.time_ms = NowMillis();
    s.request_success = request_success.load();
    s.request_failed = request_failed.load();
    s.message_success = message_success.load();
    s.message_failed = message_failed.load();
    s.rt_total_us = rt_total_us.load();
    s.rt_histogram_us = rt_us.Snapshot();
    return s;
  }
  int64_t MaxRtMs() const { return std::llround(static_cast<double>(max_rt_us.load()) / 1000); }
};

class BatchBench {
 public:
  BatchBench(const BatchConfig& cfg, LinePrinter& printer)
      : cfg_(cfg), printer_(printer), body_(RandomAlphanumeric(static_cast<size_t>(cfg.size))) {}
  int Run(std::ostream& err);

 private:
  void SendLoop();
  void Tick(int64_t k);
  std::vector<MQMessage> BuildBatch(std::mt19937& rng);

  const BatchConfig& cfg_;
  LinePrinter& printer_;
  const std::string body_;
  std::unique_ptr<DefaultMQProducer> producer_;
  BatchCounters counters_;
  std::atomic<bool> stop_{false};
  std::mutex window_mu_;
  SnapshotWindow<BatchSnapshot> window_;  // guarded by window_mu_
};

void BatchBench::Tick(int64_t k) {
  std::lock_guard<std::mutex> lock(window_mu_);
  window_.Add(counters_.Snapshot());
  const auto span = PeriodicSpan(static_cast<int>(cfg_.report_interval_s));
  if (k % cfg_.report_interval_s == 0 && window_.size() >= span) {
    printer_.Line(BatchPeriodicLine(NowMillis(),
                                    ComputeBatch(window_.FirstOfLast(span), window_.Last()),
                                    counters_.MaxRtMs(), window_.Last()));
  }
}

std::vector<MQMessage> BatchBench::BuildBatch(std::mt19937& rng) {
  std::vector<MQMessage> msgs;
  msgs.reserve(static_cast<size_t>(cfg_.batch));
  const std::string keys = std::to_string(NowMillis() / 1000);
  // Java: tags "tag<n>" counting up from (messages sent so far % tagCount).
  int64_t tag_id = cfg_.tag_count > 0 ? counters_.message_success.load() % cfg_.tag_count : 0;
  for (int64_t i = 0; i < cfg_.batch; ++i) {
    MQMessage msg(cfg_.topic, body_);
    if (cfg_.key_enable) msg.setKeys(keys);
    if (cfg_.tag_count > 0) msg.setTags("tag" + std::to_string(tag_id++));
    if (cfg_.property_size > 0) {
      // Java: prop<i>=hello<v> pairs until their text exceeds -p characters.
      int64_t value = static_cast<int64_t>(rng() % 100), size = 0;
      for (int64_t p = 0;; ++p, ++value) {
        const std::string name = "prop" + std::to_string(p);
        const std::string text = "hello" + std::to_string(value);
        msg.putUserProperty(name, text);
        size += static_cast<int64_t>(name.size() + text.size());
        if (size > cfg_.property_size) break;
      }
    }
    msgs.push_back(std::move(msg));
  }
  return msgs;
}

void BatchBench::SendLoop() {
  std::mt19937 rng(std::random_device{}());
  while (!stop_ && !StopRequested()) {
    std::vector<MQMessage> msgs = BuildBatch(rng);
    const auto n = static_cast<int64_t>(msgs.size());
    const int64_t begin_us = SteadyMicros();
    try {
      const SendResult result = producer_->send(msgs);
      if (result.getSendStatus() == SEND_OK) {
        counters_.request_success.fetch_add(1);
        counters_.message_success.fetch_add(n);
      } else {
        counters_.request_failed.fetch_add(1);
        counters_.message_failed.fetch_add(n);
      }
      // Java adds the RT of every answered batch, stored or not.
      const int64_t rt = SteadyMicros() - begin_us;
      counters_.rt_total_us.fetch_add(rt);
      AtomicMax(counters_.max_rt_us, rt);
      counters_.rt_us.Record(rt);
    } catch (const MQException& e) {
      counters_.request_failed.fetch_add(1);
      counters_.message_failed.fetch_add(n);
      const int code = e.getResponseCode();
      // Java pauses 3 s after a RemotingException or MQBrokerException.
      if (dynamic_cast<const MQBrokerException*>(&e) != nullptr || code == -1002 || code == -1004 ||
          code == -1006) {
        SleepUnlessStopped(std::chrono::seconds(3), stop_);
      }
    }
  }
}

int BatchBench::Run(std::ostream& err) {
  SnapshotTicker ticker([this](int64_t k) { Tick(k); });
  producer_ = std::make_unique<DefaultMQProducer>(cfg_.group);
  producer_->setInstanceName(std::to_string(NowMillis()));
  producer_->setNamesrvAddr(cfg_.namesrv);
  producer_->setCompressMsgBodyOverHowmuch(INT_MAX);
  if (cfg_.acl_enable) producer_->setSessionCredentials(cfg_.access_key, cfg_.secret_key);
  try {
    producer_->start();
  } catch (const MQException& e) {
    err << "mqbench: producer start failed: " << e.what() << "\n";
    return 1;
  }
  std::vector<std::thread> workers;
  for (int64_t i = 0; i < cfg_.threads; ++i) workers.emplace_back([this] { SendLoop(); });
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
  ticker.Stop();
  const BatchSnapshot now = counters_.Snapshot();
  {
    std::lock_guard<std::mutex> lock(window_mu_);
    // With fewer than two snapshots the whole run is the window.
    const BatchSnapshot zero;
    const bool have_window = window_.size() > 1;
    printer_.Line(BatchCompleteLine(
        now.request_success + now.request_failed,
        have_window ? ComputeBatch(window_.First(), window_.Last()) : ComputeBatch(zero, now),
        counters_.MaxRtMs(), have_window ? window_.Last() : now));
  }
  producer_->shutdown();
  return now.request_failed == 0 ? 0 : 1;
}

}  // namespace

int RunBatchProducer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const cli::Options options = BatchOptions();
  int exit_code = 0;
  std::optional<cli::CommandLine> line =
      ParseOrUsage("benchmarkBatchProducer", options, {}, args, out, err, &exit_code);
  if (!line) return exit_code;
  OptionReader r(*line);
  BatchConfig c;
  c.namesrv = NamesrvFrom(r);
  c.topic = r.GetString({"t"}, "BenchmarkTest");
  c.threads = r.GetInt({"w", "threads"}, 64, 1, 100000);
  c.size = r.GetInt({"s"}, 128, 1, 4 * 1024 * 1024);
  c.batch = r.GetInt({"b"}, 16, 1, 1000000);
  c.key_enable = r.GetBool({"k"}, false);
  c.property_size = r.GetInt({"p"}, 0, 0, INT_MAX);
  c.tag_count = r.GetInt({"l"}, 0, 0, INT_MAX);
  c.trace_enable = r.GetBool({"m"}, false);
  c.acl_enable = r.GetBool({"a"}, false);
  c.access_key = r.GetString({"c"}, "rocketmq2");
  c.secret_key = r.GetString({"e"}, "12346789");
  c.group = r.GetString({"g"}, "benchmark_batch_producer");
  c.report_interval_s = r.GetInt({"ri"}, 10, 1, 86400);
  c.duration_s = r.GetInt({"duration_s"}, 0, 0, INT_MAX);
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
      << " batchSize: " << c.batch << " keyEnable: " << JavaBoolText(c.key_enable)
      << " propertySize: " << c.property_size << " tagCount: " << c.tag_count
      << " traceEnable: " << JavaBoolText(c.trace_enable)
      << " aclEnable: " << JavaBoolText(c.acl_enable) << "\n"
      << std::flush;
  LinePrinter printer(out);
  BatchBench bench(c, printer);
  return bench.Run(err);
}

}  // namespace rocketmq::bench
