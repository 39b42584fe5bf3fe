// StoreCheckpoint: <root>/checkpoint, one 4096-byte page holding three big-endian longs
// (protocol.md §5.5): physicMsgTimestamp, logicsMsgTimestamp, indexMsgTimestamp. Later 5.x
// fields (masterFlushedOffset, confirmPhyOffset) are preserved as found.
//
// Setters only change memory; Flush() writes the page and syncs it. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "common/status.h"
#include "mockbroker/store/env.h"

namespace rocketmq::store {

class StoreCheckpoint {
 public:
  static constexpr int32_t kFileSize = 4096;

  // Opens or creates the file and reads the stored values (zeros for a new file).
  static Result<std::unique_ptr<StoreCheckpoint>> Open(Env* env, const std::string& path);

  int64_t physic_msg_timestamp() const { return physic_.load(); }
  int64_t logics_msg_timestamp() const { return logics_.load(); }
  int64_t index_msg_timestamp() const { return index_.load(); }
  void set_physic_msg_timestamp(int64_t v) { physic_.store(v); }
  void set_logics_msg_timestamp(int64_t v) { logics_.store(v); }
  void set_index_msg_timestamp(int64_t v) { index_.store(v); }

  // min(physic, logics) - 3000 ms, floored at 0 (Java getMinTimestamp).
  int64_t MinTimestamp() const;
  // min(MinTimestamp(), indexMsgTimestamp) (Java getMinTimestampIndex).
  int64_t MinTimestampIndex() const;

  // Writes the three values into the page and msyncs it.
  Status Flush();

 private:
  explicit StoreCheckpoint(std::unique_ptr<Mapping> mapping) : mapping_(std::move(mapping)) {}

  std::unique_ptr<Mapping> mapping_;
  std::mutex flush_mu_;
  std::atomic<int64_t> physic_{0};
  std::atomic<int64_t> logics_{0};
  std::atomic<int64_t> index_{0};
};

}  // namespace rocketmq::store
