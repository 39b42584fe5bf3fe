// Request-reply over RocketMQ (Java DefaultMQProducerImpl.request* and MessageUtil): a request
// message carries CORRELATION_ID (a random UUID), REPLY_TO_CLIENT (the requester's client id)
// and TTL (the timeout); a responder answers with CreateReplyMessage(), sent like any message
// (the producer uses SEND_REPLY_MESSAGE_V2 for MSG_TYPE=reply), and the broker pushes the reply
// straight to the requester (PUSH_REPLY_MESSAGE_TO_CLIENT), whose ClientInstance completes the
// waiting future (client/request_future_table.h).
//
// Threads: Request blocks the caller; RequestAsync's callback runs on the remoting processor
// pool (reply), a send callback thread (send failure) or the instance scheduler (timeout).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "common/message_ext.h"
#include "producer/default_mq_producer_impl.h"

namespace rocketmq::producer {

// The outcome of a request: a reply, or why there is none.
struct RequestOutcome {
  Status status;
  MessageExt reply;
  // The request was stored but no reply came in time (Java RequestTimeoutException).
  bool reply_timeout = false;
  // The send failed with a broker response code (MQBrokerException); otherwise a client error.
  bool broker_error = false;
  std::string broker_addr;

  bool ok() const { return status.ok(); }
};
using RequestOutcomeCallback = std::function<void(RequestOutcome)>;

// Sends `msg` as a request (to the queue `mq` or the one `selector` picks when given, else the
// default queue choice) and waits up to `timeout_ms` for the reply. Sets the request properties
// on `msg`.
RequestOutcome Request(DefaultMQProducerImpl& producer, Message& msg, const MessageQueue* mq,
                       const QueueSelectFunction* selector, int64_t timeout_ms);
// As Request, without blocking: `callback` runs exactly once. Non-OK (and no callback) only when
// the producer is not running.
Status RequestAsync(DefaultMQProducerImpl& producer, Message& msg, const MessageQueue* mq,
                    const QueueSelectFunction* selector, int64_t timeout_ms,
                    RequestOutcomeCallback callback);

// Java CorrelationIdUtil.createCorrelationId: a random (version 4) UUID, lowercase.
std::string CreateCorrelationId();

// Java MessageUtil.createReplyMessage: topic "<CLUSTER>_REPLY_TOPIC", MSG_TYPE=reply, and the
// request's CORRELATION_ID, REPLY_TO_CLIENT and TTL. InvalidArgument when the request has no
// CLUSTER property (it was not read from a broker).
Result<Message> CreateReplyMessage(const Message& request, std::string body);

}  // namespace rocketmq::producer
