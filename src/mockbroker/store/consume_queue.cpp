#include "mockbroker/store/consume_queue.h"

#include <climits>
#include <cstdlib>

#include "common/byte_order.h"
#include "common/logging.h"

namespace rocketmq::store {

namespace {

CqUnit ReadUnit(const char* p) {
  CqUnit u;
  u.phy_offset = static_cast<int64_t>(DecodeFixed64BE(p));
  u.size = static_cast<int32_t>(DecodeFixed32BE(p + 8));
  u.tags_code = static_cast<int64_t>(DecodeFixed64BE(p + 12));
  return u;
}

void WriteUnit(char* p, int64_t phy, int32_t size, int64_t tags) {
  EncodeFixed64BE(p, static_cast<uint64_t>(phy));
  EncodeFixed32BE(p + 8, static_cast<uint32_t>(size));
  EncodeFixed64BE(p + 12, static_cast<uint64_t>(tags));
}

bool IsBlank(const CqUnit& u) { return u.phy_offset == 0 && u.size == INT32_MAX; }

}  // namespace

ConsumeQueue::ConsumeQueue(Env* env, const std::string& root_dir, std::string topic,
                           int32_t queue_id, int32_t file_size)
    : topic_(std::move(topic)),
      queue_id_(queue_id),
      file_size_(file_size),
      queue_(env, root_dir + "/" + topic_ + "/" + std::to_string(queue_id), file_size) {}

void ConsumeQueue::Recover() {
  auto files = queue_.Files();
  if (files.empty()) return;
  size_t index = files.size() > 3 ? files.size() - 3 : 0;
  int64_t process_offset = files[index]->file_from_offset();
  int64_t file_offset = 0;
  int64_t max_phy = -1;
  while (true) {
    const char* base = files[index]->data();
    file_offset = 0;
    for (int32_t i = 0; i + kCqStoreUnitSize <= file_size_; i += kCqStoreUnitSize) {
      CqUnit u = ReadUnit(base + i);
      if (u.phy_offset >= 0 && u.size > 0) {
        file_offset = i + kCqStoreUnitSize;
        if (!IsBlank(u)) max_phy = u.phy_offset + u.size;
      } else {
        break;
      }
    }
    if (file_offset == file_size_ && index + 1 < files.size()) {
      ++index;
      process_offset = files[index]->file_from_offset();
      continue;
    }
    break;
  }
  process_offset += file_offset;
  queue_.TruncateDirtyFiles(process_offset);
  for (auto& f : queue_.Files()) f->set_flushed_position(f->wrote_position());
  queue_.set_flushed_where(process_offset);
  max_physic_offset_.store(max_phy);
}

Status ConsumeQueue::PutMessagePositionInfo(int64_t phy_offset, int32_t size, int64_t tags_code,
                                            int64_t cq_offset) {
  if (phy_offset + size <= max_physic_offset_.load()) return Status::OK();  // already built
  const int64_t expect = cq_offset * kCqStoreUnitSize;
  bool first_file = queue_.Last() == nullptr;
  auto file = queue_.LastWritable(expect);
  if (!file.ok()) return file.status();
  std::shared_ptr<MappedFile> mf = *file;
  if (first_file && cq_offset != 0 && mf->wrote_position() == 0) {
    min_logic_offset_.store(expect);
    queue_.set_flushed_where(mf->file_from_offset());
  }
  int64_t current = mf->file_from_offset() + mf->wrote_position();
  if (expect < current) {
    RMQ_LOG(kDebug) << "consume queue " << topic_ << "/" << queue_id_ << ": unit " << cq_offset
                    << " already built";
    return Status::OK();
  }
  if (expect >= mf->file_from_offset() + file_size_) {
    RMQ_LOG(kWarn) << "consume queue " << topic_ << "/" << queue_id_ << ": unit " << cq_offset
                   << " beyond the current file; queue order broken";
    return Status::Corruption("consume queue order broken");
  }
  // Blank units up to the expected position (pre-blank of a new queue, or a gap).
  int32_t pos = mf->wrote_position();
  int32_t target = static_cast<int32_t>(expect - mf->file_from_offset());
  if (pos != target && !(first_file && pos == 0)) {
    RMQ_LOG(kWarn) << "consume queue " << topic_ << "/" << queue_id_ << ": expected unit at "
                   << expect << " but write position is " << current;
  }
  for (; pos < target; pos += kCqStoreUnitSize) WriteUnit(mf->data() + pos, 0, INT32_MAX, 0);
  WriteUnit(mf->data() + pos, phy_offset, size, tags_code);
  mf->set_wrote_position(pos + kCqStoreUnitSize);
  max_physic_offset_.store(phy_offset + size);
  return Status::OK();
}

std::vector<CqUnit> ConsumeQueue::GetUnits(int64_t start, int32_t max_units) const {
  std::vector<CqUnit> units;
  int64_t offset = start * kCqStoreUnitSize;
  if (offset < min_logic_offset_.load()) return units;
  auto file = queue_.FindByOffset(offset);
  if (file == nullptr) return units;
  int32_t pos = static_cast<int32_t>(offset - file->file_from_offset());
  int32_t wrote = file->wrote_position();
  for (; pos + kCqStoreUnitSize <= wrote && static_cast<int32_t>(units.size()) < max_units;
       pos += kCqStoreUnitSize) {
    units.push_back(ReadUnit(file->data() + pos));
  }
  return units;
}

bool ConsumeQueue::GetUnit(int64_t index, CqUnit* unit) const {
  auto units = GetUnits(index, 1);
  if (units.empty()) return false;
  *unit = units[0];
  return true;
}

int64_t ConsumeQueue::RollNextFile(int64_t index) const {
  int64_t per_file = file_size_ / kCqStoreUnitSize;
  return index + per_file - index % per_file;
}

void ConsumeQueue::CorrectMinOffset(int64_t min_phy_offset) {
  auto file = queue_.First();
  if (file == nullptr) return;
  int32_t wrote = file->wrote_position();
  for (int32_t pos = 0; pos + kCqStoreUnitSize <= wrote; pos += kCqStoreUnitSize) {
    CqUnit u = ReadUnit(file->data() + pos);
    if (!IsBlank(u) && u.phy_offset >= min_phy_offset) {
      min_logic_offset_.store(file->file_from_offset() + pos);
      return;
    }
  }
  // No live unit in the first file: the queue starts after it.
  min_logic_offset_.store(file->file_from_offset() + wrote);
}

void ConsumeQueue::TruncateDirtyLogicFiles(int64_t phy_offset) {
  int64_t keep_until = -1;  // logical byte offset to truncate at
  int64_t max_phy = -1;
  for (auto& f : queue_.Files()) {
    int32_t wrote = f->wrote_position();
    for (int32_t pos = 0; pos + kCqStoreUnitSize <= wrote; pos += kCqStoreUnitSize) {
      CqUnit u = ReadUnit(f->data() + pos);
      if (IsBlank(u)) continue;
      if (u.phy_offset + u.size > phy_offset) {
        keep_until = f->file_from_offset() + pos;
        break;
      }
      max_phy = u.phy_offset + u.size;
    }
    if (keep_until >= 0) break;
  }
  if (keep_until < 0) return;
  queue_.TruncateDirtyFiles(keep_until);
  max_physic_offset_.store(max_phy);
  if (min_logic_offset_.load() > keep_until) min_logic_offset_.store(keep_until);
}

int ConsumeQueue::DeleteExpiredFile(int64_t min_phy_offset) {
  int n = queue_.DeleteExpiredByOffset(min_phy_offset, kCqStoreUnitSize);
  CorrectMinOffset(min_phy_offset);
  return n;
}

int64_t ConsumeQueue::GetOffsetInQueueByTime(
    int64_t timestamp, int64_t min_phy_offset,
    const std::function<int64_t(int64_t, int32_t)>& store_time) const {
  int64_t low = GetMinOffsetInQueue();
  int64_t high = GetMaxOffsetInQueue() - 1;
  int64_t left = -1, right = -1, target = -1;
  int64_t left_value = -1, right_value = -1;
  while (high >= low) {
    int64_t mid = low + (high - low) / 2;
    CqUnit u;
    if (!GetUnit(mid, &u)) return 0;
    if (IsBlank(u) || u.phy_offset < min_phy_offset) {
      low = mid + 1;
      left = mid;
      continue;
    }
    int64_t t = store_time(u.phy_offset, u.size);
    if (t < 0) return 0;
    if (t == timestamp) {
      target = mid;
      break;
    }
    if (t > timestamp) {
      high = mid - 1;
      right = mid;
      right_value = t;
    } else {
      low = mid + 1;
      left = mid;
      left_value = t;
    }
  }
  if (target != -1) return target;
  if (left_value == -1) return right != -1 ? right : (left != -1 ? left + 1 : 0);
  if (right_value == -1) return left;
  return std::llabs(timestamp - left_value) > std::llabs(timestamp - right_value) ? right : left;
}

}  // namespace rocketmq::store
