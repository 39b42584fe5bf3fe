// SendMessageProcessor: SEND_MESSAGE (10), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320)
// (protocol.md §2.4, Java SendMessageProcessor / AbstractSendMessageProcessor 4.9.x): topic
// checks and auto-creation, %RETRY% → %DLQ% diversion, the broker-side property changes
// (CLUSTER added, WAIT dropped, Java HashMap order), transaction half messages, and the
// put-status → response-code mapping with Java's remarks.
#pragma once

#include <memory>
#include <optional>

#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

class SendMessageProcessor : public remoting::RequestProcessor {
 public:
  explicit SendMessageProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;
  // A plain send (or batch) to a topic that exists: the append never waits (SYNC_FLUSH and
  // SYNC_MASTER answer later from their own threads), so it runs on the loop thread. Sends that
  // may create a topic (and persist topics.json) or a DLQ keep the send pool.
  bool RunsInLoop(const remoting::RemotingCommand& request) const override;

 private:
  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
