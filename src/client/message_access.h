// MQMessageAccess: how library code reaches the internal MessageExt behind a public MQMessage /
// MQMessageExt, and conversions between public and internal value types.
#pragma once

#include "common/message_ext.h"
#include "common/message_queue.h"
#include "rocketmq/mq_message.h"
#include "rocketmq/mq_message_ext.h"
#include "rocketmq/mq_message_queue.h"

namespace rocketmq {

struct MQMessage::Impl {
  MessageExt msg;
};

class MQMessageAccess {
 public:
  static MessageExt& Get(MQMessage& m) { return m.impl_->msg; }
  static const MessageExt& Get(const MQMessage& m) { return m.impl_->msg; }
  // A public message wrapping a copy of `msg`.
  static MQMessageExt Wrap(MessageExt msg) {
    MQMessageExt out;
    out.impl_->msg = std::move(msg);
    return out;
  }
};

inline MessageQueue ToInternal(const MQMessageQueue& mq) {
  return MessageQueue(mq.getTopic(), mq.getBrokerName(), mq.getQueueId());
}
inline MQMessageQueue ToPublic(const MessageQueue& mq) {
  return MQMessageQueue(mq.topic, mq.broker_name, mq.queue_id);
}

}  // namespace rocketmq
