#include "mockbroker/store/mapped_file.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "common/byte_order.h"
#include "common/logging.h"

namespace rocketmq::store {

std::string OffsetToFileName(int64_t offset) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%020lld", static_cast<long long>(offset));
  return buf;
}

namespace {

bool ParseFileName(const std::string& name, int64_t* offset) {
  if (name.size() != 20) return false;
  int64_t v = 0;
  for (char c : name) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *offset = v;
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// MappedFile

MappedFile::MappedFile(Env* env, std::string path, int64_t from, int32_t size,
                       std::unique_ptr<Mapping> mapping)
    : env_(env),
      path_(std::move(path)),
      file_from_offset_(from),
      file_size_(size),
      mapping_(std::move(mapping)) {}

MappedFile::~MappedFile() = default;

Result<std::shared_ptr<MappedFile>> MappedFile::Open(Env* env, const std::string& dir,
                                                     int64_t file_from_offset,
                                                     int32_t file_size, bool create) {
  std::string path = dir + "/" + OffsetToFileName(file_from_offset);
  if (create) ROCKETMQ_RETURN_IF_ERROR(env->CreateDirs(dir));
  auto file = env->OpenFile(path, create);
  if (!file.ok()) return file.status();
  auto size = (*file)->Size();
  if (!size.ok()) return size.status();
  if (*size == 0 && create) {
    ROCKETMQ_RETURN_IF_ERROR((*file)->Truncate(static_cast<uint64_t>(file_size)));
  } else if (*size != static_cast<uint64_t>(file_size)) {
    return Status::Corruption(path + " has " + std::to_string(*size) + " bytes, expected " +
                              std::to_string(file_size));
  }
  auto mapping = (*file)->Map(static_cast<size_t>(file_size));
  if (!mapping.ok()) return mapping.status();
  return std::shared_ptr<MappedFile>(
      new MappedFile(env, std::move(path), file_from_offset, file_size, std::move(*mapping)));
}

bool MappedFile::AppendBytes(std::string_view bytes) {
  int32_t pos = wrote_position();
  if (static_cast<int64_t>(pos) + static_cast<int64_t>(bytes.size()) > file_size_) return false;
  std::memcpy(data() + pos, bytes.data(), bytes.size());
  set_wrote_position(pos + static_cast<int32_t>(bytes.size()));
  return true;
}

Result<int32_t> MappedFile::Flush(int least_pages) {
  std::lock_guard<std::mutex> lock(flush_mu_);
  int32_t flushed = flushed_position();
  int32_t wrote = wrote_position();
  bool able;
  if (wrote >= file_size_) {
    able = wrote > flushed;
  } else if (least_pages > 0) {
    able = (wrote / kOsPageSize - flushed / kOsPageSize) >= least_pages;
  } else {
    able = wrote > flushed;
  }
  if (!able) return flushed;
  Status st = mapping_->Sync(static_cast<size_t>(flushed), static_cast<size_t>(wrote - flushed));
  if (!st.ok()) return st;
  set_flushed_position(wrote);
  return wrote;
}

std::string_view MappedFile::View(int32_t pos, int32_t size) const {
  if (pos < 0 || size < 0 || static_cast<int64_t>(pos) + size > wrote_position()) return {};
  return std::string_view(data() + pos, static_cast<size_t>(size));
}

Status MappedFile::Destroy() {
  destroyed_.store(true);
  return env_->RemoveFile(path_);
}

int64_t MappedFile::LastModifiedMillis() const {
  auto t = env_->ModifiedTimeMillis(path_);
  return t.ok() ? *t : 0;
}

// ---------------------------------------------------------------------------------------------
// MappedFileQueue

MappedFileQueue::MappedFileQueue(Env* env, std::string dir, int32_t file_size)
    : env_(env), dir_(std::move(dir)), file_size_(file_size) {}

Status MappedFileQueue::Load() {
  auto names = env_->ListDir(dir_);
  if (!names.ok()) return names.status();
  std::vector<std::shared_ptr<MappedFile>> files;
  for (const std::string& name : *names) {
    int64_t offset;
    if (!ParseFileName(name, &offset)) continue;
    auto f = MappedFile::Open(env_, dir_, offset, file_size_, false);
    if (!f.ok()) return f.status();
    (*f)->set_wrote_position(file_size_);
    (*f)->set_flushed_position(file_size_);
    files.push_back(std::move(*f));
  }
  std::lock_guard<std::mutex> lock(mu_);
  files_ = std::move(files);
  return Status::OK();
}

std::vector<std::shared_ptr<MappedFile>> MappedFileQueue::Files() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_;
}

std::shared_ptr<MappedFile> MappedFileQueue::First() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.empty() ? nullptr : files_.front();
}

std::shared_ptr<MappedFile> MappedFileQueue::Last() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.empty() ? nullptr : files_.back();
}

Result<std::shared_ptr<MappedFile>> MappedFileQueue::LastWritable(int64_t start_offset) {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t create_offset;
  if (files_.empty()) {
    create_offset = start_offset - start_offset % file_size_;
  } else if (files_.back()->IsFull()) {
    create_offset = files_.back()->file_from_offset() + file_size_;
  } else {
    return files_.back();
  }
  auto f = MappedFile::Open(env_, dir_, create_offset, file_size_, true);
  if (!f.ok()) return f.status();
  files_.push_back(*f);
  return std::move(*f);
}

