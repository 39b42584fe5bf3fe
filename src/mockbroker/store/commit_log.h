// CommitLog: the append-only log of stored records (protocol.md §3.1, §5.2, §5.6, §6).
//
// Threads: AppendMessage(s) / PutMessage(s) may be called from any number of threads; records
// are assigned their offsets and store time under one put lock. A SYNC_FLUSH writer then queues
// a flush request outside it (SubmitFlushRequest, answered by callback) or, through
// PutMessage(s), waits for it. One flush thread runs after Start(): the async flusher
// (ASYNC_FLUSH) or the group-commit service (SYNC_FLUSH), which completes the callbacks; a
// request the disk does not serve within syncFlushTimeout ends with FLUSH_DISK_TIMEOUT. Readers
// (GetMessage, ReadRecord, GetData) run concurrently with appends and see only published bytes.
//
// A failed flush is sticky: from then on every put fails with SERVICE_NOT_AVAILABLE and
// flush_error() says why.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/message_ext.h"
#include "mockbroker/store/mapped_file.h"
#include "mockbroker/store/message_store_config.h"
#include "mockbroker/store/offset_waiters.h"
#include "mockbroker/store/store_checkpoint.h"
#include "mockbroker/store/store_types.h"

namespace rocketmq::store {

inline constexpr char kScheduleTopic[] = "SCHEDULE_TOPIC_XXXX";

// Java String.hashCode of the TAGS value, sign-extended; 0 for no tags (tagsString2tagsCode).
int64_t TagsStringToTagsCode(std::string_view tags);

class CommitLog {
 public:
  // `config`, `env` and `checkpoint` must outlive the CommitLog.
  CommitLog(const MessageStoreConfig& config, Env* env, StoreCheckpoint* checkpoint);
  ~CommitLog();
  CommitLog(const CommitLog&) = delete;
  CommitLog& operator=(const CommitLog&) = delete;

  // Opens the existing files (positions set by a later Recover*). InvalidArgument for a bad
  // messageDelayLevel (Java refuses to load the store).
  Status Load();
  // Starts the flush thread.
  void Start();
  // Stops the flush thread after a final full flush (errors are logged and kept in
  // flush_error()). Idempotent.
  void Shutdown();

  // Appends one message. Fills STORETIMESTAMP, PHYSICALOFFSET, QUEUEOFFSET (0 for prepared and
  // rollback transaction records), BODYCRC and STOREHOST (config.storeHost); a DELAY level > 0
  // on a non-transactional or commit message reroutes it to SCHEDULE_TOPIC_XXXX queue level-1
  // (level clamped to the max) with REAL_TOPIC / REAL_QID added and the properties re-encoded in
  // Java HashMap order from msg.properties() (taken as Java's insertion order; options'
  // raw_properties are ignored then), as Java asyncPutMessage (protocol.md §3.6).
  // Returns once appended; see SubmitFlushRequest for the flush.
  PutMessageResult AppendMessage(MessageExt msg, const PutMessageOptions& options = {});
  // Appends a batch of messages of one topic and queue as consecutive records in one file.
  PutMessageResult AppendMessages(std::vector<MessageExt> msgs,
                                  const PutMessageOptions& options = {});
  // The flush step after an append ending at `next_offset` (Java submitFlushRequest).
  // SYNC_FLUSH with `wait` (the message's WAIT != false): `done` runs on the flush thread once
  // the CommitLog is flushed up to `next_offset` (PUT_OK), on the timer thread after
  // syncFlushTimeout (FLUSH_DISK_TIMEOUT), or with SERVICE_NOT_AVAILABLE on a flush failure.
  // Otherwise the flusher is woken and `done` runs here with PUT_OK.
  using FlushCallback = std::function<void(PutMessageStatus status, const Status& error)>;
  void SubmitFlushRequest(int64_t next_offset, bool wait, FlushCallback done);
  // AppendMessage(s) then, for SYNC_FLUSH with WAIT != false (or options.wait_store_msg_ok),
  // waits for the flush and reports its status.
  PutMessageResult PutMessage(MessageExt msg, const PutMessageOptions& options = {});
  PutMessageResult PutMessages(std::vector<MessageExt> msgs, const PutMessageOptions& options = {});

  // SLAVE (HA): appends raw CommitLog bytes replicated from the master. `data` must start at
  // GetMaxOffset() (on an empty CommitLog: at a file boundary, where the first file is created)
  // and lie within one file, as the master sends it. InvalidArgument otherwise; the sticky
  // flush failure when flushing failed. Implemented in commit_log_replica.cpp.
  Status AppendData(int64_t start_offset, std::string_view data);

  // First byte still stored (0 when empty); end of the written data.
  int64_t GetMinOffset() const;
  int64_t GetMaxOffset() const { return queue_.GetMaxOffset(); }
  int64_t flushed_where() const { return queue_.flushed_where(); }
  // Start of the file after the one holding `offset`.
  int64_t RollNextFile(int64_t offset) const;

