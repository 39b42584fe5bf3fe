// The consumer-facing admin codes of AdminBrokerProcessor (Java AdminBrokerProcessor and
// Broker2Client, 4.9.8): offset reset and consumer status through the group's clients, the
// calls mqadmin relays to one client (running info, consume a message directly), offset cloning
// and the consume time span of a topic.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/logging.h"
#include "common/message_id.h"
#include "common/model/get_consumer_status_body.h"
#include "common/model/json_body.h"
#include "common/model/message_queue_json.h"
#include "common/model/offset_tables.h"
#include "common/model/query_consume_time_span_body.h"
#include "common/response_code.h"
#include "common/time_util.h"
#include "mockbroker/broker/admin_broker_processor.h"
#include "mockbroker/broker/broker_controller.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// MQVersion ordinals that gate the broker -> client calls.
constexpr int32_t kVersionV3_0_7_Snapshot = 28;     // RESET / GET_CONSUMER_STATUS
constexpr int32_t kVersionV3_1_8_Snapshot = 62;     // GET_CONSUMER_RUNNING_INFO / CONSUME_DIRECTLY
constexpr int64_t kConsumerStatusTimeoutMs = 5000;  // Java Broker2Client.getConsumeStatus
constexpr int64_t kCallClientTimeoutMs = 10000;     // Java Broker2Client.callClient

// Java MQVersion.getVersionDesc for the ordinals these answers can name (all below
// V3_1_8_SNAPSHOT; newer ones are never refused).
std::string VersionDesc(int32_t version) {
  static const char* const kOld[] = {
      "V3_0_0_SNAPSHOT", "V3_0_0_ALPHA1",         "V3_0_0_BETA1", "V3_0_0_BETA2",
      "V3_0_0_BETA3",    "V3_0_0_BETA4",          "V3_0_0_BETA5", "V3_0_0_BETA6_SNAPSHOT",
      "V3_0_0_BETA6",    "V3_0_0_BETA7_SNAPSHOT", "V3_0_0_BETA7", "V3_0_0_BETA8_SNAPSHOT",
      "V3_0_0_BETA8",    "V3_0_0_BETA9_SNAPSHOT", "V3_0_0_BETA9", "V3_0_0_FINAL"};
  if (version < 0) version = 0;
  if (version < 16) return kOld[version];
  // From V3_0_1_SNAPSHOT (16) on the ordinals alternate <v>_SNAPSHOT, <v> through V3_0_15 and
  // V3_1_0 .. V3_1_7.
  const int32_t pair = (version - 16) / 2;
  const bool snapshot = (version - 16) % 2 == 0;
  const int32_t minor = pair < 15 ? 0 : 1;
  const int32_t patch = pair < 15 ? pair + 1 : pair - 15;
  return "V3_" + std::to_string(minor) + "_" + std::to_string(patch) +
         (snapshot ? "_SNAPSHOT" : "");
}

RemotingCommand MissingHeaderField(const RemotingCommand& request, const std::string& field) {
  return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                         "the custom field <" + field + "> is null");
}

// The first absent field of `fields` (Java checks @CFNotNull fields in declaration order).
const char* FirstMissing(const RemotingCommand& request,
                         std::initializer_list<const char*> fields) {
  for (const char* f : fields) {
    if (!request.ext_fields().Has(f)) return f;
  }
  return nullptr;
}

bool IsBlankText(const std::string& s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

}  // namespace

