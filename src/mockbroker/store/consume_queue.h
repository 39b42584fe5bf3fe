// ConsumeQueue: the per topic-queue index into the CommitLog (protocol.md §5.3): 20-byte units
// {CommitLog offset (8), size (4), tags code (8)}; logical offset N is unit N. Files are named
// by their first byte's logical byte offset (N * 20).
//
// Threads: the dispatcher thread is the only writer (PutMessagePositionInfo); readers
// (GetUnits, min/max offsets) run concurrently. Recovery and truncation run before Start.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mockbroker/store/mapped_file.h"
#include "mockbroker/store/store_types.h"

namespace rocketmq::store {

struct CqUnit {
  int64_t phy_offset = 0;
  int32_t size = 0;
  int64_t tags_code = 0;
};

class ConsumeQueue {
 public:
  // Files in `<root_dir>/<topic>/<queue_id>/`, each `file_size` bytes (a multiple of 20).
  ConsumeQueue(Env* env, const std::string& root_dir, std::string topic, int32_t queue_id,
               int32_t file_size);

  const std::string& topic() const { return topic_; }
  int32_t queue_id() const { return queue_id_; }

  Status Load() { return queue_.Load(); }
  // Finds the last valid unit (from the 3rd-last file): sets positions, drops what follows.
  void Recover();

  // Appends the unit for logical offset `cq_offset`. A unit already present (the CommitLog
  // range ends at or before max_physic_offset(), or cq_offset is below the write position) is
  // skipped; a first file created at a non-zero offset, or a gap inside a file, is filled with
  // blank units {0, INT32_MAX, 0}.
  Status PutMessagePositionInfo(int64_t phy_offset, int32_t size, int64_t tags_code,
                                int64_t cq_offset);

  // Units from logical `start` to the end of the written data of the file holding it, at most
  // `max_units`. Empty when `start` is not stored.
  std::vector<CqUnit> GetUnits(int64_t start, int32_t max_units) const;
  // The unit at `index`; false when absent.
  bool GetUnit(int64_t index, CqUnit* unit) const;

  int64_t GetMinOffsetInQueue() const { return min_logic_offset_.load() / kCqStoreUnitSize; }
  // One past the last unit written.
  int64_t GetMaxOffsetInQueue() const { return queue_.GetMaxOffset() / kCqStoreUnitSize; }
  // End (offset + size) of the newest CommitLog record referenced; -1 when none.
  int64_t max_physic_offset() const { return max_physic_offset_.load(); }
  // First logical offset of the file after the one holding `index`.
  int64_t RollNextFile(int64_t index) const;

  // Sets the min offset to the first unit whose CommitLog offset is >= `min_phy_offset`.
  void CorrectMinOffset(int64_t min_phy_offset);
  // Drops units referencing CommitLog data at or after `phy_offset`.
  void TruncateDirtyLogicFiles(int64_t phy_offset);
  // Deletes whole files whose units all point below `min_phy_offset`, then corrects the min.
  int DeleteExpiredFile(int64_t min_phy_offset);

  // Binary search on store time (Java getOffsetInQueueByTime): the offset whose message store
  // time equals `timestamp`, else the nearer neighbour. `store_time(phy, size)` returns a
  // record's store time or -1.
  int64_t GetOffsetInQueueByTime(
      int64_t timestamp, int64_t min_phy_offset,
      const std::function<int64_t(int64_t, int32_t)>& store_time) const;

  Status Flush(int least_pages) { return queue_.Flush(least_pages); }
  void Destroy() { queue_.DestroyAll(); }
  MappedFileQueue* mapped_file_queue() { return &queue_; }

 private:
  const std::string topic_;
  const int32_t queue_id_;
  const int32_t file_size_;
  MappedFileQueue queue_;
  std::atomic<int64_t> max_physic_offset_{-1};
  std::atomic<int64_t> min_logic_offset_{0};  // bytes
};

}  // namespace rocketmq::store
