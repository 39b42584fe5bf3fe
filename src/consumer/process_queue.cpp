#include "consumer/process_queue.h"

#include <cstdlib>

#include "common/message_const.h"
#include "common/time_util.h"

namespace rocketmq::consumer {

ProcessQueue::ProcessQueue()
    : last_lock_timestamp_(NowMillis()),
      last_pull_timestamp_(NowMillis()),
      last_consume_timestamp_(NowMillis()) {}

bool ProcessQueue::PutMessages(const std::vector<MessageExtPtr>& msgs) {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t added = 0;
  for (const MessageExtPtr& msg : msgs) {
    auto [it, inserted] = msg_tree_.insert_or_assign(msg->queue_offset(), msg);
    (void)it;
    if (inserted) {
      ++added;
      queue_offset_max_ = msg->queue_offset();
      msg_size_.fetch_add(static_cast<int64_t>(msg->body().size()));
    }
  }
  msg_count_.fetch_add(added);
  bool dispatch = false;
  if (!msg_tree_.empty() && !consuming_) {
    dispatch = true;
    consuming_ = true;
  }
  if (!msgs.empty()) {
    const MessageExtPtr& last = msgs.back();
    const std::string max = last->GetProperty(kPropertyMaxOffset);
    if (!max.empty()) {
      const int64_t acc = std::strtoll(max.c_str(), nullptr, 10) - last->queue_offset();
      if (acc > 0) msg_acc_cnt_.store(acc);
    }
  }
  return dispatch;
}

int64_t ProcessQueue::MaxSpan() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (msg_tree_.empty()) return 0;
  return msg_tree_.rbegin()->first - msg_tree_.begin()->first;
}

int64_t ProcessQueue::RemoveMessages(const std::vector<MessageExtPtr>& msgs) {
  std::lock_guard<std::mutex> lock(mu_);
  last_consume_timestamp_.store(NowMillis());
  if (msg_tree_.empty()) return -1;
  int64_t result = queue_offset_max_ + 1;
  int64_t removed = 0;
  for (const MessageExtPtr& msg : msgs) {
    auto it = msg_tree_.find(msg->queue_offset());
    if (it == msg_tree_.end()) continue;
    ++removed;
    msg_size_.fetch_sub(static_cast<int64_t>(it->second->body().size()));
    msg_tree_.erase(it);
  }
  msg_count_.fetch_sub(removed);
  if (!msg_tree_.empty()) result = msg_tree_.begin()->first;
  return result;
}

std::vector<MessageExtPtr> ProcessQueue::TakeMessages(int batch_size) {
  std::vector<MessageExtPtr> result;
  std::lock_guard<std::mutex> lock(mu_);
  last_consume_timestamp_.store(NowMillis());
  for (int i = 0; i < batch_size && !msg_tree_.empty(); ++i) {
    auto it = msg_tree_.begin();
    result.push_back(it->second);
    consuming_tree_.emplace(it->first, it->second);
    msg_tree_.erase(it);
  }
  if (result.empty()) consuming_ = false;
  return result;
}

int64_t ProcessQueue::Commit() {
  std::lock_guard<std::mutex> lock(mu_);
  if (consuming_tree_.empty()) return -1;
  const int64_t offset = consuming_tree_.rbegin()->first;
  msg_count_.fetch_sub(static_cast<int64_t>(consuming_tree_.size()));
  for (const auto& [off, msg] : consuming_tree_) {
    (void)off;
    msg_size_.fetch_sub(static_cast<int64_t>(msg->body().size()));
  }
  consuming_tree_.clear();
  return offset + 1;
}

void ProcessQueue::MakeMessagesToConsumeAgain(const std::vector<MessageExtPtr>& msgs) {
  std::lock_guard<std::mutex> lock(mu_);
  for (const MessageExtPtr& msg : msgs) {
    consuming_tree_.erase(msg->queue_offset());
    msg_tree_.insert_or_assign(msg->queue_offset(), msg);
  }
}

void ProcessQueue::Rollback() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [off, msg] : consuming_tree_) msg_tree_.insert_or_assign(off, std::move(msg));
  consuming_tree_.clear();
}

bool ProcessQueue::HasTempMessage() const {
  std::lock_guard<std::mutex> lock(mu_);
  return !msg_tree_.empty();
}

void ProcessQueue::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  msg_tree_.clear();
  consuming_tree_.clear();
  msg_count_.store(0);
  msg_size_.store(0);
  queue_offset_max_ = 0;
}

MessageExtPtr ProcessQueue::FirstExpiredMessage(int64_t consume_timeout_ms) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (msg_tree_.empty()) return nullptr;
  const MessageExtPtr& first = msg_tree_.begin()->second;
  const std::string start = first->GetProperty(kPropertyConsumeStartTimestamp);
  if (start.empty()) return nullptr;
  if (NowMillis() - std::strtoll(start.c_str(), nullptr, 10) > consume_timeout_ms) return first;
  return nullptr;
}

int64_t ProcessQueue::FirstCachedOffset() const {
  std::lock_guard<std::mutex> lock(mu_);
  return msg_tree_.empty() ? -1 : msg_tree_.begin()->first;
}

bool ProcessQueue::IsLockExpired() const {
  return NowMillis() - last_lock_timestamp_.load() > kRebalanceLockMaxLiveTimeMs;
}

bool ProcessQueue::IsPullExpired() const {
  return NowMillis() - last_pull_timestamp_.load() > kPullMaxIdleTimeMs;
}

void ProcessQueue::FillProcessQueueInfo(ProcessQueueInfo* info) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!msg_tree_.empty()) {
      info->cached_msg_min_offset = msg_tree_.begin()->first;
      info->cached_msg_max_offset = msg_tree_.rbegin()->first;
      info->cached_msg_count = static_cast<int32_t>(msg_tree_.size());
      info->cached_msg_size_in_mib = static_cast<int32_t>(msg_size_.load() / (1024 * 1024));
    }
    if (!consuming_tree_.empty()) {
      info->transaction_msg_min_offset = consuming_tree_.begin()->first;
      info->transaction_msg_max_offset = consuming_tree_.rbegin()->first;
      info->transaction_msg_count = static_cast<int32_t>(consuming_tree_.size());
    }
  }
  info->locked = locked_.load();
  info->try_unlock_times = try_unlock_times_.load();
  info->last_lock_timestamp = last_lock_timestamp_.load();
  info->droped = dropped_.load();
  info->last_pull_timestamp = last_pull_timestamp_.load();
  info->last_consume_timestamp = last_consume_timestamp_.load();
}

}  // namespace rocketmq::consumer
