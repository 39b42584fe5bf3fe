#include "client/request_future_table.h"

#include <chrono>
#include <vector>

#include "common/logging.h"
#include "common/time_util.h"

namespace rocketmq::client {

RequestResponseFuture::RequestResponseFuture(std::string correlation_id, int64_t timeout_ms,
                                             Callback callback)
    : correlation_id_(std::move(correlation_id)),
      timeout_ms_(timeout_ms),
      begin_ms_(SteadyMillis()),
      callback_(std::move(callback)) {}

void RequestResponseFuture::set_send_ok(bool ok) {
  std::lock_guard<std::mutex> lock(mu_);
  send_ok_ = ok;
}

bool RequestResponseFuture::send_ok() const {
  std::lock_guard<std::mutex> lock(mu_);
  return send_ok_;
}

void RequestResponseFuture::Complete(Result<MessageExt> outcome) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (outcome_) return;
    outcome_ = outcome;
  }
  cv_.notify_all();
  if (callback_) callback_(std::move(outcome));
}

std::optional<Result<MessageExt>> RequestResponseFuture::Wait(int64_t timeout_ms) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms > 0 ? timeout_ms : 0),
               [this] { return outcome_.has_value(); });
  return outcome_;
}

void RequestFutureTable::Add(std::shared_ptr<RequestResponseFuture> future) {
  std::lock_guard<std::mutex> lock(mu_);
  futures_[future->correlation_id()] = std::move(future);
}

std::shared_ptr<RequestResponseFuture> RequestFutureTable::Remove(
    const std::string& correlation_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = futures_.find(correlation_id);
  if (it == futures_.end()) return nullptr;
  std::shared_ptr<RequestResponseFuture> f = std::move(it->second);
  futures_.erase(it);
  return f;
}

bool RequestFutureTable::Complete(const std::string& correlation_id, MessageExt reply) {
  std::shared_ptr<RequestResponseFuture> f = Remove(correlation_id);
  if (!f) return false;
  f->Complete(std::move(reply));
  return true;
}

size_t RequestFutureTable::ScanExpired(int64_t now_ms) {
  std::vector<std::shared_ptr<RequestResponseFuture>> expired;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = futures_.begin(); it != futures_.end();) {
      // Java's scan removes every expired entry; a synchronous waiter has given up by then.
      if (it->second->IsTimeout(now_ms)) {
        expired.push_back(std::move(it->second));
        it = futures_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& f : expired) {
    RMQ_LOG(kDebug) << "request " << f->correlation_id() << " expired without reply";
    f->Complete(Status::Timeout("request timeout, no reply message."));
  }
  return expired.size();
}

void RequestFutureTable::FailAll(const Status& status) {
  std::map<std::string, std::shared_ptr<RequestResponseFuture>> all;
  {
    std::lock_guard<std::mutex> lock(mu_);
    all.swap(futures_);
  }
  for (auto& [id, f] : all) f->Complete(status);
}

size_t RequestFutureTable::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return futures_.size();
}

}  // namespace rocketmq::client
