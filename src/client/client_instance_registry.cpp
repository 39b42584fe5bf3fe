#include "client/client_instance_registry.h"

namespace rocketmq::client {

ClientInstanceRegistry::~ClientInstanceRegistry() {
  std::map<std::string, Entry> table;
  {
    std::lock_guard<std::mutex> lock(mu_);
    table.swap(table_);
  }
  for (auto& [id, entry] : table) entry.instance->Shutdown();
}

ClientInstanceRegistry& ClientInstanceRegistry::Default() {
  static ClientInstanceRegistry* registry = new ClientInstanceRegistry();
  return *registry;
}

std::shared_ptr<ClientInstance> ClientInstanceRegistry::Acquire(const ClientConfig& config) {
  const std::string id = config.BuildClientId();
  std::lock_guard<std::mutex> lock(mu_);
  Entry& entry = table_[id];
  if (!entry.instance) entry.instance = std::make_shared<ClientInstance>(config, id);
  ++entry.refs;
  return entry.instance;
}

void ClientInstanceRegistry::Release(const std::shared_ptr<ClientInstance>& instance) {
  if (!instance) return;
  std::shared_ptr<ClientInstance> last;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = table_.find(instance->client_id());
    if (it == table_.end() || it->second.instance != instance) return;
    if (--it->second.refs > 0) return;
    last = std::move(it->second.instance);
    table_.erase(it);
  }
  last->Shutdown();
}

size_t ClientInstanceRegistry::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return table_.size();
}

}  // namespace rocketmq::client
