#include "mockbroker/ha/group_transfer_service.h"

#include <algorithm>
#include <chrono>

#include "common/logging.h"
#include "common/time_util.h"

namespace rocketmq::ha {

using store::PutMessageStatus;

GroupTransferService::GroupTransferService(const std::atomic<int64_t>* acked) : acked_(acked) {}

GroupTransferService::~GroupTransferService() { Shutdown(); }

void GroupTransferService::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (started_) return;
  started_ = true;
  stop_ = false;
  thread_ = std::thread([this] { Run(); });
}

void GroupTransferService::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!started_) return;
    started_ = false;
    stop_ = true;
  }
  work_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& r : incoming_) r->done = true;  // FLUSH_SLAVE_TIMEOUT
  incoming_.clear();
  done_cv_.notify_all();
}

void GroupTransferService::NotifyTransferSome() {
  std::lock_guard<std::mutex> lock(mu_);
  notified_ = true;
  work_cv_.notify_one();
}

PutMessageStatus GroupTransferService::WaitForTransfer(int64_t next_offset, int64_t timeout_ms) {
  if (acked_->load() >= next_offset) return PutMessageStatus::kPutOk;
  auto request = std::make_shared<Request>();
  request->next_offset = next_offset;
  request->deadline = SteadyMillis() + timeout_ms;
  std::unique_lock<std::mutex> lock(mu_);
  if (!started_) return PutMessageStatus::kFlushSlaveTimeout;
  incoming_.push_back(request);
  work_cv_.notify_one();
  // The service completes the request by its deadline; the bound here only guards against a
  // service that stopped answering.
  done_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms + 1000),
                    [&] { return request->done; });
  return request->done ? request->status : PutMessageStatus::kFlushSlaveTimeout;
}

void GroupTransferService::Run() {
  std::vector<std::shared_ptr<Request>> pending;
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    // Sleep until an ack or a new request arrives, or the earliest deadline (at most 1 s).
    int64_t wait_ms = 1000;
    const int64_t now = SteadyMillis();
    for (const auto& r : pending)
      wait_ms = std::min(wait_ms, std::max<int64_t>(0, r->deadline - now));
    work_cv_.wait_for(lock, std::chrono::milliseconds(wait_ms),
                      [this] { return stop_ || notified_ || !incoming_.empty(); });
    if (stop_) break;
    notified_ = false;
    pending.insert(pending.end(), incoming_.begin(), incoming_.end());
    incoming_.clear();
    if (pending.empty()) continue;
    // One pass completes the whole group against the same acknowledged offset.
    const int64_t acked = acked_->load();
    const int64_t check_time = SteadyMillis();
    bool completed = false;
    auto still = pending.begin();
    for (auto& r : pending) {
      if (acked >= r->next_offset) {
        r->status = PutMessageStatus::kPutOk;
        r->done = true;
        completed = true;
      } else if (check_time >= r->deadline) {
        RMQ_LOG(kWarn) << "transfer message to slave timeout, " << r->next_offset;
        r->status = PutMessageStatus::kFlushSlaveTimeout;
        r->done = true;
        completed = true;
      } else {
        *still++ = r;
      }
    }
    pending.erase(still, pending.end());
    if (completed) done_cv_.notify_all();
  }
  for (auto& r : pending) r->done = true;
  done_cv_.notify_all();
}

}  // namespace rocketmq::ha
