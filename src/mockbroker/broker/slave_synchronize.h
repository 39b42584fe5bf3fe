// SlaveSynchronize: a slave's copy of its master's metadata (Java 4.9.x SlaveSynchronize):
// topic configs (GET_ALL_TOPIC_CONFIG, taken when the data version differs), consumer offsets
// (GET_ALL_CONSUMER_OFFSET, merged key by key), delay offsets (GET_ALL_DELAY_OFFSET, written
// verbatim to <storePathRootDir>/config/delayOffset.json) and subscription groups
// (GET_ALL_SUBSCRIPTIONGROUP_CONFIG, by data version), each persisted locally.
//
// Owned by BrokerReplication, which calls SyncAll() from its scheduler thread; SetMasterAddr
// from the registration path. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

#include "common/status.h"
#include "remoting/remoting_client.h"
#include "remoting/remoting_command.h"

namespace rocketmq::broker {

class BrokerController;

class SlaveSynchronize {
 public:
  explicit SlaveSynchronize(BrokerController* controller);
  ~SlaveSynchronize();
  SlaveSynchronize(const SlaveSynchronize&) = delete;
  SlaveSynchronize& operator=(const SlaveSynchronize&) = delete;

  Status Start();
  void Shutdown();

  // The master's remoting address (from REGISTER_BROKER's masterAddr); "" = unknown.
  void SetMasterAddr(const std::string& addr);
  std::string master_addr() const;

  // The four syncs against the master; each failure is logged, the first one returned. OK
  // without doing anything when the master is unknown or is this broker.
  Status SyncAll();

 private:
  Result<remoting::RemotingCommand> Call(const std::string& master, int32_t code);
  Status SyncTopicConfig(const std::string& master);
  Status SyncConsumerOffset(const std::string& master);
  Status SyncDelayOffset(const std::string& master);
  Status SyncSubscriptionGroupConfig(const std::string& master);

  BrokerController* const controller_;
  remoting::RemotingClient client_;
  mutable std::mutex mu_;
  std::string master_addr_;  // guarded by mu_
};

}  // namespace rocketmq::broker
