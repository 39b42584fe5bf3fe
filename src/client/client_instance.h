// ClientInstance: what the producers, consumers and admin objects of one client id
// ("clientIP@instanceName") share (Java MQClientInstance): one RemotingClient (ACL signing when
// credentials are set, TLS when enabled), the NameServer list, the topic route cache and broker
// address table, the producer and consumer group tables, and a scheduler thread that refreshes
// routes (first after 10 ms, then every pollNameServerInterval), sends heartbeats to every broker
// and drops offline brokers (first after 1 s, then every heartbeatBrokerInterval), and persists
// consumer offsets (first after 10 s, then every persistConsumerOffsetInterval).
//
// Obtained from a ClientInstanceRegistry, which shuts it down when its last user releases it.
// Threads: all public methods are thread-safe. Route updates are serialized (route_mu_), as are
// heartbeats (heartbeat_mu_); network calls never run under the table lock (mu_).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "client/client_api.h"
#include "client/client_config.h"
#include "client/client_inner.h"
#include "client/client_statistics.h"
#include "client/request_future_table.h"
#include "client/scheduler.h"
#include "common/model/route_data.h"
#include "common/status.h"
#include "remoting/channel.h"
#include "remoting/remoting_client.h"

namespace rocketmq::client {

// The producer group every Java client instance registers for its internal producer; kept in
// heartbeats so brokers see the same producer set as from a Java client.
inline constexpr char kClientInnerProducerGroup[] = "CLIENT_INNER_PRODUCER";

// A broker address chosen for reading (Java FindBrokerResult).
struct FindBrokerResult {
  std::string broker_addr;
  bool slave = false;
  int32_t broker_version = 0;
};

class ClientInstance {
 public:
  ClientInstance(ClientConfig config, std::string client_id);
  ~ClientInstance();  // Shutdown()
  ClientInstance(const ClientInstance&) = delete;
  ClientInstance& operator=(const ClientInstance&) = delete;

  // Starts the remoting client and the scheduled jobs. Idempotent; fails after Shutdown() or on
  // a TLS configuration error.
  Status Start();
  // Unregisters the internal producer group from the brokers, stops the jobs and closes every
  // connection. Idempotent. Not from a scheduler job or a remoting callback.
  void Shutdown();
  bool started() const { return started_.load(); }

  const std::string& client_id() const { return client_id_; }
  const ClientConfig& config() const { return config_; }
  ClientApi& api() { return *api_; }
  remoting::RemotingClient& remoting() { return *remoting_; }
  // Per-broker call counters (statistics; counting only while a user has them on).
  const std::shared_ptr<ClientStatistics>& statistics() const { return statistics_; }
  Scheduler& scheduler() { return scheduler_; }
  // Requests of DefaultMQProducer::request() awaiting replies pushed to this client id.
  RequestFutureTable& request_futures() { return request_futures_; }

  // Handles broker-initiated requests with `code` (CHECK_TRANSACTION_STATE,
  // NOTIFY_CONSUMER_IDS_CHANGED, ...). Any time; a later registration replaces an earlier one.
  void RegisterProcessor(int32_t code, std::shared_ptr<remoting::RequestProcessor> processor);

  // ---- groups ----
  // InvalidArgument when the group is already registered in this instance.
  Status RegisterProducer(const std::string& group, std::shared_ptr<ProducerInner> producer);
  // Forgets the group and sends UNREGISTER_CLIENT for it to every known broker.
  void UnregisterProducer(const std::string& group);
  Status RegisterConsumer(const std::string& group, std::shared_ptr<ConsumerInner> consumer);
  void UnregisterConsumer(const std::string& group);
  std::shared_ptr<ProducerInner> SelectProducer(const std::string& group) const;
  std::shared_ptr<ConsumerInner> SelectConsumer(const std::string& group) const;

  // ---- routes ----
  // Fetches `topic`'s route and, when it changed (or a user lacks queues for it), updates the
  // broker table and every producer/consumer. True when something was updated.
  bool UpdateTopicRouteInfoFromNameServer(const std::string& topic);
  // Same, but with the route of `default_topic` (TBW102) standing in for a topic the NameServer
  // does not know yet, its queue counts capped at `default_queue_nums` (Java isDefault=true).
  bool UpdateTopicRouteInfoFromDefault(const std::string& topic, const std::string& default_topic,
                                       int32_t default_queue_nums);
  // Refreshes the route of every topic a producer or consumer uses.
  void UpdateAllTopicRoutes();
  std::optional<TopicRouteData> GetTopicRoute(const std::string& topic) const;

  // ---- broker addresses ----
  // The master of `broker_name`, "" when unknown or without master.
  std::string FindBrokerAddressInPublish(const std::string& broker_name) const;
  // Java findBrokerAddressInSubscribe: `broker_id`, then (for a slave id) broker_id + 1, then -
  // unless `only_this_broker` - any node of the group.
  std::optional<FindBrokerResult> FindBrokerAddressInSubscribe(const std::string& broker_name,
                                                               int64_t broker_id,
                                                               bool only_this_broker) const;
  // Any node of the group (the first by id).
  std::optional<FindBrokerResult> FindBrokerAddressInAdmin(const std::string& broker_name) const;
  // One node of a random broker group serving `topic` (master preferred); "" when unknown.
  std::string FindBrokerAddrByTopic(const std::string& topic) const;
  // brokerName -> (brokerId -> address).
  std::map<std::string, std::map<int64_t, std::string>> BrokerAddrTable() const;

  // ---- periodic jobs (also callable directly) ----
  void SendHeartbeatToAllBrokers();
  void CleanOfflineBrokers();
  void PersistAllConsumerOffsets();
  void DoRebalanceAll();

 private:
  bool ApplyRoute(const std::string& topic, TopicRouteData route);
  HeartbeatData BuildHeartbeat() const;
  bool IsBrokerAddrInRoutes(const std::string& addr) const;  // requires mu_

  const ClientConfig config_;
  const std::string client_id_;
  const std::shared_ptr<ClientStatistics> statistics_;  // before remoting_, which observes it
  std::unique_ptr<remoting::RemotingClient> remoting_;
  std::unique_ptr<ClientApi> api_;
  Scheduler scheduler_;
  RequestFutureTable request_futures_;
  std::atomic<bool> started_{false};
  std::mutex lifecycle_mu_;
  bool shut_down_ = false;  // guarded by lifecycle_mu_

  std::mutex route_mu_;      // serializes route updates
  std::mutex heartbeat_mu_;  // serializes heartbeats
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<ProducerInner>> producers_;     // guarded by mu_
  std::map<std::string, std::shared_ptr<ConsumerInner>> consumers_;     // guarded by mu_
  std::map<std::string, TopicRouteData> topic_routes_;                  // guarded by mu_
  std::map<std::string, std::map<int64_t, std::string>> broker_addrs_;  // guarded by mu_
  std::map<std::string, int32_t> broker_versions_;  // addr -> version, guarded by mu_
};

}  // namespace rocketmq::client
