#include "mockbroker/store/index_file.h"

#include <climits>
#include <cstdio>
#include <ctime>

#include "common/byte_order.h"
#include "common/java_hash.h"
#include "common/logging.h"

namespace rocketmq::store {

int32_t IndexKeyHash(const std::string& key) {
  int32_t h = JavaStringHashCode(key);
  if (h == INT32_MIN) return 0;
  return h < 0 ? -h : h;
}

namespace {

std::string TimeFileName(int64_t ms) {
  time_t secs = static_cast<time_t>(ms / 1000);
  struct tm tm_local;
  localtime_r(&secs, &tm_local);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d%02d%02d%02d%02d%02d%03d", tm_local.tm_year + 1900,
                tm_local.tm_mon + 1, tm_local.tm_mday, tm_local.tm_hour, tm_local.tm_min,
                tm_local.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// IndexFile

IndexFile::IndexFile(Env* env, std::string path, int32_t slots, int32_t index_num,
                     std::unique_ptr<Mapping> mapping)
    : env_(env),
      path_(std::move(path)),
      hash_slot_num_(slots),
      index_num_(index_num),
      mapping_(std::move(mapping)) {}

Result<std::unique_ptr<IndexFile>> IndexFile::Open(Env* env, const std::string& path,
                                                   int32_t hash_slot_num, int32_t index_num,
                                                   bool create, int64_t end_phy_offset,
                                                   int64_t end_timestamp) {
  const uint64_t size = static_cast<uint64_t>(kIndexHeaderSize) +
                        static_cast<uint64_t>(hash_slot_num) * 4 +
                        static_cast<uint64_t>(index_num) * kIndexEntrySize;
  auto file = env->OpenFile(path, create);
  if (!file.ok()) return file.status();
  auto cur = (*file)->Size();
  if (!cur.ok()) return cur.status();
  if (create && *cur == 0) {
    ROCKETMQ_RETURN_IF_ERROR((*file)->Truncate(size));
  } else if (*cur != size) {
    return Status::Corruption(path + ": size " + std::to_string(*cur) + ", expected " +
                              std::to_string(size));
  }
  auto mapping = (*file)->Map(static_cast<size_t>(size));
  if (!mapping.ok()) return mapping.status();
  std::unique_ptr<IndexFile> f(
      new IndexFile(env, path, hash_slot_num, index_num, std::move(*mapping)));
  const char* p = f->mapping_->data();
  if (create && *cur == 0) {
    if (end_phy_offset > 0) f->begin_phy_offset_ = f->end_phy_offset_ = end_phy_offset;
    if (end_timestamp > 0) f->begin_timestamp_ = f->end_timestamp_ = end_timestamp;
    f->WriteHeader();
  } else {
    f->begin_timestamp_ = static_cast<int64_t>(DecodeFixed64BE(p));
    f->end_timestamp_ = static_cast<int64_t>(DecodeFixed64BE(p + 8));
    f->begin_phy_offset_ = static_cast<int64_t>(DecodeFixed64BE(p + 16));
    f->end_phy_offset_ = static_cast<int64_t>(DecodeFixed64BE(p + 24));
    f->hash_slot_count_ = static_cast<int32_t>(DecodeFixed32BE(p + 32));
    f->index_count_ = static_cast<int32_t>(DecodeFixed32BE(p + 36));
    if (f->index_count_ <= 0) f->index_count_ = 1;
  }
  return f;
}

void IndexFile::WriteHeader() {
  char* p = mapping_->data();
  EncodeFixed64BE(p, static_cast<uint64_t>(begin_timestamp_));
  EncodeFixed64BE(p + 8, static_cast<uint64_t>(end_timestamp_));
  EncodeFixed64BE(p + 16, static_cast<uint64_t>(begin_phy_offset_));
  EncodeFixed64BE(p + 24, static_cast<uint64_t>(end_phy_offset_));
  EncodeFixed32BE(p + 32, static_cast<uint32_t>(hash_slot_count_));
  EncodeFixed32BE(p + 36, static_cast<uint32_t>(index_count_));
}

bool IndexFile::PutKey(const std::string& key, int64_t phy_offset, int64_t store_timestamp) {
  std::lock_guard<std::mutex> lock(mu_);
  if (index_count_ >= index_num_) return false;
  char* base = mapping_->data();
  int32_t key_hash = IndexKeyHash(key);
  int32_t slot = key_hash % hash_slot_num_;
  char* slot_ptr = base + kIndexHeaderSize + static_cast<int64_t>(slot) * 4;
  int32_t slot_value = static_cast<int32_t>(DecodeFixed32BE(slot_ptr));
  if (slot_value <= 0 || slot_value > index_count_) slot_value = 0;
  int64_t time_diff = 0;
  if (begin_timestamp_ > 0) {
    time_diff = (store_timestamp - begin_timestamp_) / 1000;
    if (time_diff > INT32_MAX) time_diff = INT32_MAX;
    if (time_diff < 0) time_diff = 0;
  }
  char* entry = base + kIndexHeaderSize + static_cast<int64_t>(hash_slot_num_) * 4 +
                static_cast<int64_t>(index_count_) * kIndexEntrySize;
  EncodeFixed32BE(entry, static_cast<uint32_t>(key_hash));
  EncodeFixed64BE(entry + 4, static_cast<uint64_t>(phy_offset));
  EncodeFixed32BE(entry + 12, static_cast<uint32_t>(time_diff));
  EncodeFixed32BE(entry + 16, static_cast<uint32_t>(slot_value));
  EncodeFixed32BE(slot_ptr, static_cast<uint32_t>(index_count_));
  if (index_count_ <= 1) {
    begin_phy_offset_ = phy_offset;
    begin_timestamp_ = store_timestamp;
  }
  if (slot_value == 0) ++hash_slot_count_;
  ++index_count_;
  end_phy_offset_ = phy_offset;
  end_timestamp_ = store_timestamp;
  WriteHeader();
  return true;
}

void IndexFile::SelectPhyOffsets(const std::string& key, int32_t max_num, int64_t begin,
                                 int64_t end, std::vector<int64_t>* offsets) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (static_cast<int32_t>(offsets->size()) >= max_num) return;
  const char* base = mapping_->data();
  int32_t key_hash = IndexKeyHash(key);
  int32_t slot = key_hash % hash_slot_num_;
  int32_t slot_value =
      static_cast<int32_t>(DecodeFixed32BE(base + kIndexHeaderSize + static_cast<int64_t>(slot) * 4));
  if (slot_value <= 0 || slot_value > index_count_ || index_count_ <= 1) return;
  int32_t next = slot_value;
  for (int steps = 0; steps < index_num_; ++steps) {
    if (static_cast<int32_t>(offsets->size()) >= max_num) break;
    const char* entry = base + kIndexHeaderSize + static_cast<int64_t>(hash_slot_num_) * 4 +
                        static_cast<int64_t>(next) * kIndexEntrySize;
    int32_t hash_read = static_cast<int32_t>(DecodeFixed32BE(entry));
    int64_t phy = static_cast<int64_t>(DecodeFixed64BE(entry + 4));
    int32_t diff = static_cast<int32_t>(DecodeFixed32BE(entry + 12));
    int32_t prev = static_cast<int32_t>(DecodeFixed32BE(entry + 16));
    if (diff < 0) break;
    int64_t time_read = begin_timestamp_ + static_cast<int64_t>(diff) * 1000;
    if (hash_read == key_hash && time_read >= begin && time_read <= end) offsets->push_back(phy);
    if (prev <= 0 || prev > index_count_ || prev == next || time_read < begin) break;
    next = prev;
  }
}

bool IndexFile::IsTimeMatched(int64_t begin, int64_t end) const {
  std::lock_guard<std::mutex> lock(mu_);
  return (begin < begin_timestamp_ && end > end_timestamp_) ||
         (begin >= begin_timestamp_ && begin <= end_timestamp_) ||
         (end >= begin_timestamp_ && end <= end_timestamp_);
}

bool IndexFile::IsFull() const {
  std::lock_guard<std::mutex> lock(mu_);
  return index_count_ >= index_num_;
}
int64_t IndexFile::begin_timestamp() const {
  std::lock_guard<std::mutex> lock(mu_);
  return begin_timestamp_;
}
int64_t IndexFile::end_timestamp() const {
  std::lock_guard<std::mutex> lock(mu_);
  return end_timestamp_;
}
int64_t IndexFile::end_phy_offset() const {
  std::lock_guard<std::mutex> lock(mu_);
  return end_phy_offset_;
}
int32_t IndexFile::index_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return index_count_;
}
int32_t IndexFile::hash_slot_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hash_slot_count_;
}

