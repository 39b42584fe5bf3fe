// StatisticsReporter: the thread that builds the statistics document every interval and hands it
// to the user's callback (include/rocketmq/statistics.h), plus the document's JSON layout
// (docs/statistics.md). One reporter per producer or consumer with statistics on.
//
// Threads: Start() starts one thread named "<kind>-stats"; it calls `build` and then the callback,
// never while holding a lock of the client. Stop() wakes and joins it (idempotent; the destructor
// calls it); it must not be called from the callback.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "client/client_statistics.h"
#include "client/queue_statistics.h"
#include "common/status.h"
#include "rocketmq/statistics.h"

namespace rocketmq::client {

// One consumer queue's row, with the values the consumer adds at snapshot time.
struct ConsumerQueueRow {
  MessageQueue mq;
  uint64_t pulled = 0;
  uint64_t consumed = 0;
  uint64_t consume_failed = 0;
  int64_t consumed_offset = -1;  // offset store (committed position); -1 unknown
  int64_t max_offset = -1;       // from the latest pull response; -1 none yet
  int64_t process_queue_msgs = 0;
  int64_t process_queue_bytes = 0;
};

// The parts of one document; BuildStatisticsJson writes them in the documented layout.
struct StatisticsDocument {
  std::string type;  // "producer", "push_consumer", "lite_pull_consumer"
  std::string client_id;
  std::string group;
  int64_t ts_ms = 0;        // wall clock
  int64_t interval_ms = 0;  // configured interval
  int64_t age_ms = 0;       // since the reporter started
  std::vector<BrokerCallSnapshot> brokers;
  // RTT snapshots of the previous document, by address (empty for the first one).
  const std::map<std::string, LatencyHistogram::Counts>* previous_rtt = nullptr;
  const ProducerQueueStatistics* producer_queues = nullptr;  // producers
  std::vector<ConsumerQueueRow> consumer_queues;             // consumers
};

std::string BuildStatisticsJson(const StatisticsDocument& doc);

// Checks options for a producer or consumer: interval >= 0, callback present when on.
Status ValidateStatisticsOptions(const StatisticsOptions& options);

class StatisticsReporter {
 public:
  // `fill` completes a document (everything but the timing fields, the broker rows and the
  // previous RTT snapshots, which the reporter sets); it runs on the reporter thread.
  StatisticsReporter(StatisticsOptions options, std::string thread_name,
                     std::shared_ptr<ClientStatistics> brokers,
                     std::function<void(StatisticsDocument*)> fill);
  ~StatisticsReporter();
  StatisticsReporter(const StatisticsReporter&) = delete;
  StatisticsReporter& operator=(const StatisticsReporter&) = delete;

  void Start();
  void Stop();
  // Builds one document now (what the thread does every interval); for tests and the final
  // document.
  std::string Report();

 private:
  void Run();

  const StatisticsOptions options_;
  const std::string thread_name_;
  const std::shared_ptr<ClientStatistics> brokers_;
  const std::function<void(StatisticsDocument*)> fill_;
  int64_t started_ms_ = 0;

  std::mutex report_mu_;                                      // one Report() at a time
  std::map<std::string, LatencyHistogram::Counts> last_rtt_;  // guarded by report_mu_

  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace rocketmq::client
