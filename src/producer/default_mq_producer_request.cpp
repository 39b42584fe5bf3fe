// DefaultMQProducer::request (request-reply) and createReplyMessage: the public side of
// producer/request_reply.h.
#include "client/message_access.h"
#include "producer/producer_shell.h"
#include "producer/request_reply.h"
#include "rocketmq/reply_message.h"

namespace rocketmq {

using producer::RequestOutcome;

namespace {

[[noreturn]] void ThrowRequestError(const RequestOutcome& o) {
  if (o.reply_timeout) throw RequestTimeoutException(o.status.message(), o.status.code());
  if (o.broker_error) throw MQBrokerException(o.status.code(), o.status.message(), o.broker_addr);
  throw MQClientException(o.status.message(), o.status.code());
}

MQMessage Reply(RequestOutcome o) {
  if (!o.ok()) ThrowRequestError(o);
  return MQMessageAccess::Wrap(std::move(o.reply));
}

producer::RequestOutcomeCallback ToCallback(RequestCallback* cb) {
  return [cb](RequestOutcome o) {
    if (o.ok()) {
      MQMessage reply = MQMessageAccess::Wrap(std::move(o.reply));
      try {
        cb->onSuccess(reply);
      } catch (...) {
        // A throwing callback must not kill a library thread.
      }
      return;
    }
    if (o.reply_timeout) {
      RequestTimeoutException e(o.status.message(), o.status.code());
      cb->onException(e);
    } else if (o.broker_error) {
      MQBrokerException e(o.status.code(), o.status.message(), o.broker_addr);
      cb->onException(e);
    } else {
      MQClientException e(o.status.message(), o.status.code());
      cb->onException(e);
    }
  };
}

void CheckCallback(RequestCallback* cb) {
  if (cb == nullptr) throw MQClientException("the request callback is null", kCodeInvalidArgument);
}

void CheckSelector(MessageQueueSelector* selector) {
  if (selector == nullptr) throw MQClientException("the selector is null", kCodeInvalidArgument);
}

}  // namespace

MQMessage DefaultMQProducer::request(MQMessage& msg, long timeout_ms) {
  return Reply(producer::Request(impl().Engine(), MQMessageAccess::Get(msg), nullptr, nullptr,
                                 impl().Timeout(timeout_ms)));
}

MQMessage DefaultMQProducer::request(MQMessage& msg, const MQMessageQueue& mq, long timeout_ms) {
  MessageQueue target = ToInternal(mq);
  return Reply(producer::Request(impl().Engine(), MQMessageAccess::Get(msg), &target, nullptr,
                                 impl().Timeout(timeout_ms)));
}

MQMessage DefaultMQProducer::request(MQMessage& msg, MessageQueueSelector* selector, void* arg,
                                     long timeout_ms) {
  CheckSelector(selector);
  producer::QueueSelectFunction fn = producer::AdaptSelector(selector, arg);
  return Reply(producer::Request(impl().Engine(), MQMessageAccess::Get(msg), nullptr, &fn,
                                 impl().Timeout(timeout_ms)));
}

void DefaultMQProducer::request(MQMessage& msg, RequestCallback* callback, long timeout_ms) {
  CheckCallback(callback);
  producer::ThrowIfError(producer::RequestAsync(impl().Engine(), MQMessageAccess::Get(msg), nullptr,
                                                nullptr, impl().Timeout(timeout_ms),
                                                ToCallback(callback)));
}

void DefaultMQProducer::request(MQMessage& msg, const MQMessageQueue& mq, RequestCallback* callback,
                                long timeout_ms) {
  CheckCallback(callback);
  MessageQueue target = ToInternal(mq);
  producer::ThrowIfError(producer::RequestAsync(impl().Engine(), MQMessageAccess::Get(msg), &target,
                                                nullptr, impl().Timeout(timeout_ms),
                                                ToCallback(callback)));
}

void DefaultMQProducer::request(MQMessage& msg, MessageQueueSelector* selector, void* arg,
                                RequestCallback* callback, long timeout_ms) {
  CheckCallback(callback);
  CheckSelector(selector);
  producer::QueueSelectFunction fn = producer::AdaptSelector(selector, arg);
  producer::ThrowIfError(producer::RequestAsync(impl().Engine(), MQMessageAccess::Get(msg), nullptr,
                                                &fn, impl().Timeout(timeout_ms),
                                                ToCallback(callback)));
}

MQMessage createReplyMessage(const MQMessage& request, const std::string& body) {
  Result<Message> reply = producer::CreateReplyMessage(MQMessageAccess::Get(request), body);
  producer::ThrowIfError(reply.status());
  MQMessage out;
  static_cast<Message&>(MQMessageAccess::Get(out)) = std::move(reply).value();
  return out;
}

}  // namespace rocketmq
