// BrokerOuterApi: the broker's calls to its NameServers (Java BrokerOuterAPI): REGISTER_BROKER
// to every NameServer (protocol.md §2.12, body = RegisterBrokerBody JSON with bodyCrc32) and
// UNREGISTER_BROKER on shutdown. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/model/topic_config_wrapper.h"
#include "common/status.h"
#include "remoting/remoting_client.h"

namespace rocketmq::broker {

struct BrokerIdentity {
  std::string cluster_name;
  std::string broker_addr;  // brokerIP1:listenPort
  std::string broker_name;
  int64_t broker_id = 0;
  std::string ha_server_addr;  // brokerIP2:haListenPort
};

// What a NameServer answers to REGISTER_BROKER (Java RegisterBrokerResult): the live master's HA
// and remoting addresses of this broker name ("" when none), used by a slave.
struct RegisterBrokerResult {
  std::string ha_server_addr;
  std::string master_addr;
};

class BrokerOuterApi {
 public:
  BrokerOuterApi();
  ~BrokerOuterApi();
  BrokerOuterApi(const BrokerOuterApi&) = delete;
  BrokerOuterApi& operator=(const BrokerOuterApi&) = delete;

  Status Start();
  void Shutdown();

  // "host:port;host:port" (Java namesrvAddr); empty clears the list.
  void UpdateNameServerAddressList(const std::string& addrs);
  std::vector<std::string> NameServerAddressList() const;

  // Registers with every NameServer; returns one status per NameServer (in list order).
  // `result` (may be null) receives the answer of the first NameServer that accepted the
  // registration; it is left alone when none did.
  std::vector<Status> RegisterBrokerAll(const BrokerIdentity& id,
                                        const TopicConfigSerializeWrapper& topics, bool compressed,
                                        int64_t timeout_ms, RegisterBrokerResult* result = nullptr);
  // Unregisters from every NameServer (errors logged).
  void UnregisterBrokerAll(const BrokerIdentity& id, int64_t timeout_ms);

 private:
  remoting::RemotingClient client_;
  mutable std::mutex mu_;
  std::vector<std::string> namesrvs_;  // guarded by mu_
};

}  // namespace rocketmq::broker
