// Message listeners of DefaultMQPushConsumer (Java MessageListenerConcurrently /
// MessageListenerOrderly; the official C++ client's consumeMessage(msgs) signature works as is).
//
// The consumer calls a listener from its consume threads: a concurrent listener from many
// threads at once, an orderly listener from one thread at a time per queue. A listener must not
// call shutdown() of its consumer. Exceptions thrown by a listener are caught and treated as
// RECONSUME_LATER / SUSPEND_CURRENT_QUEUE_A_MOMENT.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "rocketmq/mq_message_ext.h"
#include "rocketmq/mq_message_queue.h"

namespace rocketmq {

enum ConsumeConcurrentlyStatus {
  // The messages are consumed; their offsets may be committed.
  CONSUME_SUCCESS,
  // Deliver the messages again later (through the group's retry topic, with a growing delay;
  // after maxReconsumeTimes attempts they go to the dead-letter topic %DLQ%<group>).
  RECONSUME_LATER,
};
// The official C++ client's name.
using ConsumeStatus = ConsumeConcurrentlyStatus;

enum ConsumeOrderlyStatus {
  // The messages are consumed.
  SUCCESS,
  // Stop this queue for suspendCurrentQueueTimeMillis and deliver the same messages again.
  SUSPEND_CURRENT_QUEUE_A_MOMENT,
};

// Per-call context of a concurrent listener (Java ConsumeConcurrentlyContext).
class ConsumeConcurrentlyContext {
 public:
  explicit ConsumeConcurrentlyContext(MQMessageQueue mq) : mq_(std::move(mq)) {}
  const MQMessageQueue& getMessageQueue() const { return mq_; }
  // Delay level of the retry when RECONSUME_LATER is returned: 0 (default) lets the broker pick
  // 3 + reconsumeTimes; -1 sends the messages straight to the dead-letter queue.
  int getDelayLevelWhenNextConsume() const { return delay_level_when_next_consume_; }
  void setDelayLevelWhenNextConsume(int level) { delay_level_when_next_consume_ = level; }
  // With CONSUME_SUCCESS: messages after this index are treated as failed (default: all ok).
  int getAckIndex() const { return ack_index_; }
  void setAckIndex(int index) { ack_index_ = index; }

 private:
  MQMessageQueue mq_;
  int delay_level_when_next_consume_ = 0;
  int ack_index_ = 0x7fffffff;
};

// Per-call context of an orderly listener (Java ConsumeOrderlyContext).
class ConsumeOrderlyContext {
 public:
  explicit ConsumeOrderlyContext(MQMessageQueue mq) : mq_(std::move(mq)) {}
  const MQMessageQueue& getMessageQueue() const { return mq_; }
  // How long SUSPEND_CURRENT_QUEUE_A_MOMENT stops the queue, ms; -1 (default) uses the
  // consumer's suspendCurrentQueueTimeMillis.
  int64_t getSuspendCurrentQueueTimeMillis() const { return suspend_current_queue_time_millis_; }
  void setSuspendCurrentQueueTimeMillis(int64_t ms) { suspend_current_queue_time_millis_ = ms; }

 private:
  MQMessageQueue mq_;
  int64_t suspend_current_queue_time_millis_ = -1;
};

class MessageListenerConcurrently {
 public:
  virtual ~MessageListenerConcurrently() = default;
  // Consumes up to consumeMessageBatchMaxSize messages of one queue.
  virtual ConsumeConcurrentlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs) = 0;
  // The Java form with a context; by default calls consumeMessage(msgs).
  virtual ConsumeConcurrentlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs,
                                                   ConsumeConcurrentlyContext& context) {
    (void)context;
    return consumeMessage(msgs);
  }
};

class MessageListenerOrderly {
 public:
  virtual ~MessageListenerOrderly() = default;
  // Consumes the next messages of one queue, in queue order.
  virtual ConsumeOrderlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs) = 0;
  // The Java form with a context; by default calls consumeMessage(msgs).
  virtual ConsumeOrderlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs,
                                              ConsumeOrderlyContext& context) {
    (void)context;
    return consumeMessage(msgs);
  }
};

}  // namespace rocketmq
