// LitePullConsumerImpl: the engine behind DefaultLitePullConsumer (Java
// DefaultLitePullConsumerImpl + RebalanceLitePullImpl + AssignedMessageQueue). Per assigned
// queue a pull loop keeps long-polling (asynchronous pulls; the offset lookup of a new queue on
// a pool of pullThreadNums threads; delays on a scheduler) into the queue's ProcessQueue and a
// shared cache of batches that poll() drains; poll() marks what it returns as consumed,
// commitSync()/auto commit store those offsets. Batches of paused queues stay cached.
//
// Threads: poll/seek/pause/commit from the application; pull loops on the pool, the scheduler
// and remoting callback threads; rebalance and offset persistence on the instance's scheduler.
// State is guarded by mu_.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "client/client_instance.h"
#include "client/client_instance_registry.h"
#include "client/queue_statistics.h"
#include "client/scheduler.h"
#include "client/statistics_reporter.h"
#include "common/thread_pool.h"
#include "consumer/client_remoting_processor.h"
#include "consumer/consumer_broker_ops.h"
#include "consumer/offset_store.h"
#include "consumer/pull_api_wrapper.h"
#include "consumer/rebalance_impl.h"
#include "rocketmq/consumer_types.h"

namespace rocketmq::consumer {

struct LitePullConsumerConfig {
  client::ClientConfig client;
  std::string group;
  MessageModel message_model = CLUSTERING;
  ConsumeFromWhere consume_from_where = CONSUME_FROM_LAST_OFFSET;
  std::string consume_timestamp;  // empty: 30 minutes before start
  std::string allocate_strategy = "AVG";
  bool auto_commit = true;
  int64_t auto_commit_interval_ms = 5000;
  int pull_batch_size = 10;
  int pull_thread_nums = 20;
  int pull_threshold_for_queue = 1000;
  int pull_threshold_size_for_queue_mib = 100;
  int pull_threshold_for_all = 10000;
  int consume_max_span = 2000;
  int64_t poll_timeout_ms = 5000;  // default timeout of the public poll()
  std::string offset_store_dir;
  // Java BROKER_SUSPEND_MAX_TIME_MILLIS (lite pull), consumerPullTimeoutMillis,
  // CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND and the pull task delays.
  int64_t broker_suspend_max_time_ms = 20000;
  int64_t pull_timeout_ms = 10000;
  int64_t pull_timeout_when_suspend_ms = 30000;
  int64_t delay_when_exception_ms = 1000;
  int64_t delay_when_flow_control_ms = 50;
  int64_t delay_when_paused_ms = 1000;
  // Periodic statistics document (off by default).
  StatisticsOptions statistics;
};

// One batch waiting for poll().
struct CachedBatch {
  std::vector<MessageExtPtr> msgs;
  MessageQueue mq;
  OwnedQueue owned;
};

class LitePullConsumerImpl : public client::ConsumerInner,
                             public RebalanceHooks,
                             public ConsumerRequestHandler,
                             public std::enable_shared_from_this<LitePullConsumerImpl> {
 public:
  explicit LitePullConsumerImpl(LitePullConsumerConfig config);
  ~LitePullConsumerImpl() override;

  Status Start();
  void Shutdown();
  bool running() const { return running_.load(); }
  std::string client_id() const;

  // Subscribe mode (before or after start).
  Status Subscribe(const std::string& topic, const std::string& expression);
  void Unsubscribe(const std::string& topic);
  // Assign mode.
  Status Assign(const std::set<MessageQueue>& mqs);
  Result<std::set<MessageQueue>> FetchMessageQueues(const std::string& topic);

  std::vector<MessageExtPtr> Poll(int64_t timeout_ms);
  // One statistics document now (empty when statistics are off).
  std::string StatisticsJson();
  Status Seek(const MessageQueue& mq, int64_t offset);
  Status SeekToBegin(const MessageQueue& mq);
  Status SeekToEnd(const MessageQueue& mq);
  void Pause(const std::vector<MessageQueue>& mqs);
  void Resume(const std::vector<MessageQueue>& mqs);
  // Stores the consumed offsets of the assigned queues; `sync` waits for the brokers' answers
  // (commitSync), otherwise they are persisted the periodic way (oneway / file).
  Status CommitAll(bool sync);
  // Stores `offsets` (any queues) the same way.
  Status CommitOffsets(const std::map<MessageQueue, int64_t>& offsets, bool sync);
  Result<int64_t> Committed(const MessageQueue& mq);
  Result<int64_t> OffsetForTimestamp(const MessageQueue& mq, int64_t timestamp_ms);

  // Low-level pull of any queue (no cache, no offsets).
  Result<PullResult> Pull(const MessageQueue& mq, const std::string& expression, int64_t offset,
                          int max_nums, bool block);

  // ---- client::ConsumerInner ----
  std::string GroupName() const override { return config_.group; }
  std::string MessageModel() const override;
  std::string ConsumeType() const override { return client::kConsumeActively; }
  std::string ConsumeFromWhere() const override;
  std::vector<SubscriptionData> Subscriptions() const override;
  bool IsUnitMode() const override { return config_.client.unit_mode; }
  void DoRebalance() override;
  void PersistConsumerOffset() override;
  void UpdateTopicSubscribeInfo(const std::string& topic,
                                const std::set<MessageQueue>& info) override;
  bool IsSubscribeTopicNeedUpdate(const std::string& topic) const override;

  // ---- RebalanceHooks ----
  int64_t ComputePullFromWhere(const MessageQueue& mq) override;
  void DispatchPullRequests(const std::vector<NewQueue>& queues) override;
  bool RemoveUnnecessaryMessageQueue(const MessageQueue& mq, ProcessQueue& pq) override;
  void RemoveDirtyOffset(const MessageQueue& mq) override;
  void MessageQueueChanged(const std::string& topic, const std::set<MessageQueue>& all,
                           const std::set<MessageQueue>& mine) override;
  bool IsPushConsumer() const override { return false; }

  // ---- ConsumerRequestHandler (broker-initiated requests, as Java's lite-pull consumer) ----
  // Java's DefaultLitePullConsumerImpl.consumerRunningInfo: the settings, the start time and
  // the subscriptions (no queue or status tables).
  ConsumerRunningInfo RunningInfo(bool jstack) override;
  // A lite-pull consumer consumes nothing on its own: Java answers "not exist in the consumer".
  std::optional<ConsumeMessageDirectlyResult> ConsumeMessageDirectly(
      MessageExtPtr msg, const std::string& broker_name) override;
  // Java resets push consumers only; a lite-pull application seeks itself.
  void ResetOffset(const std::string& topic,
                   const std::map<MessageQueue, int64_t>& offsets) override;
  void RebalanceImmediately() override;
  std::map<MessageQueue, int64_t> ConsumerStatus(const std::string& topic) override;

 private:
  enum class Mode { kNone, kSubscribe, kAssign };
  struct QueueState {
    OwnedQueue owned;
    int64_t pull_offset = -1;     // next offset to pull; -1: ask the offset store
    int64_t consume_offset = -1;  // one past the last message poll() returned
    bool paused = false;
    uint64_t epoch = 0;  // bumped by seek: pulls of an older epoch are void
  };

  // One pull loop per queue and epoch: a loop that finds another generation or epoch in the
  // table stops.
  void SchedulePull(const MessageQueue& mq, uint64_t generation, uint64_t epoch, int64_t delay_ms);
  void RunPull(const MessageQueue& mq, uint64_t generation, uint64_t epoch);
  void OnPulled(const MessageQueue& mq, uint64_t generation, uint64_t epoch, int64_t offset,
                Result<PullResult> r);
  void ClearCache(const MessageQueue& mq);
  void MaybeAutoCommit();
  SubscriptionData SubscriptionFor(const std::string& topic) const;
  std::set<MessageQueue> AssignedQueues() const;
  void StartStatistics();  // at the end of Start(), with lifecycle_mu_ held
  std::vector<client::ConsumerQueueRow> StatisticsRows();

  LitePullConsumerConfig config_;
  std::atomic<bool> running_{false};
  int64_t start_timestamp_ = 0;  // set by Start()
  std::mutex lifecycle_mu_;
  bool started_ = false;    // guarded by lifecycle_mu_
  bool shut_down_ = false;  // guarded by lifecycle_mu_

  client::ClientInstanceRegistry* registry_ = nullptr;
  std::shared_ptr<client::ClientInstance> instance_;
  std::unique_ptr<ConsumerBrokerOps> broker_ops_;
  std::unique_ptr<OffsetStore> offset_store_;
  std::unique_ptr<RebalanceImpl> rebalance_;
  std::unique_ptr<PullApiWrapper> pull_api_;
  std::unique_ptr<ThreadPool> pull_pool_;
  client::Scheduler scheduler_{"LitePullSched"};

  mutable std::mutex mu_;
  std::condition_variable cache_cv_;
  Mode mode_ = Mode::kNone;                           // guarded by mu_
  std::map<std::string, std::string> subscriptions_;  // topic -> expression, guarded by mu_
  std::map<MessageQueue, QueueState> queues_;         // guarded by mu_
  std::deque<CachedBatch> cache_;                     // guarded by mu_
  int64_t cached_messages_ = 0;                       // guarded by mu_
  int64_t next_auto_commit_ms_ = 0;                   // guarded by mu_

  client::ConsumerQueueStatistics queue_stats_;                 // counts while statistics are on
  std::unique_ptr<client::StatisticsReporter> stats_reporter_;  // set in Start()
};

}  // namespace rocketmq::consumer
