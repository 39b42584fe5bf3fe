#include "consumer/local_file_offset_store.h"

#include <cstdlib>

#include "common/file_util.h"
#include "common/logging.h"
#include "common/model/json_body.h"
#include "common/model/offset_tables.h"

namespace rocketmq::consumer {

namespace {

// Java's OffsetSerializeWrapper has exactly the shape of ResetOffsetBody: one "offsetTable" map
// from MessageQueue (an object key) to a long, in Java HashMap order.
using OffsetSerializeWrapper = ResetOffsetBody;

Result<std::map<MessageQueue, int64_t>> DecodeOffsets(const std::string& text,
                                                      const std::string& path) {
  Result<OffsetSerializeWrapper> w = DecodeJsonBody<OffsetSerializeWrapper>(text);
  if (!w.ok()) return Status::Corruption(path + ": " + w.status().message());
  return std::move(w->offset_table);
}

}  // namespace

std::string LocalFileOffsetStore::DefaultBaseDir() {
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr && *home != '\0' ? home : ".") + "/.rocketmq_offsets";
}

LocalFileOffsetStore::LocalFileOffsetStore(const std::string& base_dir,
                                           const std::string& client_id, const std::string& group)
    : store_path_((base_dir.empty() ? DefaultBaseDir() : base_dir) + "/" + client_id + "/" + group +
                  "/offsets.json") {}

Result<std::map<MessageQueue, int64_t>> LocalFileOffsetStore::ReadLocalOffsets() const {
  Status first_error;
  for (const std::string& path : {store_path_, store_path_ + ".bak"}) {
    Result<std::string> text = ReadWholeFile(path);
    if (!text.ok()) {
      if (text.status().code() != kCodeNotFound && first_error.ok()) first_error = text.status();
      continue;
    }
    if (text->empty()) continue;
    Result<std::map<MessageQueue, int64_t>> offsets = DecodeOffsets(*text, path);
    if (offsets.ok()) return offsets;
    RMQ_LOG(kWarn) << "local offset file unreadable: " << offsets.status().ToString();
    if (first_error.ok()) first_error = offsets.status();
  }
  if (!first_error.ok()) return first_error;
  return Status::NotFound(store_path_ + " does not exist");
}

Status LocalFileOffsetStore::Load() {
  Result<std::map<MessageQueue, int64_t>> offsets = ReadLocalOffsets();
  if (!offsets.ok()) {
    if (offsets.status().code() == kCodeNotFound) return Status::OK();
    return offsets.status();
  }
  for (const auto& [mq, offset] : *offsets) table_.Update(mq, offset, false);
  return Status::OK();
}

void LocalFileOffsetStore::UpdateOffset(const MessageQueue& mq, int64_t offset,
                                        bool increase_only) {
  table_.Update(mq, offset, increase_only);
}

int64_t LocalFileOffsetStore::ReadOffset(const MessageQueue& mq, ReadOffsetType type) {
  if (type != ReadOffsetType::kReadFromStore) {
    std::optional<int64_t> cached = table_.Get(mq);
    if (cached) return *cached;
    if (type == ReadOffsetType::kReadFromMemory) return -1;
  }
  Result<std::map<MessageQueue, int64_t>> offsets = ReadLocalOffsets();
  if (!offsets.ok()) {
    if (offsets.status().code() == kCodeNotFound) return -1;
    return -2;
  }
  auto it = offsets->find(mq);
  if (it == offsets->end()) return -1;
  table_.Update(mq, it->second, false);
  return it->second;
}

void LocalFileOffsetStore::PersistAll(const std::set<MessageQueue>& mqs) {
  if (mqs.empty()) return;
  OffsetSerializeWrapper wrapper;
  for (const auto& [mq, offset] : table_.Clone("")) {
    if (mqs.count(mq) != 0) wrapper.offset_table.emplace(mq, offset);
  }
  JsonWriter w(JsonStyle::kFastjson, /*pretty=*/true);
  wrapper.WriteJson(w);
  std::lock_guard<std::mutex> lock(file_mu_);
  Status st = WriteFileReplacing(store_path_, w.Release());
  if (!st.ok()) RMQ_LOG(kWarn) << "persist local offsets failed: " << st.ToString();
}

std::map<MessageQueue, int64_t> LocalFileOffsetStore::CloneOffsetTable(
    const std::string& topic) const {
  return table_.Clone(topic);
}

}  // namespace rocketmq::consumer
