// DefaultTransactionCheckListener: what the broker does with a half message the check scan picked
// (Java AbstractTransactionalMessageCheckListener + DefaultTransactionalMessageCheckListener +
// Broker2Client.checkProducerTransactionState, 4.9.x):
//  * ResolveHalfMsg: on its own pool (2 threads, 2000 queued, caller runs when full), sends
//    CHECK_TRANSACTION_STATE (39) oneway to one live channel of the message's producer group
//    (PGROUP), header CheckTransactionStateRequestHeader, body = the message in the stored
//    format with its real topic and queue;
//  * ResolveDiscardMsg: copies the message into TRANS_CHECK_MAX_TIME_TOPIC (queue 0), where it
//    stays for an operator to look at.
//
// Owned by TransactionCheckService. ResolveHalfMsg/ResolveDiscardMsg are called by the check
// thread; Shutdown() (idempotent, run by the destructor) drains the pool.
#pragma once

#include <memory>

#include "common/message_ext.h"
#include "common/thread_pool.h"
#include "mockbroker/broker/transaction/transactional_message_service.h"

namespace rocketmq::broker {

class BrokerController;

class DefaultTransactionCheckListener : public TransactionCheckListener {
 public:
  explicit DefaultTransactionCheckListener(BrokerController* controller);
  ~DefaultTransactionCheckListener() override;

  void ResolveHalfMsg(MessageExt half) override;
  void ResolveDiscardMsg(const MessageExt& half) override;
  void Shutdown();

  // Sends the check for `half` now, on the calling thread (Java sendCheckMessage).
  void SendCheckMessage(MessageExt half);

 private:
  BrokerController* const controller_;
  ThreadPool pool_;
};

}  // namespace rocketmq::broker
