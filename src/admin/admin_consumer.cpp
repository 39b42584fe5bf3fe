// DefaultMQAdminExt: consumer progress and client connections.
#include <random>

#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "common/message_const.h"
#include "common/model/broker_stats_data.h"
#include "common/model/consume_stats_list.h"
#include "common/model/consumer_running_info.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/producer_table_info.h"
#include "common/model/query_consume_time_span_body.h"
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
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(
          kRetryGroupTopicPrefix + consumer_group, c.timeout_ms()));
  admin::ConsumeStats result;
  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetConsumeStats);
    request.SetExtField("consumerGroup", consumer_group);
    if (!topic.empty()) request.SetExtField("topic", topic);
    // Java waits three admin timeouts here: the broker walks every queue of the group.
    RemotingCommand response =
        admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request), c.timeout_ms() * 3), addr);
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
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(
          kRetryGroupTopicPrefix + consumer_group, c.timeout_ms()));
  const std::string addr = AnyBrokerOf(route);
  admin::ConsumerConnection result;
  if (!addr.empty()) {
    RemotingCommand request =
        RemotingCommand::CreateRequest(RequestCode::kGetConsumerConnectionList);
    request.SetExtField("consumerGroup", consumer_group);
    RemotingCommand response =
        admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
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
    RemotingCommand response =
        admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
    result = admin::ToPublic(admin::ValueOrThrowBroker(
        DecodeJsonBody<rocketmq::ProducerConnection>(response.body()), addr));
  }
  if (result.connection_set.empty()) {
    throw MQClientException("Not found the producer group connection", -1);
  }
  return result;
}

admin::ConsumerConnection DefaultMQAdminExt::examineConsumerConnectionInfo(
    const std::string& consumer_group, const std::string& broker_addr) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetConsumerConnectionList);
  request.SetExtField("consumerGroup", consumer_group);
  RemotingCommand response =
      admin::ValueOrThrowBroker(c.CallBroker(broker_addr, std::move(request)), broker_addr);
  return admin::ToPublic(admin::ValueOrThrowBroker(
      DecodeJsonBody<rocketmq::ConsumerConnection>(response.body()), broker_addr));
}

admin::ConsumerRunningInfo DefaultMQAdminExt::getConsumerRunningInfo(
    const std::string& consumer_group, const std::string& client_id, bool jstack) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(
          kRetryGroupTopicPrefix + consumer_group, c.timeout_ms()));
  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetConsumerRunningInfo);
    request.SetExtField("consumerGroup", consumer_group);
    request.SetExtField("clientId", client_id);
    request.SetExtField("jstackEnable", jstack ? "true" : "false");
    // The broker forwards the request to the client: Java allows three admin timeouts. Errors
    // are MQClientException in Java (the client's or the broker's code and remark).
    RemotingCommand response =
        admin::ValueOrThrowClient(c.CallBroker(addr, std::move(request), c.timeout_ms() * 3));
    if (response.body().empty()) {
      throw MQClientException("the consumer " + client_id + " sent no running info",
                              ResponseCode::kSystemError);
    }
    return admin::ToPublic(
        admin::ValueOrThrowClient(DecodeJsonBody<rocketmq::ConsumerRunningInfo>(response.body())));
  }
  throw MQClientException(
      "no broker serves " + std::string(kRetryGroupTopicPrefix) + consumer_group,
      ResponseCode::kTopicNotExist);
}

admin::GroupList DefaultMQAdminExt::queryTopicConsumeByWho(const std::string& topic) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms()));
  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kQueryTopicConsumeByWho);
    request.SetExtField("topic", topic);
    RemotingCommand response =
        admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
    rocketmq::GroupList groups =
        admin::ValueOrThrowBroker(DecodeJsonBody<rocketmq::GroupList>(response.body()), addr);
    // Java asks the first broker group only.
    return admin::GroupList{groups.group_list};
  }
  return admin::GroupList{};
}

