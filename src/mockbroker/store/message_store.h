// MessageStore: the bundled broker's durable store (Java DefaultMessageStore, 4.9.x semantics),
// byte-compatible with an Apache RocketMQ 4.9 store directory (protocol.md §5).
//
// Lifecycle: construct with a config, Load() (opens files and recovers: normal recovery after a
// clean shutdown, abnormal recovery when <root>/abort exists), Start() (creates the abort file
// and starts the threads), Shutdown() (flushes everything, writes the checkpoint, deletes the
// abort file; idempotent; the destructor calls it).
//
// Threads owned by the store after Start():
//  * CommitLog flush thread (async flusher or group commit, see commit_log.h);
//  * dispatcher: builds consume-queue and index entries behind the CommitLog write position and
//    then calls the arriving listener (on that thread; it must not block);
//  * consume-queue flusher (every flushIntervalConsumeQueue ms; also flushes the checkpoint);
//  * cleaner (retention, every cleanResourceInterval ms);
//  * stats sampler (StoreStatsService, every second).
// Every public method may be called from any thread once Load() succeeded.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/message_ext.h"
#include "mockbroker/store/commit_log.h"
#include "mockbroker/store/consume_queue.h"
#include "mockbroker/store/index_file.h"
#include "mockbroker/store/message_store_config.h"
#include "mockbroker/store/store_checkpoint.h"
#include "mockbroker/store/store_lock.h"
#include "mockbroker/store/store_stats_service.h"
#include "mockbroker/store/store_types.h"

namespace rocketmq::store {

// Called on the dispatcher thread for each message that reached its consume queue (long-polling
// hook). req.consume_queue_offset + 1 is the queue's new max offset.
using MessageArrivingListener = std::function<void(const DispatchRequest& req)>;
// Pull filter on the consume-queue tags code: true = deliver.
using TagsCodeFilter = std::function<bool(int64_t tags_code)>;

// How the store talks to the HA service (src/mockbroker/ha/), which it does not know. Both are
// called on the writer's thread after the append; either may be empty.
struct ReplicationHooks {
  // After every successful append (master roles): wakes the HA transfer threads.
  std::function<void()> data_appended;
  // SYNC_MASTER, message WAIT != false (Java submitReplicaRequest): calls `done` exactly once,
  // with PUT_OK when a slave holds the CommitLog up to `next_offset`, FLUSH_SLAVE_TIMEOUT or
  // SLAVE_NOT_AVAILABLE (protocol.md §6 "Replication wait"), on whichever thread learns it.
  std::function<void(int64_t next_offset, std::function<void(PutMessageStatus)> done)>
      submit_replica;
};

// Receives the outcome of an asynchronous put exactly once: at once for a refused or failed
// append, else after the SYNC_FLUSH and SYNC_MASTER waits, on the flush thread, the HA thread
// that read the slave's acknowledgement or a timeout thread. It must not block.
using PutCallback = std::function<void(PutMessageResult result)>;

class MessageStore {
 public:
  explicit MessageStore(MessageStoreConfig config);
  ~MessageStore();
  MessageStore(const MessageStore&) = delete;
  MessageStore& operator=(const MessageStore&) = delete;

  // Locks <root>/lock (StoreLock; IOError "Lock failed,MQ already started" when another store
  // holds it), opens the store directory and recovers it. Call once, before Start(). The lock is
  // released by Shutdown() or the destructor.
  Status Load();
  // Creates the abort file and starts the threads.
  Status Start();
  // Stops the threads after dispatching what is appended, flushes CommitLog, consume queues,
  // index and checkpoint, and deletes the abort file when all of that succeeded. Idempotent.
  void Shutdown();

  // True when Load() found no abort file.
  bool last_exit_ok() const { return last_exit_ok_; }
  const MessageStoreConfig& config() const { return config_; }
  // OK, or why the store refuses writes (sticky flush failure, disk full).
  Status WriteStatus() const;

