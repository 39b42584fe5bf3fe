// MessageStore background services: the dispatcher (ReputMessageService), the consume-queue
// flusher, retention (CleanCommitLogService / CleanConsumeQueueService), and the consume-queue
// table.
#include <chrono>
#include <ctime>

#include "common/byte_order.h"
#include "common/logging.h"
#include "mockbroker/store/message_store.h"

namespace rocketmq::store {

namespace {
// Java CleanCommitLogService.MAX_MANUAL_DELETE_FILE_TIMES.
constexpr int kMaxManualDeletePasses = 20;
// Topics Java's cleanUnusedTopic keeps although the topic config does not list them.
constexpr char kTransOpHalfTopic[] = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
constexpr char kLmqPrefix[] = "%LMQ%";
}  // namespace

// ---------------------------------------------------------------------------------------------
// Consume-queue table

std::shared_ptr<ConsumeQueue> MessageStore::FindConsumeQueue(const std::string& topic,
                                                             int32_t queue_id, bool create) {
  std::lock_guard<std::mutex> lock(cq_mu_);
  auto t = consume_queues_.find(topic);
  if (t != consume_queues_.end()) {
    auto q = t->second.find(queue_id);
    if (q != t->second.end()) return q->second;
  }
  if (!create) return nullptr;
  auto cq = std::make_shared<ConsumeQueue>(env_.get(), config_.ConsumeQueueDir(), topic, queue_id,
                                           config_.mappedFileSizeConsumeQueue);
  consume_queues_[topic][queue_id] = cq;
  return cq;
}

std::vector<std::shared_ptr<ConsumeQueue>> MessageStore::AllConsumeQueues() const {
  std::vector<std::shared_ptr<ConsumeQueue>> all;
  std::lock_guard<std::mutex> lock(cq_mu_);
  for (const auto& [topic, queues] : consume_queues_) {
    for (const auto& [qid, cq] : queues) all.push_back(cq);
  }
  return all;
}

std::set<std::string> MessageStore::Topics() const {
  std::set<std::string> topics;
  std::lock_guard<std::mutex> lock(cq_mu_);
  for (const auto& [topic, queues] : consume_queues_) topics.insert(topic);
  return topics;
}

void MessageStore::DeleteTopics(const std::set<std::string>& topics) {
  for (const std::string& topic : topics) {
    std::map<int32_t, std::shared_ptr<ConsumeQueue>> queues;
    {
      std::lock_guard<std::mutex> lock(cq_mu_);
      auto it = consume_queues_.find(topic);
      if (it == consume_queues_.end()) continue;
      queues = std::move(it->second);
      consume_queues_.erase(it);
    }
    for (auto& [qid, cq] : queues) {
      cq->Destroy();
      commit_log_->RemoveQueueFromTopicQueueTable(topic, qid);
    }
    Status st = env_->RemoveDirRecursive(config_.ConsumeQueueDir() + "/" + topic);
    if (!st.ok()) RMQ_LOG(kWarn) << "delete topic " << topic << ": " << st.ToString();
  }
}

int MessageStore::CleanUnusedTopic(const std::set<std::string>& topics_in_use) {
  std::set<std::string> unused;
  for (const std::string& topic : Topics()) {
    if (topics_in_use.count(topic) != 0 || topic == kScheduleTopic || topic == kTransOpHalfTopic ||
        topic.rfind(kLmqPrefix, 0) == 0) {
      continue;
    }
    unused.insert(topic);
  }
  for (const std::string& topic : unused) {
    RMQ_LOG(kInfo) << "cleanUnusedTopic: " << topic << " not in the topic config, destroyed";
  }
  DeleteTopics(unused);
  return static_cast<int>(unused.size());
}

int MessageStore::CleanExpiredConsumerQueue() {
  const int64_t min_phy = commit_log_->GetMinOffset();
  std::vector<std::shared_ptr<ConsumeQueue>> expired;
  std::set<std::string> emptied;
  {
    std::lock_guard<std::mutex> lock(cq_mu_);
    for (auto t = consume_queues_.begin(); t != consume_queues_.end();) {
      if (t->first == kScheduleTopic) {
        ++t;
        continue;
      }
      for (auto q = t->second.begin(); q != t->second.end();) {
        const int64_t last = q->second->max_physic_offset();
        if (last != -1 && last < min_phy) {
          RMQ_LOG(kInfo) << "cleanExpiredConsumerQueue: " << t->first << " " << q->first
                         << " destroyed, minCommitLogOffset " << min_phy
                         << " maxCLOffsetInConsumeQueue " << last;
          expired.push_back(q->second);
          q = t->second.erase(q);
        } else {
          ++q;
        }
      }
      if (t->second.empty()) {
        emptied.insert(t->first);
        t = consume_queues_.erase(t);
      } else {
        ++t;
      }
    }
  }
  for (auto& cq : expired) {
    cq->Destroy();
    commit_log_->RemoveQueueFromTopicQueueTable(cq->topic(), cq->queue_id());
    const std::string dir =
        config_.ConsumeQueueDir() + "/" + cq->topic() + "/" + std::to_string(cq->queue_id());
    Status st = env_->RemoveDirRecursive(dir);
    if (!st.ok()) RMQ_LOG(kWarn) << "cleanExpiredConsumerQueue " << dir << ": " << st.ToString();
  }
  for (const std::string& topic : emptied) {
    Status st = env_->RemoveDirRecursive(config_.ConsumeQueueDir() + "/" + topic);
    if (!st.ok()) RMQ_LOG(kWarn) << "cleanExpiredConsumerQueue " << topic << ": " << st.ToString();
  }
  return static_cast<int>(expired.size());
}

void MessageStore::SetMessageArrivingListener(MessageArrivingListener listener) {
  std::lock_guard<std::mutex> lock(listener_mu_);
  listener_ = std::move(listener);
}

// ---------------------------------------------------------------------------------------------
// Dispatcher

void MessageStore::DoDispatch(const DispatchRequest& req) {
  int32_t tran = TransactionType(req.sys_flag);
  if (tran == kSysFlagTransactionNotType || tran == kSysFlagTransactionCommitType) {
    auto cq = FindConsumeQueue(req.topic, req.queue_id, true);
    Status st = cq->PutMessagePositionInfo(req.commit_log_offset, req.msg_size, req.tags_code,
                                           req.consume_queue_offset);
    if (!st.ok()) {
      RMQ_LOG(kWarn) << "dispatch " << req.topic << "/" << req.queue_id << " offset "
                     << req.consume_queue_offset << ": " << st.ToString();
    }
    logics_timestamp_pending_.store(req.store_timestamp);
  }
  if (config_.messageIndexEnable) index_service_->BuildIndex(req);
}

int64_t MessageStore::DispatchBehindBytes() const {
  return commit_log_->GetMaxOffset() - reput_from_offset_.load();
}

namespace {

// True when `rest` (the written bytes from a record start) holds the beginning of a record whose
// remaining bytes are not written yet: a short header, or a valid magic with a TOTALSIZE past
// the written data but inside the file (`room` bytes left in it).
bool IsIncompleteRecord(std::string_view rest, int32_t room) {
  if (rest.size() < static_cast<size_t>(kEndFileMinBlankLength)) return true;
  const uint32_t magic = DecodeFixed32BE(rest.data() + kRecordMagicPos);
  const auto total = static_cast<int32_t>(DecodeFixed32BE(rest.data()));
  return (magic == kMessageMagicCodeV1 || magic == kMessageMagicCodeV2) && total > 0 &&
         static_cast<size_t>(total) > rest.size() && total <= room;
}

}  // namespace

bool MessageStore::DispatchOnce() {
  std::lock_guard<std::mutex> lock(dispatch_mu_);
  int64_t from = reput_from_offset_.load();
  if (from >= commit_log_->GetMaxOffset()) return false;
  if (from < commit_log_->GetMinOffset()) {
    RMQ_LOG(kWarn) << "dispatch offset " << from << " below CommitLog min; skipping ahead";
    reput_from_offset_.store(commit_log_->GetMinOffset());
    return true;
  }
  auto file = commit_log_->mapped_file_queue()->FindByOffset(from);
  if (file == nullptr) return false;
  int32_t pos = static_cast<int32_t>(from - file->file_from_offset());
  bool progress = false;
  while (pos < file->wrote_position()) {
    int32_t wrote = file->wrote_position();
    std::string_view rest(file->data() + pos, static_cast<size_t>(wrote - pos));
    DispatchRequest req;
    int32_t size = commit_log_->CheckMessageAndReturnSize(rest, false, &req);
    if (size > 0) {
      DoDispatch(req);
      pos += size;
      reput_from_offset_.store(file->file_from_offset() + pos);
      progress = true;
      int32_t tran = TransactionType(req.sys_flag);
      if (config_.brokerRole != BrokerRole::kSlave &&
          (tran == kSysFlagTransactionNotType || tran == kSysFlagTransactionCommitType)) {
        std::lock_guard<std::mutex> l(listener_mu_);
        if (listener_) listener_(req);
      }
    } else if (size == 0) {
      reput_from_offset_.store(commit_log_->RollNextFile(file->file_from_offset() + pos));
      return true;
    } else {
      // A slave receives the master's records in pieces (HA frames): wait for the rest.
      if (IsIncompleteRecord(rest, file->file_size() - pos)) return progress;
      RMQ_LOG(kError) << "dispatch: invalid record at CommitLog offset "
                      << file->file_from_offset() + pos;
      return progress;
    }
  }
  if (pos >= file->file_size()) {
    reput_from_offset_.store(file->file_from_offset() + file->file_size());
    progress = true;
  }
  return progress;
}

void MessageStore::DispatchLoop() {
  while (true) {
    bool progress = DispatchOnce();
    std::unique_lock<std::mutex> lock(thread_mu_);
    if (stop_threads_) return;
    if (!progress) {
      dispatch_cv_.wait_for(lock, std::chrono::milliseconds(1),
                            [this] { return stop_threads_ || dispatch_wakeup_; });
      dispatch_wakeup_ = false;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Consume-queue flush and checkpoint

Status MessageStore::FlushLogics() {
  int64_t logics_ts = logics_timestamp_pending_.load();
  for (auto& cq : AllConsumeQueues()) ROCKETMQ_RETURN_IF_ERROR(cq->Flush(0));
  if (config_.messageIndexEnable) ROCKETMQ_RETURN_IF_ERROR(index_service_->FlushAll());
  if (logics_ts > 0) checkpoint_->set_logics_msg_timestamp(logics_ts);
  return checkpoint_->Flush();
}

void MessageStore::StatsLoop() {
  std::unique_lock<std::mutex> lock(thread_mu_);
  while (!stop_threads_) {
    lock.unlock();
    stats_->OnDispatchBehind(DispatchBehindBytes());
    stats_->Sample(env_->NowMillis());
    lock.lock();
    thread_cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_threads_; });
  }
}

int64_t MessageStore::GetEarliestMessageTime() const {
  // Java pickupStoreTimestamp(minPhyOffset, 2 * maxMessageSize): -1 unless that many bytes are
  // readable from the first record in its file (so -1 on a store with small files).
  return commit_log_->PickupStoreTimestamp(commit_log_->GetMinOffset(), config_.maxMessageSize * 2);
}

void MessageStore::FlushLogicsLoop() {
  using Clock = std::chrono::steady_clock;
  auto last_thorough = Clock::now();
  std::unique_lock<std::mutex> lock(thread_mu_);
  while (!stop_threads_) {
    thread_cv_.wait_for(lock, std::chrono::milliseconds(config_.flushIntervalConsumeQueue),
                        [this] { return stop_threads_; });
    if (stop_threads_) return;
    lock.unlock();
    auto now = Clock::now();
    Status st;
    if (now - last_thorough >=
        std::chrono::milliseconds(config_.flushConsumeQueueThoroughInterval)) {
      last_thorough = now;
      st = FlushLogics();
    } else {
      for (auto& cq : AllConsumeQueues()) {
        st = cq->Flush(config_.flushConsumeQueueLeastPages);
        if (!st.ok()) break;
      }
      if (st.ok()) st = checkpoint_->Flush();
    }
    if (!st.ok()) RMQ_LOG(kError) << "consume queue flush: " << st.ToString();
    lock.lock();
  }
}

// ---------------------------------------------------------------------------------------------
// Retention

bool MessageStore::IsTimeToDelete() const {
  time_t secs = static_cast<time_t>(env_->NowMillis() / 1000);
  struct tm tm_local;
  localtime_r(&secs, &tm_local);
  size_t pos = 0;
  const std::string& when = config_.deleteWhen;
  while (pos <= when.size()) {
    size_t end = when.find(';', pos);
    if (end == std::string::npos) end = when.size();
    std::string item = when.substr(pos, end - pos);
    pos = end + 1;
    if (item.empty()) continue;
    char* stop = nullptr;
    long hour = std::strtol(item.c_str(), &stop, 10);
    if (stop != nullptr && *stop == '\0' && hour == tm_local.tm_hour) return true;
  }
  return false;
}

bool MessageStore::IsSpaceToDelete(bool* clean_immediately) {
  *clean_immediately = false;
  double max_ratio = config_.diskMaxUsedSpaceRatio / 100.0;
  double ratio = env_->DiskUsedRatio(config_.CommitLogDir());
  if (ratio > config_.diskSpaceWarningLevelRatio) {
    if (!disk_full_.exchange(true)) {
      RMQ_LOG(kError) << "disk used " << ratio << " > " << config_.diskSpaceWarningLevelRatio
                      << ": refusing writes";
    }
    *clean_immediately = true;
  } else if (ratio > config_.diskSpaceCleanForciblyRatio) {
    *clean_immediately = true;
  } else if (disk_full_.exchange(false)) {
    RMQ_LOG(kWarn) << "disk space OK again (" << ratio << ")";
  }
  return ratio < 0 || ratio > max_ratio;
}

void MessageStore::ExecuteDeleteFilesManually() {
  manual_delete_passes_.store(kMaxManualDeletePasses);
  RMQ_LOG(kInfo) << "executeDeleteFilesManually was invoked";
}

int MessageStore::CleanExpiredFiles() {
  bool clean_immediately = false;
  bool time_up = IsTimeToDelete();
  bool space_full = IsSpaceToDelete(&clean_immediately);
  // Consume one forced pass if there is one left (never below zero when passes race).
  int passes = manual_delete_passes_.load();
  bool manual = false;
  while (passes > 0 &&
         !(manual = manual_delete_passes_.compare_exchange_weak(passes, passes - 1))) {
  }
  int deleted = 0;
  if (time_up || space_full || manual) {
    int64_t reserved_ms = static_cast<int64_t>(config_.fileReservedTime) * 3600 * 1000;
    deleted = commit_log_->DeleteExpiredFile(reserved_ms,
                                             config_.cleanFileForciblyEnable && clean_immediately);
    if (deleted > 0) RMQ_LOG(kInfo) << "retention deleted " << deleted << " CommitLog file(s)";
  }
  int64_t min_phy = commit_log_->GetMinOffset();
  for (auto& cq : AllConsumeQueues()) cq->DeleteExpiredFile(min_phy);
  if (config_.messageIndexEnable) index_service_->DeleteExpiredFile(min_phy);
  return deleted;
}

void MessageStore::CleanLoop() {
  std::unique_lock<std::mutex> lock(thread_mu_);
  while (!stop_threads_) {
    thread_cv_.wait_for(lock, std::chrono::milliseconds(config_.cleanResourceInterval),
                        [this] { return stop_threads_; });
    if (stop_threads_) return;
    lock.unlock();
    CleanExpiredFiles();
    lock.lock();
  }
}

}  // namespace rocketmq::store
