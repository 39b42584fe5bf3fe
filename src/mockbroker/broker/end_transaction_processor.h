// EndTransactionProcessor: END_TRANSACTION (37), the producer's verdict on a half message
// (protocol.md §2.9, Java EndTransactionProcessor 4.9.x). COMMIT re-stores the half message
// under its real topic and queue as a COMMIT-type record and then marks the half message done
// with an op record; ROLLBACK only marks it done; UNKNOWN (TRANSACTION_NOT_TYPE) and other values
// are ignored without an answer. A slave refuses with SLAVE_NOT_AVAILABLE. Clients send it
// oneway, so the answer matters only to callers that wait for one.
//
// Runs on the controller's end-transaction pool; stateless.
#pragma once

#include <memory>
#include <optional>

#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

class EndTransactionProcessor : public remoting::RequestProcessor {
 public:
  explicit EndTransactionProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;

 private:
  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
