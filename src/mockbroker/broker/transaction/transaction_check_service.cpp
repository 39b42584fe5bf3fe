#include "mockbroker/broker/transaction/transaction_check_service.h"

#include <algorithm>
#include <chrono>

#include "common/logging.h"
#include "common/time_util.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

TransactionCheckService::TransactionCheckService(BrokerController* controller,
                                                 TransactionalMessageService* service)
    : controller_(controller), service_(service), listener_(controller) {}

TransactionCheckService::~TransactionCheckService() { Shutdown(); }

void TransactionCheckService::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Run(); });
}

void TransactionCheckService::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  service_->Stop();
  if (thread_.joinable()) thread_.join();
  listener_.Shutdown();
}

void TransactionCheckService::Run() {
  RMQ_LOG(kInfo) << "Start transaction check service thread!";
  const BrokerConfig& cfg = controller_->broker_config();
  const int64_t interval = std::max<int64_t>(1, cfg.transactionCheckInterval);
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    if (cv_.wait_for(lock, std::chrono::milliseconds(interval), [this] { return stopping_; })) {
      break;
    }
    lock.unlock();
    const int64_t begin = NowMillis();
    RMQ_LOG(kDebug) << "Begin to check prepare message, begin time:" << begin;
    service_->Check(cfg.transactionTimeOut, cfg.transactionCheckMax, &listener_);
    RMQ_LOG(kDebug) << "End to check prepare message, consumed time:" << NowMillis() - begin;
    lock.lock();
  }
  RMQ_LOG(kInfo) << "End transaction check service thread!";
}

}  // namespace rocketmq::broker
