// Request-reply (Java RequestCallback / RequestTimeoutException): DefaultMQProducer::request()
// sends a message that a consumer answers with a reply message (see
// rocketmq/reply_message.h); the reply travels back through the broker straight to the
// requesting client.
#pragma once

#include <string>
#include <utility>

#include "mq_exception.h"
#include "mq_message.h"

namespace rocketmq {

// The request was stored by a broker, but no reply came within the timeout.
class RequestTimeoutException : public MQClientException {
 public:
  explicit RequestTimeoutException(std::string message, int response_code = -1006)
      : MQClientException(std::move(message), response_code) {}
  const char* GetType() const noexcept override { return "RequestTimeoutException"; }
};

// Receives the outcome of an asynchronous request exactly once, on a library thread.
class RequestCallback {
 public:
  virtual ~RequestCallback() = default;
  // The reply message (an MQMessageExt underneath: body, properties, born/store hosts).
  virtual void onSuccess(MQMessage& reply) = 0;
  // RequestTimeoutException when no reply came in time; MQClientException / MQBrokerException
  // when the request could not be sent. Must not throw.
  virtual void onException(MQException& e) noexcept = 0;
};

}  // namespace rocketmq
