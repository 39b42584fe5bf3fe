// Transactional messages (Java TransactionListener / LocalTransactionState /
// TransactionSendResult): a TransactionMQProducer sends a half message that consumers do not see,
// runs the application's local transaction, then commits or rolls back the message. When the
// outcome is unknown, the broker later asks the producer group again through
// checkLocalTransaction.
#pragma once

#include <string>

#include "mq_message.h"
#include "mq_message_ext.h"
#include "send_result.h"

namespace rocketmq {

// Unscoped like the official C++ client (`return COMMIT_MESSAGE;`); the scoped spelling
// `LocalTransactionState::COMMIT_MESSAGE` works as well.
enum LocalTransactionState {
  COMMIT_MESSAGE,    // deliver the message
  ROLLBACK_MESSAGE,  // drop it
  UNKNOW,            // not decided yet: the broker checks again later (Java spelling)
  UNKNOWN = UNKNOW,  // official C++ client spelling
};

// "COMMIT_MESSAGE", "ROLLBACK_MESSAGE", "UNKNOW".
const char* LocalTransactionStateName(LocalTransactionState state);

class TransactionListener {
 public:
  virtual ~TransactionListener() = default;
  // Runs the local transaction of the half message `msg` just stored (on the thread that called
  // sendMessageInTransaction; `arg` is its argument). An exception counts as UNKNOW.
  virtual LocalTransactionState executeLocalTransaction(const MQMessage& msg, void* arg) = 0;
  // A broker asks about a half message whose outcome is still open (on one of the producer's
  // check threads). getTransactionId() is the message's UNIQ_KEY. An exception counts as UNKNOW.
  virtual LocalTransactionState checkLocalTransaction(const MQMessageExt& msg) = 0;
};

// The result of sendMessageInTransaction: the half message's SendResult plus the local outcome.
class TransactionSendResult : public SendResult {
 public:
  TransactionSendResult() = default;
  TransactionSendResult(const SendResult& result, LocalTransactionState state)
      : SendResult(result), state_(state) {}
  // Official C++ client form (the local state starts as UNKNOW).
  TransactionSendResult(SendStatus status, const std::string& msg_id,
                        const std::string& offset_msg_id, const MQMessageQueue& queue,
                        int64_t queue_offset)
      : SendResult(status, msg_id, offset_msg_id, queue, queue_offset) {}
  LocalTransactionState getLocalTransactionState() const { return state_; }
  void setLocalTransactionState(LocalTransactionState state) { state_ = state; }

 private:
  LocalTransactionState state_ = LocalTransactionState::UNKNOW;
};

}  // namespace rocketmq
