// The mqadmin statistics codes of AdminBrokerProcessor (protocol.md §2.15; Java
// AdminBrokerProcessor 4.9.x): topic stats, consume stats, connection lists, delay offsets and
// the system topic list.
#include <set>
#include <string>

#include "common/java_hash.h"
#include "common/model/connection_bodies.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/offset_tables.h"
#include "common/model/producer_table_info.h"
#include "common/response_code.h"
#include "mockbroker/broker/admin_broker_processor.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;

namespace {

// Answers Java gives when a @CFNotNull header field is absent.
RemotingCommand MissingField(const RemotingCommand& request, const std::string& field) {
  return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                         "the custom field <" + field + "> is null");
}

Connection ToConnection(const ClientChannelInfo& info) {
  Connection c;
  c.client_id = info.client_id;
  c.client_addr = info.channel ? info.channel->RemoteAddress() : std::string();
  c.language = remoting::LanguageName(info.language);
  c.version = info.version;
  return c;
}

}  // namespace

RemotingCommand AdminBrokerProcessor::TopicStats(const RemotingCommand& request) {
  Result<std::string> topic = request.GetExtString("topic");
  if (!topic.ok()) return MissingField(request, "topic");
  std::optional<TopicConfig> tc = controller_->topic_config_manager().Select(*topic);
  if (!tc.has_value()) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kTopicNotExist,
                                           "topic[" + *topic + "] not exist");
  }
  store::MessageStore& s = controller_->message_store();
  const std::string& broker_name = controller_->broker_config().brokerName;
  TopicStatsTable table;
  for (int32_t q = 0; q < tc->write_queue_nums; ++q) {
    TopicOffset off;
    off.min_offset = std::max<int64_t>(0, s.GetMinOffsetInQueue(*topic, q));
    off.max_offset = std::max<int64_t>(0, s.GetMaxOffsetInQueue(*topic, q));
    if (off.max_offset > 0) {
      off.last_update_timestamp = s.GetMessageStoreTimeStamp(*topic, q, off.max_offset - 1);
    }
    table.offset_table[MessageQueue(*topic, broker_name, q)] = off;
    table.put_order.emplace_back(*topic, broker_name, q);
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(table.ToJson());
  return resp;
}

RemotingCommand AdminBrokerProcessor::ConsumeStatsOf(const RemotingCommand& request) {
  Result<std::string> group = request.GetExtString("consumerGroup");
  if (!group.ok()) return MissingField(request, "consumerGroup");
  const std::string topic_header = request.ext_fields().GetOr("topic");
  std::set<std::string> topics;
  bool blank = topic_header.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) {
    topics = controller_->consumer_offset_manager().WhichTopicByConsumer(*group);
  } else {
    topics.insert(topic_header);
  }
  std::optional<ConsumerGroupInfo> online = controller_->consumer_manager().GetGroup(*group);
  store::MessageStore& s = controller_->message_store();
  const std::string& broker_name = controller_->broker_config().brokerName;
  ConsumeStats stats;
  // Java walks whichTopicByConsumer's HashSet (default capacity) in its iteration order.
  std::vector<std::string> topic_order(topics.begin(), topics.end());
  topic_order = JavaStringKeyOrder(std::move(topic_order), JavaHashMapTableSize(topics.size()));
  for (const std::string& topic : topic_order) {
    std::optional<TopicConfig> tc = controller_->topic_config_manager().Select(topic);
    if (!tc.has_value()) continue;
    // Java skips topics the online group does not subscribe to.
    if (online.has_value() && !online->subscriptions.empty() &&
        online->subscriptions.count(topic) == 0) {
      continue;
    }
    for (int32_t q = 0; q < tc->read_queue_nums; ++q) {
      OffsetWrapper w;
      w.broker_offset = std::max<int64_t>(0, s.GetMaxOffsetInQueue(topic, q));
      w.consumer_offset = std::max<int64_t>(
          0, controller_->consumer_offset_manager().QueryOffset(*group, topic, q));
      if (w.consumer_offset - 1 >= 0) {
        int64_t ts = s.GetMessageStoreTimeStamp(topic, q, w.consumer_offset - 1);
        if (ts > 0) w.last_timestamp = ts;
      }
      stats.offset_table[MessageQueue(topic, broker_name, q)] = w;
      stats.put_order.emplace_back(topic, broker_name, q);
    }
    stats.consume_tps += controller_->broker_stats_manager().TpsGroupGetNums(*group, topic);
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(stats.ToJson());
  return resp;
}

