// Message listeners of DefaultMQPushConsumer (Java MessageListenerConcurrently /
// MessageListenerOrderly; the official C++ client's MQMessageListener and its
// consumeMessage(msgs) signature work as is).
//
// The consumer calls a listener from its consume threads: a concurrent listener from many
// threads at once, an orderly listener from one thread at a time per queue. A listener must not
// call shutdown() of its consumer. Exceptions thrown by a listener are caught and treated as
// RECONSUME_LATER / SUSPEND_CURRENT_QUEUE_A_MOMENT.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "mq_message_ext.h"
#include "mq_message_queue.h"

namespace rocketmq {

// What a listener returns. One enum for both listener kinds, so that code written for the official
// C++ client (whose orderly listeners return CONSUME_SUCCESS / RECONSUME_LATER) compiles as is.
enum ConsumeStatus {
  // Concurrent: the messages are consumed; their offsets may be committed.
  CONSUME_SUCCESS = 0,
  // Concurrent: deliver the messages again later (through the group's retry topic, with a
  // growing delay; after maxReconsumeTimes attempts they go to the dead-letter topic
  // `%DLQ%<group>`). Orderly: the same as SUSPEND_CURRENT_QUEUE_A_MOMENT.
  RECONSUME_LATER = 1,
  // Orderly (Java names): the messages are consumed ...
  SUCCESS = CONSUME_SUCCESS,
  // ... or: stop this queue for suspendCurrentQueueTimeMillis and deliver the same messages
  // again.
  SUSPEND_CURRENT_QUEUE_A_MOMENT = RECONSUME_LATER,
};
// The Java names of the two uses.
using ConsumeConcurrentlyStatus = ConsumeStatus;
using ConsumeOrderlyStatus = ConsumeStatus;

// Which kind of listener an MQMessageListener is (official C++ client).
enum MessageListenerType {
  messageListenerDefaultly = 0,  // a plain MQMessageListener: consumed concurrently
  messageListenerOrderly = 1,
  messageListenerConcurrently = 2,
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

// The base of both listener kinds (official C++ client MQMessageListener). A class deriving from
// it directly is consumed concurrently.
class MQMessageListener {
 public:
  virtual ~MQMessageListener() = default;
  virtual ConsumeStatus consumeMessage(const std::vector<MQMessageExt>& msgs) = 0;
  virtual MessageListenerType getMessageListenerType() { return messageListenerDefaultly; }
};

class MessageListenerConcurrently : public MQMessageListener {
 public:
  ~MessageListenerConcurrently() override = default;
  // Consumes up to consumeMessageBatchMaxSize messages of one queue.
  ConsumeConcurrentlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override = 0;
  // The Java form with a context; by default calls consumeMessage(msgs).
  virtual ConsumeConcurrentlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs,
                                                   ConsumeConcurrentlyContext& context) {
    (void)context;
    return consumeMessage(msgs);
  }
  MessageListenerType getMessageListenerType() override { return messageListenerConcurrently; }
};

class MessageListenerOrderly : public MQMessageListener {
 public:
  ~MessageListenerOrderly() override = default;
  // Consumes the next messages of one queue, in queue order.
  ConsumeOrderlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override = 0;
  // The Java form with a context; by default calls consumeMessage(msgs).
  virtual ConsumeOrderlyStatus consumeMessage(const std::vector<MQMessageExt>& msgs,
                                              ConsumeOrderlyContext& context) {
    (void)context;
    return consumeMessage(msgs);
  }
  MessageListenerType getMessageListenerType() override { return messageListenerOrderly; }
};

}  // namespace rocketmq
