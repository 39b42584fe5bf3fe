// The interfaces through which a ClientInstance drives the producers and consumers registered
// with it (Java MQProducerInner / MQConsumerInner): route updates, heartbeat contents, and the
// periodic consumer jobs. Implementations must be thread-safe: the instance calls them from its
// scheduler thread while application threads use the same objects.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "client/topic_publish_info.h"
#include "common/message_queue.h"
#include "common/model/heartbeat_data.h"

namespace rocketmq::client {

class ProducerInner {
 public:
  virtual ~ProducerInner() = default;
  // Topics this producer has sent to (their routes are refreshed periodically).
  virtual std::set<std::string> GetPublishTopicList() const = 0;
  // True when the producer has no usable queue list for `topic`.
  virtual bool IsPublishTopicNeedUpdate(const std::string& topic) const = 0;
  // A new queue list for `topic` (built from a changed route).
  virtual void UpdateTopicPublishInfo(const std::string& topic,
                                      std::shared_ptr<const TopicPublishInfo> info) = 0;
};

// Java MessageModel / ConsumeType, as their wire names.
inline constexpr char kMessageModelClustering[] = "CLUSTERING";
inline constexpr char kMessageModelBroadcasting[] = "BROADCASTING";
inline constexpr char kConsumeActively[] = "CONSUME_ACTIVELY";    // pull / lite pull
inline constexpr char kConsumePassively[] = "CONSUME_PASSIVELY";  // push

class ConsumerInner {
 public:
  virtual ~ConsumerInner() = default;
  // ---- heartbeat contents (ConsumerData) ----
  virtual std::string GroupName() const = 0;
  virtual std::string MessageModel() const = 0;      // kMessageModel*
  virtual std::string ConsumeType() const = 0;       // kConsume*
  virtual std::string ConsumeFromWhere() const = 0;  // e.g. "CONSUME_FROM_LAST_OFFSET"
  virtual std::vector<SubscriptionData> Subscriptions() const = 0;
  virtual bool IsUnitMode() const = 0;

  // ---- jobs the instance runs ----
  // Rebalance every subscribed topic (every 20 s and on NOTIFY_CONSUMER_IDS_CHANGED).
  virtual void DoRebalance() = 0;
  // Write the cached offsets to the brokers (every persistConsumerOffsetInterval).
  virtual void PersistConsumerOffset() = 0;
  // The readable queues of a subscribed topic changed.
  virtual void UpdateTopicSubscribeInfo(const std::string& topic,
                                        const std::set<MessageQueue>& info) = 0;
  // True when the consumer has no queue set for `topic` yet.
  virtual bool IsSubscribeTopicNeedUpdate(const std::string& topic) const = 0;
};

}  // namespace rocketmq::client
