// TopicPublishInfo: the queues a producer may send a topic's messages to, derived from the
// topic's route (Java TopicPublishInfo + MQClientInstance.topicRouteData2TopicPublishInfo), and
// ThreadLocalIndex, the per-thread round-robin counter used to walk them (protocol.md §9.1).
//
// A TopicPublishInfo is immutable once built and shared through shared_ptr<const>; the producer
// swaps in a new one when the route changes. Any thread may read it.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/message_queue.h"
#include "common/model/route_data.h"
#include "common/model/topic_config.h"

namespace rocketmq::client {

// Java ThreadLocalIndex: every thread has its own counter per index object, starting at a random
// non-negative value. Thread-safe.
class ThreadLocalIndex {
 public:
  ThreadLocalIndex();
  ThreadLocalIndex(const ThreadLocalIndex&) = delete;
  ThreadLocalIndex& operator=(const ThreadLocalIndex&) = delete;

  // The calling thread's counter, incremented, masked to non-negative: (++v) & 0x7FFFFFFF.
  int32_t IncrementAndGet();

 private:
  const uint64_t id_;  // key of this index in each thread's table (never reused)
};

struct TopicPublishInfo {
  bool order_topic = false;
  bool have_topic_router_info = false;
  std::vector<MessageQueue> message_queue_list;
  TopicRouteData route;
  // Shared across route updates of one topic so the round robin continues where it was.
  std::shared_ptr<ThreadLocalIndex> send_which_queue = std::make_shared<ThreadLocalIndex>();

  // Java ok(): has at least one queue.
  bool ok() const { return !message_queue_list.empty(); }
  // The next queue in round-robin order ("abs(index) % size"); null queue list -> nullptr.
  const MessageQueue* SelectOneMessageQueue() const;
  // The next queue not on `last_broker_name` when one exists, else the next queue
  // (Java selectOneMessageQueue(lastBrokerName)). Empty `last_broker_name` = no preference.
  const MessageQueue* SelectOneMessageQueue(const std::string& last_broker_name) const;
  // writeQueueNums of `broker_name` in the route, -1 when absent (Java getQueueIdByBroker).
  int32_t WriteQueueNumsOf(const std::string& broker_name) const;
};

// Java topicRouteData2TopicPublishInfo: with orderTopicConf "b1:4;b2:4" those queues; otherwise,
// QueueDatas sorted by brokerName, for each writable one whose broker has a master (id 0), queues
// 0..writeQueueNums-1.
TopicPublishInfo RouteToPublishInfo(const std::string& topic, const TopicRouteData& route);

// Java topicRouteData2TopicSubscribeInfo: queues 0..readQueueNums-1 of every readable QueueData.
std::set<MessageQueue> RouteToSubscribeInfo(const std::string& topic, const TopicRouteData& route);

}  // namespace rocketmq::client
