// SubscriptionGroupManager: consumer group configs (Java SubscriptionGroupManager, 4.9.x),
// persisted as <storePathRootDir>/config/subscriptionGroup.json (protocol.md §5.7). Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "common/model/subscription_group_config.h"
#include "common/status.h"

namespace rocketmq::broker {

class SubscriptionGroupManager {
 public:
  using Clock = std::function<int64_t()>;

  // Adds the groups the Java broker creates at start (TOOLS_CONSUMER, SELF_TEST_C_GROUP...).
  SubscriptionGroupManager(std::string config_path, bool auto_create, Clock clock);

  Status Load();
  Status Persist();

  // The group's config; created with defaults (and persisted) when absent and auto-creation is
  // on (Java findSubscriptionGroupConfig). nullopt otherwise.
  std::optional<SubscriptionGroupConfig> Find(const std::string& group);
  // Inserts or replaces, bumps the version and persists.
  void Update(const SubscriptionGroupConfig& config);
  bool Delete(const std::string& group);
  SubscriptionGroupWrapper BuildWrapper() const;
  // SLAVE (Java SlaveSynchronize.syncSubscriptionGroupConfig): when the master's data version
  // differs, takes its table and version wholesale and persists. True when it changed.
  bool SyncFromMaster(const SubscriptionGroupWrapper& master);

 private:
  std::string EncodeLocked() const;
  void Write(const std::string& text);

  const std::string config_path_;
  const bool auto_create_;
  const Clock clock_;
  mutable std::mutex mu_;
  std::map<std::string, SubscriptionGroupConfig> table_;  // guarded by mu_
  DataVersion data_version_;                              // guarded by mu_
  std::mutex persist_mu_;
};

}  // namespace rocketmq::broker
