// QueryMessageProcessor: QUERY_MESSAGE (12, by key or, with `_UNIQUE_KEY_QUERY`, by UNIQ_KEY)
// and VIEW_MESSAGE_BY_ID (33) (protocol.md §2.10, Java QueryMessageProcessor 4.9.x).
#pragma once

#include <memory>
#include <optional>

#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

class QueryMessageProcessor : public remoting::RequestProcessor {
 public:
  explicit QueryMessageProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;

 private:
  remoting::RemotingCommand QueryMessage(const remoting::RemotingCommand& request);
  remoting::RemotingCommand ViewMessageById(const remoting::RemotingCommand& request);

  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
