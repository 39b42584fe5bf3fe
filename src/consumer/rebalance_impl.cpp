#include "consumer/rebalance_impl.h"

#include <algorithm>

#include "common/logging.h"
#include "common/model/lock_batch_body.h"
#include "common/time_util.h"

namespace rocketmq::consumer {

namespace {
constexpr int64_t kLockTimeoutMs = 1000;
}  // namespace

RebalanceImpl::RebalanceImpl(std::string group, bool clustering, client::ClientInstance* instance,
                             std::shared_ptr<AllocateMessageQueueStrategy> strategy,
                             RebalanceHooks* hooks)
    : group_(std::move(group)),
      clustering_(clustering),
      instance_(instance),
      strategy_(std::move(strategy)),
      hooks_(hooks) {}

void RebalanceImpl::SetSubscription(const SubscriptionData& sd) {
  std::lock_guard<std::mutex> lock(mu_);
  subscriptions_[sd.topic] = sd;
}

void RebalanceImpl::RemoveSubscription(const std::string& topic) {
  std::lock_guard<std::mutex> lock(mu_);
  subscriptions_.erase(topic);
}

std::map<std::string, SubscriptionData> RebalanceImpl::Subscriptions() const {
  std::lock_guard<std::mutex> lock(mu_);
  return subscriptions_;
}

std::optional<SubscriptionData> RebalanceImpl::Subscription(const std::string& topic) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = subscriptions_.find(topic);
  if (it == subscriptions_.end()) return std::nullopt;
  return it->second;
}

void RebalanceImpl::SetTopicSubscribeInfo(const std::string& topic, std::set<MessageQueue> mqs) {
  std::lock_guard<std::mutex> lock(mu_);
  topic_queues_[topic] = std::move(mqs);
}

std::optional<std::set<MessageQueue>> RebalanceImpl::TopicSubscribeInfo(
    const std::string& topic) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = topic_queues_.find(topic);
  if (it == topic_queues_.end()) return std::nullopt;
  return it->second;
}

void RebalanceImpl::DoRebalance(bool orderly) {
  std::lock_guard<std::mutex> round(rebalance_mu_);
  for (const auto& [topic, sd] : Subscriptions()) {
    (void)sd;
    RebalanceByTopic(topic, orderly);
  }
  TruncateMessageQueueNotMyTopic();
}

std::vector<std::string> RebalanceImpl::FindConsumerIdList(const std::string& topic) {
  std::string addr = instance_->FindBrokerAddrByTopic(topic);
  if (addr.empty()) {
    instance_->UpdateTopicRouteInfoFromNameServer(topic);
    addr = instance_->FindBrokerAddrByTopic(topic);
  }
  if (addr.empty()) return {};
  Result<std::vector<std::string>> ids = instance_->api().GetConsumerIdListByGroup(
      addr, group_, instance_->config().mq_client_api_timeout_ms);
  if (!ids.ok()) {
    RMQ_LOG(kWarn) << "get consumer id list of group " << group_ << " from " << addr
                   << " failed: " << ids.status().ToString();
    return {};
  }
  return std::move(*ids);
}

void RebalanceImpl::RebalanceByTopic(const std::string& topic, bool orderly) {
  std::optional<std::set<MessageQueue>> all = TopicSubscribeInfo(topic);
  if (!all) {
    if (!IsRetryTopic(topic)) {
      RMQ_LOG(kWarn) << "doRebalance, " << group_ << ", but the topic[" << topic << "] not exist.";
    }
    return;
  }
  if (!clustering_) {
    if (UpdateProcessQueueTableInRebalance(topic, *all, orderly)) {
      hooks_->MessageQueueChanged(topic, *all, *all);
    }
    return;
  }
  std::vector<std::string> cids = FindConsumerIdList(topic);
  if (cids.empty()) {
    RMQ_LOG(kWarn) << "doRebalance, " << group_ << " " << topic << ", get consumer id list failed";
    return;
  }
  std::vector<MessageQueue> mq_all(all->begin(), all->end());  // std::set: already sorted
  std::sort(cids.begin(), cids.end());
  if (mq_all.empty()) return;
  Result<std::vector<MessageQueue>> mine =
      strategy_->Allocate(group_, instance_->client_id(), mq_all, cids);
  if (!mine.ok()) {
    RMQ_LOG(kWarn) << "allocate message queues of " << topic
                   << " failed: " << mine.status().ToString();
    return;
  }
  std::set<MessageQueue> mine_set(mine->begin(), mine->end());
  if (UpdateProcessQueueTableInRebalance(topic, mine_set, orderly)) {
    RMQ_LOG(kInfo) << "rebalanced " << topic << " for group " << group_ << ": " << mine_set.size()
                   << " of " << mq_all.size() << " queues, " << cids.size() << " consumers";
    hooks_->MessageQueueChanged(topic, *all, mine_set);
  }
}

