// ReplyMessageProcessor: SEND_REPLY_MESSAGE (324) and SEND_REPLY_MESSAGE_V2 (325), the reply half
// of request-reply (protocol.md §2.4, Java ReplyMessageProcessor 4.9.x). After the send checks it
// pushes the reply at once to the requesting client named by the REPLY_TO_CLIENT property (its
// producer connection) with PUSH_REPLY_MESSAGE_TO_CLIENT (326), waiting up to 10 s for the
// answer, and, when storeReplyMessageEnable, also stores it. The response is SUCCESS when the
// push succeeded, SYSTEM_ERROR with Java's remark when the requester is unknown or failed.
//
// Runs on the controller's reply pool (a push blocks its thread); stateless.
#pragma once

#include <memory>
#include <optional>

#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

class ReplyMessageProcessor : public remoting::RequestProcessor {
 public:
  explicit ReplyMessageProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;

 private:
  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