Status IndexFile::Flush() {
  std::lock_guard<std::mutex> lock(mu_);
  return mapping_->Sync(0, mapping_->size());
}

Status IndexFile::Destroy() { return env_->RemoveFile(path_); }

// ---------------------------------------------------------------------------------------------
// IndexService

IndexService::IndexService(const MessageStoreConfig& config, Env* env, StoreCheckpoint* checkpoint)
    : config_(config), env_(env), checkpoint_(checkpoint) {}

Status IndexService::Load(bool last_exit_ok) {
  std::string dir = config_.IndexDir();
  auto names = env_->ListDir(dir);
  if (!names.ok()) return names.status();
  std::lock_guard<std::mutex> lock(mu_);
  files_.clear();
  for (const std::string& name : *names) {
    auto f = IndexFile::Open(env_, dir + "/" + name, config_.maxHashSlotNum, config_.maxIndexNum,
                             false, 0, 0);
    if (!f.ok()) return f.status();
    if (!last_exit_ok && (*f)->end_timestamp() > checkpoint_->index_msg_timestamp()) {
      RMQ_LOG(kInfo) << "abnormal exit: rebuilding index file " << name;
      ROCKETMQ_RETURN_IF_ERROR((*f)->Destroy());
      continue;
    }
    files_.push_back(std::move(*f));
  }
  return Status::OK();
}

