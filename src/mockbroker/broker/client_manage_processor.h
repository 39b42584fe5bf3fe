// ClientManageProcessor: HEART_BEAT (34) and UNREGISTER_CLIENT (35) (protocol.md §2.7; Java
// ClientManageProcessor 4.9.x). A heartbeat creates the %RETRY% topic of each consumer group
// (and the group config when auto-creation is on) and registers the channel.
#pragma once

#include <memory>
#include <optional>

#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

class ClientManageProcessor : public remoting::RequestProcessor {
 public:
  explicit ClientManageProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;

 private:
  remoting::RemotingCommand HeartBeat(const std::shared_ptr<remoting::Channel>& channel,
                                      const remoting::RemotingCommand& request);
  remoting::RemotingCommand UnregisterClient(const std::shared_ptr<remoting::Channel>& channel,
                                             const remoting::RemotingCommand& request);

  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
