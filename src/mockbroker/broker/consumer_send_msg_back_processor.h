// ConsumerSendMsgBackProcessor: CONSUMER_SEND_MSG_BACK (36), a consumer handing back a message
// it failed to consume (protocol.md §2.8, Java SendMessageProcessor.asyncConsumerSendMsgBack,
// 4.9.x). The stored original is re-put to %RETRY%<group> with DELAY = the requested level (or
// 3 + reconsumeTimes), so it comes back through SCHEDULE_TOPIC_XXXX; once reconsumeTimes reaches
// the max (or the level is negative) it goes to %DLQ%<group> instead. Both topics are created on
// demand. Runs on the send pool; stateless apart from the controller it points to.
#pragma once

#include <memory>
#include <optional>

#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

class ConsumerSendMsgBackProcessor : public remoting::RequestProcessor {
 public:
  explicit ConsumerSendMsgBackProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;

 private:
  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
