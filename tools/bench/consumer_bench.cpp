#include "tools/bench/consumer_bench.h"

#include <climits>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "rocketmq/rocketmq.h"
#include "tools/bench/bench_options.h"
#include "tools/bench/bench_runtime.h"
#include "tools/bench/bench_stats.h"

namespace rocketmq::bench {
namespace {

const std::set<std::string> kConsumerBoolFlags = {"from_first"};

cli::Options ConsumerOptions() {
  cli::Options o = ServerUtilOptions();
  // Java's Consumer.buildCommandlineOptions, in its order and words.
  o.AddOption("t", "topic", true, "Topic name, Default: BenchmarkTest");
  o.AddOption("w", "threadCount", true, "Thread count, Default: 20");
  o.AddOption("g", "group", true, "Consumer group name, Default: benchmark_consumer");
  o.AddOption("p", "group prefix enable", true, "Is group prefix enable, Default: false");
  o.AddOption("f", "filterType", true, "TAG, SQL92");
  o.AddOption("e", "expression", true, "filter expression content file path.ie: ./test/expr");
  o.AddOption("r", "fail rate", true, "consumer fail rate, default 0");
  o.AddOption("m", "msgTraceEnable", true, "Message Trace Enable, Default: false");
  o.AddOption("a", "aclEnable", true, "Acl Enable, Default: false");
  o.AddOption("ak", "accessKey", true, "Acl access key, Default: 12345678");
  o.AddOption("sk", "secretKey", true, "Acl secret key, Default: rocketmq2");
  // Ours.
  o.AddOption("q", "messageQuantity", true,
              "Stop after this many messages and print [Complete], Default: 0, running forever");
  o.AddOption("ri", "reportInterval", true, "Seconds between the periodic lines, Default: 10");
  o.AddOption("", "count", true, "Same as -q");
  o.AddOption("", "consume_threads", true, "Same as -w");
  o.AddOption("", "duration_s", true,
              "Stop after this many seconds (with -q: this many seconds without a message), "
              "Default: 0, no limit");
  o.AddOption("", "from_first", true,
              "A new group starts at the first offset (false: the last), Default: true");
  o.AddOption("", "measure_after_s", true,
              "Leave the first seconds out of the [Complete] line, Default: 0");
  o.AddOption("", "stats", true,
              "Print the client statistics (JSON, docs/statistics.md) on stderr every this many "
              "seconds and at the end, Default: 0, off");
  return o;
}

struct ConsumerConfig {
  std::string namesrv, topic, group, suffix_text, access_key, secret_key;
  std::optional<std::string> filter_type, expression_path;
  int64_t threads = 20, quantity = 0, report_interval_s = 10, duration_s = 0;
  int64_t measure_after_s = 0, stats_s = 0;
  double fail_rate = 0;
  bool trace_enable = false, acl_enable = false, from_first = true;
};

// Java's StatsBenchmarkConsumer (the periodic lines) and our run totals (the [Complete] line).
struct ConsumerCounters {
  std::atomic<int64_t> received{0};
  std::atomic<int64_t> b2c_total_ms{0};
  std::atomic<int64_t> s2c_total_ms{0};
  std::atomic<int64_t> b2c_max_ms{0};  // since the last periodic line
  std::atomic<int64_t> s2c_max_ms{0};
  std::atomic<int64_t> failed{0};
  LatencyHistogram b2c_ms;

  std::atomic<int64_t> run_received{0};
  std::atomic<int64_t> run_failed{0};
  std::atomic<int64_t> run_first_us{-1};
  std::atomic<int64_t> run_last_us{-1};
  std::atomic<int64_t> run_b2c_total_ms{0};
  std::atomic<int64_t> run_s2c_total_ms{0};
  std::atomic<int64_t> run_b2c_max_ms{0};
  std::atomic<int64_t> run_s2c_max_ms{0};
  LatencyHistogram run_b2c_ms;

  ConsumerSnapshot Snapshot() const {
    ConsumerSnapshot s;
    s.time_ms = NowMillis();
    s.received = received.load();
    s.b2c_total_ms = b2c_total_ms.load();
    s.s2c_total_ms = s2c_total_ms.load();
    s.failed = failed.load();
    s.b2c_histogram_ms = b2c_ms.Snapshot();
    return s;
  }
  ConsumerTotals Totals() const {
    ConsumerTotals t;
    t.received = run_received.load();
    t.failed = run_failed.load();
    t.first_us = run_first_us.load();
    t.last_us = run_last_us.load();
    t.b2c_total_ms = run_b2c_total_ms.load();
    t.s2c_total_ms = run_s2c_total_ms.load();
    t.b2c_max_ms = run_b2c_max_ms.load();
    t.s2c_max_ms = run_s2c_max_ms.load();
    t.b2c_histogram_ms = run_b2c_ms.Snapshot();
    return t;
  }
};

class BenchListener : public MessageListenerConcurrently {
 public:
  BenchListener(ConsumerCounters& c, double fail_rate, int64_t measure_from_us)
      : c_(c), fail_rate_(fail_rate), measure_from_us_(measure_from_us) {}

  ConsumeConcurrentlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override {
    const int64_t now = NowMillis();
    const int64_t now_us = SteadyMicros();
    const bool measured = now_us >= measure_from_us_;
    // Java's listener is called with one message (consumeMessageBatchMaxSize 1); a larger batch
    // counts each message.
    const bool fail = fail_rate_ > 0 && Random() < fail_rate_;
    for (const MQMessageExt& m : msgs) {
      const int64_t b2c = now - m.getBornTimestamp();
      const int64_t s2c = now - m.getStoreTimestamp();
      c_.received.fetch_add(1);
      c_.b2c_total_ms.fetch_add(b2c);
      c_.s2c_total_ms.fetch_add(s2c);
      AtomicMax(c_.b2c_max_ms, b2c);
      AtomicMax(c_.s2c_max_ms, s2c);
      c_.b2c_ms.Record(b2c);
      if (fail) c_.failed.fetch_add(1);
      if (!measured) continue;
      c_.run_received.fetch_add(1);
      int64_t unset = -1;
      c_.run_first_us.compare_exchange_strong(unset, now_us);
      AtomicMax(c_.run_last_us, now_us);
      c_.run_b2c_total_ms.fetch_add(b2c);
      c_.run_s2c_total_ms.fetch_add(s2c);
      AtomicMax(c_.run_b2c_max_ms, b2c);
      AtomicMax(c_.run_s2c_max_ms, s2c);
      c_.run_b2c_ms.Record(b2c);
      if (fail) c_.run_failed.fetch_add(1);
    }
    return fail ? RECONSUME_LATER : CONSUME_SUCCESS;
  }

 private:
  static double Random() {
    thread_local std::mt19937_64 rng(std::random_device{}());
    return std::uniform_real_distribution<double>(0, 1)(rng);
  }