std::shared_ptr<MappedFile> MappedFileQueue::FindByOffset(int64_t offset,
                                                          bool return_first_on_not_found) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (files_.empty()) return nullptr;
  int64_t first = files_.front()->file_from_offset();
  if (offset >= first) {
    size_t index = static_cast<size_t>((offset - first) / file_size_);
    if (index < files_.size() && files_[index]->file_from_offset() <= offset &&
        offset < files_[index]->file_from_offset() + file_size_) {
      return files_[index];
    }
    for (const auto& f : files_) {  // gaps after deletions: fall back to a scan
      if (f->file_from_offset() <= offset && offset < f->file_from_offset() + file_size_) return f;
    }
  }
  return return_first_on_not_found ? files_.front() : nullptr;
}

int64_t MappedFileQueue::GetMinOffset() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.empty() ? -1 : files_.front()->file_from_offset();
}

int64_t MappedFileQueue::GetMaxOffset() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (files_.empty()) return 0;
  return files_.back()->file_from_offset() + files_.back()->wrote_position();
}

Status MappedFileQueue::Flush(int least_pages) {
  std::lock_guard<std::mutex> flush_lock(flush_mu_);
  while (true) {
    int64_t where = flushed_where();
    auto file = FindByOffset(where, where == 0);
    if (file == nullptr) return Status::OK();
    int64_t ts = file->store_timestamp();
    auto pos = file->Flush(least_pages);
    if (!pos.ok()) return pos.status();
    int64_t new_where = file->file_from_offset() + *pos;
    if (new_where > where) {
      set_flushed_where(new_where);
      if (ts > 0) flushed_store_timestamp_.store(ts);
    }
    // Move on to the next file only when this one is completely flushed.
    if (*pos < file->file_size() || new_where == where) return Status::OK();
  }
}

void MappedFileQueue::TruncateDirtyFiles(int64_t offset) {
  std::vector<std::shared_ptr<MappedFile>> removed;
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::shared_ptr<MappedFile>> kept;
    for (auto& f : files_) {
      int64_t tail = f->file_from_offset() + file_size_;
      if (tail <= offset) {
        kept.push_back(f);
      } else if (offset >= f->file_from_offset()) {
        int32_t pos = static_cast<int32_t>(offset - f->file_from_offset());
        // Zero the stale bytes page by page until an all-zero page: a later recovery must not
        // read old records behind the new tail.
        char* base = f->data();
        int32_t p = pos;
        while (p < file_size_) {
          int32_t end = std::min<int32_t>(file_size_, (p / kOsPageSize + 1) * kOsPageSize);
          bool all_zero = true;
          for (int32_t i = p; i < end && all_zero; ++i) all_zero = base[i] == 0;
          if (all_zero && p != pos) break;
          std::memset(base + p, 0, static_cast<size_t>(end - p));
          p = end;
        }
        f->set_wrote_position(pos);
        f->set_flushed_position(std::min(f->flushed_position(), pos));
        kept.push_back(f);
      } else {
        removed.push_back(f);
      }
    }
    files_ = std::move(kept);
  }
  for (auto& f : removed) {
    Status st = f->Destroy();
    if (!st.ok()) RMQ_LOG(kWarn) << "truncate: " << st.ToString();
  }
  if (flushed_where() > offset) set_flushed_where(offset);
}

int MappedFileQueue::DeleteExpiredByTime(int64_t expired_ms, int64_t now_ms,
                                         bool clean_immediately, int max_files) {
  std::vector<std::shared_ptr<MappedFile>> victims;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (files_.size() <= 1) return 0;
    for (size_t i = 0; i + 1 < files_.size() && static_cast<int>(victims.size()) < max_files;
         ++i) {
      auto& f = files_[i];
      bool expired = now_ms >= f->LastModifiedMillis() + expired_ms;
      if (!expired && !clean_immediately) break;
      if (f->file_from_offset() + file_size_ > flushed_where()) break;  // not flushed yet
      victims.push_back(f);
    }
    files_.erase(files_.begin(), files_.begin() + static_cast<long>(victims.size()));
  }
  for (auto& f : victims) {
    Status st = f->Destroy();
    if (!st.ok()) RMQ_LOG(kWarn) << "delete expired: " << st.ToString();
  }
  return static_cast<int>(victims.size());
}

int MappedFileQueue::DeleteExpiredByOffset(int64_t min_phy_offset, int32_t unit_size) {
  std::vector<std::shared_ptr<MappedFile>> victims;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (size_t i = 0; i + 1 < files_.size(); ++i) {
      auto& f = files_[i];
      int32_t last_unit = f->file_size() - unit_size;
      if (f->wrote_position() < f->file_size()) break;
      int64_t phy = static_cast<int64_t>(DecodeFixed64BE(f->data() + last_unit));
      if (phy >= min_phy_offset) break;
      victims.push_back(f);
    }
    files_.erase(files_.begin(), files_.begin() + static_cast<long>(victims.size()));
  }
  for (auto& f : victims) {
    Status st = f->Destroy();
    if (!st.ok()) RMQ_LOG(kWarn) << "delete expired: " << st.ToString();
  }
  return static_cast<int>(victims.size());
}

void MappedFileQueue::DestroyAll() {
  std::vector<std::shared_ptr<MappedFile>> all;
  {
    std::lock_guard<std::mutex> lock(mu_);
    all.swap(files_);
  }
  for (auto& f : all) {
    Status st = f->Destroy();
    if (!st.ok()) RMQ_LOG(kWarn) << "destroy: " << st.ToString();
  }
  set_flushed_where(0);
}

}  // namespace rocketmq::store