  // Appends one message (see CommitLog::PutMessage for what the store fills in). Refused with
  // SERVICE_NOT_AVAILABLE before Start(), after Shutdown(), on a SLAVE, after a flush failure
  // or when the disk is full; MESSAGE_ILLEGAL for a topic > 127 bytes or a record larger than
  // maxMessageSize; PROPERTIES_SIZE_EXCEEDED for properties > 32767 bytes.
  // `options`: explicit flush wait and raw properties strings (store_types.h). Blocks for the
  // SYNC_FLUSH and SYNC_MASTER waits; the status reports the first that failed, the replication
  // wait before the flush wait (Java asyncPutMessage's thenCombine).
  PutMessageResult PutMessage(MessageExt msg, const PutMessageOptions& options = {});
  // Appends a batch (one topic and queue, consecutive queue offsets).
  PutMessageResult PutMessages(std::vector<MessageExt> msgs, const PutMessageOptions& options = {});
  // As PutMessage(s), but returns once appended; the result goes to `done` (Java
  // asyncPutMessage(s)): a send thread is never parked by the flush or replication waits, which
  // run concurrently.
  void PutMessageAsync(MessageExt msg, const PutMessageOptions& options, PutCallback done);
  void PutMessagesAsync(std::vector<MessageExt> msgs, const PutMessageOptions& options,
                        PutCallback done);

  // Reads up to `max_msg_nums` stored records of a queue from logical `offset` (protocol.md
  // §2.5 rules, maxTransfer* caps). `filter` (may be null) selects by tags code.
  GetMessageResult GetMessage(const std::string& group, const std::string& topic, int32_t queue_id,
                              int64_t offset, int32_t max_msg_nums,
                              const TagsCodeFilter& filter = nullptr);
  // GetMessage without copying: the records stay in the mapped CommitLog, one slice each
  // (result.slices; result.data empty). For the PULL path, which writes them to the socket as is.
  GetMessageResult GetMessageSlices(const std::string& group, const std::string& topic,
                                    int32_t queue_id, int64_t offset, int32_t max_msg_nums,
                                    const TagsCodeFilter& filter = nullptr);

  // Next logical offset to be written (0 for an unknown queue).
  int64_t GetMaxOffsetInQueue(const std::string& topic, int32_t queue_id);
  // First logical offset still available (0 for an unknown queue; -1 is never returned).
  int64_t GetMinOffsetInQueue(const std::string& topic, int32_t queue_id);
  // Logical offset whose store time is nearest to `timestamp` (binary search on store time).
  int64_t GetOffsetInQueueByTime(const std::string& topic, int32_t queue_id, int64_t timestamp);
  // Store time of the first message of the queue; -1 when there is none.
  int64_t GetEarliestMessageTime(const std::string& topic, int32_t queue_id);
  // Store time of the message at logical `offset`; -1 when absent.
  int64_t GetMessageStoreTimeStamp(const std::string& topic, int32_t queue_id, int64_t offset);
  // CommitLog offset of the message at logical `offset`; -1 when absent.
  int64_t GetCommitLogOffsetInQueue(const std::string& topic, int32_t queue_id, int64_t offset);
  // Consume-queue units from logical `offset` to the end of the written data of the file
  // holding it, at most `max_units` (Java ConsumeQueue.getIndexBuffer). Empty when the queue
  // does not exist or `offset` is not stored.
  std::vector<CqUnit> GetConsumeQueueUnits(const std::string& topic, int32_t queue_id,
                                           int64_t offset, int32_t max_units);
  // Java 4.9.x checkInDiskByConsumeOffset: true when the queue's message at logical
  // `consume_offset` lies more than accessMessageInMemoryMaxRatio% of physical RAM behind the
  // CommitLog's max offset (swapped out of the page cache, as the broker reckons it); false when
  // the queue or that unit does not exist.
  bool CheckInDiskByConsumeOffset(const std::string& topic, int32_t queue_id,
                                  int64_t consume_offset);

