// Result and request types of the message store (Java PutMessageStatus, AppendMessageResult,
// PutMessageResult, GetMessageStatus, DispatchRequest), plus the fixed positions of the stored
// record fields the store patches or peeks at (protocol.md §3.1).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/message_const.h"
#include "common/status.h"

namespace rocketmq::store {

// ---- Stored record field positions (protocol.md §3.1). ----
inline constexpr int32_t kRecordTotalSizePos = 0;
inline constexpr int32_t kRecordMagicPos = 4;
inline constexpr int32_t kRecordBodyCrcPos = 8;
inline constexpr int32_t kRecordQueueIdPos = 12;
inline constexpr int32_t kRecordQueueOffsetPos = 20;
inline constexpr int32_t kRecordPhysicalOffsetPos = 28;
inline constexpr int32_t kRecordSysFlagPos = 36;
inline constexpr int32_t kRecordBornHostPos = 48;
// STORETIMESTAMP follows BORNHOST, whose size depends on the born host family.
inline constexpr int32_t RecordStoreTimestampPos(int32_t sys_flag) {
  return kRecordBornHostPos + ((sys_flag & kSysFlagBornHostV6) ? 20 : 8);
}
// A BLANK record: TOTALSIZE (= bytes left in the file) + BLANK magic.
inline constexpr int32_t kEndFileMinBlankLength = 8;

// Consume-queue unit: CommitLog offset (8), size (4), tags code (8).
inline constexpr int32_t kCqStoreUnitSize = 20;

enum class PutMessageStatus {
  kPutOk,
  kFlushDiskTimeout,
  kFlushSlaveTimeout,
  kSlaveNotAvailable,
  kServiceNotAvailable,
  kCreateMappedFileFailed,
  kMessageIllegal,
  kPropertiesSizeExceeded,
  kOsPageCacheBusy,
  kUnknownError,
};
// "PUT_OK", "FLUSH_DISK_TIMEOUT", ... (the Java enum names).
const char* PutMessageStatusName(PutMessageStatus status);

// Where and how a message (or batch) was appended.
struct AppendMessageResult {
  int64_t wrote_offset = 0;     // CommitLog offset of the (first) record
  int32_t wrote_bytes = 0;      // bytes of all records (not counting a BLANK filler)
  std::string msg_id;           // offset msgId; comma-joined for a batch
  int64_t store_timestamp = 0;  // ms
  int64_t logics_offset = 0;    // queue offset of the (first) message
  int32_t msg_num = 1;
};

struct PutMessageResult {
  PutMessageStatus status = PutMessageStatus::kUnknownError;
  AppendMessageResult append;  // valid when the data was appended (PUT_OK, FLUSH_*_TIMEOUT)
  Status error;                // why, for failures
  bool IsOk() const { return status == PutMessageStatus::kPutOk; }
  // True when the data is in the CommitLog (even if the flush wait timed out).
  bool appended() const {
    return status == PutMessageStatus::kPutOk || status == PutMessageStatus::kFlushDiskTimeout ||
           status == PutMessageStatus::kFlushSlaveTimeout ||
           status == PutMessageStatus::kSlaveNotAvailable;
  }
};

// Per-call options of MessageStore/CommitLog::PutMessage(s).
struct PutMessageOptions {
  // Wait for the SYNC_FLUSH group commit. nullopt: as the message's WAIT property says (absent
  // = wait). The broker passes it explicitly because Java removes WAIT from the stored properties
  // of a single send, yet WAIT=false must still skip the wait.
  std::optional<bool> wait_store_msg_ok;
  // Properties strings written verbatim, one per message in order, instead of encoding each
  // message's property map. 4.9.x batch records carry the batch-level properties appended to
  // every element's own string, so a key (WAIT) may appear twice; a map cannot hold that. The
  // messages' property maps should still hold the decoded properties (tags, keys, delay).
  // Empty: encode the maps.
  std::vector<std::string> raw_properties;
};

enum class GetMessageStatus {
  kFound,
  kNoMatchedMessage,
  kMessageWasRemoving,
  kOffsetFoundNull,
  kOffsetOverflowBadly,
  kOffsetOverflowOne,
  kOffsetTooSmall,
  kNoMatchedLogicQueue,
  kNoMessageInQueue,
};
// "FOUND", "NO_MATCHED_MESSAGE", ... (the Java enum names, used as the PULL response remark).
const char* GetMessageStatusName(GetMessageStatus status);

// Stored bytes seen in place, in a mapped file: `owner` keeps the mapping alive (even once the
// file is deleted) for as long as the slice is held, like Java's SelectMappedBufferResult.
struct StoredSlice {
  std::shared_ptr<const void> owner;
  const char* data = nullptr;
  size_t size = 0;
  std::string_view view() const { return std::string_view(data, size); }
};

struct GetMessageResult {
  GetMessageStatus status = GetMessageStatus::kNoMatchedLogicQueue;
  int64_t next_begin_offset = 0;
  int64_t min_offset = 0;
  int64_t max_offset = 0;
  // The matched records, concatenated, exactly as stored (MessageStore::GetMessage).
  std::string data;
  // The same records in place, one slice each (MessageStore::GetMessageSlices; `data` empty).
  std::vector<StoredSlice> slices;
  int64_t data_size = 0;  // bytes in `data` or `slices`
  int32_t message_count = 0;
  std::vector<int64_t> queue_offsets;  // queue offset of each returned record
  bool suggest_pulling_from_slave = false;
};

// Result of QueryMessage: records found through the index, concatenated as stored.
struct QueryMessageResult {
  std::string data;
  int32_t message_count = 0;
  std::vector<int64_t> phy_offsets;
  int64_t index_last_update_timestamp = 0;
  int64_t index_last_update_phyoffset = 0;
};

// What the dispatcher extracts from one CommitLog record to build consume queues and indexes.
struct DispatchRequest {
  std::string topic;
  int32_t queue_id = 0;
  int64_t commit_log_offset = 0;
  int32_t msg_size = 0;
  int64_t tags_code = 0;
  int64_t store_timestamp = 0;
  int64_t consume_queue_offset = 0;
  std::string keys;      // KEYS property
  std::string uniq_key;  // UNIQ_KEY property
  int32_t sys_flag = 0;
  int64_t prepared_transaction_offset = 0;
};

}  // namespace rocketmq::store
