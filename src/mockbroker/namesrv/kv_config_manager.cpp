#include "mockbroker/namesrv/kv_config_manager.h"

#include <mutex>

#include "common/logging.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/file_util.h"

namespace rocketmq::namesrv {

KvConfigManager::KvConfigManager(std::string kv_config_path) : path_(std::move(kv_config_path)) {}

Status KvConfigManager::Load() {
  if (path_.empty()) return Status::OK();
  Result<std::string> text = ReadWholeFile(path_);
  if (!text.ok()) {
    if (text.status().code() == kCodeNotFound) return Status::OK();
    return text.status();
  }
  if (text->empty()) return Status::OK();
  Result<KVConfigSerializeWrapper> wrapper = DecodeJsonBody<KVConfigSerializeWrapper>(*text);
  if (!wrapper.ok()) {
    return Status::Corruption("kv config " + path_ + ": " + wrapper.status().message());
  }
  std::unique_lock<std::shared_mutex> lock(mu_);
  for (auto& [ns, table] : wrapper->config_table) {
    auto& dst = config_table_[ns];
    for (auto& [k, v] : table) dst[k] = v;
  }
  RMQ_LOG(kInfo) << "load KV config table OK: " << path_;
  return Status::OK();
}

void KvConfigManager::Put(const std::string& ns, const std::string& key, const std::string& value) {
  {
    std::unique_lock<std::shared_mutex> lock(mu_);
    config_table_[ns][key] = value;
  }
  RMQ_LOG(kInfo) << "putKVConfig Namespace: " << ns << " Key: " << key << " Value: " << value;
  Persist();
}

void KvConfigManager::Delete(const std::string& ns, const std::string& key) {
  {
    std::unique_lock<std::shared_mutex> lock(mu_);
    auto it = config_table_.find(ns);
    if (it == config_table_.end()) return;
    it->second.erase(key);
  }
  RMQ_LOG(kInfo) << "deleteKVConfig Namespace: " << ns << " Key: " << key;
  Persist();
}

std::optional<std::string> KvConfigManager::Get(const std::string& ns,
                                                const std::string& key) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = config_table_.find(ns);
  if (it == config_table_.end()) return std::nullopt;
  auto kv = it->second.find(key);
  if (kv == it->second.end()) return std::nullopt;
  return kv->second;
}

std::optional<std::string> KvConfigManager::GetKvListByNamespace(const std::string& ns) const {
  KVTable table;
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = config_table_.find(ns);
    if (it == config_table_.end()) return std::nullopt;
    table.table = it->second;
  }
  return table.ToJson();
}

void KvConfigManager::Persist() const {
  if (path_.empty()) return;
  std::lock_guard<std::mutex> persist_lock(persist_mu_);
  KVConfigSerializeWrapper wrapper;
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    wrapper.config_table = config_table_;
  }
  Status st = WriteFileReplacing(path_, wrapper.ToJson());
  if (!st.ok()) RMQ_LOG(kError) << "persist kvconfig " << path_ << " failed: " << st.ToString();
}

}  // namespace rocketmq::namesrv
