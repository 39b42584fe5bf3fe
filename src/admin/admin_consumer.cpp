// DefaultMQAdminExt: consumer progress and client connections.
#include <random>

#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "common/message_const.h"
#include "common/model/json_body.h"
#include "common/response_code.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// The address to ask about a group or topic: the master (or lowest id) of one broker group of
// `route`, picked at random as Java does; "" when the route has none.
std::string AnyBrokerOf(const rocketmq::TopicRouteData& route) {
  if (route.broker_datas.empty()) return "";
  static thread_local std::mt19937 rng{std::random_device{}()};
  const auto& bd = route.broker_datas[rng() % route.broker_datas.size()];
  return bd.SelectBrokerAddr();
}

}  // namespace

admin::ConsumeStats DefaultMQAdminExt::examineConsumeStats(const std::string& consumer_group,
                                                           const std::string& topic) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route = admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(
      kRetryGroupTopicPrefix + consumer_group, c.timeout_ms()));
  admin::ConsumeStats result;
  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetConsumeStats);
    request.SetExtField("consumerGroup", consumer_group);
    if (!topic.empty()) request.SetExtField("topic", topic);
    // Java waits three admin timeouts here: the broker walks every queue of the group.
    RemotingCommand response = admin::ValueOrThrowBroker(
        c.CallBroker(addr, std::move(request), c.timeout_ms() * 3), addr);
    rocketmq::ConsumeStats stats =
        admin::ValueOrThrowBroker(DecodeJsonBody<rocketmq::ConsumeStats>(response.body()), addr);
    for (const auto& [mq, w] : stats.offset_table) {
      result.offset_table[admin::ToPublicQueue(mq)] =
          admin::OffsetWrapper{w.broker_offset, w.consumer_offset, w.last_timestamp};
    }
    result.consume_tps += stats.consume_tps;
  }
  if (result.offset_table.empty()) {
    throw MQClientException(
        "Not found the consumer group consume stats, because return offset table is empty, maybe "
        "the consumer not consume any message",
        ResponseCode::kConsumerNotOnline);
  }
  return result;
}

admin::ConsumerConnection DefaultMQAdminExt::examineConsumerConnectionInfo(
    const std::string& consumer_group) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route = admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(
      kRetryGroupTopicPrefix + consumer_group, c.timeout_ms()));
  const std::string addr = AnyBrokerOf(route);
  admin::ConsumerConnection result;
  if (!addr.empty()) {
    RemotingCommand request =
        RemotingCommand::CreateRequest(RequestCode::kGetConsumerConnectionList);
    request.SetExtField("consumerGroup", consumer_group);
    RemotingCommand response = admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
    result = admin::ToPublic(admin::ValueOrThrowBroker(
        DecodeJsonBody<rocketmq::ConsumerConnection>(response.body()), addr));
  }
  if (result.connection_set.empty()) {
    throw MQClientException("Not found the consumer group connection",
                            ResponseCode::kConsumerNotOnline);
  }
  return result;
}

admin::ProducerConnection DefaultMQAdminExt::examineProducerConnectionInfo(
    const std::string& producer_group, const std::string& topic) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms()));
  const std::string addr = AnyBrokerOf(route);
  admin::ProducerConnection result;
  if (!addr.empty()) {
    RemotingCommand request =
        RemotingCommand::CreateRequest(RequestCode::kGetProducerConnectionList);
    request.SetExtField("producerGroup", producer_group);
    RemotingCommand response = admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
    result = admin::ToPublic(admin::ValueOrThrowBroker(
        DecodeJsonBody<rocketmq::ProducerConnection>(response.body()), addr));
  }
  if (result.connection_set.empty()) {
    throw MQClientException("Not found the producer group connection", -1);
  }
  return result;
}

}  // namespace rocketmq
