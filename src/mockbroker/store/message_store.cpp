// MessageStore lifecycle, recovery and the write path.
#include "mockbroker/store/message_store.h"

#include <chrono>
#include <future>

#include "common/logging.h"

namespace rocketmq::store {

MessageStore::MessageStore(MessageStoreConfig config) : config_(std::move(config)) {
  env_ = config_.env ? config_.env : NewPosixEnv();
  stats_ = std::make_unique<StoreStatsService>(env_->NowMillis());
}

MessageStore::~MessageStore() { Shutdown(); }

Status MessageStore::Load() {
  if (loaded_) return Status::OK();
  ROCKETMQ_RETURN_IF_ERROR(env_->CreateDirs(config_.RootDir()));
  // Before anything is read or recovered: a second broker must not touch a store in use.
  if (!lock_) {
    Result<std::unique_ptr<StoreLock>> lock = StoreLock::Acquire(config_.LockPath());
    if (!lock.ok()) return lock.status();
    lock_ = std::move(*lock);
  }
  last_exit_ok_ = !env_->FileExists(config_.AbortPath());
  auto cp = StoreCheckpoint::Open(env_.get(), config_.CheckpointPath());
  if (!cp.ok()) return cp.status();
  checkpoint_ = std::move(*cp);
  commit_log_ = std::make_unique<CommitLog>(config_, env_.get(), checkpoint_.get());
  ROCKETMQ_RETURN_IF_ERROR(commit_log_->Load());
  ROCKETMQ_RETURN_IF_ERROR(LoadConsumeQueues());
  index_service_ = std::make_unique<IndexService>(config_, env_.get(), checkpoint_.get());
  if (config_.messageIndexEnable) ROCKETMQ_RETURN_IF_ERROR(index_service_->Load(last_exit_ok_));
  Recover();
  loaded_ = true;
  RMQ_LOG(kInfo) << "store " << config_.RootDir() << " loaded ("
                 << (last_exit_ok_ ? "normal" : "abnormal") << " recovery), CommitLog ["
                 << GetMinPhyOffset() << ", " << GetMaxPhyOffset() << ")";
  return Status::OK();
}

Status MessageStore::LoadConsumeQueues() {
  std::string root = config_.ConsumeQueueDir();
  auto topics = env_->ListDir(root);
  if (!topics.ok()) return topics.status();
  for (const std::string& topic : *topics) {
    auto queues = env_->ListDir(root + "/" + topic);
    if (!queues.ok()) return queues.status();
    for (const std::string& qid_text : *queues) {
      char* end = nullptr;
      long qid = std::strtol(qid_text.c_str(), &end, 10);
      if (end == nullptr || *end != '\0' || qid_text.empty()) continue;
      auto cq = std::make_shared<ConsumeQueue>(env_.get(), root, topic, static_cast<int32_t>(qid),
                                               config_.mappedFileSizeConsumeQueue);
      ROCKETMQ_RETURN_IF_ERROR(cq->Load());
      std::lock_guard<std::mutex> lock(cq_mu_);
      consume_queues_[topic][static_cast<int32_t>(qid)] = std::move(cq);
    }
  }
  return Status::OK();
}

void MessageStore::TruncateDirtyLogicFiles(int64_t phy_offset) {
  for (auto& cq : AllConsumeQueues()) cq->TruncateDirtyLogicFiles(phy_offset);
}

void MessageStore::Recover() {
  int64_t max_phy_of_cq = -1;
  for (auto& cq : AllConsumeQueues()) {
    cq->Recover();
    max_phy_of_cq = std::max(max_phy_of_cq, cq->max_physic_offset());
  }
  auto truncate = [this](int64_t offset) { TruncateDirtyLogicFiles(offset); };
  if (last_exit_ok_) {
    commit_log_->RecoverNormally(max_phy_of_cq, truncate);
  } else {
    commit_log_->RecoverAbnormally(max_phy_of_cq, truncate,
                                   [this](const DispatchRequest& req) { DoDispatch(req); });
  }
  // Rebuild the topic-queue offset table from the consume queues.
  std::map<std::string, int64_t> table;
  int64_t min_phy = commit_log_->GetMinOffset();
  for (auto& cq : AllConsumeQueues()) {
    table[cq->topic() + "-" + std::to_string(cq->queue_id())] = cq->GetMaxOffsetInQueue();
    cq->CorrectMinOffset(min_phy);
  }
  commit_log_->SetTopicQueueTable(std::move(table));
}

Status MessageStore::Start() {
  std::lock_guard<std::mutex> lifecycle(lifecycle_mu_);
  if (!loaded_) ROCKETMQ_RETURN_IF_ERROR(Load());
  if (running_.load()) return Status::OK();
  ROCKETMQ_RETURN_IF_ERROR(env_->TouchFile(config_.AbortPath()));
  // Dispatch resumes after the newest CommitLog data any consume queue references.
  int64_t reput = commit_log_->GetMinOffset();
  for (auto& cq : AllConsumeQueues()) reput = std::max(reput, cq->max_physic_offset());
  reput_from_offset_.store(std::max<int64_t>(reput, commit_log_->GetMinOffset()));
  commit_log_->Start();
  {
    std::lock_guard<std::mutex> lock(thread_mu_);
    stop_threads_ = false;
  }
  threads_.emplace_back([this] { DispatchLoop(); });
  threads_.emplace_back([this] { FlushLogicsLoop(); });
  threads_.emplace_back([this] { CleanLoop(); });
  threads_.emplace_back([this] { StatsLoop(); });
  running_.store(true);
  return Status::OK();
}

void MessageStore::Shutdown() {
  std::lock_guard<std::mutex> lifecycle(lifecycle_mu_);
  if (!running_.exchange(false)) return;
  // Let the dispatcher catch up (bounded) before stopping it.
  for (int i = 0; i < 500 && DispatchBehindBytes() > 0; ++i) {
    if (DispatchOnce()) continue;
    if (config_.brokerRole == BrokerRole::kSlave) break;  // a record only partly replicated
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  {
    std::lock_guard<std::mutex> lock(thread_mu_);
    stop_threads_ = true;
  }
  thread_cv_.notify_all();
  dispatch_cv_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
  commit_log_->Shutdown();
  Status cl = commit_log_->flush_error();
  Status logics = FlushLogics();
  if (!logics.ok()) RMQ_LOG(kError) << "store shutdown: " << logics.ToString();
  // A slave may end with a record only partly received from its master; the next start's
  // recovery drops it, so it does not make the shutdown unclean.
  const bool dispatched = DispatchBehindBytes() == 0 || config_.brokerRole == BrokerRole::kSlave;
  if (cl.ok() && logics.ok() && dispatched) {
    Status st = env_->RemoveFile(config_.AbortPath());
    if (!st.ok()) RMQ_LOG(kError) << "store shutdown: " << st.ToString();
  } else {
    RMQ_LOG(kError) << "store shutdown was not clean; the abort file stays";
  }
  lock_.reset();
}

Status MessageStore::WriteStatus() const {
  Status why;
  CheckStoreStatus(&why);
  return why;
}

PutMessageStatus MessageStore::CheckStoreStatus(Status* why) const {
  if (!running_.load()) {
    *why = Status::ShutdownInProgress("message store is not running");
    return PutMessageStatus::kServiceNotAvailable;
  }
  if (config_.brokerRole == BrokerRole::kSlave) {
    *why = Status::InvalidArgument("message store is a slave");
    return PutMessageStatus::kServiceNotAvailable;
  }
  Status flush = commit_log_->flush_error();
  if (!flush.ok()) {
    *why = flush;
    return PutMessageStatus::kServiceNotAvailable;
  }
  if (disk_full_.load()) {
    *why = Status::IOError("disk full: writes refused until space is freed");
    return PutMessageStatus::kServiceNotAvailable;
  }
  *why = Status::OK();
  return PutMessageStatus::kPutOk;
}

void MessageStore::RecordPut(const PutMessageResult& r, int64_t begin_ms) {
  if (r.appended()) stats_->OnPutAppended(r.append.msg_num, r.append.wrote_bytes);
  stats_->OnPutFinished(env_->NowMillis() - begin_ms, r.IsOk());
}

namespace {

// Runs an asynchronous put and waits for its callback.
template <typename Submit>
PutMessageResult WaitForPut(Submit submit) {
  std::promise<PutMessageResult> promise;
  std::future<PutMessageResult> future = promise.get_future();
  submit([&promise](PutMessageResult r) { promise.set_value(std::move(r)); });
  return future.get();
}

}  // namespace

PutMessageResult MessageStore::PutMessage(MessageExt msg, const PutMessageOptions& options) {
  return WaitForPut(
      [&](PutCallback done) { PutMessageAsync(std::move(msg), options, std::move(done)); });
}

PutMessageResult MessageStore::PutMessages(std::vector<MessageExt> msgs,
                                           const PutMessageOptions& options) {
  return WaitForPut(
      [&](PutCallback done) { PutMessagesAsync(std::move(msgs), options, std::move(done)); });
}

void MessageStore::PutMessageAsync(MessageExt msg, const PutMessageOptions& options,
                                   PutCallback done) {
  PutMessageResult r;
  r.status = CheckStoreStatus(&r.error);
  if (r.status != PutMessageStatus::kPutOk) return done(std::move(r));
  if (msg.topic().size() > kMaxV1TopicLength) {
    r.status = PutMessageStatus::kMessageIllegal;
    r.error = Status::InvalidArgument("topic longer than 127 bytes");
    return done(std::move(r));
  }
  const size_t props_len = options.raw_properties.empty() ? msg.properties().Encode().size()
                                                          : options.raw_properties[0].size();
  if (props_len > kMaxPropertiesLength) {
    r.status = PutMessageStatus::kPropertiesSizeExceeded;
    r.error = Status::InvalidArgument("properties longer than 32767 bytes");
    return done(std::move(r));
  }
  const bool wait = options.wait_store_msg_ok.value_or(msg.wait_store_msg_ok());
  const int64_t begin = env_->NowMillis();
  AfterAppend(commit_log_->AppendMessage(std::move(msg), options), wait, begin, std::move(done));
}

void MessageStore::PutMessagesAsync(std::vector<MessageExt> msgs, const PutMessageOptions& options,
                                    PutCallback done) {
  PutMessageResult r;
  r.status = CheckStoreStatus(&r.error);
  if (r.status != PutMessageStatus::kPutOk) return done(std::move(r));
  for (size_t i = 0; i < msgs.size(); ++i) {
    const MessageExt& m = msgs[i];
    if (m.topic().size() > kMaxV1TopicLength) {
      r.status = PutMessageStatus::kMessageIllegal;
      r.error = Status::InvalidArgument("topic longer than 127 bytes");
      return done(std::move(r));
    }
    const size_t props_len = i < options.raw_properties.size() ? options.raw_properties[i].size()
                                                               : m.properties().Encode().size();
    if (props_len > kMaxPropertiesLength) {
      r.status = PutMessageStatus::kPropertiesSizeExceeded;
      r.error = Status::InvalidArgument("properties longer than 32767 bytes");
      return done(std::move(r));
    }
  }
  const bool wait =
      options.wait_store_msg_ok.value_or(!msgs.empty() && msgs[0].wait_store_msg_ok());
  const int64_t begin = env_->NowMillis();
  AfterAppend(commit_log_->AppendMessages(std::move(msgs), options), wait, begin, std::move(done));
}

// The two waits after an append, run concurrently; the last to finish reports.
struct MessageStore::PendingPut {
  PutMessageResult result;
  int64_t begin_ms = 0;
  PutCallback done;
  std::atomic<int> remaining{2};
  PutMessageStatus flush = PutMessageStatus::kPutOk;  // written before the flush part counts down
  Status flush_error;                                 // likewise
  PutMessageStatus replica =
      PutMessageStatus::kPutOk;  // written before the replica part counts down
};

void MessageStore::AfterAppend(PutMessageResult r, bool wait, int64_t begin_ms, PutCallback done) {
  if (!r.appended()) {
    RecordPut(r, begin_ms);
    return done(std::move(r));
  }
  // No wake-up for the dispatcher: it polls every millisecond, as Java's ReputMessageService
  // does. Waking it for each message cost a context switch per message.
  if (replication_.data_appended) replication_.data_appended();

  auto pending = std::make_shared<PendingPut>();
  pending->result = std::move(r);
  pending->begin_ms = begin_ms;
  pending->done = std::move(done);
  // Java thenCombine: a failed replication wait wins over a failed flush wait.
  auto finish = [this](const std::shared_ptr<PendingPut>& p) {
    if (p->remaining.fetch_sub(1) != 1) return;
    if (p->flush != PutMessageStatus::kPutOk) {
      p->result.status = p->flush;
      p->result.error = p->flush_error;
    }
    if (p->replica != PutMessageStatus::kPutOk) p->result.status = p->replica;
    RecordPut(p->result, p->begin_ms);
    p->done(std::move(p->result));
  };
  const int64_t next_offset =
      pending->result.append.wrote_offset + pending->result.append.wrote_bytes;
  if (config_.brokerRole == BrokerRole::kSyncMaster && wait && replication_.submit_replica) {
    replication_.submit_replica(next_offset, [pending, finish](PutMessageStatus status) {
      pending->replica = status;
      finish(pending);
    });
  } else {
    finish(pending);
  }
  commit_log_->SubmitFlushRequest(next_offset, wait,
                                  [pending, finish](PutMessageStatus status, const Status& error) {
                                    pending->flush = status;
                                    pending->flush_error = error;
                                    finish(pending);
                                  });
}

Status MessageStore::AppendToCommitLog(int64_t start_offset, std::string_view data) {
  if (!running_.load()) return Status::ShutdownInProgress("message store is not running");
  ROCKETMQ_RETURN_IF_ERROR(commit_log_->AppendData(start_offset, data));
  std::lock_guard<std::mutex> lock(thread_mu_);
  dispatch_wakeup_ = true;
  dispatch_cv_.notify_one();
  return Status::OK();
}

const char* PutMessageStatusName(PutMessageStatus status) {
  switch (status) {
    case PutMessageStatus::kPutOk:
      return "PUT_OK";
    case PutMessageStatus::kFlushDiskTimeout:
      return "FLUSH_DISK_TIMEOUT";
    case PutMessageStatus::kFlushSlaveTimeout:
      return "FLUSH_SLAVE_TIMEOUT";
    case PutMessageStatus::kSlaveNotAvailable:
      return "SLAVE_NOT_AVAILABLE";
    case PutMessageStatus::kServiceNotAvailable:
      return "SERVICE_NOT_AVAILABLE";
    case PutMessageStatus::kCreateMappedFileFailed:
      return "CREATE_MAPEDFILE_FAILED";
    case PutMessageStatus::kMessageIllegal:
      return "MESSAGE_ILLEGAL";
    case PutMessageStatus::kPropertiesSizeExceeded:
      return "PROPERTIES_SIZE_EXCEEDED";
    case PutMessageStatus::kOsPageCacheBusy:
      return "OS_PAGECACHE_BUSY";
    case PutMessageStatus::kUnknownError:
      return "UNKNOWN_ERROR";
  }
  return "UNKNOWN_ERROR";
}

const char* GetMessageStatusName(GetMessageStatus status) {
  switch (status) {
    case GetMessageStatus::kFound:
      return "FOUND";
    case GetMessageStatus::kNoMatchedMessage:
      return "NO_MATCHED_MESSAGE";
    case GetMessageStatus::kMessageWasRemoving:
      return "MESSAGE_WAS_REMOVING";
    case GetMessageStatus::kOffsetFoundNull:
      return "OFFSET_FOUND_NULL";
    case GetMessageStatus::kOffsetOverflowBadly:
      return "OFFSET_OVERFLOW_BADLY";
    case GetMessageStatus::kOffsetOverflowOne:
      return "OFFSET_OVERFLOW_ONE";
    case GetMessageStatus::kOffsetTooSmall:
      return "OFFSET_TOO_SMALL";
    case GetMessageStatus::kNoMatchedLogicQueue:
      return "NO_MATCHED_LOGIC_QUEUE";
    case GetMessageStatus::kNoMessageInQueue:
      return "NO_MESSAGE_IN_QUEUE";
  }
  return "NO_MATCHED_LOGIC_QUEUE";
}

}  // namespace rocketmq::store
