// ClientInstanceRegistry: hands out the ClientInstance of a client id, shared by reference
// count: every Acquire() must be matched by one Release(); the last Release() shuts the instance
// down (on the releasing thread) and forgets it, so a later Acquire() builds a fresh one.
//
// Not a hidden singleton: producers and consumers take a registry; Default() is the one they use
// when none is given - an explicit, process-lifetime object that is never destroyed (so
// instances leaked by the application are not torn down during static destruction).
// Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "client/client_config.h"
#include "client/client_instance.h"

namespace rocketmq::client {

class ClientInstanceRegistry {
 public:
  ClientInstanceRegistry() = default;
  ~ClientInstanceRegistry();  // shuts down instances still held
  ClientInstanceRegistry(const ClientInstanceRegistry&) = delete;
  ClientInstanceRegistry& operator=(const ClientInstanceRegistry&) = delete;

  static ClientInstanceRegistry& Default();

  // The instance for config.BuildClientId(), created (not started) on first use with `config`;
  // later callers share it whatever their config says (as Java's MQClientManager).
  std::shared_ptr<ClientInstance> Acquire(const ClientConfig& config);
  // Drops one reference taken by Acquire.
  void Release(const std::shared_ptr<ClientInstance>& instance);
  // Instances currently held.
  size_t size() const;

 private:
  struct Entry {
    std::shared_ptr<ClientInstance> instance;
    int refs = 0;
  };
  mutable std::mutex mu_;
  std::map<std::string, Entry> table_;  // client id -> entry, guarded by mu_
};

}  // namespace rocketmq::client
