// IndexFile and IndexService: the key index of protocol.md §5.4. An index file is a 40-byte
// header, maxHashSlotNum 4-byte slots, then maxIndexNum 20-byte entries chained per slot
// (newest first); entry 0 is never used. Files are named by their creation time
// (yyyyMMddHHmmssSSS, local time) in <root>/index.
//
// Threads: the dispatcher thread builds the index; queries run concurrently (the service lock
// guards the file list, each file's lock guards its header and entries).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "mockbroker/store/env.h"
#include "mockbroker/store/message_store_config.h"
#include "mockbroker/store/store_checkpoint.h"
#include "mockbroker/store/store_types.h"

namespace rocketmq::store {

inline constexpr int32_t kIndexHeaderSize = 40;
inline constexpr int32_t kIndexEntrySize = 20;

// abs(Java String.hashCode(key)), 0 when abs overflows.
int32_t IndexKeyHash(const std::string& key);

class IndexFile {
 public:
  // Opens (create: creates and sizes) `path`. A new file starts at the previous file's end
  // offset / timestamp (0 for the first).
  static Result<std::unique_ptr<IndexFile>> Open(Env* env, const std::string& path,
                                                 int32_t hash_slot_num, int32_t index_num,
                                                 bool create, int64_t end_phy_offset,
                                                 int64_t end_timestamp);

  const std::string& path() const { return path_; }
  // Adds `key` -> (phy_offset, store_timestamp). False when the file is full.
  bool PutKey(const std::string& key, int64_t phy_offset, int64_t store_timestamp);
  // Appends to `offsets` (up to `max_num` in total) the CommitLog offsets of entries whose key
  // hash equals `key`'s and whose time lies in [begin, end], newest first.
  void SelectPhyOffsets(const std::string& key, int32_t max_num, int64_t begin, int64_t end,
                        std::vector<int64_t>* offsets) const;
  bool IsTimeMatched(int64_t begin, int64_t end) const;
  bool IsFull() const;

  int64_t begin_timestamp() const;
  int64_t end_timestamp() const;
  int64_t end_phy_offset() const;
  int32_t index_count() const;
  int32_t hash_slot_count() const;

  Status Flush();
  Status Destroy();

 private:
  IndexFile(Env* env, std::string path, int32_t slots, int32_t index_num,
            std::unique_ptr<Mapping> mapping);
  void WriteHeader();

  Env* env_;
  const std::string path_;
  const int32_t hash_slot_num_;
  const int32_t index_num_;
  std::unique_ptr<Mapping> mapping_;
  mutable std::mutex mu_;
  // Header, guarded by mu_.
  int64_t begin_timestamp_ = 0;
  int64_t end_timestamp_ = 0;
  int64_t begin_phy_offset_ = 0;
  int64_t end_phy_offset_ = 0;
  int32_t hash_slot_count_ = 0;
  int32_t index_count_ = 1;
};

class IndexService {
 public:
  IndexService(const MessageStoreConfig& config, Env* env, StoreCheckpoint* checkpoint);

  // Opens <root>/index/*. After an abnormal exit, files newer than the checkpoint's
  // indexMsgTimestamp are destroyed (they are rebuilt by recovery).
  Status Load(bool last_exit_ok);
  // Indexes `topic#UNIQ_KEY` and `topic#key` for each KEYS word (not for rollback records, nor
  // for records below the last file's end offset).
  void BuildIndex(const DispatchRequest& req);
  // CommitLog offsets of messages indexed under `topic#key` in [begin, end], newest files first,
  // at most min(max_num, maxMsgsNumBatch). Also reports the newest file's end time / offset.
  std::vector<int64_t> QueryOffset(const std::string& topic, const std::string& key,
                                   int32_t max_num, int64_t begin, int64_t end,
                                   int64_t* last_update_timestamp,
                                   int64_t* last_update_phy_offset);
  // Deletes files (never the last) whose end offset is below `min_phy_offset`.
  int DeleteExpiredFile(int64_t min_phy_offset);
  // Flushes every file; on success, sets the checkpoint's indexMsgTimestamp.
  Status FlushAll();
  void DestroyAll();
  size_t file_count() const;

 private:
  Result<IndexFile*> LastWritableFile();  // requires mu_

  const MessageStoreConfig& config_;
  Env* env_;
  StoreCheckpoint* checkpoint_;
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<IndexFile>> files_;  // guarded by mu_, oldest first
};

}  // namespace rocketmq::store
