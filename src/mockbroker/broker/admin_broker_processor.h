// AdminBrokerProcessor: the admin and offset codes (protocol.md §2.6, §2.15; Java
// AdminBrokerProcessor 4.9.x): UPDATE_AND_CREATE_TOPIC, DELETE_TOPIC_IN_BROKER,
// GET_ALL_TOPIC_CONFIG, UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, DELETE_SUBSCRIPTIONGROUP,
// GET_ALL_SUBSCRIPTIONGROUP_CONFIG, GET_ALL_CONSUMER_OFFSET, GET_BROKER_CONFIG,
// GET_BROKER_RUNTIME_INFO, QUERY_TOPIC_CONSUME_BY_WHO, GET_MAX_OFFSET, GET_MIN_OFFSET,
// SEARCH_OFFSET_BY_TIMESTAMP, GET_EARLIEST_MSG_STORETIME.
#pragma once

#include <memory>
#include <optional>

#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

class AdminBrokerProcessor : public remoting::RequestProcessor {
 public:
  explicit AdminBrokerProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;

 private:
  remoting::RemotingCommand UpdateAndCreateTopic(const remoting::RemotingCommand& request);
  remoting::RemotingCommand DeleteTopic(const remoting::RemotingCommand& request);
  remoting::RemotingCommand UpdateAndCreateSubscriptionGroup(
      const remoting::RemotingCommand& request);
  remoting::RemotingCommand OffsetQuery(const remoting::RemotingCommand& request);
  remoting::RemotingCommand RuntimeInfo(const remoting::RemotingCommand& request);

  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
