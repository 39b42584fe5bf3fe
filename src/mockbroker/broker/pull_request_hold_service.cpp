#include "mockbroker/broker/pull_request_hold_service.h"

#include "common/time_util.h"

#include <algorithm>
#include <chrono>

#include "common/logging.h"

namespace rocketmq::broker {

namespace {

std::string Key(const std::string& topic, int32_t queue_id) {
  return topic + "@" + std::to_string(queue_id);
}

bool SplitKey(const std::string& key, std::string* topic, int32_t* queue_id) {
  size_t at = key.rfind('@');
  if (at == std::string::npos) return false;
  *topic = key.substr(0, at);
  *queue_id = std::stoi(key.substr(at + 1));
  return true;
}

}  // namespace

PullRequestHoldService::PullRequestHoldService(store::MessageStore* store, Executor executor,
                                               int64_t check_interval_ms)
    : store_(store), executor_(std::move(executor)), check_interval_ms_(check_interval_ms) {}

PullRequestHoldService::~PullRequestHoldService() { Shutdown(); }

void PullRequestHoldService::Start() {
  started_ = true;
  thread_ = std::thread([this] { Run(); });
}

void PullRequestHoldService::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    table_.clear();
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PullRequestHoldService::SuspendPullRequest(const std::string& topic, int32_t queue_id,
                                                HeldPullRequest request) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    table_[Key(topic, queue_id)].push_back(std::move(request));
  }
  cv_.notify_all();  // the deadline may be earlier than the next wake-up
}

void PullRequestHoldService::NotifyMessageArriving(const std::string& topic, int32_t queue_id,
                                                   int64_t max_offset,
                                                   std::optional<int64_t> tags_code) {
  std::vector<HeldPullRequest> ready;
  const int64_t now = NowMillis();
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = table_.find(Key(topic, queue_id));
    if (it == table_.end()) return;
    std::vector<HeldPullRequest> keep;
    for (auto& req : it->second) {
      int64_t newest = max_offset;
      if (newest <= req.pull_from_offset) newest = store_->GetMaxOffsetInQueue(topic, queue_id);
      if (newest > req.pull_from_offset) {
        bool match = !tags_code.has_value() || !req.filter || req.filter(*tags_code);
        if (match) {
          ready.push_back(std::move(req));
          continue;
        }
      }
      if (now >= req.suspend_timestamp + req.timeout_ms) {
        ready.push_back(std::move(req));
        continue;
      }
      keep.push_back(std::move(req));
    }
    if (keep.empty()) {
      table_.erase(it);
    } else {
      it->second = std::move(keep);
    }
  }
  for (auto& req : ready) executor_(std::move(req));
}

size_t PullRequestHoldService::HeldCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  size_t n = 0;
  for (const auto& [key, list] : table_) n += list.size();
  return n;
}

void PullRequestHoldService::CheckHoldRequests() {
  std::vector<std::string> keys;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [key, list] : table_) keys.push_back(key);
  }
  for (const auto& key : keys) {
    std::string topic;
    int32_t queue_id = 0;
    if (!SplitKey(key, &topic, &queue_id)) continue;
    NotifyMessageArriving(topic, queue_id, store_->GetMaxOffsetInQueue(topic, queue_id),
                          std::nullopt);
  }
}

void PullRequestHoldService::Run() {
  int64_t next_check = NowMillis() + check_interval_ms_;
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    int64_t wake = next_check;
    for (const auto& [key, list] : table_) {
      for (const auto& req : list) wake = std::min(wake, req.suspend_timestamp + req.timeout_ms);
    }
    int64_t now = NowMillis();
    if (wake > now) {
      cv_.wait_for(lock, std::chrono::milliseconds(wake - now));
      if (stopping_) break;
      now = NowMillis();
      if (now < wake) continue;  // woken early (new request): recompute the deadline
    }
    if (now >= next_check) next_check = now + check_interval_ms_;
    lock.unlock();
    CheckHoldRequests();
    lock.lock();
  }
}

}  // namespace rocketmq::broker
