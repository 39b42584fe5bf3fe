#include "mockbroker/store/store_checkpoint.h"

#include <algorithm>

#include "common/byte_order.h"

namespace rocketmq::store {

Result<std::unique_ptr<StoreCheckpoint>> StoreCheckpoint::Open(Env* env, const std::string& path) {
  auto file = env->OpenFile(path, true);
  if (!file.ok()) return file.status();
  auto size = (*file)->Size();
  if (!size.ok()) return size.status();
  if (*size < static_cast<uint64_t>(kFileSize)) {
    ROCKETMQ_RETURN_IF_ERROR((*file)->Truncate(kFileSize));
  }
  auto mapping = (*file)->Map(kFileSize);
  if (!mapping.ok()) return mapping.status();
  std::unique_ptr<StoreCheckpoint> cp(new StoreCheckpoint(std::move(*mapping)));
  const char* p = cp->mapping_->data();
  cp->physic_.store(static_cast<int64_t>(DecodeFixed64BE(p)));
  cp->logics_.store(static_cast<int64_t>(DecodeFixed64BE(p + 8)));
  cp->index_.store(static_cast<int64_t>(DecodeFixed64BE(p + 16)));
  return cp;
}

int64_t StoreCheckpoint::MinTimestamp() const {
  int64_t min = std::min(physic_.load(), logics_.load()) - 3000;
  return min < 0 ? 0 : min;
}

int64_t StoreCheckpoint::MinTimestampIndex() const {
  return std::min(MinTimestamp(), index_.load());
}

Status StoreCheckpoint::Flush() {
  std::lock_guard<std::mutex> lock(flush_mu_);
  char* p = mapping_->data();
  EncodeFixed64BE(p, static_cast<uint64_t>(physic_.load()));
  EncodeFixed64BE(p + 8, static_cast<uint64_t>(logics_.load()));
  EncodeFixed64BE(p + 16, static_cast<uint64_t>(index_.load()));
  return mapping_->Sync(0, kFileSize);
}

}  // namespace rocketmq::store