Result<IndexFile*> IndexService::LastWritableFile() {
  if (!files_.empty() && !files_.back()->IsFull()) return files_.back().get();
  int64_t end_phy = 0, end_ts = 0;
  if (!files_.empty()) {
    end_phy = files_.back()->end_phy_offset();
    end_ts = files_.back()->end_timestamp();
    Status st = files_.back()->Flush();
    if (st.ok()) {
      checkpoint_->set_index_msg_timestamp(end_ts);
    } else {
      RMQ_LOG(kWarn) << "index flush: " << st.ToString();
    }
  }
  ROCKETMQ_RETURN_IF_ERROR(env_->CreateDirs(config_.IndexDir()));
  int64_t now = env_->NowMillis();
  std::string path = config_.IndexDir() + "/" + TimeFileName(now);
  while (env_->FileExists(path)) path = config_.IndexDir() + "/" + TimeFileName(++now);
  auto f = IndexFile::Open(env_, path, config_.maxHashSlotNum, config_.maxIndexNum, true, end_phy,
                           end_ts);
  if (!f.ok()) return f.status();
  files_.push_back(std::move(*f));
  return files_.back().get();
}

void IndexService::BuildIndex(const DispatchRequest& req) {
  if (TransactionType(req.sys_flag) == kSysFlagTransactionRollbackType) return;
  std::lock_guard<std::mutex> lock(mu_);
  auto file = LastWritableFile();
  if (!file.ok()) {
    RMQ_LOG(kWarn) << "index: " << file.status().ToString();
    return;
  }
  if (req.commit_log_offset < (*file)->end_phy_offset()) return;
  auto put = [&](const std::string& key) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      auto f = LastWritableFile();
      if (!f.ok()) {
        RMQ_LOG(kWarn) << "index: " << f.status().ToString();
        return;
      }
      if ((*f)->PutKey(key, req.commit_log_offset, req.store_timestamp)) return;
    }
  };
  if (!req.uniq_key.empty()) put(req.topic + "#" + req.uniq_key);
  size_t pos = 0;
  const std::string& keys = req.keys;
  while (pos <= keys.size()) {
    size_t end = keys.find(' ', pos);
    if (end == std::string::npos) end = keys.size();
    if (end > pos) put(req.topic + "#" + keys.substr(pos, end - pos));
    pos = end + 1;
  }
}

std::vector<int64_t> IndexService::QueryOffset(const std::string& topic, const std::string& key,
                                               int32_t max_num, int64_t begin, int64_t end,
                                               int64_t* last_update_timestamp,
                                               int64_t* last_update_phy_offset) {
  std::vector<int64_t> offsets;
  max_num = std::min(max_num, config_.maxMsgsNumBatch);
  std::string full_key = topic + "#" + key;
  std::lock_guard<std::mutex> lock(mu_);
  for (size_t i = files_.size(); i > 0; --i) {
    IndexFile* f = files_[i - 1].get();
    if (i == files_.size()) {
      if (last_update_timestamp) *last_update_timestamp = f->end_timestamp();
      if (last_update_phy_offset) *last_update_phy_offset = f->end_phy_offset();
    }
    if (f->IsTimeMatched(begin, end)) f->SelectPhyOffsets(full_key, max_num, begin, end, &offsets);
    if (f->begin_timestamp() < begin) break;
    if (static_cast<int32_t>(offsets.size()) >= max_num) break;
  }
  return offsets;
}

int IndexService::DeleteExpiredFile(int64_t min_phy_offset) {
  std::vector<std::unique_ptr<IndexFile>> victims;
  {
    std::lock_guard<std::mutex> lock(mu_);
    size_t n = 0;
    while (n + 1 < files_.size() && files_[n]->end_phy_offset() < min_phy_offset) ++n;
    for (size_t i = 0; i < n; ++i) victims.push_back(std::move(files_[i]));
    files_.erase(files_.begin(), files_.begin() + static_cast<long>(n));
  }
  for (auto& f : victims) {
    Status st = f->Destroy();
    if (!st.ok()) RMQ_LOG(kWarn) << "index delete: " << st.ToString();
  }
  return static_cast<int>(victims.size());
}

Status IndexService::FlushAll() {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t ts = 0;
  for (auto& f : files_) {
    ROCKETMQ_RETURN_IF_ERROR(f->Flush());
    ts = f->end_timestamp();
  }
  if (ts > 0) checkpoint_->set_index_msg_timestamp(ts);
  return Status::OK();
}

void IndexService::DestroyAll() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& f : files_) {
    Status st = f->Destroy();
    if (!st.ok()) RMQ_LOG(kWarn) << "index destroy: " << st.ToString();
  }
  files_.clear();
}

size_t IndexService::file_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.size();
}

}  // namespace rocketmq::store
