#include "mockbroker/namesrv/namesrv_processor.h"

#include <string>

#include "common/crc32.h"
#include "common/logging.h"
#include "common/model/json_body.h"
#include "common/properties.h"
#include "common/response_code.h"
#include "remoting/request_code.h"

namespace rocketmq::namesrv {

namespace {

using remoting::RemotingCommand;
using remoting::RequestCode;

// MQVersion ordinals that change NameServer behaviour (protocol.md §1.6).
constexpr int32_t kVersionV3_0_11 = 37;  // REGISTER_BROKER body is a RegisterBrokerBody
constexpr int32_t kVersionV4_9_4 = 401;  // route bodies in standard JSON

constexpr const char* kFaqApplyTopicSuffix =
    "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

// A header field as Java's String.valueOf would print it in a remark ("null" when absent).
std::string FieldText(const RemotingCommand& req, std::string_view key) {
  const std::string* v = req.ext_fields().Find(key);
  return v != nullptr ? *v : std::string("null");
}

RemotingCommand Success(const RemotingCommand& req) {
  return RemotingCommand::CreateResponse(req, ResponseCode::kSuccess);
}

// Java's createResponseCommand(SomeResponseHeader.class): extFields present, maybe empty.
RemotingCommand SuccessWithHeader(const RemotingCommand& req) {
  RemotingCommand response = Success(req);
  response.mutable_ext_fields();
  return response;
}

RemotingCommand Error(const RemotingCommand& req, int32_t code, std::string remark) {
  return RemotingCommand::CreateResponse(req, code, std::move(remark));
}

RemotingCommand MissingField(const RemotingCommand& req, const char* field) {
  return Error(req, ResponseCode::kSystemError,
               std::string("the custom field <") + field + "> is null");
}

RemotingCommand WithBody(RemotingCommand response, std::string body) {
  response.set_body(std::move(body));
  return response;
}

}  // namespace

NamesrvProcessor::NamesrvProcessor(RouteInfoManager& routes, KvConfigManager& kv,
                                   NamesrvConfiguration& configuration)
    : routes_(routes), kv_(kv), configuration_(configuration) {}

const std::vector<int32_t>& NamesrvProcessor::Codes() {
  static const std::vector<int32_t> kCodes = {
      RequestCode::kPutKvConfig,
      RequestCode::kGetKvConfig,
      RequestCode::kDeleteKvConfig,
      RequestCode::kQueryDataVersion,
      RequestCode::kRegisterBroker,
      RequestCode::kUnregisterBroker,
      RequestCode::kGetRouteinfoByTopic,
      RequestCode::kGetBrokerClusterInfo,
      RequestCode::kWipeWritePermOfBroker,
      RequestCode::kAddWritePermOfBroker,
      RequestCode::kGetAllTopicListFromNameServer,
      RequestCode::kDeleteTopicInNamesrv,
      RequestCode::kRegisterTopicInNamesrv,
      RequestCode::kGetKvlistByNamespace,
      RequestCode::kGetTopicsByCluster,
      RequestCode::kGetSystemTopicListFromNs,
      RequestCode::kGetUnitTopicList,
      RequestCode::kGetHasUnitSubTopicList,
      RequestCode::kGetHasUnitSubUnunitTopicList,
      RequestCode::kUpdateNamesrvConfig,
      RequestCode::kGetNamesrvConfig,
  };
  return kCodes;
}

std::optional<RemotingCommand> NamesrvProcessor::ProcessRequest(
    const std::shared_ptr<remoting::Channel>& channel, RemotingCommand& req) {
  RMQ_LOG(kDebug) << "receive request from "
                  << (channel != nullptr ? channel->RemoteAddress() : std::string("?")) << ": "
                  << req.ToString();
  switch (req.code()) {
    case RequestCode::kPutKvConfig:
      return PutKvConfig(req);
    case RequestCode::kGetKvConfig:
      return GetKvConfig(req);
    case RequestCode::kDeleteKvConfig:
      return DeleteKvConfig(req);
    case RequestCode::kQueryDataVersion:
      return QueryDataVersion(req);
    case RequestCode::kRegisterBroker:
      return RegisterBroker(channel, req);
    case RequestCode::kUnregisterBroker:
      return UnregisterBroker(req);
    case RequestCode::kGetRouteinfoByTopic:
      return GetRouteInfoByTopic(req);
    case RequestCode::kGetBrokerClusterInfo:
      // Always plain fastjson (numeric brokerAddrs keys unquoted), whatever the version.
      return WithBody(Success(req), routes_.GetAllClusterInfo().ToJson(JsonStyle::kFastjson));
    case RequestCode::kWipeWritePermOfBroker:
      return WritePerm(req, true);
    case RequestCode::kAddWritePermOfBroker:
      return WritePerm(req, false);
    case RequestCode::kGetAllTopicListFromNameServer:
      return WithBody(Success(req), routes_.GetAllTopicList().ToJson());
    case RequestCode::kDeleteTopicInNamesrv:
      return DeleteTopic(req);
    case RequestCode::kRegisterTopicInNamesrv:
      return RegisterTopic(req);
    case RequestCode::kGetKvlistByNamespace:
      return GetKvListByNamespace(req);
    case RequestCode::kGetTopicsByCluster:
      return WithBody(Success(req),
                      routes_.GetTopicsByCluster(req.ext_fields().GetOr("cluster")).ToJson());
    case RequestCode::kGetSystemTopicListFromNs:
      return WithBody(Success(req), routes_.GetSystemTopicList().ToJson());
    case RequestCode::kGetUnitTopicList:
      return WithBody(Success(req), routes_.GetUnitTopics().ToJson());
    case RequestCode::kGetHasUnitSubTopicList:
      return WithBody(Success(req), routes_.GetHasUnitSubTopicList().ToJson());
    case RequestCode::kGetHasUnitSubUnunitTopicList:
      return WithBody(Success(req), routes_.GetHasUnitSubUnUnitTopicList().ToJson());
    case RequestCode::kUpdateNamesrvConfig:
      return UpdateConfig(req);
    case RequestCode::kGetNamesrvConfig:
      return GetConfig(req);
    default:
      return Error(req, ResponseCode::kRequestCodeNotSupported,
                   " request type " + std::to_string(req.code()) + " not supported");
  }
}

RemotingCommand NamesrvProcessor::RegisterBroker(const std::shared_ptr<remoting::Channel>& channel,
                                                 const RemotingCommand& req) {
  BrokerIdentity broker;
  for (const char* required : {"brokerName", "brokerAddr", "clusterName", "brokerId"}) {
    if (!req.ext_fields().Has(required)) return MissingField(req, required);
  }
  broker.broker_name = req.ext_fields().GetOr("brokerName");
  broker.broker_addr = req.ext_fields().GetOr("brokerAddr");
  broker.cluster_name = req.ext_fields().GetOr("clusterName");
  Result<int64_t> id = req.GetExtInt64("brokerId");
  if (!id.ok()) return Error(req, ResponseCode::kSystemError, id.status().message());
  broker.broker_id = *id;
  const std::string ha_server_addr = req.ext_fields().GetOr("haServerAddr");

  Result<int32_t> crc = req.GetExtInt32("bodyCrc32");
  if (crc.ok() && *crc != 0 && *crc != RocketmqCrc32(req.body())) {
    RMQ_LOG(kWarn) << "receive registerBroker request, crc32 not match, from "
                   << (channel != nullptr ? channel->RemoteAddress() : std::string("?"));
    return Error(req, ResponseCode::kSystemError, "crc32 not match");
  }

  TopicConfigSerializeWrapper topic_config;  // no body: DataVersion {0, 0}
  std::vector<std::string> filter_servers;
  const std::vector<std::string>* filter_server_list = nullptr;
  if (!req.body().empty()) {
    if (req.version() >= kVersionV3_0_11) {
      Result<RegisterBrokerBody> body =
          RegisterBrokerBody::Decode(req.body(), req.GetExtBool("compressed"));
      if (!body.ok()) {
        return Error(req, ResponseCode::kSystemError,
                     "Failed to decode RegisterBrokerBody: " + body.status().message());
      }
      topic_config = std::move(body->topic_config_serialize_wrapper);
      filter_servers = std::move(body->filter_server_list);
      filter_server_list = &filter_servers;
    } else {
      Result<TopicConfigSerializeWrapper> wrapper =
          DecodeJsonBody<TopicConfigSerializeWrapper>(req.body());
      if (!wrapper.ok()) {
        return Error(req, ResponseCode::kSystemError,
                     "Failed to decode TopicConfigSerializeWrapper: " + wrapper.status().message());
      }
      topic_config = std::move(*wrapper);
    }
  } else if (req.version() >= kVersionV3_0_11) {
    filter_server_list = &filter_servers;
  }

  RegisterBrokerResult result =
      routes_.RegisterBroker(broker, ha_server_addr, topic_config, filter_server_list, channel);
  RemotingCommand response = SuccessWithHeader(req);
  if (result.ha_server_addr) response.SetExtField("haServerAddr", *result.ha_server_addr);
  if (result.master_addr) response.SetExtField("masterAddr", *result.master_addr);
  if (std::optional<std::string> order = kv_.GetKvListByNamespace(kNamespaceOrderTopicConfig)) {
    response.set_body(std::move(*order));
  }
  return response;
}

RemotingCommand NamesrvProcessor::UnregisterBroker(const RemotingCommand& req) {
  for (const char* required : {"brokerName", "brokerAddr", "clusterName", "brokerId"}) {
    if (!req.ext_fields().Has(required)) return MissingField(req, required);
  }
  BrokerIdentity broker;
  broker.broker_name = req.ext_fields().GetOr("brokerName");
  broker.broker_addr = req.ext_fields().GetOr("brokerAddr");
  broker.cluster_name = req.ext_fields().GetOr("clusterName");
  Result<int64_t> id = req.GetExtInt64("brokerId");
  if (!id.ok()) return Error(req, ResponseCode::kSystemError, id.status().message());
  broker.broker_id = *id;
  routes_.UnregisterBroker(broker);
  return Success(req);
}

RemotingCommand NamesrvProcessor::GetRouteInfoByTopic(const RemotingCommand& req) {
  const std::string topic = FieldText(req, "topic");
  std::optional<TopicRouteData> route;
  if (req.ext_fields().Has("topic")) route = routes_.PickupTopicRouteData(topic);
  if (!route) {
    return Error(
        req, ResponseCode::kTopicNotExist,
        "No topic route info in name server for the topic: " + topic + kFaqApplyTopicSuffix);
  }
  if (configuration_.Snapshot().order_message_enable) {
    route->order_topic_conf = kv_.Get(kNamespaceOrderTopicConfig, topic);
  }
  const bool standard =
      req.version() >= kVersionV4_9_4 || req.GetExtBool("acceptStandardJsonOnly", false);
  return WithBody(Success(req),
                  route->ToJson(standard ? JsonStyle::kBrowserCompatible : JsonStyle::kFastjson));
}

RemotingCommand NamesrvProcessor::PutKvConfig(const RemotingCommand& req) {
  const std::string* ns = req.ext_fields().Find("namespace");
  const std::string* key = req.ext_fields().Find("key");
  if (ns == nullptr || key == nullptr) {
    return Error(req, ResponseCode::kSystemError, "namespace or key is null");
  }
  if (const std::string* value = req.ext_fields().Find("value")) {
    kv_.Put(*ns, *key, *value);
  } else {
    kv_.Delete(*ns, *key);  // Java stores a null value, which reads back as absent
  }
  return Success(req);
}

RemotingCommand NamesrvProcessor::GetKvConfig(const RemotingCommand& req) {
  const std::string* ns = req.ext_fields().Find("namespace");
  const std::string* key = req.ext_fields().Find("key");
  std::optional<std::string> value;
  if (ns != nullptr && key != nullptr) value = kv_.Get(*ns, *key);
  RemotingCommand response = SuccessWithHeader(req);
  if (value) {
    response.SetExtField("value", *value);
    return response;
  }
  response.set_code(ResponseCode::kQueryNotFound);
  response.set_remark("No config item, Namespace: " + FieldText(req, "namespace") +
                      " Key: " + FieldText(req, "key"));
  return response;
}

RemotingCommand NamesrvProcessor::DeleteKvConfig(const RemotingCommand& req) {
  const std::string* ns = req.ext_fields().Find("namespace");
  const std::string* key = req.ext_fields().Find("key");
  if (ns != nullptr && key != nullptr) kv_.Delete(*ns, *key);
  return Success(req);
}

RemotingCommand NamesrvProcessor::GetKvListByNamespace(const RemotingCommand& req) {
  const std::string* ns = req.ext_fields().Find("namespace");
  std::optional<std::string> table;
  if (ns != nullptr) table = kv_.GetKvListByNamespace(*ns);
  if (table) return WithBody(Success(req), std::move(*table));
  return Error(req, ResponseCode::kQueryNotFound,
               "No config item, Namespace: " + FieldText(req, "namespace"));
}

RemotingCommand NamesrvProcessor::QueryDataVersion(const RemotingCommand& req) {
  if (!req.ext_fields().Has("brokerAddr")) return MissingField(req, "brokerAddr");
  const std::string broker_addr = req.ext_fields().GetOr("brokerAddr");
  Result<DataVersion> version = DecodeJsonBody<DataVersion>(req.body());
  if (!version.ok()) {
    return Error(req, ResponseCode::kSystemError,
                 "Failed to decode DataVersion: " + version.status().message());
  }
  const bool changed = routes_.IsBrokerTopicConfigChanged(broker_addr, *version);
  if (!changed) routes_.UpdateBrokerInfoUpdateTimestamp(broker_addr);
  RemotingCommand response = SuccessWithHeader(req);
  if (std::optional<DataVersion> ours = routes_.QueryBrokerTopicConfig(broker_addr)) {
    response.set_body(ours->ToJson());
  }
  response.SetExtField("changed", changed ? "true" : "false");
  return response;
}

RemotingCommand NamesrvProcessor::WritePerm(const RemotingCommand& req, bool wipe) {
  const std::string broker_name = req.ext_fields().GetOr("brokerName");
  const int count =
      wipe ? routes_.WipeWritePermOfBroker(broker_name) : routes_.AddWritePermOfBroker(broker_name);
  RMQ_LOG(kInfo) << (wipe ? "wipe" : "add") << " write perm of broker[" << broker_name << "], "
                 << count;
  RemotingCommand response = SuccessWithHeader(req);
  response.SetExtField(wipe ? "wipeTopicCount" : "addTopicCount", std::to_string(count));
  return response;
}

RemotingCommand NamesrvProcessor::DeleteTopic(const RemotingCommand& req) {
  const std::string topic = req.ext_fields().GetOr("topic");
  const std::string cluster = req.ext_fields().GetOr("clusterName");
  if (!cluster.empty()) {
    routes_.DeleteTopic(topic, cluster);
  } else {
    routes_.DeleteTopic(topic);
  }
  return Success(req);
}

RemotingCommand NamesrvProcessor::UpdateConfig(const RemotingCommand& req) {
  // Java 4.9.8 DefaultRequestProcessor.updateConfig: a body Properties.load rejects ->
  // SYSTEM_ERROR; any black-listed key -> NO_PERMISSION and nothing changes.
  if (!req.body().empty()) {
    Result<Properties> props = Properties::ParseChecked(req.body());
    if (!props.ok()) {
      RMQ_LOG(kError) << "updateConfig string2Properties error: " << props.status().ToString();
      return Error(req, ResponseCode::kSystemError, "string2Properties error");
    }
    for (const std::string& key : configuration_.Snapshot().BlackList()) {
      if (props->Find(key) != nullptr) {
        RMQ_LOG(kWarn) << "updateConfig refused: " << key << " is in the config black list";
        return Error(req, ResponseCode::kNoPermission, "Can not update config in black list.");
      }
    }
    Status st = configuration_.Update(*props);
    if (!st.ok()) RMQ_LOG(kError) << "persist namesrv config failed: " << st.ToString();
  }
  return Success(req);
}

RemotingCommand NamesrvProcessor::GetConfig(const RemotingCommand& req) {
  RemotingCommand response = Success(req);
  std::string text = configuration_.AllConfigsText();
  if (!text.empty()) response.set_body(std::move(text));
  return response;
}

RemotingCommand NamesrvProcessor::RegisterTopic(const RemotingCommand& req) {
  const std::string topic = req.ext_fields().GetOr("topic");
  if (!req.body().empty()) {
    Result<TopicRouteData> route = DecodeJsonBody<TopicRouteData>(req.body());
    if (!route.ok()) {
      return Error(req, ResponseCode::kSystemError,
                   "Failed to decode TopicRouteData: " + route.status().message());
    }
    routes_.RegisterTopic(topic, route->queue_datas);
  }
  return Success(req);
}

}  // namespace rocketmq::namesrv
