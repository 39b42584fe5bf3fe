// MessageStore read path: GetMessage (pull), offsets, lookups and key queries.
#include <unistd.h>

#include <algorithm>

#include "common/byte_order.h"
#include "mockbroker/store/message_store.h"

namespace rocketmq::store {

namespace {

int64_t TotalPhysicalMemory() {
  long pages = ::sysconf(_SC_PHYS_PAGES);
  long page_size = ::sysconf(_SC_PAGESIZE);
  return pages > 0 && page_size > 0 ? static_cast<int64_t>(pages) * page_size : 0;
}

}  // namespace

bool MessageStore::CheckInDiskByCommitOffset(int64_t offset_py, int64_t max_offset_py) const {
  static const int64_t kMemory = TotalPhysicalMemory();
  double memory = static_cast<double>(kMemory) * (config_.accessMessageInMemoryMaxRatio / 100.0);
  return static_cast<double>(max_offset_py - offset_py) > memory;
}

bool MessageStore::IsTheBatchFull(int32_t size_py, int32_t max_msg_nums, int64_t buffer_total,
                                  int32_t message_total, bool in_disk) const {
  if (buffer_total == 0 || message_total == 0) return false;
  if (max_msg_nums <= message_total) return true;
  if (in_disk) {
    if (buffer_total + size_py > config_.maxTransferBytesOnMessageInDisk) return true;
    if (message_total > config_.maxTransferCountOnMessageInDisk - 1) return true;
  } else {
    if (buffer_total + size_py > config_.maxTransferBytesOnMessageInMemory) return true;
    if (message_total > config_.maxTransferCountOnMessageInMemory - 1) return true;
  }
  return false;
}

int64_t MessageStore::NextOffsetCorrection(int64_t old_offset, int64_t new_offset) const {
  if (config_.brokerRole != BrokerRole::kSlave || config_.offsetCheckInSlave) return new_offset;
  return old_offset;
}

GetMessageResult MessageStore::GetMessage(const std::string& group, const std::string& topic,
                                          int32_t queue_id, int64_t offset, int32_t max_msg_nums,
                                          const TagsCodeFilter& filter) {
  GetMessageResult result = GetMessageSlices(group, topic, queue_id, offset, max_msg_nums, filter);
  result.data.reserve(static_cast<size_t>(result.data_size));
  for (const StoredSlice& s : result.slices) result.data.append(s.data, s.size);
  result.slices.clear();
  return result;
}

GetMessageResult MessageStore::GetMessageSlices(const std::string& group, const std::string& topic,
                                                int32_t queue_id, int64_t offset,
                                                int32_t max_msg_nums,
                                                const TagsCodeFilter& filter) {
  const int64_t begin = env_->NowMillis();
  GetMessageResult result = GetMessageImpl(group, topic, queue_id, offset, max_msg_nums, filter);
  stats_->OnGet(result.status == GetMessageStatus::kFound, result.message_count,
                env_->NowMillis() - begin);
  return result;
}

GetMessageResult MessageStore::GetMessageImpl(const std::string& /*group*/,
                                              const std::string& topic, int32_t queue_id,
                                              int64_t offset, int32_t max_msg_nums,
                                              const TagsCodeFilter& filter) {
  GetMessageResult result;
  result.status = GetMessageStatus::kNoMessageInQueue;
  result.next_begin_offset = offset;
  const int64_t max_offset_py = commit_log_->GetMaxOffset();
  auto cq = FindConsumeQueue(topic, queue_id, false);
  if (cq == nullptr) {
    result.status = GetMessageStatus::kNoMatchedLogicQueue;
    result.next_begin_offset = NextOffsetCorrection(offset, 0);
    return result;
  }
  const int64_t min_offset = cq->GetMinOffsetInQueue();
  const int64_t max_offset = cq->GetMaxOffsetInQueue();
  result.min_offset = min_offset;
  result.max_offset = max_offset;
  if (max_offset == 0) {
    result.status = GetMessageStatus::kNoMessageInQueue;
    result.next_begin_offset = NextOffsetCorrection(offset, 0);
  } else if (offset < min_offset) {
    result.status = GetMessageStatus::kOffsetTooSmall;
    result.next_begin_offset = NextOffsetCorrection(offset, min_offset);
  } else if (offset == max_offset) {
    result.status = GetMessageStatus::kOffsetOverflowOne;
    result.next_begin_offset = NextOffsetCorrection(offset, offset);
  } else if (offset > max_offset) {
    result.status = GetMessageStatus::kOffsetOverflowBadly;
    result.next_begin_offset = NextOffsetCorrection(offset, min_offset == 0 ? 0 : max_offset);
  } else {
    const int32_t max_filter = std::max(16000, max_msg_nums * 20);
    // Units are read in small chunks, as the batch fills (a full max_filter read cost a 320 KB
    // copy per pull); like Java, one pull never crosses into the next consume queue file.
    const int64_t file_end = cq->RollNextFile(offset);
    const int64_t scan_end = std::min<int64_t>(offset + max_filter, file_end);
    const int32_t chunk = std::max<int32_t>(64, max_msg_nums + max_msg_nums / 2);
    std::vector<CqUnit> units =
        cq->GetUnits(offset, static_cast<int32_t>(std::min<int64_t>(chunk, scan_end - offset)));
    if (units.empty()) {
      result.status = GetMessageStatus::kOffsetFoundNull;
      result.next_begin_offset = NextOffsetCorrection(offset, cq->RollNextFile(offset));
      return result;
    }
    result.status = GetMessageStatus::kNoMatchedMessage;
    int64_t next_phy_file_start = INT64_MIN;
    int64_t max_phy_pulling = 0;
    size_t i = 0;            // units scanned so far
    size_t chunk_begin = 0;  // index of units[0]
    for (;; ++i) {
      if (i - chunk_begin == units.size()) {
        const int64_t at = offset + static_cast<int64_t>(i);
        if (units.size() < static_cast<size_t>(chunk) || at >= scan_end) break;
        units = cq->GetUnits(at, static_cast<int32_t>(std::min<int64_t>(chunk, scan_end - at)));
        chunk_begin = i;
        if (units.empty()) break;
      }
      const CqUnit& u = units[i - chunk_begin];
      max_phy_pulling = u.phy_offset;
      if (next_phy_file_start != INT64_MIN && u.phy_offset < next_phy_file_start) continue;
      bool in_disk = CheckInDiskByCommitOffset(u.phy_offset, max_offset_py);
      if (IsTheBatchFull(u.size, max_msg_nums, result.data_size, result.message_count, in_disk)) {
        break;
      }
      if (filter && !filter(u.tags_code)) continue;
      auto record = commit_log_->GetMessageSlice(u.phy_offset, u.size);
      if (!record.ok()) {
        if (result.data_size == 0) result.status = GetMessageStatus::kMessageWasRemoving;
        next_phy_file_start = commit_log_->RollNextFile(u.phy_offset);
        continue;
      }
      result.data_size += static_cast<int64_t>(record->size);
      result.slices.push_back(std::move(record).value());
      result.message_count++;
      result.queue_offsets.push_back(offset + static_cast<int64_t>(i));
      result.status = GetMessageStatus::kFound;
      next_phy_file_start = INT64_MIN;
    }
    result.next_begin_offset = offset + static_cast<int64_t>(i);
    static const int64_t kMemory = TotalPhysicalMemory();
    double memory = static_cast<double>(kMemory) * (config_.accessMessageInMemoryMaxRatio / 100.0);
    result.suggest_pulling_from_slave =
        static_cast<double>(max_offset_py - max_phy_pulling) > memory;
  }
  return result;
}

int64_t MessageStore::GetMaxOffsetInQueue(const std::string& topic, int32_t queue_id) {
  auto cq = FindConsumeQueue(topic, queue_id, false);
  return cq ? cq->GetMaxOffsetInQueue() : 0;
}

int64_t MessageStore::GetMinOffsetInQueue(const std::string& topic, int32_t queue_id) {
  auto cq = FindConsumeQueue(topic, queue_id, false);
  return cq ? cq->GetMinOffsetInQueue() : 0;
}

int64_t MessageStore::GetOffsetInQueueByTime(const std::string& topic, int32_t queue_id,
                                             int64_t timestamp) {
  auto cq = FindConsumeQueue(topic, queue_id, false);
  if (cq == nullptr) return 0;
  return cq->GetOffsetInQueueByTime(
      timestamp, commit_log_->GetMinOffset(),
      [this](int64_t phy, int32_t size) { return commit_log_->PickupStoreTimestamp(phy, size); });
}

int64_t MessageStore::GetCommitLogOffsetInQueue(const std::string& topic, int32_t queue_id,
                                                int64_t offset) {
  auto cq = FindConsumeQueue(topic, queue_id, false);
  CqUnit u;
  if (cq == nullptr || !cq->GetUnit(offset, &u)) return -1;
  return u.phy_offset;
}

std::vector<CqUnit> MessageStore::GetConsumeQueueUnits(const std::string& topic, int32_t queue_id,
                                                       int64_t offset, int32_t max_units) {
  auto cq = FindConsumeQueue(topic, queue_id, false);
  if (cq == nullptr) return {};
  return cq->GetUnits(offset, max_units);
}

bool MessageStore::CheckInDiskByConsumeOffset(const std::string& topic, int32_t queue_id,
                                              int64_t consume_offset) {
  const int64_t max_offset_py = commit_log_->GetMaxOffset();
  auto cq = FindConsumeQueue(topic, queue_id, false);
  CqUnit u;
  if (cq == nullptr || !cq->GetUnit(consume_offset, &u)) return false;
  return CheckInDiskByCommitOffset(u.phy_offset, max_offset_py);
}

int64_t MessageStore::GetMessageStoreTimeStamp(const std::string& topic, int32_t queue_id,
                                               int64_t offset) {
  auto cq = FindConsumeQueue(topic, queue_id, false);
  CqUnit u;
  if (cq == nullptr || !cq->GetUnit(offset, &u)) return -1;
  return commit_log_->PickupStoreTimestamp(u.phy_offset, u.size);
}

int64_t MessageStore::GetEarliestMessageTime(const std::string& topic, int32_t queue_id) {
  auto cq = FindConsumeQueue(topic, queue_id, false);
  if (cq == nullptr || cq->GetMaxOffsetInQueue() <= cq->GetMinOffsetInQueue()) return -1;
  return GetMessageStoreTimeStamp(topic, queue_id, cq->GetMinOffsetInQueue());
}

Result<std::string> MessageStore::LookMessageByOffset(int64_t commit_log_offset) {
  return commit_log_->ReadRecord(commit_log_offset);
}

Result<std::string> MessageStore::GetCommitLogData(int64_t offset, int32_t max_bytes) {
  return commit_log_->GetData(offset, max_bytes);
}

QueryMessageResult MessageStore::QueryMessage(const std::string& topic, const std::string& key,
                                              int32_t max_num, int64_t begin, int64_t end) {
  QueryMessageResult result;
  if (!config_.messageIndexEnable) return result;
  int64_t last_query_time = end;
  for (int round = 0; round < 3; ++round) {
    std::vector<int64_t> offsets = index_service_->QueryOffset(
        topic, key, max_num, begin, last_query_time, &result.index_last_update_timestamp,
        &result.index_last_update_phyoffset);
    if (offsets.empty()) break;
    std::sort(offsets.begin(), offsets.end());
    for (size_t m = 0; m < offsets.size(); ++m) {
      auto record = commit_log_->ReadRecord(offsets[m]);
      if (!record.ok()) continue;
      if (m == 0) {
        int32_t sys_flag =
            static_cast<int32_t>(DecodeFixed32BE(record->data() + kRecordSysFlagPos));
        last_query_time = static_cast<int64_t>(
            DecodeFixed64BE(record->data() + RecordStoreTimestampPos(sys_flag)));
      }
      result.data += *record;
      result.message_count++;
      result.phy_offsets.push_back(offsets[m]);
    }
    if (!result.data.empty()) break;
    if (last_query_time < begin) break;
  }
  return result;
}

}  // namespace rocketmq::store
