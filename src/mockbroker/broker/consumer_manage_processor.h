// ConsumerManageProcessor: QUERY_CONSUMER_OFFSET (14), UPDATE_CONSUMER_OFFSET (15) and
// GET_CONSUMER_LIST_BY_GROUP (38) (protocol.md §2.6, §2.7; Java ConsumerManageProcessor 4.9.x).
#pragma once

#include <memory>
#include <optional>

#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

class ConsumerManageProcessor : public remoting::RequestProcessor {
 public:
  explicit ConsumerManageProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;

 private:
  remoting::RemotingCommand QueryConsumerOffset(const remoting::RemotingCommand& request);
  remoting::RemotingCommand UpdateConsumerOffset(const std::shared_ptr<remoting::Channel>& ch,
                                                 const remoting::RemotingCommand& request);
  remoting::RemotingCommand GetConsumerListByGroup(const remoting::RemotingCommand& request);

  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
