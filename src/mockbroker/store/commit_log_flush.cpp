// CommitLog flushing (protocol.md §6): the ASYNC_FLUSH real-time flusher and the SYNC_FLUSH
// group-commit service, plus the sticky flush failure.
#include <chrono>

#include "common/logging.h"
#include "mockbroker/store/commit_log.h"

namespace rocketmq::store {

struct CommitLog::FlushRequest {
  int64_t next_offset = 0;
  bool done = false;  // guarded by flush_mu_
  PutMessageStatus status = PutMessageStatus::kPutOk;
  Status error;
};

Status CommitLog::flush_error() const {
  std::lock_guard<std::mutex> lock(error_mu_);
  return flush_error_;
}

void CommitLog::SetFlushError(const Status& st) {
  {
    std::lock_guard<std::mutex> lock(error_mu_);
    if (!flush_error_.ok()) return;
    flush_error_ = st;
  }
  flush_failed_.store(true);
  RMQ_LOG(kError) << "CommitLog flush failed, the store stops accepting writes: " << st.ToString();
}

void CommitLog::UpdatePhysicCheckpoint() {
  int64_t ts = queue_.flushed_store_timestamp();
  if (ts > 0) checkpoint_->set_physic_msg_timestamp(ts);
}

Status CommitLog::FlushAll() {
  if (flush_failed_.load()) return flush_error();
  Status st = queue_.Flush(0);
  if (!st.ok()) {
    SetFlushError(st);
    return st;
  }
  UpdatePhysicCheckpoint();
  return Status::OK();
}

void CommitLog::Start() {
  std::lock_guard<std::mutex> lock(flush_mu_);
  if (started_) return;
  started_ = true;
  stop_ = false;
  if (config_.flushDiskType == FlushDiskType::kSyncFlush) {
    flush_thread_ = std::thread([this] { GroupCommitLoop(); });
  } else {
    flush_thread_ = std::thread([this] { AsyncFlushLoop(); });
  }
}

void CommitLog::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(flush_mu_);
    if (!started_) return;
    started_ = false;
    stop_ = true;
  }
  flush_cv_.notify_all();
  if (flush_thread_.joinable()) flush_thread_.join();
  Status st = FlushAll();
  if (!st.ok()) RMQ_LOG(kError) << "final CommitLog flush: " << st.ToString();
  // Writers still waiting get the final answer.
  std::lock_guard<std::mutex> lock(flush_mu_);
  for (auto& r : requests_) {
    bool ok = st.ok() && queue_.flushed_where() >= r->next_offset;
    r->status = ok ? PutMessageStatus::kPutOk : PutMessageStatus::kServiceNotAvailable;
    r->error = ok ? Status::OK() : Status::ShutdownInProgress("store shut down");
    r->done = true;
  }
  requests_.clear();
  done_cv_.notify_all();
}

void CommitLog::AsyncFlushLoop() {
  using Clock = std::chrono::steady_clock;
  auto last_thorough = Clock::now();
  std::unique_lock<std::mutex> lock(flush_mu_);
  while (!stop_) {
    auto interval = std::chrono::milliseconds(config_.flushIntervalCommitLog);
    if (config_.flushCommitLogTimed) {
      flush_cv_.wait_for(lock, interval, [this] { return stop_; });
    } else {
      flush_cv_.wait_for(lock, interval, [this] { return stop_ || wakeup_; });
      wakeup_ = false;
    }
    if (stop_) break;
    lock.unlock();
    int least_pages = config_.flushCommitLogLeastPages;
    auto now = Clock::now();
    if (now - last_thorough >= std::chrono::milliseconds(config_.flushCommitLogThoroughInterval)) {
      last_thorough = now;
      least_pages = 0;
    }
    if (!flush_failed_.load()) {
      Status st = queue_.Flush(least_pages);
      if (st.ok()) {
        UpdatePhysicCheckpoint();
      } else {
        SetFlushError(st);
      }
    }
    lock.lock();
  }
}

void CommitLog::GroupCommitLoop() {
  std::unique_lock<std::mutex> lock(flush_mu_);
  while (true) {
    flush_cv_.wait_for(lock, std::chrono::milliseconds(10),
                       [this] { return stop_ || !requests_.empty(); });
    if (requests_.empty()) {
      if (stop_) break;
      continue;
    }
    std::vector<std::shared_ptr<FlushRequest>> group;
    group.swap(requests_);
    lock.unlock();
    // One flush serves the whole group (every request in it was appended before the swap).
    Status st = flush_failed_.load() ? flush_error() : queue_.Flush(0);
    if (!st.ok()) {
      SetFlushError(st);
    } else {
      UpdatePhysicCheckpoint();
    }
    int64_t flushed = queue_.flushed_where();
    lock.lock();
    for (auto& r : group) {
      if (!st.ok()) {
        r->status = PutMessageStatus::kServiceNotAvailable;
        r->error = st;
      } else {
        r->status = flushed >= r->next_offset ? PutMessageStatus::kPutOk
                                              : PutMessageStatus::kFlushDiskTimeout;
      }
      r->done = true;
    }
    done_cv_.notify_all();
  }
}

PutMessageResult CommitLog::WaitForFlush(const PutMessageResult& appended, bool wait_store_ok) {
  if (appended.status != PutMessageStatus::kPutOk) return appended;
  PutMessageResult result = appended;
  if (config_.flushDiskType != FlushDiskType::kSyncFlush) {
    if (!config_.flushCommitLogTimed) {
      std::lock_guard<std::mutex> lock(flush_mu_);
      wakeup_ = true;
      flush_cv_.notify_one();
    }
    return result;
  }
  auto request = std::make_shared<FlushRequest>();
  request->next_offset = appended.append.wrote_offset + appended.append.wrote_bytes;
  std::unique_lock<std::mutex> lock(flush_mu_);
  if (!started_) {
    // No flush thread (not started or shut down): flush inline.
    lock.unlock();
    Status st = FlushAll();
    if (!st.ok()) {
      result.status = PutMessageStatus::kServiceNotAvailable;
      result.error = st;
    }
    return result;
  }
  requests_.push_back(request);
  flush_cv_.notify_one();
  if (!wait_store_ok) return result;
  bool done = done_cv_.wait_for(lock, std::chrono::milliseconds(config_.syncFlushTimeout),
                                [&] { return request->done; });
  if (!done) {
    result.status = PutMessageStatus::kFlushDiskTimeout;
    return result;
  }
  result.status = request->status;
  result.error = request->error;
  return result;
}

}  // namespace rocketmq::store
