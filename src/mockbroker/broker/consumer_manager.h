// ConsumerManager: live consumer connections and subscriptions per group (Java ConsumerManager
// and ConsumerGroupInfo). When the set of channels or subscribed topics of a group changes and
// notification is enabled, every consumer of the group gets a oneway NOTIFY_CONSUMER_IDS_CHANGED
// (protocol.md §2.7). Channels silent for 120 s are closed and dropped by ScanNotActiveChannel.
//
// Thread-safe; notifications are sent outside the lock on the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/model/heartbeat_data.h"
#include "mockbroker/broker/client_channel_info.h"

namespace rocketmq::broker {

inline constexpr int64_t kChannelExpiredTimeoutMs = 120000;

struct ConsumerGroupInfo {
  std::string group_name;
  std::map<uint64_t, ClientChannelInfo> channels;         // channel id -> info
  std::map<std::string, SubscriptionData> subscriptions;  // topic -> subscription
  std::string consume_type;
  std::string message_model;
  std::string consume_from_where;
  int64_t last_update_timestamp = 0;

  // Client ids in channel-registration order.
  std::vector<std::string> ClientIds() const;
};

class ConsumerManager {
 public:
  // `notify_enabled` is BrokerConfig.notifyConsumerIdsChangedEnable.
  explicit ConsumerManager(bool notify_enabled) : notify_enabled_(notify_enabled) {}

  // HEART_BEAT of one consumer group. `group_notify` is the group config's
  // notifyConsumerIdsChangedEnable. Returns true when the group changed.
  bool RegisterConsumer(const std::string& group, const ClientChannelInfo& info,
                        const ConsumerData& data, bool group_notify);
  // UNREGISTER_CLIENT for one group.
  void UnregisterConsumer(const std::string& group, const ClientChannelInfo& info,
                          bool group_notify);
  // The connection closed: drop it from every group (notifying the rest).
  void DoChannelCloseEvent(uint64_t channel_id);
  // Closes and drops channels without a heartbeat for kChannelExpiredTimeoutMs.
  void ScanNotActiveChannel(int64_t now_ms);

  std::optional<ConsumerGroupInfo> GetGroup(const std::string& group) const;
  std::optional<SubscriptionData> FindSubscriptionData(const std::string& group,
                                                       const std::string& topic) const;
  // Groups with a live subscription to `topic`.
  std::set<std::string> QueryTopicConsumeByWho(const std::string& topic) const;

 private:
  void Notify(const std::string& group, const std::vector<std::shared_ptr<remoting::Channel>>&);

  const bool notify_enabled_;
  mutable std::mutex mu_;
  std::map<std::string, ConsumerGroupInfo> groups_;  // guarded by mu_
};

}  // namespace rocketmq::broker
