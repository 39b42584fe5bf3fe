#include "client/statistics_reporter.h"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include "common/json_writer.h"
#include "common/logging.h"
#include "common/time_util.h"

namespace rocketmq::client {

namespace {

void WriteRtt(JsonWriter& w, const LatencyHistogram::Counts& now,
              const LatencyHistogram::Counts& before) {
  w.Key("rtt").BeginObject();
  w.Key("count").UInt(LatencyHistogram::Total(now, before));
  w.Key("p50_us").Int(LatencyHistogram::Percentile(now, before, 0.50));
  w.Key("p99_us").Int(LatencyHistogram::Percentile(now, before, 0.99));
  w.EndObject();
}

void WriteQueueKey(JsonWriter& w, const MessageQueue& mq) {
  w.Key("topic").String(mq.topic);
  w.Key("broker").String(mq.broker_name);
  w.Key("queue_id").Int(mq.queue_id);
}

}  // namespace

std::string BuildStatisticsJson(const StatisticsDocument& doc) {
  JsonWriter w(JsonStyle::kBrowserCompatible);
  w.BeginObject();
  w.Key("type").String(doc.type);
  w.Key("client_id").String(doc.client_id);
  w.Key("group").String(doc.group);
  w.Key("ts").Int(doc.ts_ms);
  w.Key("interval_ms").Int(doc.interval_ms);
  w.Key("age_ms").Int(doc.age_ms);

  w.Key("brokers").BeginObject();
  static const LatencyHistogram::Counts kNone;
  for (const BrokerCallSnapshot& b : doc.brokers) {
    const LatencyHistogram::Counts* before = &kNone;
    if (doc.previous_rtt != nullptr) {
      auto it = doc.previous_rtt->find(b.addr);
      if (it != doc.previous_rtt->end()) before = &it->second;
    }
    w.Key(b.addr).BeginObject();
    w.Key("in_flight").Int(b.in_flight);
    w.Key("requests").UInt(b.requests);
    w.Key("timeouts").UInt(b.timeouts);
    w.Key("errors").UInt(b.errors);
    w.Key("retries").UInt(b.retries);
    w.Key("connect_failures").UInt(b.connect_failures);
    WriteRtt(w, b.rtt, *before);
    w.EndObject();
  }
  w.EndObject();

  w.Key("queues").BeginArray();
  if (doc.producer_queues != nullptr) {
    uint64_t sent = 0, acknowledged = 0, failed = 0;
    doc.producer_queues->ForEach([&](const MessageQueue& mq, const ProducerQueueCounters& c) {
      const uint64_t s = c.sent.load(std::memory_order_relaxed);
      const uint64_t a = c.acknowledged.load(std::memory_order_relaxed);
      const uint64_t f = c.failed.load(std::memory_order_relaxed);
      sent += s;
      acknowledged += a;
      failed += f;
      w.BeginObject();
      WriteQueueKey(w, mq);
      w.Key("sent").UInt(s);
      w.Key("acknowledged").UInt(a);
      w.Key("failed").UInt(f);
      w.EndObject();
    });
    w.EndArray();
    w.Key("totals").BeginObject();
    w.Key("sent").UInt(sent);
    w.Key("acknowledged").UInt(acknowledged);
    w.Key("failed").UInt(failed);
    w.EndObject();
  } else {
    uint64_t pulled = 0, consumed = 0, consume_failed = 0;
    int64_t lag = 0, pq_msgs = 0;
    for (const ConsumerQueueRow& q : doc.consumer_queues) {
      // Lag: what the broker holds beyond the committed position; unknown parts count as 0.
      const int64_t queue_lag = q.max_offset >= 0 && q.consumed_offset >= 0
                                    ? std::max<int64_t>(0, q.max_offset - q.consumed_offset)
                                    : 0;
      pulled += q.pulled;
      consumed += q.consumed;
      consume_failed += q.consume_failed;
      lag += queue_lag;
      pq_msgs += q.process_queue_msgs;
      w.BeginObject();
      WriteQueueKey(w, q.mq);
      w.Key("pulled").UInt(q.pulled);
      w.Key("consumed").UInt(q.consumed);
      w.Key("consume_failed").UInt(q.consume_failed);
      w.Key("consumed_offset").Int(q.consumed_offset);
      w.Key("max_offset").Int(q.max_offset);
      w.Key("lag").Int(queue_lag);
      w.Key("process_queue_msgs").Int(q.process_queue_msgs);
      w.Key("process_queue_bytes").Int(q.process_queue_bytes);
      w.EndObject();
    }
    w.EndArray();
    w.Key("totals").BeginObject();
    w.Key("pulled").UInt(pulled);
    w.Key("consumed").UInt(consumed);
    w.Key("consume_failed").UInt(consume_failed);
    w.Key("lag").Int(lag);
    w.Key("process_queue_msgs").Int(pq_msgs);
    w.EndObject();
  }
  w.EndObject();
  return w.Release();
}

Status ValidateStatisticsOptions(const StatisticsOptions& options) {
  if (options.interval_ms < 0) {
    return Status::InvalidArgument("statistics interval_ms must be >= 0, got " +
                                   std::to_string(options.interval_ms));
  }
  if (options.interval_ms > 0 && !options.callback) {
    return Status::InvalidArgument("statistics interval_ms is set but the callback is empty");
  }
  return Status::OK();
}

StatisticsReporter::StatisticsReporter(StatisticsOptions options, std::string thread_name,
                                       std::shared_ptr<ClientStatistics> brokers,
                                       std::function<void(StatisticsDocument*)> fill)
    : options_(std::move(options)),
      thread_name_(std::move(thread_name)),
      brokers_(std::move(brokers)),
      fill_(std::move(fill)),
      started_ms_(SteadyMillis()) {}

StatisticsReporter::~StatisticsReporter() { Stop(); }

void StatisticsReporter::Start() {
  if (thread_.joinable() || options_.interval_ms <= 0) return;
  started_ms_ = SteadyMillis();
  thread_ = std::thread([this] { Run(); });
  pthread_setname_np(thread_.native_handle(), thread_name_.substr(0, 15).c_str());
}

void StatisticsReporter::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

std::string StatisticsReporter::Report() {
  std::lock_guard<std::mutex> lock(report_mu_);
  StatisticsDocument doc;
  doc.ts_ms = NowMillis();
  doc.interval_ms = options_.interval_ms;
  doc.age_ms = SteadyMillis() - started_ms_;
  doc.brokers = brokers_->Snapshot();
  doc.previous_rtt = &last_rtt_;
  fill_(&doc);
  std::string json = BuildStatisticsJson(doc);
  for (BrokerCallSnapshot& b : doc.brokers) last_rtt_[b.addr] = std::move(b.rtt);
  return json;
}

void StatisticsReporter::Run() {
  auto next = std::chrono::steady_clock::now();
  for (;;) {
    next += std::chrono::milliseconds(options_.interval_ms);
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (cv_.wait_until(lock, next, [this] { return stop_; })) return;
    }
    std::string json = Report();
    try {
      options_.callback(json);
    } catch (const std::exception& e) {
      RMQ_LOG(kWarn) << "statistics callback threw: " << e.what();
    } catch (...) {
      RMQ_LOG(kWarn) << "statistics callback threw a non-standard exception";
    }
    // A callback slower than the interval: start the next interval now rather than catching up.
    next = std::max(next, std::chrono::steady_clock::now());
  }
}

}  // namespace rocketmq::client
