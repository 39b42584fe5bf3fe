// SelectMessageQueueByHash: the shipped MessageQueueSelector (Java SelectMessageQueueByHash).
// Kept out of message_queue_selector.h so that code written for the official C++ client, which
// often defines its own class of this name, compiles against its headers.
#pragma once

#include <vector>

#include "message_queue_selector.h"

namespace rocketmq {

// Picks mqs[abs(hash(key)) % size], where `arg` points to a std::string key and hash is Java's
// String.hashCode, so a key lands on the same queue as with Java's SelectMessageQueueByHash
// given that String. A null `arg` hashes as the empty string.
class SelectMessageQueueByHash : public MessageQueueSelector {
 public:
  MQMessageQueue select(const std::vector<MQMessageQueue>& mqs, const MQMessage& msg,
                        void* arg) override;
};

}  // namespace rocketmq