  // Exactly `size` stored bytes at `offset`; NotFound when not (or no longer) stored.
  Result<std::string> GetMessage(int64_t offset, int32_t size) const;
  // GetMessage without the copy: the bytes in place, holding their mapped file.
  Result<StoredSlice> GetMessageSlice(int64_t offset, int32_t size) const;
  // The whole record at `offset` (size from its TOTALSIZE). NotFound / Corruption.
  Result<std::string> ReadRecord(int64_t offset) const;
  // Stored bytes from `offset` to the end of the written data of the file holding it, at most
  // `max_bytes` (for HA transfer). NotFound when `offset` is not stored.
  Result<std::string> GetData(int64_t offset, int32_t max_bytes) const;
  // STORETIMESTAMP of the record at `offset`; -1 when absent.
  int64_t PickupStoreTimestamp(int64_t offset, int32_t size) const;

  // Validates the record at the start of `data` (the rest of a file). Returns its size (> 0)
  // with `*req` filled, 0 for a BLANK end-of-file record, -1 when invalid (bad magic, sizes,
  // truncated, or CRC mismatch when `check_crc`).
  int32_t CheckMessageAndReturnSize(std::string_view data, bool check_crc,
                                    DispatchRequest* req) const;

  // 4.x recovery (protocol.md §5.6). `truncate_logic(offset)` drops consume-queue entries at or
  // after `offset`; `dispatch` rebuilds consume queue / index entries (abnormal only).
  void RecoverNormally(int64_t max_phy_offset_of_cq,
                       const std::function<void(int64_t)>& truncate_logic);
  void RecoverAbnormally(int64_t max_phy_offset_of_cq,
                         const std::function<void(int64_t)>& truncate_logic,
                         const std::function<void(const DispatchRequest&)>& dispatch);

  // Next queue offset of each "topic-queueId" (rebuilt from the consume queues on start).
  void SetTopicQueueTable(std::map<std::string, int64_t> table);
  void RemoveQueueFromTopicQueueTable(const std::string& topic, int32_t queue_id);

  // Deletes CommitLog files (never the last) older than `expired_ms`, or when
  // `clean_immediately`. Returns how many.
  int DeleteExpiredFile(int64_t expired_ms, bool clean_immediately);

  // OK, or the sticky flush failure.
  Status flush_error() const;
  // Flushes everything now (used on shutdown and by tests). Failures become sticky.
  Status FlushAll();

  MappedFileQueue* mapped_file_queue() { return &queue_; }
  // Java lockTimeMills(): ms the put lock has been held by the put in progress; 0 when free.
  int64_t LockTimeMills(int64_t now_ms) const {
    const int64_t begin = begin_time_in_lock_.load();
    return begin > 0 && now_ms > begin ? now_ms - begin : 0;
  }
  // Deliver time for a SCHEDULE_TOPIC_XXXX message of `level` (protocol.md §5.3); the consume
  // queue stores it as the tags code.
  int64_t ComputeDeliverTimestamp(int32_t level, int64_t store_timestamp) const;

 private:
  PutMessageResult Append(std::vector<MessageExt>* msgs, bool batch,
                          const std::vector<std::string>& raw_properties);
  PutMessageResult WaitForFlush(PutMessageResult appended, bool wait_store_ok);
  void SetFlushError(const Status& st);
  void AsyncFlushLoop();
  void GroupCommitLoop();
  void UpdatePhysicCheckpoint();
  // Shared recovery walk: from file index `start`, validating (and dispatching) each record.
  void RecoverFrom(size_t start, bool check_crc, int64_t max_phy_offset_of_cq,
                   const std::function<void(int64_t)>& truncate_logic,
                   const std::function<void(const DispatchRequest&)>* dispatch);
  bool IsFileMatchedRecover(MappedFile* file) const;

  const MessageStoreConfig& config_;
  Env* env_;
  StoreCheckpoint* checkpoint_;
  MappedFileQueue queue_;
  std::vector<int64_t> delay_levels_ms_;  // index level-1

  std::mutex put_mu_;                                 // the put lock
  std::atomic<int64_t> begin_time_in_lock_{0};        // when the holder took put_mu_; 0 = free
  std::map<std::string, int64_t> topic_queue_table_;  // guarded by put_mu_

  mutable std::mutex error_mu_;
  Status flush_error_;  // guarded by error_mu_
  std::atomic<bool> flush_failed_{false};

  // Flush thread state.
  std::mutex flush_mu_;
  std::condition_variable flush_cv_;  // wakes the flush thread
  bool stop_ = false;                 // guarded by flush_mu_
  bool wakeup_ = false;               // guarded by flush_mu_
  OffsetWaiters flush_waiters_{"GroupCommitService", PutMessageStatus::kFlushDiskTimeout};
  std::thread flush_thread_;
  bool started_ = false;
};

}  // namespace rocketmq::store
