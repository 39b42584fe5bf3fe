// SendCallback: receives the outcome of an asynchronous send, exactly once, on one of the
// producer's callback threads (never the network loop thread, never the caller's thread).
#pragma once

#include "rocketmq/mq_exception.h"
#include "rocketmq/send_result.h"

namespace rocketmq {

class SendCallback {
 public:
  virtual ~SendCallback() = default;
  // The message was stored.
  virtual void onSuccess(SendResult& send_result) = 0;
  // The send failed after its retries: an MQBrokerException (broker error code) or an
  // MQClientException (timeout, no route, transport failure, shut down). Must not throw.
  virtual void onException(MQException& e) noexcept = 0;
};

}  // namespace rocketmq
