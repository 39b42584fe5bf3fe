// TransactionalMessageService: the broker side of transactional messages after the half message
// is stored (Java TransactionalMessageServiceImpl, 4.9.x):
//  * END_TRANSACTION support: find the half message by CommitLog offset, and mark it done with an
//    op record (commit and rollback alike);
//  * Check(): one scan of every half queue against its op queue, sending a state check to the
//    producer for each half message that is still open and older than the transaction timeout
//    (re-appending it first with TRANSACTION_CHECK_TIMES + 1), and discarding those checked
//    transactionCheckMax times or older than the store's file reserved time.
//
// Owned by the BrokerController. Check() runs on the check service thread only (Java: "single
// thread"); the END_TRANSACTION helpers run on the end-transaction pool.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "common/message_ext.h"
#include "common/status.h"
#include "mockbroker/broker/transaction/transactional_message_bridge.h"

namespace rocketmq::broker {

class BrokerController;

// What the check decides for a half message (Java AbstractTransactionalMessageCheckListener).
class TransactionCheckListener {
 public:
  virtual ~TransactionCheckListener() = default;
  // Ask a producer of the message's group about it (asynchronously). `half` is the re-appended
  // copy: its queue offset, CommitLog offset and msg id are the new ones.
  virtual void ResolveHalfMsg(MessageExt half) = 0;
  // The message was checked too often or is too old: give up on it.
  virtual void ResolveDiscardMsg(const MessageExt& half) = 0;
};

// Java OperationResult.
struct HalfMessageLookup {
  int32_t code = 0;  // SUCCESS or SYSTEM_ERROR
  std::string remark;
  MessageExt prepare_message;  // valid on SUCCESS
};

class TransactionalMessageService {
 public:
  explicit TransactionalMessageService(BrokerController* controller);

  TransactionalMessageBridge& bridge() { return bridge_; }

  // The half message at `commit_log_offset` (Java commitMessage / rollbackMessage); SYSTEM_ERROR
  // "Find prepared transaction message failed" when absent.
  HalfMessageLookup GetHalfMessageByOffset(int64_t commit_log_offset);
  // Writes the op record of `half`; false (logged) when the store refused it.
  bool DeletePrepareMessage(const MessageExt& half);

  // One scan of all half queues (Java check(transactionTimeout, transactionCheckMax, listener)).
  // `transaction_timeout_ms`: how old (since born) an open half message must be before a check.
  void Check(int64_t transaction_timeout_ms, int32_t transaction_check_max,
             TransactionCheckListener* listener);
  // Makes a running and every later Check() return early (broker shutdown). Any thread.
  void Stop() { stopping_ = true; }

 private:
  void CheckQueue(int32_t queue_id, int64_t transaction_timeout_ms, int32_t transaction_check_max,
                  TransactionCheckListener* listener);

  BrokerController* const controller_;
  TransactionalMessageBridge bridge_;
  std::atomic<bool> stopping_{false};
};

}  // namespace rocketmq::broker
