// TransactionMQProducer: a DefaultMQProducer that also sends transactional messages (Java
// TransactionMQProducer).
//
//   MyListener listener;  // a TransactionListener
//   rocketmq::TransactionMQProducer producer("tx_group");
//   producer.setNamesrvAddr("127.0.0.1:9876");
//   producer.setTransactionListener(&listener);
//   producer.start();
//   rocketmq::MQMessage msg("TopicTest", "TagA", "order 42");
//   rocketmq::TransactionSendResult r = producer.sendMessageInTransaction(msg, &order);
//
// sendMessageInTransaction stores a half message, calls executeLocalTransaction on the calling
// thread, then commits or rolls the message back; UNKNOW leaves it to the broker's later checks,
// which call checkLocalTransaction on the producer's check threads. Every other method is
// DefaultMQProducer's.
#pragma once

#include <string>

#include "default_mq_producer.h"
#include "transaction_listener.h"

namespace rocketmq {

class TransactionMQProducer : public DefaultMQProducer {
 public:
  explicit TransactionMQProducer(const std::string& group_name = "");
  ~TransactionMQProducer() override;

  // The listener running local transactions and answering checks. Not owned; must outlive the
  // producer's shutdown(). Set before start().
  void setTransactionListener(TransactionListener* listener);
  TransactionListener* getTransactionListener() const;

  // Threads answering transaction checks (default 1), up to `max` (default 1) while
  // checkRequestHoldMax (default 2000) checks already wait. Before start().
  void setCheckThreadPoolMinSize(int size);
  int getCheckThreadPoolMinSize() const;
  void setCheckThreadPoolMaxSize(int size);
  int getCheckThreadPoolMaxSize() const;
  void setCheckRequestHoldMax(int count);
  int getCheckRequestHoldMax() const;

  // Sends `msg` as a transactional message (its delay level is ignored) and runs the listener's
  // executeLocalTransaction(msg, arg). Throws MQClientException when no listener is set, the
  // producer is not running, or the half message could not be stored; an END_TRANSACTION that
  // could not be sent is only logged (the broker checks later).
  TransactionSendResult sendMessageInTransaction(MQMessage& msg, void* arg);
};

}  // namespace rocketmq