RemotingCommand AdminBrokerProcessor::ResetOffset(const RemotingCommand& request) {
  if (const char* f = FirstMissing(request, {"topic", "group", "timestamp", "isForce"})) {
    return MissingHeaderField(request, f);
  }
  const std::string topic = request.ext_fields().GetOr("topic");
  const std::string group = request.ext_fields().GetOr("group");
  Result<int64_t> ts = request.GetExtInt64("timestamp");
  const int64_t timestamp = ts.ok() ? *ts : 0;
  const bool is_force = request.GetExtBool("isForce");
  // Java picks the body form by the language of the admin request, not of each client.
  const bool is_c = request.language() == remoting::LanguageCode::kCpp;
  RMQ_LOG(kInfo) << "[reset-offset] reset offset started. topic=" << topic << ", group=" << group
                 << ", timestamp=" << timestamp << ", isForce=" << is_force;

  std::optional<TopicConfig> tc = controller_->topic_config_manager().Select(topic);
  if (!tc.has_value()) {
    return RemotingCommand::CreateResponse(
        request, ResponseCode::kSystemError,
        "[reset-offset] reset offset failed, no topic in this broker. topic=" + topic);
  }
  store::MessageStore& s = controller_->message_store();
  const std::string broker_name = controller_->broker_config().brokerName;
  ResetOffsetBody offsets;
  std::vector<std::pair<MessageQueue, int64_t>> in_order;
  for (int32_t q = 0; q < tc->write_queue_nums; ++q) {
    const int64_t consumer_offset =
        controller_->consumer_offset_manager().QueryOffset(group, topic, q);
    if (consumer_offset == -1) {
      return RemotingCommand::CreateResponse(
          request, ResponseCode::kSystemError,
          "THe consumer group <" + group + "> not exist");  // sic, Java's spelling
    }
    int64_t target = timestamp == -1 ? s.GetMaxOffsetInQueue(topic, q)
                                     : s.GetOffsetInQueueByTime(topic, q, timestamp);
    if (target < 0) {
      RMQ_LOG(kWarn) << "reset offset is invalid. topic=" << topic << ", queueId=" << q
                     << ", timeStampOffset=" << target;
      target = 0;
    }
    // Without force an offset only moves back.
    const int64_t chosen = (is_force || target < consumer_offset) ? target : consumer_offset;
    MessageQueue mq(topic, broker_name, q);
    offsets.offset_table[mq] = chosen;
    in_order.emplace_back(mq, chosen);
  }

  RemotingCommand reset = RemotingCommand::CreateRequest(RequestCode::kResetConsumerClientOffset);
  reset.SetExtField("topic", topic);
  reset.SetExtField("group", group);
  reset.SetExtField("timestamp", std::to_string(timestamp));
  reset.SetExtField("isForce", "false");  // Java never copies it into the forwarded header
  if (is_c) {
    // Java converts its HashMap entry by entry, so the list follows the map's order.
    ResetOffsetBodyForC body;
    std::vector<MessageQueue> keys;
    for (const auto& [mq, offset] : in_order) keys.push_back(mq);
    for (MessageQueue& mq : JavaMessageQueueKeyOrder(std::move(keys))) {
      const int64_t offset = offsets.offset_table.at(mq);
      body.offset_table.emplace_back(std::move(mq), offset);
    }
    reset.set_body(body.ToJson());
  } else {
    reset.set_body(offsets.ToJson());
  }

  std::optional<ConsumerGroupInfo> info = controller_->consumer_manager().GetGroup(group);
  if (!info.has_value() || info->channels.empty()) {
    std::string remark = "Consumer not online, so can not reset offset, Group: " + group +
                         " Topic: " + topic + " Timestamp: " + std::to_string(timestamp);
    RMQ_LOG(kError) << remark;
    return RemotingCommand::CreateResponse(request, ResponseCode::kConsumerNotOnline,
                                           std::move(remark));
  }
  for (const auto& [id, client] : info->channels) {
    if (client.version < kVersionV3_0_7_Snapshot) {
      RMQ_LOG(kWarn) << "[reset-offset] the client does not support this feature. channel="
                     << client.channel->RemoteAddress()
                     << ", version=" << VersionDesc(client.version);
      return RemotingCommand::CreateResponse(
          request, ResponseCode::kSystemError,
          "the client does not support this feature. version=" + VersionDesc(client.version));
    }
    Status st = client.channel->InvokeOneway(reset);
    if (st.ok()) {
      RMQ_LOG(kInfo) << "[reset-offset] reset offset success. topic=" << topic
                     << ", group=" << group << ", clientId=" << client.client_id;
    } else {
      RMQ_LOG(kError) << "[reset-offset] reset offset exception. topic=" << topic
                      << ", group=" << group << " ,error=" << st.ToString();
    }
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(offsets.ToJson());
  return resp;
}

RemotingCommand AdminBrokerProcessor::GetConsumerStatus(const RemotingCommand& request) {
  if (const char* f = FirstMissing(request, {"topic", "group"}))
    return MissingHeaderField(request, f);
  const std::string topic = request.ext_fields().GetOr("topic");
  const std::string group = request.ext_fields().GetOr("group");
  const std::string origin_client = request.ext_fields().GetOr("clientAddr");
  RMQ_LOG(kInfo) << "[get-consumer-status] get consumer status. topic=" << topic
                 << ", group=" << group;

  std::optional<ConsumerGroupInfo> info = controller_->consumer_manager().GetGroup(group);
  if (!info.has_value() || info->channels.empty()) {
    // (Java dereferences the missing group and fails with a NullPointerException instead.)
    return RemotingCommand::CreateResponse(
        request, ResponseCode::kSystemError,
        "No Any Consumer online in the consumer group: [" + group + "]");
  }
  RemotingCommand ask = RemotingCommand::CreateRequest(RequestCode::kGetConsumerStatusFromClient);
  ask.SetExtField("topic", topic);
  ask.SetExtField("group", group);
  GetConsumerStatusBody result;
  for (const auto& [id, client] : info->channels) {
    if (client.version < kVersionV3_0_7_Snapshot) {
      return RemotingCommand::CreateResponse(
          request, ResponseCode::kSystemError,
          "the client does not support this feature. version=" + VersionDesc(client.version));
    }
    if (!IsBlankText(origin_client) && origin_client != client.client_id) continue;
    Result<RemotingCommand> answer = client.channel->InvokeSync(ask, kConsumerStatusTimeoutMs);
    if (!answer.ok()) {
      RMQ_LOG(kError) << "[get-consumer-status] get consumer status exception. topic=" << topic
                      << ", group=" << group << ", error=" << answer.status().ToString();
    } else if (answer->code() == ResponseCode::kSuccess && !answer->body().empty()) {
      Result<GetConsumerStatusBody> body = DecodeJsonBody<GetConsumerStatusBody>(answer->body());
      if (body.ok()) {
        result.consumer_table[client.client_id] = std::move(body->message_queue_table);
      } else {
        RMQ_LOG(kError) << "[get-consumer-status] bad answer of " << client.client_id << ": "
                        << body.status().ToString();
      }
    }
    if (!IsBlankText(origin_client)) break;  // the one client asked for
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(result.ToJson());
  return resp;
}

RemotingCommand AdminBrokerProcessor::CallConsumer(int32_t code, const RemotingCommand& request,
                                                   const std::string& group,
                                                   const std::string& client_id) {
  std::optional<ConsumerGroupInfo> info = controller_->consumer_manager().GetGroup(group);
  const ClientChannelInfo* client = nullptr;
  if (info.has_value()) {
    for (const auto& [id, c] : info->channels) {
      if (c.client_id == client_id) {
        client = &c;
        break;
      }
    }
  }
  if (client == nullptr) {
    return RemotingCommand::CreateResponse(
        request, ResponseCode::kSystemError,
        "The Consumer <" + group + "> <" + client_id + "> not online");
  }
  if (client->version < kVersionV3_1_8_Snapshot) {
    return RemotingCommand::CreateResponse(
        request, ResponseCode::kSystemError,
        "The Consumer <" + client_id + "> Version <" + VersionDesc(client->version) +
            "> too low to finish, please upgrade it to V3_1_8_SNAPSHOT");
  }
  // The same header fields and body, under the broker's own request.
  RemotingCommand call = RemotingCommand::CreateRequest(code);
  call.mutable_ext_fields() = request.ext_fields();
  call.set_body(request.body());
  Result<RemotingCommand> answer =
      client->channel->InvokeSync(std::move(call), kCallClientTimeoutMs);
  if (answer.ok()) return std::move(*answer);  // the client's answer as is
  if (answer.status().IsTimeout()) {
    return RemotingCommand::CreateResponse(
        request, ResponseCode::kConsumeMsgTimeout,
        "consumer <" + group + "> <" + client_id + "> Timeout: " + answer.status().ToString());
  }
  return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                         "invoke consumer <" + group + "> <" + client_id +
                                             "> Exception: " + answer.status().ToString());
}

RemotingCommand AdminBrokerProcessor::ConsumerRunningInfo(const RemotingCommand& request) {
  if (const char* f = FirstMissing(request, {"consumerGroup", "clientId"})) {
    return MissingHeaderField(request, f);
  }
  // jstackEnable travels to the client with the other fields.
  return CallConsumer(RequestCode::kGetConsumerRunningInfo, request,
                      request.ext_fields().GetOr("consumerGroup"),
                      request.ext_fields().GetOr("clientId"));
}

RemotingCommand AdminBrokerProcessor::ConsumeMessageDirectly(RemotingCommand& request) {
  if (const char* f = FirstMissing(request, {"consumerGroup"}))
    return MissingHeaderField(request, f);
  // Java adds brokerName to the request's fields and puts the stored record into its body.
  request.SetExtField("brokerName", controller_->broker_config().brokerName);
  const std::string msg_id = request.ext_fields().GetOr("msgId");
  Result<OffsetMessageId> id = DecodeOffsetMessageId(msg_id);
  if (!id.ok()) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                           "bad msgId " + msg_id + ": " + id.status().message());
  }
  Result<std::string> record = controller_->message_store().LookMessageByOffset(id->offset);
  if (!record.ok()) {
    return RemotingCommand::CreateResponse(
        request, ResponseCode::kSystemError,
        "no message at offset " + std::to_string(id->offset) + ": " + record.status().message());
  }
  request.set_body(std::move(*record));
  return CallConsumer(RequestCode::kConsumeMessageDirectly, request,
                      request.ext_fields().GetOr("consumerGroup"),
                      request.ext_fields().GetOr("clientId"));
}

