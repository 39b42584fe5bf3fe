// MQMessageQueue: one queue of a topic on one broker group (Java MessageQueue). A plain value.
#pragma once

#include <string>
#include <utility>

namespace rocketmq {

class MQMessageQueue {
 public:
  MQMessageQueue() = default;
  MQMessageQueue(std::string topic, std::string broker_name, int queue_id)
      : topic_(std::move(topic)), broker_name_(std::move(broker_name)), queue_id_(queue_id) {}

  const std::string& getTopic() const { return topic_; }
  void setTopic(const std::string& topic) { topic_ = topic; }
  // Name of the broker group (master and its slaves) holding the queue.
  const std::string& getBrokerName() const { return broker_name_; }
  void setBrokerName(const std::string& name) { broker_name_ = name; }
  int getQueueId() const { return queue_id_; }
  void setQueueId(int id) { queue_id_ = id; }

  // "MessageQueue [topic=T, brokerName=b, queueId=0]", as Java prints it.
  std::string toString() const;

  bool operator==(const MQMessageQueue& o) const {
    return queue_id_ == o.queue_id_ && topic_ == o.topic_ && broker_name_ == o.broker_name_;
  }
  bool operator!=(const MQMessageQueue& o) const { return !(*this == o); }
  // Ordered by topic, then broker name, then queue id (Java compareTo).
  bool operator<(const MQMessageQueue& o) const { return compareTo(o) < 0; }
  int compareTo(const MQMessageQueue& o) const;

 private:
  std::string topic_;
  std::string broker_name_;
  int queue_id_ = -1;
};

}  // namespace rocketmq
