#include "mockbroker/broker/rebalance_lock_manager.h"

#include "common/java_hash.h"
#include "common/model/message_queue_json.h"

namespace rocketmq::broker {

std::vector<MessageQueue> JavaHashSetOrder(const std::vector<MessageQueue>& mqs,
                                           size_t initial_capacity) {
  std::vector<int32_t> hashes;
  hashes.reserve(mqs.size());
  for (const MessageQueue& mq : mqs) hashes.push_back(JavaMessageQueueHashCode(mq));
  const size_t table = JavaHashMapTableSize(mqs.size(), initial_capacity);
  std::vector<MessageQueue> out;
  out.reserve(mqs.size());
  for (size_t i : JavaHashIterationOrder(hashes, table)) out.push_back(mqs[i]);
  return out;
}

std::vector<MessageQueue> RebalanceLockManager::TryLockBatch(const std::string& group,
                                                             const std::vector<MessageQueue>& mqs,
                                                             const std::string& client_id,
                                                             int64_t now_ms) {
  std::vector<MessageQueue> locked;
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::map<MessageQueue, LockEntry>& group_table = table_[group];
    for (const MessageQueue& mq : mqs) {
      auto it = group_table.find(mq);
      if (it == group_table.end()) {
        group_table[mq] = LockEntry{client_id, now_ms};
        locked.push_back(mq);
        continue;
      }
      LockEntry& e = it->second;
      if (e.client_id == client_id || Expired(e, now_ms)) {
        // Renewal by the holder, or takeover of a lapsed lock.
        e.client_id = client_id;
        e.last_update_ms = now_ms;
        locked.push_back(mq);
      }
    }
  }
  // Java collects them in a HashSet sized for the request.
  return JavaHashSetOrder(locked, mqs.size());
}

void RebalanceLockManager::UnlockBatch(const std::string& group,
                                       const std::vector<MessageQueue>& mqs,
                                       const std::string& client_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto g = table_.find(group);
  if (g == table_.end()) return;
  for (const MessageQueue& mq : mqs) {
    auto it = g->second.find(mq);
    if (it != g->second.end() && it->second.client_id == client_id) g->second.erase(it);
  }
}

bool RebalanceLockManager::IsLocked(const std::string& group, const MessageQueue& mq,
                                    const std::string& client_id, int64_t now_ms) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto g = table_.find(group);
  if (g == table_.end()) return false;
  auto it = g->second.find(mq);
  return it != g->second.end() && it->second.client_id == client_id && !Expired(it->second, now_ms);
}

}  // namespace rocketmq::broker