RemotingCommand AdminBrokerProcessor::CloneGroupOffset(const RemotingCommand& request) {
  if (const char* f = FirstMissing(request, {"srcGroup", "destGroup"})) {
    return MissingHeaderField(request, f);
  }
  const std::string src = request.ext_fields().GetOr("srcGroup");
  const std::string dest = request.ext_fields().GetOr("destGroup");
  const std::string* topic_field = request.ext_fields().Find("topic");
  const bool offline = request.GetExtBool("offline");
  ConsumerOffsetManager& offsets = controller_->consumer_offset_manager();
  std::set<std::string> topics;
  if (topic_field == nullptr || IsBlankText(*topic_field)) {
    topics = offsets.WhichTopicByConsumer(src);
  } else {
    topics.insert(*topic_field);
  }
  std::optional<ConsumerGroupInfo> online = controller_->consumer_manager().GetGroup(src);
  for (const std::string& topic : topics) {
    if (!controller_->topic_config_manager().Select(topic).has_value()) {
      RMQ_LOG(kWarn) << "[cloneGroupOffset], topic config not exist, " << topic;
      continue;
    }
    if (!offline && online.has_value() && !online->subscriptions.empty() &&
        online->subscriptions.count(topic) == 0) {
      RMQ_LOG(kWarn) << "[cloneGroupOffset], the consumer group[" << src << "], topic[" << topic
                     << "] not exist";
      continue;
    }
    // Java passes the header's topic here, not the loop's: without a topic header it looks up
    // "null@<srcGroup>" and copies nothing.
    offsets.CloneOffset(src, dest, topic_field != nullptr ? *topic_field : "null");
  }
  return RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
}