admin::ConsumeStatsList DefaultMQAdminExt::fetchConsumeStatsInBroker(const std::string& broker_addr,
                                                                     bool is_order,
                                                                     int64_t timeout_ms) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetBrokerConsumeStats);
  request.SetExtField("isOrder", is_order ? "true" : "false");
  // Java: MQClientException with the broker's code and remark.
  RemotingCommand response =
      admin::ValueOrThrowClient(c.CallBroker(broker_addr, std::move(request), timeout_ms));
  rocketmq::ConsumeStatsList list =
      admin::ValueOrThrowClient(DecodeJsonBody<rocketmq::ConsumeStatsList>(response.body()));
  admin::ConsumeStatsList result;
  result.broker_addr = list.broker_addr.value_or("");
  result.total_diff = list.total_diff;
  for (const auto& group_map : list.consume_stats_list) {
    for (const auto& [group, stats] : group_map) {
      std::vector<admin::ConsumeStats> converted;
      for (const rocketmq::ConsumeStats& cs : stats) converted.push_back(admin::ToPublic(cs));
      result.consume_stats_list.emplace_back(group, std::move(converted));
    }
  }
  return result;
}

admin::ProducerTableInfo DefaultMQAdminExt::getAllProducerInfo(const std::string& broker_addr) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetAllProducerInfo);
  RemotingCommand response =
      admin::ValueOrThrowBroker(c.CallBroker(broker_addr, std::move(request)), broker_addr);
  rocketmq::ProducerTableInfo table = admin::ValueOrThrowBroker(
      DecodeJsonBody<rocketmq::ProducerTableInfo>(response.body()), broker_addr);
  admin::ProducerTableInfo result;
  for (const auto& [group, infos] : table.data) {
    auto& out = result.data[group];
    for (const rocketmq::ProducerInfo& p : infos) {
      out.push_back(admin::ProducerInfo{p.client_id, p.remote_ip, p.language, p.version,
                                        p.last_update_timestamp});
    }
  }
  return result;
}

std::vector<admin::QueueTimeSpan> DefaultMQAdminExt::queryConsumeTimeSpan(
    const std::string& topic, const std::string& group) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms()));
  std::vector<admin::QueueTimeSpan> result;
  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kQueryConsumeTimeSpan);
    request.SetExtField("topic", topic);
    request.SetExtField("group", group);
    RemotingCommand response =
        admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
    rocketmq::QueryConsumeTimeSpanBody body = admin::ValueOrThrowBroker(
        DecodeJsonBody<rocketmq::QueryConsumeTimeSpanBody>(response.body()), addr);
    for (const rocketmq::QueueTimeSpan& span : body.consume_time_span_set) {
      result.push_back(admin::QueueTimeSpan{admin::ToPublicQueue(span.message_queue),
                                            span.min_time_stamp, span.max_time_stamp,
                                            span.consume_time_stamp, span.delay_time});
    }
  }
  return result;
}

admin::BrokerStatsData DefaultMQAdminExt::viewBrokerStatsData(const std::string& broker_addr,
                                                              const std::string& stats_name,
                                                              const std::string& stats_key) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kViewBrokerStatsData);
  request.SetExtField("statsName", stats_name);
  request.SetExtField("statsKey", stats_key);
  // Java: MQClientException with the broker's code and remark.
  RemotingCommand response =
      admin::ValueOrThrowClient(c.CallBroker(broker_addr, std::move(request)));
  rocketmq::BrokerStatsData data =
      admin::ValueOrThrowClient(DecodeJsonBody<rocketmq::BrokerStatsData>(response.body()));
  auto item = [](const rocketmq::BrokerStatsItem& i) {
    return admin::BrokerStatsItem{i.sum, i.tps, i.avgpt};
  };
  return admin::BrokerStatsData{item(data.stats_minute), item(data.stats_hour),
                                item(data.stats_day)};
}

}  // namespace rocketmq