RemotingCommand AdminBrokerProcessor::ConsumerConnectionList(const RemotingCommand& request) {
  Result<std::string> group = request.GetExtString("consumerGroup");
  if (!group.ok()) return MissingField(request, "consumerGroup");
  std::optional<ConsumerGroupInfo> info = controller_->consumer_manager().GetGroup(*group);
  if (!info.has_value() || info->channels.empty()) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kConsumerNotOnline,
                                           "the consumer group[" + *group + "] not online");
  }
  ConsumerConnection body;
  body.consume_from_where = info->consume_from_where;
  body.consume_type = info->consume_type;
  body.message_model = info->message_model;
  body.subscription_table = info->subscriptions;
  for (const auto& [id, channel_info] : info->channels) {
    body.connection_set.push_back(ToConnection(channel_info));
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(body.ToJson());
  return resp;
}

RemotingCommand AdminBrokerProcessor::ProducerConnectionList(const RemotingCommand& request) {
  Result<std::string> group = request.GetExtString("producerGroup");
  if (!group.ok()) return MissingField(request, "producerGroup");
  std::vector<ClientChannelInfo> infos = controller_->producer_manager().GetConnections(*group);
  if (infos.empty()) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                           "the producer group[" + *group + "] not exist");
  }
  ProducerConnection body;
  for (const ClientChannelInfo& info : infos) body.connection_set.push_back(ToConnection(info));
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(body.ToJson());
  return resp;
}

RemotingCommand AdminBrokerProcessor::AllProducerInfo(const RemotingCommand& request) {
  ProducerTableInfo table;
  for (const auto& [group, infos] : controller_->producer_manager().GetAllConnections()) {
    for (const ClientChannelInfo& info : infos) {
      ProducerInfo p;
      p.client_id = info.client_id;
      // Java InetSocketAddress.toString(): "/ip:port".
      p.remote_ip = "/" + (info.channel ? info.channel->RemoteAddress() : std::string());
      p.language = remoting::LanguageName(info.language);
      p.version = info.version;
      p.last_update_timestamp = info.last_update_timestamp;
      table.data[group].push_back(std::move(p));
    }
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(table.ToJson());
  return resp;
}

RemotingCommand AdminBrokerProcessor::AllDelayOffset(const RemotingCommand& request) {
  // Java encodes the live ScheduleMessageService table (compact); it is never empty text, so
  // the "No delay offset in this broker" error of the Java code cannot happen here.
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(controller_->schedule_message_service().Encode(/*pretty=*/false));
  return resp;
}

RemotingCommand AdminBrokerProcessor::SystemTopicList(const RemotingCommand& request) {
  // Java TopicValidator's static set plus the topics TopicConfigManager registers as system.
  std::set<std::string> topics = {
      kAutoCreateTopicKey, kScheduleTopicName,      kBenchmarkTopic,
      kTransHalfTopic,     "RMQ_SYS_TRACE_TOPIC",   kTransOpHalfTopic,
      kSelfTestTopic,      kTransCheckMaxTimeTopic, kOffsetMovedEventTopic};
  TopicConfigManager& manager = controller_->topic_config_manager();
  for (const auto& [name, config] : manager.BuildSerializeWrapper().topic_config_table) {
    if (manager.IsSystemTopic(name)) topics.insert(name);
  }
  TopicList list;
  list.topic_list.assign(topics.begin(), topics.end());
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(list.ToJson());
  return resp;
}

}  // namespace rocketmq::broker