RemotingCommand AdminBrokerProcessor::QueryConsumeTimeSpan(const RemotingCommand& request) {
  if (const char* f = FirstMissing(request, {"topic", "group"}))
    return MissingHeaderField(request, f);
  const std::string topic = request.ext_fields().GetOr("topic");
  const std::string group = request.ext_fields().GetOr("group");
  std::optional<TopicConfig> tc = controller_->topic_config_manager().Select(topic);
  if (!tc.has_value()) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kTopicNotExist,
                                           "topic[" + topic + "] not exist");
  }
  store::MessageStore& s = controller_->message_store();
  const std::string broker_name = controller_->broker_config().brokerName;
  QueryConsumeTimeSpanBody body;
  for (int32_t q = 0; q < tc->write_queue_nums; ++q) {
    QueueTimeSpan span;
    span.message_queue = MessageQueue(topic, broker_name, q);
    span.min_time_stamp = s.GetEarliestMessageTime(topic, q);
    const int64_t max = s.GetMaxOffsetInQueue(topic, q);
    span.max_time_stamp = s.GetMessageStoreTimeStamp(topic, q, max - 1);
    const int64_t consumer_offset =
        controller_->consumer_offset_manager().QueryOffset(group, topic, q);
    span.consume_time_stamp = consumer_offset > 0
                                  ? s.GetMessageStoreTimeStamp(topic, q, consumer_offset - 1)
                                  : span.min_time_stamp;
    if (consumer_offset < max) {
      span.delay_time = NowMillis() - s.GetMessageStoreTimeStamp(topic, q, consumer_offset);
    }
    body.consume_time_span_set.push_back(std::move(span));
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(body.ToJson());
  return resp;
}

}  // namespace rocketmq::broker
