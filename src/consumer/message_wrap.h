// Hands internal messages to the public API: copies of the consumer's MessageExts as the
// MQMessageExts the listeners and poll() return.
#pragma once

#include <vector>

#include "client/message_access.h"
#include "consumer/process_queue.h"
#include "rocketmq/mq_message_ext.h"

namespace rocketmq::consumer {

inline std::vector<MQMessageExt> WrapAll(const std::vector<MessageExtPtr>& msgs) {
  std::vector<MQMessageExt> out;
  out.reserve(msgs.size());
  for (const MessageExtPtr& m : msgs) out.push_back(MQMessageAccess::Wrap(*m));
  return out;
}

}  // namespace rocketmq::consumer
