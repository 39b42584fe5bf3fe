// RouteInfoManager: the NameServer's routing tables (protocol.md §2.12-2.14), as the 4.9.x Java
// RouteInfoManager keeps them:
//   topicQueueTable   topic -> brokerName -> QueueData
//   brokerAddrTable   brokerName -> BrokerData (cluster, brokerId -> address)
//   clusterAddrTable  clusterName -> brokerNames
//   brokerLiveTable   brokerAddr -> {last heartbeat, topic-config DataVersion, channel, HA address}
//   filterServerTable brokerAddr -> filter server addresses
// Brokers register (and heartbeat) with REGISTER_BROKER; they leave by UNREGISTER_BROKER, by
// their connection closing (OnChannelDestroy), or by missing heartbeats for 120 s
// (ScanNotActiveBroker, called every 10 s by the controller).
//
// Bodies come out in the order Java's HashMaps iterate (java_hash.h), so that responses match
// the Java NameServer's bytes.
//
// Thread-safety: every method may be called from any thread; one reader-writer lock guards all
// tables. The clock is injected so tests can expire brokers without sleeping.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

#include "common/time_util.h"
#include "common/model/cluster_info.h"
#include "common/model/data_version.h"
#include "common/model/list_bodies.h"
#include "common/model/route_data.h"
#include "common/model/topic_config_wrapper.h"
#include "remoting/channel.h"

namespace rocketmq::namesrv {

// BROKER_CHANNEL_EXPIRED_TIME: a broker silent this long is dropped.
inline constexpr int64_t kBrokerChannelExpiredMillis = 120 * 1000;

// Milliseconds since the epoch.
using ClockMs = std::function<int64_t()>;

// The identity fields of REGISTER_BROKER / UNREGISTER_BROKER.
struct BrokerIdentity {
  std::string cluster_name;
  std::string broker_addr;
  std::string broker_name;
  int64_t broker_id = 0;
};

// What a registering slave learns about its master (both empty for a master, or when the master
// is not alive).
struct RegisterBrokerResult {
  std::optional<std::string> ha_server_addr;
  std::optional<std::string> master_addr;
};

class RouteInfoManager {
 public:
  explicit RouteInfoManager(ClockMs clock = NowMillis);

  RouteInfoManager(const RouteInfoManager&) = delete;
  RouteInfoManager& operator=(const RouteInfoManager&) = delete;

  // Registers or refreshes a broker. Queue datas are (re)built from `topic_config` only for the
  // master (brokerId 0), and only on its first registration or when the DataVersion differs
  // from the one last registered. `filter_server_list` null leaves the filter servers untouched.
  // `channel` may be null (tests); it is what OnChannelDestroy matches.
  RegisterBrokerResult RegisterBroker(const BrokerIdentity& broker,
                                      const std::string& ha_server_addr,
                                      const TopicConfigSerializeWrapper& topic_config,
                                      const std::vector<std::string>* filter_server_list,
                                      const std::shared_ptr<remoting::Channel>& channel);

  // Removes the broker address; when it was the last address of its broker name, the
  // BrokerData, the cluster membership and the topic queue datas of that name go too.
  void UnregisterBroker(const BrokerIdentity& broker);

  // The route of a topic, or nullopt when no queue data or no broker data is known for it.
  // orderTopicConf is left empty (the caller fills it from the KV store).
  std::optional<TopicRouteData> PickupTopicRouteData(const std::string& topic) const;

  // Drops every broker whose last heartbeat is older than kBrokerChannelExpiredMillis, closing
  // its channel. Returns how many were dropped.
  int ScanNotActiveBroker();

  // A connection closed: forgets the broker registered through `channel` (matched by identity),
  // or else the broker whose address equals `remote_addr`.
  void OnChannelDestroy(const std::string& remote_addr, const remoting::Channel* channel);

  ClusterInfo GetAllClusterInfo() const;
  TopicList GetAllTopicList() const;
  // Every cluster name and broker name, and brokerAddr = one broker address.
  TopicList GetSystemTopicList() const;
  // Topics with a queue on any broker of `cluster` (empty for an unknown cluster).
  TopicList GetTopicsByCluster(const std::string& cluster) const;
  TopicList GetUnitTopics() const;
  TopicList GetHasUnitSubTopicList() const;
  TopicList GetHasUnitSubUnUnitTopicList() const;

  void DeleteTopic(const std::string& topic);
  // Removes the topic's queue datas of the brokers in `cluster` only.
  void DeleteTopic(const std::string& topic, const std::string& cluster);

  // Clear PERM_WRITE / set perm to RW on every queue data of `broker_name`; return the number of
  // topics touched.
  int WipeWritePermOfBroker(const std::string& broker_name);
  int AddWritePermOfBroker(const std::string& broker_name);

  // QUERY_DATA_VERSION support.
  bool IsBrokerTopicConfigChanged(const std::string& broker_addr, const DataVersion& version) const;
  std::optional<DataVersion> QueryBrokerTopicConfig(const std::string& broker_addr) const;
  void UpdateBrokerInfoUpdateTimestamp(const std::string& broker_addr);

  // REGISTER_TOPIC_IN_NAMESRV (5.x): sets the queue datas of a topic for brokers that are known.
  void RegisterTopic(const std::string& topic, const std::vector<QueueData>& queue_datas);

 private:
  struct BrokerLiveInfo {
    int64_t last_update_ms = 0;
    DataVersion data_version;
    std::weak_ptr<remoting::Channel> channel;
    const remoting::Channel* channel_key = nullptr;  // identity only, never dereferenced
    std::string ha_server_addr;
  };

  bool IsTopicConfigChangedLocked(const std::string& broker_addr, const DataVersion& v) const;
  void CreateAndUpdateQueueDataLocked(const std::string& broker_name, const TopicConfig& config);
  void RemoveTopicByBrokerNameLocked(const std::string& broker_name);
  // Removes `broker_addr` from every table (the common part of channel close and expiry).
  void RemoveBrokerAddrLocked(const std::string& broker_addr);
  int OperateWritePermLocked(const std::string& broker_name, bool wipe);
  TopicList TopicsWhereFirstQueue(const std::function<bool(int32_t sys_flag)>& pick) const;

  const ClockMs clock_;
  mutable std::shared_mutex mu_;
  std::map<std::string, std::map<std::string, QueueData>> topic_queue_table_;  // guarded by mu_
  std::map<std::string, BrokerData> broker_addr_table_;                        // guarded by mu_
  std::map<std::string, std::set<std::string>> cluster_addr_table_;            // guarded by mu_
  std::map<std::string, BrokerLiveInfo> broker_live_table_;                    // guarded by mu_
  std::map<std::string, std::vector<std::string>> filter_server_table_;        // guarded by mu_
};

}  // namespace rocketmq::namesrv