  ConsumerCounters& c_;
  const double fail_rate_;
  const int64_t measure_from_us_;
};

// MixAll.file2String: the whole file, or nullopt when it cannot be read.
std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

int Consume(const ConsumerConfig& cfg, const std::string& expression, LinePrinter& printer,
            std::ostream& err) {
  ConsumerCounters counters;
  std::mutex window_mu;
  SnapshotWindow<ConsumerSnapshot> window;  // guarded by window_mu
  SnapshotTicker ticker([&](int64_t k) {
    std::lock_guard<std::mutex> lock(window_mu);
    window.Add(counters.Snapshot());
    const auto span = PeriodicSpan(static_cast<int>(cfg.report_interval_s));
    if (k % cfg.report_interval_s == 0 && window.size() >= span) {
      const ConsumerFigures f = ComputeConsumer(window.FirstOfLast(span), window.Last());
      // Java reads the maxima and then zeroes them.
      const int64_t b2c_max = counters.b2c_max_ms.exchange(0);
      const int64_t s2c_max = counters.s2c_max_ms.exchange(0);
      printer.Line(ConsumerPeriodicLine(NowMillis(), f, b2c_max, s2c_max));
    }
  });

  const int64_t start_us = SteadyMicros();
  BenchListener listener(counters, cfg.fail_rate, start_us + cfg.measure_after_s * 1000000);
  DefaultMQPushConsumer consumer(cfg.group);
  consumer.setNamesrvAddr(cfg.namesrv);
  consumer.setConsumeThreadMin(static_cast<int>(cfg.threads));
  consumer.setConsumeThreadMax(static_cast<int>(cfg.threads));
  consumer.setInstanceName(std::to_string(NowMillis()));
  consumer.setConsumeFromWhere(cfg.from_first ? CONSUME_FROM_FIRST_OFFSET
                                              : CONSUME_FROM_LAST_OFFSET);
  if (cfg.acl_enable) consumer.setSessionCredentials(cfg.access_key, cfg.secret_key);
  StatsPrinter stats(err);
  if (cfg.stats_s > 0) consumer.setStatisticsOptions(stats.Options(cfg.stats_s));
  try {
    consumer.subscribe(cfg.topic, expression);
    consumer.registerMessageListener(&listener);
    consumer.start();
  } catch (const MQException& e) {
    err << "mqbench: consumer start failed: " << e.what() << "\n";
    return 1;
  }
  printer.Line("Consumer Started.");

  // Stop conditions, checked every 20 ms.
  int64_t last_count = 0;
  int64_t last_change_us = SteadyMicros();
  const std::atomic<bool> never{false};
  while (!StopRequested()) {
    SleepUnlessStopped(std::chrono::milliseconds(20), never);
    const int64_t now_us = SteadyMicros();
    const int64_t count = counters.received.load();
    if (count != last_count) {
      last_count = count;
      last_change_us = now_us;
    }
    if (cfg.quantity > 0 && count >= cfg.quantity) break;
    if (cfg.duration_s > 0) {
      const int64_t since = cfg.quantity > 0 ? last_change_us : start_us;
      if (now_us - since >= cfg.duration_s * 1000000) break;
    }
  }
  if (cfg.stats_s > 0) stats.Print(consumer.getStatistics());
  consumer.shutdown();
  ticker.Stop();
  const ConsumerTotals totals = counters.Totals();
  printer.Line(ConsumerCompleteLine(totals));
  if (cfg.quantity > 0 && counters.received.load() < cfg.quantity) {
    err << "mqbench: " << counters.received.load() << " of " << cfg.quantity
        << " messages arrived\n";
    return 1;
  }
  return 0;
}

}  // namespace

int RunConsumer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const cli::Options options = ConsumerOptions();
  int exit_code = 0;
  std::optional<cli::CommandLine> line =
      ParseOrUsage("benchmarkConsumer", options, kConsumerBoolFlags, args, out, err, &exit_code);
  if (!line) return exit_code;
  OptionReader r(*line);
  ConsumerConfig c;
  c.namesrv = NamesrvFrom(r);
  c.topic = r.GetString({"t"}, "BenchmarkTest");
  c.threads = r.GetInt({"w", "consume_threads"}, 20, 1, 1000);
  const std::string prefix = r.GetString({"g"}, "benchmark_consumer");
  c.suffix_text = r.GetString({"p"}, "false");
  if (r.Has({"f"})) c.filter_type = r.GetString({"f"}, "");
  if (r.Has({"e"})) c.expression_path = r.GetString({"e"}, "");
  c.fail_rate = r.GetDouble({"r"}, 0.0);
  c.trace_enable = r.GetBool({"m"}, false);
  c.acl_enable = r.GetBool({"a"}, false);
  c.access_key = r.GetString({"ak"}, "rocketmq2");
  c.secret_key = r.GetString({"sk"}, "12345678");
  c.quantity = r.GetInt({"q", "count"}, 0, 0, INT64_MAX);
  c.report_interval_s = r.GetInt({"ri"}, 10, 1, 86400);
  c.duration_s = r.GetInt({"duration_s"}, 0, 0, INT_MAX);
  c.from_first = r.GetBool({"from_first"}, true);
  c.measure_after_s = r.GetInt({"measure_after_s"}, 0, 0, INT_MAX);
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
  c.group = prefix;
  if (JavaParseBoolean(c.suffix_text)) c.group = prefix + "_" + std::to_string(NowMillis() % 100);

  out << "topic: " << c.topic << ", threadCount " << c.threads << ", group: " << c.group
      << ", suffix: " << c.suffix_text << ", filterType: " << c.filter_type.value_or("null")
      << ", expression: " << c.expression_path.value_or("null")
      << ", msgTraceEnable: " << JavaBoolText(c.trace_enable)
      << ", aclEnable: " << JavaBoolText(c.acl_enable) << "\n"
      << std::flush;

  std::string expression = "*";
  if (c.filter_type && c.expression_path) {
    if (*c.filter_type != "TAG" && *c.filter_type != "SQL92") {
      err << "mqbench: Not support filter type! " << *c.filter_type << "\n";
      return 1;
    }
    if (*c.filter_type == "SQL92") {
      err << "mqbench: -f SQL92: this client subscribes by tag only (no MessageSelector.bySql); "
             "use -f TAG\n";
      return 1;
    }
    std::optional<std::string> text = ReadWholeFile(*c.expression_path);
    if (!text) {
      err << "mqbench: -e " << *c.expression_path << ": cannot read the expression file\n";
      return 1;
    }
    out << "Expression: " << *text << "\n" << std::flush;
    expression = Trimmed(*text);
    if (expression.empty()) expression = "*";
  }
  LinePrinter printer(out);
  return Consume(c, expression, printer, err);
}

}  // namespace rocketmq::bench
