// MessageQueueSelector: lets the application pick the queue of each message, e.g. to keep all
// messages of one order key in one queue (and so in order). SelectMessageQueueByHash
// (select_message_queue_by_hash.h, included by rocketmq.h) is the usual choice.
#pragma once

#include <string>
#include <vector>

#include "mq_message.h"
#include "mq_message_queue.h"

namespace rocketmq {

class MessageQueueSelector {
 public:
  virtual ~MessageQueueSelector() = default;
  // Returns one of `mqs` (never empty; the topic's writable queues in a stable order: by broker
  // name, then queue id). `arg` is the value passed to send(). Called on the sending thread;
  // must be thread-safe when the producer is used from several threads.
  virtual MQMessageQueue select(const std::vector<MQMessageQueue>& mqs, const MQMessage& msg,
                                void* arg) = 0;
};

}  // namespace rocketmq
