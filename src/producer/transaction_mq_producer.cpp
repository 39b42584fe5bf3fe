// The public TransactionMQProducer: a DefaultMQProducer whose engine is a
// TransactionMQProducerImpl and whose listener exceptions become UNKNOW outcomes.
#include "rocketmq/transaction_mq_producer.h"

#include <exception>

#include "client/message_access.h"
#include "client/namespace_util.h"
#include "producer/producer_shell.h"
#include "producer/transaction_mq_producer_impl.h"

namespace rocketmq {

using producer::LocalTransactionOutcome;
using producer::TransactionMQProducerImpl;

namespace {

// Runs a listener call; an exception becomes UNKNOW with its text (Java catches Throwable).
template <typename Fn>
LocalTransactionOutcome RunListener(Fn&& fn) {
  LocalTransactionOutcome out;
  try {
    out.state = fn();
  } catch (const std::exception& e) {
    out.state = UNKNOW;
    out.error = e.what();
  } catch (...) {
    out.state = UNKNOW;
    out.error = "unknown exception";
  }
  return out;
}

}  // namespace

TransactionMQProducer::TransactionMQProducer(const std::string& group_name)
    : DefaultMQProducer(group_name) {
  Impl& impl = this->impl();
  impl.settings = &producer::TransactionProducerSettings();
  auto box = std::make_shared<TransactionListenerBox>();
  impl.transaction_listener = box;
  impl.make_engine = [box](producer::ProducerConfig config) {
    TransactionMQProducerImpl::Checker checker = [box](const MessageExt& msg) {
      TransactionListener* listener = box->Get();
      if (listener == nullptr) return LocalTransactionOutcome{};
      MQMessageExt view = MQMessageAccess::Wrap(msg);
      return RunListener([&] { return listener->checkLocalTransaction(view); });
    };
    return std::make_shared<TransactionMQProducerImpl>(std::move(config), std::move(checker));
  };
}

TransactionMQProducer::~TransactionMQProducer() { shutdown(); }

void TransactionMQProducer::setTransactionListener(TransactionListener* listener) {
  std::lock_guard<std::mutex> lock(impl().transaction_listener->mu);
  impl().transaction_listener->listener = listener;
}

TransactionListener* TransactionMQProducer::getTransactionListener() const {
  return impl().transaction_listener->Get();
}

void TransactionMQProducer::setCheckThreadPoolMinSize(int size) {
  impl().config.check_thread_pool_min_size = size;
}
int TransactionMQProducer::getCheckThreadPoolMinSize() const {
  return impl().config.check_thread_pool_min_size;
}
void TransactionMQProducer::setCheckThreadPoolMaxSize(int size) {
  impl().config.check_thread_pool_max_size = size;
}
int TransactionMQProducer::getCheckThreadPoolMaxSize() const {
  return impl().config.check_thread_pool_max_size;
}
void TransactionMQProducer::setCheckRequestHoldMax(int count) {
  impl().config.check_request_hold_max = count;
}
int TransactionMQProducer::getCheckRequestHoldMax() const {
  return impl().config.check_request_hold_max;
}

TransactionSendResult TransactionMQProducer::sendMessageInTransaction(MQMessage& msg, void* arg) {
  TransactionListener* listener = getTransactionListener();
  if (listener == nullptr) {
    throw MQClientException("TransactionListener is null", kCodeInvalidArgument);
  }
  auto* engine = static_cast<TransactionMQProducerImpl*>(&impl().Engine());
  Message& internal = MQMessageAccess::Get(msg);
  producer::TransactionSendOutcome out = engine->SendMessageInTransaction(internal, [&](Message&) {
    // `internal` is msg's own state: the listener sees it as sent (UNIQ_KEY, TRAN_MSG,
    // transaction id).
    return RunListener([&] { return listener->executeLocalTransaction(msg, arg); });
  });
  if (!out.send.ok()) producer::ThrowOutcome(out.send);
  return TransactionSendResult(out.send.result, out.state);
}

}  // namespace rocketmq
