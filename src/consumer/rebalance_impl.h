// RebalanceImpl: which queues this consumer instance owns (Java RebalanceImpl, protocol.md §9.4).
// For every subscribed topic it computes the share of the queues (clustering: allocation strategy
// over the group's sorted client ids; broadcasting: all queues), creates a ProcessQueue for each
// new queue, and drops those no longer owned. Orderly consumers lock queues at the broker
// (LOCK_BATCH_MQ) before taking them and unlock them when dropped.
//
// Each ProcessQueue carries a generation number: a pull or consume task holding an older
// generation than the table's entry for its queue is stale and stops (IsCurrent()).
//
// The consumer kind (push or lite pull) supplies the hooks (RebalanceHooks). Thread-safe: the
// rebalance runs on the client instance's scheduler; pull callbacks and consume threads read
// the table.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "client/client_instance.h"
#include "common/model/heartbeat_data.h"
#include "consumer/allocate_strategy.h"
#include "consumer/process_queue.h"

namespace rocketmq::consumer {

// A ProcessQueue with its generation.
struct OwnedQueue {
  std::shared_ptr<ProcessQueue> pq;
  uint64_t generation = 0;
};

// A queue just taken, with the offset to start pulling at.
struct NewQueue {
  MessageQueue mq;
  OwnedQueue owned;
  int64_t next_offset = 0;
};

// What a new queue needs from the consumer kind (Java RebalancePushImpl / RebalanceLitePullImpl).
class RebalanceHooks {
 public:
  virtual ~RebalanceHooks() = default;
  // Where to start `mq`: >= 0 the offset; < 0 not now (broker unreachable), retried next round.
  virtual int64_t ComputePullFromWhere(const MessageQueue& mq) = 0;
  // Starts pulling queues just taken.
  virtual void DispatchPullRequests(const std::vector<NewQueue>& queues) = 0;
  // Cleans up a queue being given away; false keeps it (orderly: consume in progress).
  virtual bool RemoveUnnecessaryMessageQueue(const MessageQueue& mq, ProcessQueue& pq) = 0;
  // Forgets a stale offset before (re)taking a queue.
  virtual void RemoveDirtyOffset(const MessageQueue& mq) = 0;
  // The share of `topic` changed.
  virtual void MessageQueueChanged(const std::string& topic, const std::set<MessageQueue>& all,
                                   const std::set<MessageQueue>& mine) = 0;
  // Push consumers drop queues that have not been pulled for a long time.
  virtual bool IsPushConsumer() const = 0;
};

class RebalanceImpl {
 public:
  RebalanceImpl(std::string group, bool clustering, client::ClientInstance* instance,
                std::shared_ptr<AllocateMessageQueueStrategy> strategy, RebalanceHooks* hooks);

  // ---- subscriptions ----
  void SetSubscription(const SubscriptionData& sd);
  void RemoveSubscription(const std::string& topic);
  std::map<std::string, SubscriptionData> Subscriptions() const;
  std::optional<SubscriptionData> Subscription(const std::string& topic) const;
  // The readable queues of a topic (from its route).
  void SetTopicSubscribeInfo(const std::string& topic, std::set<MessageQueue> mqs);
  std::optional<std::set<MessageQueue>> TopicSubscribeInfo(const std::string& topic) const;

  // ---- the rebalance ----
  // One round over every subscribed topic; `orderly` locks new queues first.
  void DoRebalance(bool orderly);

  // ---- the process queue table ----
  std::map<MessageQueue, OwnedQueue> ProcessQueueTable() const;
  std::optional<OwnedQueue> Find(const MessageQueue& mq) const;
  // True while `generation` is the table's entry for `mq` and it is not dropped.
  bool IsCurrent(const MessageQueue& mq, uint64_t generation) const;
  // Drops and removes `mq` (OFFSET_ILLEGAL, reset offset); the next round takes it again.
  void RemoveProcessQueue(const MessageQueue& mq);
  // Assigns `mqs` directly (lite pull assign()): drops the others, adds the new ones.
  void AssignQueues(const std::set<MessageQueue>& mqs);

  // ---- orderly locks (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ to each broker's master) ----
  bool Lock(const MessageQueue& mq);
  void LockAll();
  void Unlock(const MessageQueue& mq, bool oneway);
  void UnlockAll(bool oneway);
  // Marks every queue dropped and empties the table (shutdown).
  void Destroy();

  const std::string& group() const { return group_; }
  const AllocateMessageQueueStrategy& strategy() const { return *strategy_; }

 private:
  void RebalanceByTopic(const std::string& topic, bool orderly);
  bool UpdateProcessQueueTableInRebalance(const std::string& topic,
                                          const std::set<MessageQueue>& mine, bool orderly);
  void TruncateMessageQueueNotMyTopic();
  std::vector<std::string> FindConsumerIdList(const std::string& topic);
  std::map<std::string, std::vector<MessageQueue>> QueuesByBroker() const;

  const std::string group_;
  const bool clustering_;
  client::ClientInstance* const instance_;
  const std::shared_ptr<AllocateMessageQueueStrategy> strategy_;
  RebalanceHooks* const hooks_;
  std::atomic<uint64_t> next_generation_{1};

  std::mutex rebalance_mu_;  // one round at a time
  mutable std::mutex mu_;
  std::map<std::string, SubscriptionData> subscriptions_;       // guarded by mu_
  std::map<std::string, std::set<MessageQueue>> topic_queues_;  // guarded by mu_
  std::map<MessageQueue, OwnedQueue> process_queue_table_;      // guarded by mu_
};

}  // namespace rocketmq::consumer
