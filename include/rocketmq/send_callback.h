// SendCallback: receives the outcome of an asynchronous send, exactly once, on one of the
// producer's callback threads (never the network loop thread, never the caller's thread).
#pragma once

#include "mq_exception.h"
#include "send_result.h"

namespace rocketmq {

// Who deletes a SendCallback after it was called (official C++ client).
enum sendCallbackType {
  noAutoDeleteSendCallback = 0,  // the application (the default)
  autoDeleteSendCallback = 1,    // the library, right after onSuccess / onException returned
};

// Empty base of SendCallback and PullCallback (official C++ client).
struct AsyncCallback {};

class SendCallback : public AsyncCallback {
 public:
  virtual ~SendCallback() = default;
  // The message was stored.
  virtual void onSuccess(SendResult& send_result) = 0;
  // The send failed after its retries: an MQBrokerException (broker error code) or an
  // MQClientException (timeout, no route, transport failure, shut down). Should not throw: an
  // exception thrown here (or by onSuccess) is caught and dropped by the library.
  virtual void onException(MQException& e) = 0;
  // autoDeleteSendCallback makes the library `delete` this object after calling it; such a
  // callback must be allocated with `new` and used for one send only.
  virtual sendCallbackType getSendCallbackType() { return noAutoDeleteSendCallback; }
};

// A SendCallback the library deletes after calling it (official C++ client name, with its
// capital B): `producer.send(msg, new MyCallback())`.
class AutoDeleteSendCallBack : public SendCallback {
 public:
  sendCallbackType getSendCallbackType() override { return autoDeleteSendCallback; }
};

}  // namespace rocketmq
