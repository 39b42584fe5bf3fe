// TransactionMQProducerImpl: the transactional half of Java DefaultMQProducerImpl
// (sendMessageInTransaction / endTransaction / checkTransactionState) on top of the producer
// engine. A transactional send stores a half message (TRAN_MSG=true, PGROUP=<group>), runs the
// local transaction, and tells the broker that stored it to commit or roll back with a oneway
// END_TRANSACTION. Brokers ask again about unresolved half messages (CHECK_TRANSACTION_STATE);
// those checks run the checker on a check pool and are answered the same way with
// fromTransactionCheck=true.
//
// Threads: SendMessageInTransaction runs the executor on the caller's thread. The checker runs
// on the check pool (checkThreadPoolMinSize threads, up to checkThreadPoolMaxSize while
// checkRequestHoldMax checks are already waiting), never on a remoting thread.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "common/thread_pool.h"
#include "producer/default_mq_producer_impl.h"
#include "rocketmq/transaction_listener.h"

namespace rocketmq::producer {

// What a local transaction decided; `error` is the text of an exception it threw ("" if none).
struct LocalTransactionOutcome {
  LocalTransactionState state = LocalTransactionState::UNKNOW;
  std::string error;
};

struct TransactionSendOutcome {
  SendOutcome send;  // the half message's send
  LocalTransactionState state = LocalTransactionState::UNKNOW;
};

class TransactionMQProducerImpl : public DefaultMQProducerImpl {
 public:
  using Executor = std::function<LocalTransactionOutcome(Message& msg)>;
  using Checker = std::function<LocalTransactionOutcome(const MessageExt& msg)>;

  // `checker` answers the brokers' checks (TransactionListener::checkLocalTransaction).
  TransactionMQProducerImpl(ProducerConfig config, Checker checker,
                            client::ClientInstanceRegistry* registry = nullptr);
  ~TransactionMQProducerImpl() override;

  Status Start() override;
  void Shutdown() override;

  // Java sendMessageInTransaction: the half message is sent synchronously (its delay level is
  // dropped); on SEND_OK `execute` runs, on FLUSH_*_TIMEOUT / SLAVE_NOT_AVAILABLE the
  // transaction is rolled back; then END_TRANSACTION goes out (its failure is only logged). A
  // failed send returns the send error and runs nothing.
  TransactionSendOutcome SendMessageInTransaction(Message& msg, const Executor& execute);

  // Java endTransaction: END_TRANSACTION (oneway) for the half message `result` describes.
  Status EndTransaction(const SendResult& result, LocalTransactionState state,
                        const std::string& local_error);

  // ---- ProducerInner ----
  void CheckTransactionState(const std::string& broker_addr, const MessageExt& msg,
                             const client::CheckTransactionStateRequestHeader& header) override;

  // Checks waiting for a check thread (for tests).
  size_t pending_checks() const;

 private:
  void RunCheck(const std::string& broker_addr, const MessageExt& msg,
                const client::CheckTransactionStateRequestHeader& header);
  bool SubmitCheck(std::function<void()> task);

  const Checker checker_;
  mutable std::mutex pool_mu_;
  std::unique_ptr<ThreadPool> check_pool_;  // guarded by pool_mu_
  std::unique_ptr<ThreadPool> burst_pool_;  // guarded by pool_mu_: started when the queue is full
};

// The commitOrRollback value of END_TRANSACTION for `state` (8, 12 or 0).
int32_t CommitOrRollbackFlag(LocalTransactionState state);

}  // namespace rocketmq::producer
