// The responder's side of request-reply (Java MessageUtil.createReplyMessage).
#pragma once

#include <string>

#include "mq_message.h"

namespace rocketmq {

// Builds the reply to `request` (a request message as a consumer received it): topic
// "<cluster>_REPLY_TOPIC", MSG_TYPE=reply, and the request's CORRELATION_ID, REPLY_TO_CLIENT and
// TTL properties. Send it with any started DefaultMQProducer's send(); the broker pushes it to
// the requester. Throws MQClientException when `request` has no CLUSTER property (it did not come
// from a broker).
MQMessage createReplyMessage(const MQMessage& request, const std::string& body);

}  // namespace rocketmq
