#include "mockbroker/broker/subscription_group_manager.h"

#include <utility>

#include "common/logging.h"
#include "common/model/json_body.h"
#include "mockbroker/broker/config_file.h"

namespace rocketmq::broker {

SubscriptionGroupManager::SubscriptionGroupManager(std::string config_path, bool auto_create,
                                                   Clock clock)
    : config_path_(std::move(config_path)), auto_create_(auto_create), clock_(std::move(clock)) {
  data_version_.Next(clock_());
  data_version_.counter = 0;
  for (const char* name :
       {"TOOLS_CONSUMER", "FILTERSRV_CONSUMER", "SELF_TEST_C_GROUP", "CID_ONS-HTTP-PROXY",
        "CID_ONSAPI_PULL", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER", "CID_SYS_RMQ_TRANS"}) {
    SubscriptionGroupConfig c;
    c.group_name = name;
    if (std::string(name) == "CID_ONSAPI_PERMISSION" || std::string(name) == "CID_ONSAPI_OWNER" ||
        std::string(name) == "CID_ONS-HTTP-PROXY" || std::string(name) == "CID_ONSAPI_PULL") {
      c.consume_broadcast_enable = true;
    }
    table_[name] = c;
  }
}

Status SubscriptionGroupManager::Load() {
  return LoadConfigFile(config_path_, [this](const std::string& text) -> Status {
    Result<SubscriptionGroupWrapper> w = DecodeJsonBody<SubscriptionGroupWrapper>(text);
    if (!w.ok()) return w.status();
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [name, c] : w->subscription_group_table) table_[name] = c;
    data_version_ = w->data_version;
    return Status::OK();
  });
}

std::string SubscriptionGroupManager::EncodeLocked() const {
  SubscriptionGroupWrapper w;
  w.subscription_group_table = table_;
  w.data_version = data_version_;
  return w.ToJson(/*pretty=*/true);
}

void SubscriptionGroupManager::Write(const std::string& text) {
  std::lock_guard<std::mutex> lock(persist_mu_);
  (void)PersistConfigFile(config_path_, text);  // logged there
}

bool SubscriptionGroupManager::SyncFromMaster(const SubscriptionGroupWrapper& master) {
  std::string text;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (data_version_ == master.data_version) return false;
    data_version_ = master.data_version;
    table_ = master.subscription_group_table;
    text = EncodeLocked();
  }
  Write(text);
  return true;
}

Status SubscriptionGroupManager::Persist() {
  std::string text;
  {
    std::lock_guard<std::mutex> lock(mu_);
    text = EncodeLocked();
  }
  std::lock_guard<std::mutex> lock(persist_mu_);
  return PersistConfigFile(config_path_, text);
}

std::optional<SubscriptionGroupConfig> SubscriptionGroupManager::Find(const std::string& group) {
  std::string text;
  SubscriptionGroupConfig created;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = table_.find(group);
    if (it != table_.end()) return it->second;
    if (!auto_create_) return std::nullopt;
    created.group_name = group;
    table_[group] = created;
    data_version_.Next(clock_());
    text = EncodeLocked();
  }
  RMQ_LOG(kInfo) << "auto create a subscription group " << group;
  Write(text);
  return created;
}

void SubscriptionGroupManager::Update(const SubscriptionGroupConfig& config) {
  std::string text;
  {
    std::lock_guard<std::mutex> lock(mu_);
    table_[config.group_name] = config;
    data_version_.Next(clock_());
    text = EncodeLocked();
  }
  RMQ_LOG(kInfo) << "update subscription group config " << config.ToJson();
  Write(text);
}

bool SubscriptionGroupManager::Delete(const std::string& group) {
  std::string text;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (table_.erase(group) == 0) return false;
    data_version_.Next(clock_());
    text = EncodeLocked();
  }
  Write(text);
  return true;
}

SubscriptionGroupWrapper SubscriptionGroupManager::BuildWrapper() const {
  std::lock_guard<std::mutex> lock(mu_);
  SubscriptionGroupWrapper w;
  w.subscription_group_table = table_;
  w.data_version = data_version_;
  return w;
}

}  // namespace rocketmq::broker
