// CommitLog flushing (protocol.md §6): the ASYNC_FLUSH real-time flusher and the SYNC_FLUSH
// group-commit service, plus the sticky flush failure.
#include <chrono>
#include <future>

#include "common/logging.h"
#include "mockbroker/store/commit_log.h"

namespace rocketmq::store {

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
    flush_waiters_.Start();
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
  if (st.ok()) flush_waiters_.CompleteUpTo(queue_.flushed_where());
  flush_waiters_.Shutdown(PutMessageStatus::kServiceNotAvailable,
                          st.ok() ? Status::ShutdownInProgress("store shut down") : st);
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
  while (!stop_) {
    flush_cv_.wait_for(lock, std::chrono::milliseconds(10), [this] { return stop_ || wakeup_; });
    wakeup_ = false;
    if (stop_) break;
    if (flush_waiters_.MaxWaitingOffset() < 0 && queue_.flushed_where() >= GetMaxOffset()) {
      continue;
    }
    lock.unlock();
    // One flush serves every request queued so far (each was appended before it was queued).
    Status st = flush_failed_.load() ? flush_error() : queue_.Flush(0);
    if (st.ok()) {
      UpdatePhysicCheckpoint();
      flush_waiters_.CompleteUpTo(queue_.flushed_where());
    } else {
      SetFlushError(st);
      flush_waiters_.CompleteAll(PutMessageStatus::kServiceNotAvailable, st);
    }
    lock.lock();
  }
}

void CommitLog::SubmitFlushRequest(int64_t next_offset, bool wait, FlushCallback done) {
  const bool sync = config_.flushDiskType == FlushDiskType::kSyncFlush;
  if (sync && wait) {
    // Added before the wake-up: the flush that follows sees it. Refused when no flush thread
    // runs (not started or shut down).
    if (flush_waiters_.Add(next_offset, config_.syncFlushTimeout, std::move(done))) {
      std::lock_guard<std::mutex> lock(flush_mu_);
      wakeup_ = true;
      flush_cv_.notify_one();
      return;
    }
    // No flush thread: flush inline.
    Status st = FlushAll();
    if (st.ok()) {
      done(PutMessageStatus::kPutOk, Status::OK());
    } else {
      done(PutMessageStatus::kServiceNotAvailable, st);
    }
    return;
  }
  // ASYNC_FLUSH: the flush thread writes nothing until flushCommitLogLeastPages pages are dirty,
  // so it is woken only once they are (its interval takes care of the rest). Waking it for every
  // message cost a context switch per message. A wake-up already pending is not repeated.
  const bool worth_waking =
      sync || next_offset - queue_.flushed_where() >=
                  int64_t{std::max(0, config_.flushCommitLogLeastPages)} * kOsPageSize;
  if ((sync || !config_.flushCommitLogTimed) && worth_waking) {
    std::lock_guard<std::mutex> lock(flush_mu_);
    if (!wakeup_) {
      wakeup_ = true;
      flush_cv_.notify_one();
    }
  }
  done(PutMessageStatus::kPutOk, Status::OK());
}

PutMessageResult CommitLog::WaitForFlush(PutMessageResult appended, bool wait_store_ok) {
  if (appended.status != PutMessageStatus::kPutOk) return appended;
  std::promise<std::pair<PutMessageStatus, Status>> flushed;
  SubmitFlushRequest(appended.append.wrote_offset + appended.append.wrote_bytes, wait_store_ok,
                     [&flushed](PutMessageStatus status, const Status& error) {
                       flushed.set_value({status, error});
                     });
  auto [status, error] = flushed.get_future().get();
  if (status != PutMessageStatus::kPutOk) {
    appended.status = status;
    appended.error = error;
  }
  return appended;
}

}  // namespace rocketmq::store
