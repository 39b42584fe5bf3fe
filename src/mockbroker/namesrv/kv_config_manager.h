// KvConfigManager: the NameServer's namespaced key/value store (protocol.md §2.14: PUT_KV_CONFIG,
// GET_KV_CONFIG, DELETE_KV_CONFIG, GET_KVLIST_BY_NAMESPACE; the ORDER_TOPIC_CONFIG namespace also
// feeds REGISTER_BROKER responses and TopicRouteData.orderTopicConf).
//
// Persisted after every change to kvConfigPath as KVConfigSerializeWrapper JSON
// {"configTable":{"<namespace>":{"k":"v"}}}, and loaded by Load() at start.
// Thread-safe: a reader-writer lock guards the table.
#pragma once

#include <map>
#include <optional>
#include <shared_mutex>
#include <string>

#include "common/status.h"

namespace rocketmq::namesrv {

// NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG.
inline constexpr const char* kNamespaceOrderTopicConfig = "ORDER_TOPIC_CONFIG";

class KvConfigManager {
 public:
  // `kv_config_path` empty: nothing is persisted or loaded.
  explicit KvConfigManager(std::string kv_config_path);

  KvConfigManager(const KvConfigManager&) = delete;
  KvConfigManager& operator=(const KvConfigManager&) = delete;

  // Loads the file; a missing file is an empty store. Corruption/IOError when it is unreadable.
  Status Load();

  // Creates or replaces a value, then persists (a failed write is logged, as in Java).
  void Put(const std::string& ns, const std::string& key, const std::string& value);
  // Removes a key (the namespace stays, possibly empty), then persists.
  void Delete(const std::string& ns, const std::string& key);
  std::optional<std::string> Get(const std::string& ns, const std::string& key) const;
  // KVTable JSON {"table":{...}} of a namespace, or nullopt when the namespace does not exist.
  std::optional<std::string> GetKvListByNamespace(const std::string& ns) const;

 private:
  void Persist() const;

  const std::string path_;
  mutable std::shared_mutex mu_;
  std::map<std::string, std::map<std::string, std::string>> config_table_;  // guarded by mu_
  mutable std::mutex persist_mu_;  // serializes file writes
};

}  // namespace rocketmq::namesrv
