#include "mockbroker/ha/group_transfer_service.h"

#include <chrono>

#include "common/logging.h"

namespace rocketmq::ha {

using store::PutMessageStatus;

GroupTransferService::GroupTransferService(const std::atomic<int64_t>* acked) : acked_(acked) {}

GroupTransferService::~GroupTransferService() { Shutdown(); }

void GroupTransferService::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  running_ = true;
}

void GroupTransferService::Shutdown() {
  std::lock_guard<std::mutex> lock(mu_);
  running_ = false;
  for (auto& [offset, r] : waiting_) {
    r->done = true;  // FLUSH_SLAVE_TIMEOUT
    r->cv.notify_one();
  }
  waiting_.clear();
}

void GroupTransferService::NotifyTransferSome() {
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t acked = acked_->load();
  auto it = waiting_.begin();
  for (; it != waiting_.end() && it->first <= acked; ++it) {
    it->second->status = PutMessageStatus::kPutOk;
    it->second->done = true;
    it->second->cv.notify_one();
  }
  waiting_.erase(waiting_.begin(), it);
}

PutMessageStatus GroupTransferService::WaitForTransfer(int64_t next_offset, int64_t timeout_ms) {
  if (acked_->load() >= next_offset) return PutMessageStatus::kPutOk;
  auto request = std::make_shared<Request>();
  std::unique_lock<std::mutex> lock(mu_);
  if (!running_) return PutMessageStatus::kFlushSlaveTimeout;
  // Re-check under the lock: an acknowledgement may have come in between.
  if (acked_->load() >= next_offset) return PutMessageStatus::kPutOk;
  auto pos = waiting_.emplace(next_offset, request);
  if (!request->cv.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                            [&] { return request->done; })) {
    waiting_.erase(pos);
    RMQ_LOG(kWarn) << "transfer message to slave timeout, " << next_offset;
    return PutMessageStatus::kFlushSlaveTimeout;
  }
  return request->status;
}

}  // namespace rocketmq::ha
