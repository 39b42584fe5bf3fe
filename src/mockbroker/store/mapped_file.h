// MappedFile: one fixed-size, memory-mapped store file (CommitLog, ConsumeQueue) named by the
// 20-digit global offset of its first byte (protocol.md §5.2), and MappedFileQueue, the ordered
// list of such files that makes one continuous logical log.
//
// Threads: one writer at a time appends (the caller serializes writers); readers may read any
// byte below wrote_position() concurrently (release/acquire on the position). Flush() may run on
// another thread; it is serialized internally. Files are shared_ptr-owned: a reader holding one
// keeps the mapping alive even after the queue dropped and unlinked the file.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "mockbroker/store/env.h"

namespace rocketmq::store {

// "00000000000000001024" (UtilAll.offset2FileName).
std::string OffsetToFileName(int64_t offset);

inline constexpr int32_t kOsPageSize = 4096;

class MappedFile {
 public:
  // Opens (or with `create`, creates and sizes) `dir/<20-digit start offset>`, and maps it.
  // Corruption when an existing file does not have exactly `file_size` bytes.
  static Result<std::shared_ptr<MappedFile>> Open(Env* env, const std::string& dir,
                                                  int64_t file_from_offset, int32_t file_size,
                                                  bool create);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const std::string& path() const { return path_; }
  int64_t file_from_offset() const { return file_from_offset_; }
  int32_t file_size() const { return file_size_; }
  // The whole mapped region. Bytes below wrote_position() are stable.
  char* data() { return mapping_->data(); }
  const char* data() const { return mapping_->data(); }

  int32_t wrote_position() const { return wrote_position_.load(std::memory_order_acquire); }
  // Publishes bytes written through data() up to `pos`.
  void set_wrote_position(int32_t pos) { wrote_position_.store(pos, std::memory_order_release); }
  int32_t flushed_position() const { return flushed_position_.load(std::memory_order_acquire); }
  void set_flushed_position(int32_t pos) {
    flushed_position_.store(pos, std::memory_order_release);
  }
  bool IsFull() const { return wrote_position() >= file_size_; }
  int32_t remaining() const { return file_size_ - wrote_position(); }

  // Copies `bytes` at the write position and publishes them. False when they do not fit.
  bool AppendBytes(std::string_view bytes);

  // Store time of the newest record appended (CommitLog only; used by the checkpoint).
  int64_t store_timestamp() const { return store_timestamp_.load(std::memory_order_acquire); }
  void set_store_timestamp(int64_t ts) { store_timestamp_.store(ts, std::memory_order_release); }

  // Writes dirty pages to disk when the file is full, or when at least `least_pages` 4 KiB pages
  // are dirty (any dirty byte when least_pages == 0) - the isAbleToFlush rule of protocol.md §6.
  // Returns the flushed position. An msync failure is returned and the position is kept.
  Result<int32_t> Flush(int least_pages);

  // A view of [pos, pos + size) when it lies below the write position; empty otherwise. Valid
  // while the caller holds this file.
  std::string_view View(int32_t pos, int32_t size) const;

  // Unlinks the file. The mapping lives until the last holder lets go.
  Status Destroy();
  bool destroyed() const { return destroyed_.load(); }
  // ms since epoch of the file's last modification (0 when unknown).
  int64_t LastModifiedMillis() const;

 private:
  MappedFile(Env* env, std::string path, int64_t from, int32_t size,
             std::unique_ptr<Mapping> mapping);

  Env* env_;
  const std::string path_;
  const int64_t file_from_offset_;
  const int32_t file_size_;
  std::unique_ptr<Mapping> mapping_;
  std::atomic<int32_t> wrote_position_{0};
  std::atomic<int32_t> flushed_position_{0};
  std::atomic<int64_t> store_timestamp_{0};
  std::atomic<bool> destroyed_{false};
  std::mutex flush_mu_;  // serializes Flush()
};

class MappedFileQueue {
 public:
  // Files of `file_size` bytes in `dir` (created on demand).
  MappedFileQueue(Env* env, std::string dir, int32_t file_size);

  // Opens every file of the directory (names must be 20-digit offsets; other names are
  // skipped). Positions are set to the file size; recovery sets the real ones.
  // Corruption when a file has the wrong size.
  Status Load();

  const std::string& dir() const { return dir_; }
  int32_t file_size() const { return file_size_; }

  // Snapshot of the files, oldest first.
  std::vector<std::shared_ptr<MappedFile>> Files() const;
  std::shared_ptr<MappedFile> First() const;
  std::shared_ptr<MappedFile> Last() const;
  // The last file when it has room; otherwise (no file, or last full) a new file starting at
  // `start_offset` rounded down to a file boundary (when there is no file) or right after the
  // last one.
  Result<std::shared_ptr<MappedFile>> LastWritable(int64_t start_offset);
  // The file holding global `offset`, or null. With `return_first_on_not_found`, the first
  // file instead of null.
  std::shared_ptr<MappedFile> FindByOffset(int64_t offset,
                                           bool return_first_on_not_found = false) const;

  // Offset of the first byte of the first file; -1 when empty.
  int64_t GetMinOffset() const;
  // Global offset just past the last written byte; 0 when empty.
  int64_t GetMaxOffset() const;
  int64_t flushed_where() const { return flushed_where_.load(std::memory_order_acquire); }
  void set_flushed_where(int64_t v) { flushed_where_.store(v, std::memory_order_release); }
  // Store time of the newest record flushed by the last Flush() that flushed anything.
  int64_t flushed_store_timestamp() const { return flushed_store_timestamp_.load(); }

  // Flushes every file from flushed_where() on, each by the MappedFile::Flush rule. Returns the
  // first failure (flushed_where() stays at the failing file's last good position).
  Status Flush(int least_pages);

  // Drops everything at or after `offset`: files starting after it are destroyed, the file
  // holding it gets its positions set to it (bytes past it are zeroed so a later recovery
  // cannot resurrect them).
  void TruncateDirtyFiles(int64_t offset);

  // Deletes files (never the last one) last modified more than `expired_ms` before `now_ms`,
  // or every such file when `clean_immediately`, at most `max_files`; they must be fully
  // flushed. Returns the number deleted.
  int DeleteExpiredByTime(int64_t expired_ms, int64_t now_ms, bool clean_immediately,
                          int max_files);
  // For files of fixed `unit_size` units whose first 8 bytes are a CommitLog offset
  // (ConsumeQueue): deletes the files (never the last) whose last unit points below
  // `min_phy_offset`. Returns the number deleted.
  int DeleteExpiredByOffset(int64_t min_phy_offset, int32_t unit_size);

  // Destroys every file and forgets them.
  void DestroyAll();

 private:
  Env* env_;
  const std::string dir_;
  const int32_t file_size_;
  mutable std::mutex mu_;
  std::vector<std::shared_ptr<MappedFile>> files_;  // guarded by mu_
  std::atomic<int64_t> flushed_where_{0};
  std::atomic<int64_t> flushed_store_timestamp_{0};
  std::mutex flush_mu_;  // serializes Flush()
};

}  // namespace rocketmq::store
