// TransactionCheckService: the thread that scans the half queues every transactionCheckInterval
// ms (Java TransactionalMessageCheckService, 4.9.x: the first scan one interval after start),
// with the broker's transactionTimeOut and transactionCheckMax, and the listener that sends the
// resulting checks. Runs on masters only (the controller does not start it on a slave).
//
// Owned by the BrokerController; Start/Shutdown from its owner thread. Shutdown() is idempotent
// (destructor too): it stops the scan in progress, joins the thread and drains the listener.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "mockbroker/broker/transaction/default_transaction_check_listener.h"

namespace rocketmq::broker {

class BrokerController;
class TransactionalMessageService;

class TransactionCheckService {
 public:
  TransactionCheckService(BrokerController* controller, TransactionalMessageService* service);
  ~TransactionCheckService();
  TransactionCheckService(const TransactionCheckService&) = delete;
  TransactionCheckService& operator=(const TransactionCheckService&) = delete;

  void Start();
  void Shutdown();

 private:
  void Run();

  BrokerController* const controller_;
  TransactionalMessageService* const service_;
  DefaultTransactionCheckListener listener_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace rocketmq::broker
