// Implementation of the small public value types: MQMessageQueue, SendResult, the exceptions and
// the shipped queue selector.
#include <cstdlib>

#include "common/java_hash.h"
#include "rocketmq/select_message_queue_by_hash.h"
#include "rocketmq/mq_exception.h"
#include "rocketmq/mq_message_queue.h"
#include "rocketmq/send_result.h"

namespace rocketmq {

MQException::MQException(std::string message, int response_code)
    : message_(std::move(message)),
      response_code_(response_code),
      what_("CODE: " + std::to_string(response_code) + "  DESC: " + message_) {}

MQException::MQException(const std::string& message, int response_code, const char* file,
                         int line)
    : MQException(message, response_code) {
  file_ = file != nullptr ? file : "";
  line_ = line;
}

MQException::~MQException() = default;

std::string MQMessageQueue::toString() const {
  return "MessageQueue [topic=" + topic_ + ", brokerName=" + broker_name_ +
         ", queueId=" + std::to_string(queue_id_) + "]";
}

int MQMessageQueue::compareTo(const MQMessageQueue& o) const {
  if (int c = topic_.compare(o.topic_); c != 0) return c < 0 ? -1 : 1;
  if (int c = broker_name_.compare(o.broker_name_); c != 0) return c < 0 ? -1 : 1;
  return queue_id_ < o.queue_id_ ? -1 : (queue_id_ > o.queue_id_ ? 1 : 0);
}

const char* SendStatusName(SendStatus status) {
  switch (status) {
    case SEND_OK:
      return "SEND_OK";
    case SEND_FLUSH_DISK_TIMEOUT:
      return "FLUSH_DISK_TIMEOUT";
    case SEND_FLUSH_SLAVE_TIMEOUT:
      return "FLUSH_SLAVE_TIMEOUT";
    case SEND_SLAVE_NOT_AVAILABLE:
      return "SLAVE_NOT_AVAILABLE";
  }
  return "UNKNOWN";
}

std::string SendResult::toString() const {
  return std::string("SendResult [sendStatus=") + SendStatusName(status_) + ", msgId=" + msg_id_ +
         ", offsetMsgId=" + offset_msg_id_ + ", messageQueue=" + queue_.toString() +
         ", queueOffset=" + std::to_string(queue_offset_) + "]";
}

MQMessageQueue SelectMessageQueueByHash::select(const std::vector<MQMessageQueue>& mqs,
                                                const MQMessage& msg, void* arg) {
  (void)msg;
  const std::string* key = static_cast<const std::string*>(arg);
  int32_t hash = JavaStringHashCode(key == nullptr ? std::string() : *key);
  // Java: value = hash % size; if (value < 0) value = Math.abs(value).
  int32_t value = hash % static_cast<int32_t>(mqs.size());
  if (value < 0) value = std::abs(value);
  return mqs[static_cast<size_t>(value)];
}

}  // namespace rocketmq