  // The stored record at a physical CommitLog offset (VIEW_MESSAGE_BY_ID).
  Result<std::string> LookMessageByOffset(int64_t commit_log_offset);
  // Messages indexed under topic#key in [begin, end] (ms), at most min(max_num,
  // maxMsgsNumBatch); records whose key only collides by hash are included (the client filters,
  // as with Java).
  QueryMessageResult QueryMessage(const std::string& topic, const std::string& key, int32_t max_num,
                                  int64_t begin, int64_t end);
  // CommitLog bytes from `offset` to the end of the written data of its file (HA), at most
  // `max_bytes`.
  Result<std::string> GetCommitLogData(int64_t offset, int32_t max_bytes = 1 << 30);

  // Java getEarliestMessageTime(): store time of the CommitLog's first record, read as a
  // 2 * maxMessageSize window (-1 when that window is not all written, as in Java).
  int64_t GetEarliestMessageTime() const;
  // Running statistics (GET_BROKER_RUNTIME_INFO).
  const StoreStatsService& stats() const { return *stats_; }
  // Java lockTimeMills(): how long the current CommitLog put has held the put lock (0 if none).
  int64_t LockTimeMills() const { return commit_log_->LockTimeMills(env_->NowMillis()); }
  // Bytes appended but not yet flushed (Java remainHowManyDataToFlush).
  int64_t RemainHowManyDataToFlush() const {
    return commit_log_->GetMaxOffset() - commit_log_->flushed_where();
  }
  CommitLog& commit_log() { return *commit_log_; }
  // SLAVE: appends CommitLog bytes received from the master at `start_offset` (Java
  // appendToCommitLog) and wakes the dispatcher, which rebuilds consume queues and index from
  // them. See CommitLog::AppendData for the rules.
  Status AppendToCommitLog(int64_t start_offset, std::string_view data);
  // Installs the HA hooks. Call before the first put (the broker does it before serving).
  void SetReplicationHooks(ReplicationHooks hooks) { replication_ = std::move(hooks); }

  int64_t GetMaxPhyOffset() const { return commit_log_->GetMaxOffset(); }
  int64_t GetMinPhyOffset() const { return commit_log_->GetMinOffset(); }
  // Bytes appended but not yet dispatched to consume queues / index.
  int64_t DispatchBehindBytes() const;

  void SetMessageArrivingListener(MessageArrivingListener listener);

  // Destroys the consume queues of `topics` and forgets their queue offsets.
  void DeleteTopics(const std::set<std::string>& topics);
  // The consume queue of topic/queue_id, or null when the store has none (never creates one;
  // Java getConsumeQueue as QUERY_CONSUME_QUEUE uses it).
  std::shared_ptr<ConsumeQueue> GetConsumeQueue(const std::string& topic, int32_t queue_id) {
    return FindConsumeQueue(topic, queue_id, false);
  }
  // CLEAN_UNUSED_TOPIC (Java cleanUnusedTopic): destroys the consume queues of every topic not
  // in `topics_in_use`, except SCHEDULE_TOPIC_XXXX, RMQ_SYS_TRANS_OP_HALF_TOPIC and LMQ
  // (%LMQ%...) topics. Returns the number of topics dropped.
  int CleanUnusedTopic(const std::set<std::string>& topics_in_use);
  // CLEAN_EXPIRED_CONSUMEQUEUE (Java cleanExpiredConsumerQueue): destroys each consume queue
  // (SCHEDULE_TOPIC_XXXX excepted) whose newest referenced CommitLog record ends below the
  // CommitLog min offset, i.e. whose messages are all gone; a topic left without queues is
  // forgotten. Queues that reference nothing yet are kept. Returns the number of queues dropped.
  int CleanExpiredConsumerQueue();
  // DELETE_EXPIRED_COMMITLOG (Java executeDeleteFilesManually): the next 20 retention passes
  // delete CommitLog files older than fileReservedTime hours even when it is not deleteWhen
  // and the disk is not full. Does not run a pass itself.
  void ExecuteDeleteFilesManually();
  // Topics with at least one consume queue.
  std::set<std::string> Topics() const;

