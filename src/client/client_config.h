// ClientConfig: the settings every client object shares (Java ClientConfig): NameServer list,
// identity (client IP, instance name, unit name -> client id), namespace, credentials, TLS and
// the periods of the client instance's background jobs. A plain value, copied into each
// producer/consumer and into the ClientInstance it shares.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "remoting/acl_rpc_hook.h"

namespace rocketmq::client {

// The instance name Java uses when none was set; replaced by "<pid>#<nanotime>" at start.
inline constexpr char kDefaultInstanceName[] = "DEFAULT";

struct ClientConfig {
  std::string namesrv_addr;  // "host:port;host:port"
  std::string client_ip;     // default: LocalClientIp()
  std::string instance_name = kDefaultInstanceName;
  std::string unit_name;   // appended to the client id when set
  std::string name_space;  // Java "namespace"
  bool unit_mode = false;
  bool use_tls = false;
  remoting::SessionCredentials credentials;  // signing is on when both keys are set
  int64_t poll_name_server_interval_ms = 30000;
  int64_t heartbeat_broker_interval_ms = 30000;
  int64_t persist_consumer_offset_interval_ms = 5000;
  // Every consumer of the instance rebalances this often, besides on NOTIFY_CONSUMER_IDS_CHANGED
  // (Java RebalanceService, rocketmq.client.rebalance.waitInterval). The periodic round is what
  // retries an orderly queue whose broker lock was still held by its previous owner.
  int64_t rebalance_interval_ms = 20000;
  int64_t mq_client_api_timeout_ms = 3000;
  size_t callback_threads = 0;  // 0: hardware concurrency (at least 2)

  ClientConfig();

  bool HasCredentials() const {
    return !credentials.access_key.empty() && !credentials.secret_key.empty();
  }
  // Java buildMQClientId: "clientIP@instanceName" (+ "@unitName" when set).
  std::string BuildClientId() const;
  // Java changeInstanceNameToPID: "DEFAULT" becomes "<pid>#<nanotime>", so two clients of one
  // process only share an instance when the application names it.
  void ChangeInstanceNameToPid();
  // The NameServer addresses, trimmed, empty pieces dropped.
  std::vector<std::string> NamesrvAddrList() const;
  // The callback thread count to use (callback_threads, or the default).
  size_t EffectiveCallbackThreads() const;
};

// This host's address for client ids: the first non-loopback, non-link-local interface address
// (public preferred over private, IPv4 preferred), "127.0.0.1" when there is none.
std::string LocalClientIp();

}  // namespace rocketmq::client