bool RebalanceImpl::UpdateProcessQueueTableInRebalance(const std::string& topic,
                                                       const std::set<MessageQueue>& mine,
                                                       bool orderly) {
  bool changed = false;
  // Give away what is no longer ours (and, for push consumers, queues stuck without pulls).
  // A dropped entry whose removal was refused earlier (an orderly batch held its consume lock:
  // try_unlock_times > 0) is no longer pulled even if the queue is ours again: finish the
  // removal, and the queue is taken again below with a new process queue and a fresh lock.
  for (const auto& [mq, owned] : ProcessQueueTable()) {
    if (mq.topic != topic) continue;
    const bool unassigned = mine.count(mq) == 0;
    const bool refused = owned.pq->dropped() && owned.pq->try_unlock_times() > 0;
    const bool stuck =
        !unassigned && (refused || (hooks_->IsPushConsumer() && owned.pq->IsPullExpired()));
    if (!unassigned && !stuck) continue;
    owned.pq->set_dropped(true);
    if (hooks_->RemoveUnnecessaryMessageQueue(mq, *owned.pq)) {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = process_queue_table_.find(mq);
      if (it != process_queue_table_.end() && it->second.generation == owned.generation) {
        process_queue_table_.erase(it);
      }
      changed = true;
      if (stuck && !refused) {
        RMQ_LOG(kWarn) << "dropped " << mq.ToString() << " of group " << group_
                       << ": no pull for a long time";
      }
    }
  }
  // Take what became ours.
  std::vector<NewQueue> added;
  for (const MessageQueue& mq : mine) {
    if (Find(mq)) continue;
    if (orderly && clustering_ && !Lock(mq)) {
      RMQ_LOG(kInfo) << "doRebalance, " << group_ << ", add a new mq failed, " << mq.ToString()
                     << ", because lock failed";
      continue;
    }
    hooks_->RemoveDirtyOffset(mq);
    const int64_t next_offset = hooks_->ComputePullFromWhere(mq);
    if (next_offset < 0) {
      RMQ_LOG(kWarn) << "doRebalance, " << group_ << ", add new mq failed, " << mq.ToString()
                     << ": no offset yet";
      continue;
    }
    OwnedQueue owned{std::make_shared<ProcessQueue>(), next_generation_.fetch_add(1)};
    if (orderly && clustering_) {
      owned.pq->set_locked(true);
      owned.pq->set_last_lock_timestamp(NowMillis());
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!process_queue_table_.emplace(mq, owned).second) continue;
    }
    added.push_back(NewQueue{mq, owned, next_offset});
    changed = true;
  }
  if (!added.empty()) hooks_->DispatchPullRequests(added);
  return changed;
}

void RebalanceImpl::TruncateMessageQueueNotMyTopic() {
  std::map<std::string, SubscriptionData> subs = Subscriptions();
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = process_queue_table_.begin(); it != process_queue_table_.end();) {
    if (subs.count(it->first.topic) == 0) {
      it->second.pq->set_dropped(true);
      it = process_queue_table_.erase(it);
    } else {
      ++it;
    }
  }
}

std::map<MessageQueue, OwnedQueue> RebalanceImpl::ProcessQueueTable() const {
  std::lock_guard<std::mutex> lock(mu_);
  return process_queue_table_;
}

std::optional<OwnedQueue> RebalanceImpl::Find(const MessageQueue& mq) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = process_queue_table_.find(mq);
  if (it == process_queue_table_.end()) return std::nullopt;
  return it->second;
}

bool RebalanceImpl::IsCurrent(const MessageQueue& mq, uint64_t generation) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = process_queue_table_.find(mq);
  return it != process_queue_table_.end() && it->second.generation == generation &&
         !it->second.pq->dropped();
}

void RebalanceImpl::RemoveProcessQueue(const MessageQueue& mq) {
  std::optional<OwnedQueue> owned = Find(mq);
  if (!owned) return;
  owned->pq->set_dropped(true);
  hooks_->RemoveUnnecessaryMessageQueue(mq, *owned->pq);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = process_queue_table_.find(mq);
  if (it != process_queue_table_.end() && it->second.generation == owned->generation) {
    process_queue_table_.erase(it);
  }
}

