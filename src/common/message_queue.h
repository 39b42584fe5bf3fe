// MessageQueue: one queue of a topic on one broker group (Java MessageQueue). Ordered by
// (topic, brokerName, queueId) like the Java compareTo.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <tuple>

namespace rocketmq {

struct MessageQueue {
  std::string topic;
  std::string broker_name;  // JSON key "brokerName"
  int32_t queue_id = 0;     // JSON key "queueId"

  MessageQueue() = default;
  MessageQueue(std::string t, std::string b, int32_t q)
      : topic(std::move(t)), broker_name(std::move(b)), queue_id(q) {}

  bool operator==(const MessageQueue& o) const {
    return queue_id == o.queue_id && topic == o.topic && broker_name == o.broker_name;
  }
  bool operator!=(const MessageQueue& o) const { return !(*this == o); }
  bool operator<(const MessageQueue& o) const {
    return std::tie(topic, broker_name, queue_id) < std::tie(o.topic, o.broker_name, o.queue_id);
  }
  // "MessageQueue [topic=T, brokerName=b, queueId=0]", as Java's toString.
  std::string ToString() const {
    return "MessageQueue [topic=" + topic + ", brokerName=" + broker_name +
           ", queueId=" + std::to_string(queue_id) + "]";
  }
};

struct MessageQueueHash {
  size_t operator()(const MessageQueue& mq) const {
    size_t h = std::hash<std::string>()(mq.topic);
    h = h * 31 + std::hash<std::string>()(mq.broker_name);
    return h * 31 + std::hash<int32_t>()(mq.queue_id);
  }
};

}  // namespace rocketmq