  // One retention pass now (the cleaner thread does this every cleanResourceInterval ms):
  // deletes expired CommitLog files, then consume-queue and index files wholly below the
  // CommitLog min offset. Returns the number of CommitLog files deleted.
  int CleanExpiredFiles();
  // Flushes consume queues, index and checkpoint now.
  Status FlushLogics();

 private:
  std::shared_ptr<ConsumeQueue> FindConsumeQueue(const std::string& topic, int32_t queue_id,
                                                 bool create);
  std::vector<std::shared_ptr<ConsumeQueue>> AllConsumeQueues() const;
  Status LoadConsumeQueues();
  void Recover();
  void DoDispatch(const DispatchRequest& req);
  void TruncateDirtyLogicFiles(int64_t phy_offset);
  PutMessageStatus CheckStoreStatus(Status* why) const;
  // After an append: wakes the dispatcher and the HA threads, and on a SYNC_MASTER waits for
  // the slave when `wait` (WAIT != false); a failed replication status replaces the result's.
  // Wakes the dispatcher and the HA service, then runs the flush and replication waits.
  void AfterAppend(PutMessageResult r, bool wait, int64_t begin_ms, PutCallback done);
  bool CheckInDiskByCommitOffset(int64_t offset_py, int64_t max_offset_py) const;
  bool IsTheBatchFull(int32_t size_py, int32_t max_msg_nums, int64_t buffer_total,
                      int32_t message_total, bool in_disk) const;
  int64_t NextOffsetCorrection(int64_t old_offset, int64_t new_offset) const;
  bool IsTimeToDelete() const;
  bool IsSpaceToDelete(bool* clean_immediately);

  GetMessageResult GetMessageImpl(const std::string& group, const std::string& topic,
                                  int32_t queue_id, int64_t offset, int32_t max_msg_nums,
                                  const TagsCodeFilter& filter);
  void RecordPut(const PutMessageResult& r, int64_t begin_ms);
  struct PendingPut;
  void StatsLoop();  // one sample a second
  void DispatchLoop();
  bool DispatchOnce();  // true when it made progress
  void FlushLogicsLoop();
  void CleanLoop();

  MessageStoreConfig config_;
  std::shared_ptr<Env> env_;
  std::unique_ptr<StoreLock> lock_;
  std::unique_ptr<StoreStatsService> stats_;
  std::unique_ptr<StoreCheckpoint> checkpoint_;
  std::unique_ptr<CommitLog> commit_log_;
  std::unique_ptr<IndexService> index_service_;

  mutable std::mutex cq_mu_;
  std::map<std::string, std::map<int32_t, std::shared_ptr<ConsumeQueue>>> consume_queues_;

  bool loaded_ = false;
  bool last_exit_ok_ = true;
  std::atomic<bool> running_{false};
  std::atomic<bool> disk_full_{false};
  std::atomic<int64_t> reput_from_offset_{0};
  std::atomic<int64_t> logics_timestamp_pending_{0};
  // Retention passes still forced by ExecuteDeleteFilesManually (Java
  // manualDeleteFileSeveralTimes).
  std::atomic<int> manual_delete_passes_{0};

  ReplicationHooks replication_;  // set before the first put

  std::mutex listener_mu_;
  MessageArrivingListener listener_;  // guarded by listener_mu_

  std::mutex lifecycle_mu_;  // serializes Start/Shutdown
  std::mutex thread_mu_;
  std::condition_variable thread_cv_;    // wakes the flush and clean loops
  std::condition_variable dispatch_cv_;  // wakes the dispatcher
  bool stop_threads_ = false;            // guarded by thread_mu_
  bool dispatch_wakeup_ = false;         // guarded by thread_mu_
  std::mutex dispatch_mu_;               // one dispatcher at a time
  std::vector<std::thread> threads_;
};

}  // namespace rocketmq::store