void RebalanceImpl::AssignQueues(const std::set<MessageQueue>& mqs) {
  std::lock_guard<std::mutex> round(rebalance_mu_);
  std::set<std::string> topics;
  for (const MessageQueue& mq : mqs) topics.insert(mq.topic);
  for (const auto& [mq, owned] : ProcessQueueTable()) {
    if (mqs.count(mq) == 0) RemoveProcessQueue(mq);
  }
  for (const std::string& topic : topics) {
    std::set<MessageQueue> of_topic;
    for (const MessageQueue& mq : mqs) {
      if (mq.topic == topic) of_topic.insert(mq);
    }
    UpdateProcessQueueTableInRebalance(topic, of_topic, false);
  }
}

std::map<std::string, std::vector<MessageQueue>> RebalanceImpl::QueuesByBroker() const {
  std::map<std::string, std::vector<MessageQueue>> out;
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [mq, owned] : process_queue_table_) {
    (void)owned;
    out[mq.broker_name].push_back(mq);
  }
  return out;
}

bool RebalanceImpl::Lock(const MessageQueue& mq) {
  std::optional<client::FindBrokerResult> found =
      instance_->FindBrokerAddressInSubscribe(mq.broker_name, 0, true);
  if (!found) return false;
  LockBatchRequestBody body;
  body.consumer_group = group_;
  body.client_id = instance_->client_id();
  body.mq_set.push_back(mq);
  Result<std::vector<MessageQueue>> locked =
      instance_->api().LockBatchMq(found->broker_addr, body, kLockTimeoutMs);
  if (!locked.ok()) {
    RMQ_LOG(kWarn) << "lockBatchMQ " << mq.ToString() << " at " << found->broker_addr
                   << " failed: " << locked.status().ToString();
    return false;
  }
  bool ok = false;
  for (const MessageQueue& l : *locked) {
    if (std::optional<OwnedQueue> owned = Find(l)) {
      owned->pq->set_locked(true);
      owned->pq->set_last_lock_timestamp(NowMillis());
    }
    if (l == mq) ok = true;
  }
  return ok;
}

void RebalanceImpl::LockAll() {
  for (const auto& [broker, mqs] : QueuesByBroker()) {
    std::optional<client::FindBrokerResult> found =
        instance_->FindBrokerAddressInSubscribe(broker, 0, true);
    if (!found) continue;
    LockBatchRequestBody body;
    body.consumer_group = group_;
    body.client_id = instance_->client_id();
    body.mq_set = mqs;
    Result<std::vector<MessageQueue>> locked =
        instance_->api().LockBatchMq(found->broker_addr, body, kLockTimeoutMs);
    if (!locked.ok()) {
      RMQ_LOG(kWarn) << "lockBatchMQ at " << found->broker_addr
                     << " failed: " << locked.status().ToString();
      continue;
    }
    std::set<MessageQueue> ok(locked->begin(), locked->end());
    for (const MessageQueue& mq : mqs) {
      std::optional<OwnedQueue> owned = Find(mq);
      if (!owned) continue;
      if (ok.count(mq) != 0) {
        owned->pq->set_locked(true);
        owned->pq->set_last_lock_timestamp(NowMillis());
      } else {
        owned->pq->set_locked(false);
      }
    }
  }
}

void RebalanceImpl::Unlock(const MessageQueue& mq, bool oneway) {
  std::optional<client::FindBrokerResult> found =
      instance_->FindBrokerAddressInSubscribe(mq.broker_name, 0, true);
  if (!found) return;
  UnlockBatchRequestBody body;
  body.consumer_group = group_;
  body.client_id = instance_->client_id();
  body.mq_set.push_back(mq);
  Status st = instance_->api().UnlockBatchMq(found->broker_addr, body, kLockTimeoutMs, oneway);
  if (!st.ok()) {
    RMQ_LOG(kWarn) << "unlockBatchMQ " << mq.ToString() << " failed: " << st.ToString();
  }
}

void RebalanceImpl::UnlockAll(bool oneway) {
  for (const auto& [broker, mqs] : QueuesByBroker()) {
    std::optional<client::FindBrokerResult> found =
        instance_->FindBrokerAddressInSubscribe(broker, 0, true);
    if (!found) continue;
    UnlockBatchRequestBody body;
    body.consumer_group = group_;
    body.client_id = instance_->client_id();
    body.mq_set = mqs;
    Status st = instance_->api().UnlockBatchMq(found->broker_addr, body, kLockTimeoutMs, oneway);
    if (!st.ok()) RMQ_LOG(kWarn) << "unlockBatchMQ at " << broker << " failed: " << st.ToString();
    for (const MessageQueue& mq : mqs) {
      if (std::optional<OwnedQueue> owned = Find(mq)) owned->pq->set_locked(false);
    }
  }
}

void RebalanceImpl::Destroy() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [mq, owned] : process_queue_table_) {
    (void)mq;
    owned.pq->set_dropped(true);
  }
  process_queue_table_.clear();
}

}  // namespace rocketmq::consumer
