// PushConsumerImpl: the engine behind DefaultMQPushConsumer (Java DefaultMQPushConsumerImpl +
// RebalancePushImpl). It registers with the shared ClientInstance (heartbeat contents, periodic
// rebalance and offset persistence), keeps one ProcessQueue and one pull loop per assigned queue,
// long-polls the brokers with flow control, hands messages to the consume service, commits
// offsets, and sends failed messages back for retry.
//
// Threads: the pull loop runs on `pull_scheduler_` (issuing asynchronous pulls) and on remoting
// callback threads (handling their answers); the listener runs on the consume service's pool;
// rebalance and offset persistence on the instance's scheduler; broker-initiated requests on
// remoting worker threads. Shared state is in RebalanceImpl, ProcessQueue and the offset store,
// each thread-safe. Created and started by DefaultMQPushConsumer; Shutdown() is idempotent.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "client/client_instance.h"
#include "client/client_instance_registry.h"
#include "client/queue_statistics.h"
#include "client/scheduler.h"
#include "client/statistics_reporter.h"
#include "consumer/client_remoting_processor.h"
#include "consumer/consume_message_service.h"
#include "consumer/consume_stats.h"
#include "consumer/consumer_broker_ops.h"
#include "consumer/offset_store.h"
#include "consumer/pull_api_wrapper.h"
#include "consumer/push_consumer_config.h"
#include "consumer/rebalance_impl.h"
#include "consumer/remote_broker_offset_store.h"
#include "rocketmq/message_listener.h"

namespace rocketmq::consumer {

class PushConsumerImpl : public client::ConsumerInner,
                         public ConsumerRequestHandler,
                         public RebalanceHooks,
                         public std::enable_shared_from_this<PushConsumerImpl> {
 public:
  PushConsumerImpl(PushConsumerConfig config, MessageListenerConcurrently* concurrently,
                   MessageListenerOrderly* orderly);
  ~PushConsumerImpl() override;

  Status Start();
  void Shutdown();

  const PushConsumerConfig& config() const { return config_; }
  const std::string& group() const { return config_.group; }
  bool clustering() const { return config_.message_model == CLUSTERING; }
  bool orderly() const { return orderly_listener_ != nullptr; }
  std::string client_id() const;
  // 16 concurrently / INT_MAX orderly when configured as -1.
  int MaxReconsumeTimes() const;
  OffsetStore& offset_store() { return *offset_store_; }
  RebalanceImpl& rebalance() { return *rebalance_; }
  client::Scheduler& consume_scheduler() { return consume_scheduler_; }
  MessageListenerConcurrently* concurrently_listener() const { return concurrently_listener_; }
  MessageListenerOrderly* orderly_listener() const { return orderly_listener_; }
  client::ClientInstance* instance() const { return instance_.get(); }
  ConsumeStats& stats() { return stats_; }
  // Statistics: messages the listener consumed (`ok`) or asked to consume later (`failed`) on
  // `mq`; a no-op while statistics are off. Consume threads.
  void CountConsumed(const MessageQueue& mq, int64_t ok, int64_t failed);
  // One statistics document now (empty when statistics are off).
  std::string StatisticsJson();

  // Java resetRetryAndNamespace: a message read from %RETRY%<group> gets its original topic back
  // (RETRY_TOPIC property); the namespace prefix is removed.
  void ResetRetryAndNamespace(std::vector<MessageExtPtr>& msgs) const;
  // CONSUMER_SEND_MSG_BACK to the master of `broker_name` (the store host when empty); on
  // failure re-sends the message itself to %RETRY%<group> (Java sendMessageBack).
  Status SendMessageBack(const MessageExt& msg, int delay_level, const std::string& broker_name);
  // Orderly give-up path: publishes the message to %RETRY%<group> with the retry properties.
  Status SendToRetryTopic(const MessageExt& msg, int delay_level);

  // Pull loop.
  struct PullRequest {
    MessageQueue mq;
    OwnedQueue owned;
    int64_t next_offset = 0;
    bool previously_locked = false;
    int64_t pull_start_ms = 0;  // steady clock, for the pull RT statistic
  };
  void ExecutePullRequestImmediately(std::shared_ptr<PullRequest> request);
  void ExecutePullRequestLater(std::shared_ptr<PullRequest> request, int64_t delay_ms);

  // Broker-initiated requests.
  ConsumerRunningInfo RunningInfo(bool jstack) override;
  std::optional<ConsumeMessageDirectlyResult> ConsumeMessageDirectly(
      MessageExtPtr msg, const std::string& broker) override;
  // RESET_CONSUMER_CLIENT_OFFSET: drops the queues of `topic`, stores the new offsets at the
  // brokers and lets the rebalance take the queues again from there.
  void ResetOffset(const std::string& topic,
                   const std::map<MessageQueue, int64_t>& offsets) override;
  // Run a rebalance now (NOTIFY_CONSUMER_IDS_CHANGED).
  void RebalanceImmediately() override;
  std::map<MessageQueue, int64_t> ConsumerStatus(const std::string& topic) override;
  // Java updateConsumeOffset.
  void UpdateConsumeOffset(const MessageQueue& mq, int64_t offset);

  // ---- client::ConsumerInner ----
  std::string GroupName() const override { return config_.group; }
  std::string MessageModel() const override;
  std::string ConsumeType() const override { return client::kConsumePassively; }
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
  bool IsPushConsumer() const override { return true; }

 private:
  void StartStatistics();  // at the end of Start(), with lifecycle_mu_ held
  std::vector<client::ConsumerQueueRow> StatisticsRows();
  void PullMessage(std::shared_ptr<PullRequest> request);
  void OnPullResult(std::shared_ptr<PullRequest> request, const SubscriptionData& sd,
                    Result<PullResult> result);

  PushConsumerConfig config_;
  MessageListenerConcurrently* const concurrently_listener_;
  MessageListenerOrderly* const orderly_listener_;

  std::mutex lifecycle_mu_;
  bool started_ = false;    // guarded by lifecycle_mu_
  bool shut_down_ = false;  // guarded by lifecycle_mu_
  std::atomic<bool> running_{false};
  int64_t start_timestamp_ = 0;

  client::ClientInstanceRegistry* registry_ = nullptr;
  std::shared_ptr<client::ClientInstance> instance_;
  std::unique_ptr<ConsumerBrokerOps> broker_ops_;
  std::unique_ptr<OffsetStore> offset_store_;
  std::unique_ptr<RebalanceImpl> rebalance_;
  std::unique_ptr<PullApiWrapper> pull_api_;
  std::unique_ptr<ConsumeMessageService> consume_service_;
  ConsumeStats stats_;
  client::ConsumerQueueStatistics queue_stats_;                 // counts while statistics are on
  std::unique_ptr<client::StatisticsReporter> stats_reporter_;  // set in Start()
  client::Scheduler pull_scheduler_{"PullMsgService"};
  client::Scheduler consume_scheduler_{"ConsumeSched"};

  // Offsets of queues dropped by RESET_CONSUMER_CLIENT_OFFSET, used (once, within a minute)
  // when the rebalance adds them back: the broker may still hold an older offset that a commit
  // sent just before the reset (oneway, handled by another broker thread) wrote after it.
  struct PendingReset {
    int64_t offset;
    int64_t at_ms;  // steady clock
  };
  std::mutex reset_mu_;
  std::map<MessageQueue, PendingReset> reset_offsets_;  // guarded by reset_mu_
};

}  // namespace rocketmq::consumer
