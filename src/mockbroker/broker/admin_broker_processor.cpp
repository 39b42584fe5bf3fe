#include "mockbroker/broker/admin_broker_processor.h"

#include <cctype>
#include <chrono>
#include <set>

#include "common/logging.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/lock_batch_body.h"
#include "common/response_code.h"
#include "mockbroker/broker/broker_controller.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

constexpr char kDefaultRemark[] = "not set any response code";

// Java TopicValidator.isSystemTopic (4.9.x).
bool IsSystemTopicName(const std::string& topic) {
  static const std::set<std::string> kSystem = {
      kAutoCreateTopicKey,     kScheduleTopicName,    kBenchmarkTopic,
      kTransHalfTopic,         "RMQ_SYS_TRACE_TOPIC", kTransOpHalfTopic,
      kTransCheckMaxTimeTopic, kSelfTestTopic,        kOffsetMovedEventTopic};
  return kSystem.count(topic) != 0 || topic.rfind("rmq_sys_", 0) == 0;
}

int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::optional<RemotingCommand> AdminBrokerProcessor::ProcessRequest(
    const std::shared_ptr<remoting::Channel>& channel, RemotingCommand& request) {
  switch (request.code()) {
    case RequestCode::kUpdateAndCreateTopic:
      return UpdateAndCreateTopic(request);
    case RequestCode::kDeleteTopicInBroker:
      return DeleteTopic(request);
    case RequestCode::kUpdateAndCreateSubscriptionGroup:
      return UpdateAndCreateSubscriptionGroup(request);
    case RequestCode::kDeleteSubscriptionGroup:
      return DeleteSubscriptionGroup(request);
    case RequestCode::kGetMaxOffset:
    case RequestCode::kGetMinOffset:
    case RequestCode::kSearchOffsetByTimestamp:
    case RequestCode::kGetEarliestMsgStoretime:
      return OffsetQuery(request);
    case RequestCode::kGetBrokerRuntimeInfo:
      return RuntimeInfo(request);
    case RequestCode::kLockBatchMq:
    case RequestCode::kUnlockBatchMq:
      return LockBatch(request);
    case RequestCode::kGetTopicStatsInfo:
      return TopicStats(request);
    case RequestCode::kGetConsumeStats:
      return ConsumeStatsOf(request);
    case RequestCode::kGetConsumerConnectionList:
      return ConsumerConnectionList(request);
    case RequestCode::kGetProducerConnectionList:
      return ProducerConnectionList(request);
    case RequestCode::kGetAllDelayOffset:
      return AllDelayOffset(request);
    case RequestCode::kGetSystemTopicListFromBroker:
      return SystemTopicList(request);
    case RequestCode::kUpdateBrokerConfig:
      return UpdateBrokerConfig(request);
    case RequestCode::kInvokeBrokerToResetOffset:
      return ResetOffset(request);
    case RequestCode::kInvokeBrokerToGetConsumerStatus:
      return GetConsumerStatus(request);
    case RequestCode::kQueryConsumeTimeSpan:
      return QueryConsumeTimeSpan(request);
    case RequestCode::kGetConsumerRunningInfo:
      return ConsumerRunningInfo(request);
    case RequestCode::kConsumeMessageDirectly:
      return ConsumeMessageDirectly(request);
    case RequestCode::kCloneGroupOffset:
      return CloneGroupOffset(request);
    case RequestCode::kViewBrokerStatsData:
      return ViewBrokerStatsData(request);
    case RequestCode::kGetBrokerConsumeStats:
      return BrokerConsumeStats(request);
    case RequestCode::kGetAllProducerInfo:
      return AllProducerInfo(request);
    case RequestCode::kQueryConsumeQueue:
      return QueryConsumeQueue(request);
    case RequestCode::kCleanExpiredConsumequeue:
    case RequestCode::kCleanUnusedTopic:
    case RequestCode::kDeleteExpiredCommitlog:
      return StoreMaintenance(request);
    case RequestCode::kUpdateAndCreateAclConfig:
    case RequestCode::kDeleteAclConfig:
    case RequestCode::kGetBrokerClusterAclInfo:
    case RequestCode::kUpdateGlobalWhiteAddrsConfig:
    case RequestCode::kGetBrokerClusterAclConfig:
      return AclAdmin(request);
    default:
      break;
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  switch (request.code()) {
    case RequestCode::kGetAllTopicConfig:
      resp.mutable_ext_fields();
      resp.set_body(controller_->topic_config_manager().BuildSerializeWrapper().ToJson());
      return resp;
    case RequestCode::kGetAllSubscriptionGroupConfig:
      resp.set_body(controller_->subscription_group_manager().BuildWrapper().ToJson());
      return resp;
    case RequestCode::kGetAllConsumerOffset:
      resp.set_body(controller_->consumer_offset_manager().Snapshot().ToJson());
      return resp;
    case RequestCode::kGetBrokerConfig:
      resp.SetExtField("version", controller_->configuration().data_version().ToJson());
      resp.set_body(controller_->configuration().AllConfigsText());
      return resp;
    case RequestCode::kQueryTopicConsumeByWho: {
      const std::string topic = request.ext_fields().GetOr("topic");
      std::set<std::string> groups = controller_->consumer_manager().QueryTopicConsumeByWho(topic);
      for (const auto& g : controller_->consumer_offset_manager().WhichGroupByTopic(topic)) {
        groups.insert(g);
      }
      GroupList list;
      list.group_list.assign(groups.begin(), groups.end());
      resp.set_body(list.ToJson());
      return resp;
    }
    default:
      resp.set_code(ResponseCode::kRequestCodeNotSupported);
      resp.set_remark(" request type " + std::to_string(request.code()) + " not supported");
      return resp;
  }
  (void)channel;
}

RemotingCommand AdminBrokerProcessor::UpdateBrokerConfig(const RemotingCommand& request) {
  // Java answers both the refusal and the success without extFields.
  std::lock_guard<std::mutex> lock(update_config_mu_);  // Java: synchronized
  if (request.body().empty()) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  }
  Result<Properties> props = Properties::ParseChecked(request.body());
  if (!props.ok()) {
    RMQ_LOG(kError) << "string2Properties error: " << props.status().ToString();
    return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                           "string2Properties error");
  }
  BrokerConfiguration& configuration = controller_->configuration();
  // Java 4.9.8 AdminBrokerProcessor.initConfigBlackList: three fixed keys plus the configured
  // configBlackList entries.
  std::vector<std::string> black_list = {"brokerConfigPath", "rocketmqHome", "configBlackList"};
  const std::string configured = configuration.AllConfigs().GetOr("configBlackList", "");
  size_t start = 0;
  while (start <= configured.size()) {
    size_t end = configured.find(';', start);
    if (end == std::string::npos) end = configured.size();
    if (end > start) black_list.push_back(configured.substr(start, end - start));
    start = end + 1;
  }
  for (const std::string& key : black_list) {
    if (props->Find(key) != nullptr) {
      RMQ_LOG(kWarn) << "updateBrokerConfig refused: " << key << " is in the config black list";
      return RemotingCommand::CreateResponse(request, ResponseCode::kNoPermission,
                                             "Can not update config in black list.");
    }
  }
  RMQ_LOG(kInfo) << "updateBrokerConfig, new config: [" << props->ToText() << "]";
  Status st = configuration.Update(*props);
  if (!st.ok()) RMQ_LOG(kError) << "persist broker config failed: " << st.ToString();
  if (props->Find("brokerPermission") != nullptr) {
    controller_->topic_config_manager().NextDataVersion();
    controller_->RegisterBrokerAll();
  }
  return RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
}

std::optional<RemotingCommand> AdminBrokerProcessor::RefuseOnSlave(const RemotingCommand& request) {
  if (controller_->store_config().brokerRole != store::BrokerRole::kSlave) return std::nullopt;
  RMQ_LOG(kWarn) << "request code " << request.code() << " refused: this broker is a slave";
  return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                         "Can't modify topic or subscription group from slave "
                                         "broker, please execute it from master broker.");
}

RemotingCommand AdminBrokerProcessor::UpdateAndCreateTopic(const RemotingCommand& request) {
  if (auto refused = RefuseOnSlave(request)) return std::move(*refused);
  RemotingCommand resp =
      RemotingCommand::CreateResponse(request, ResponseCode::kSystemError, kDefaultRemark);
  // Java decodes CreateTopicRequestHeader first: the first absent @CFNotNull field, in
  // declaration order, fails the request.
  for (const char* field : {"topic", "defaultTopic", "readQueueNums", "writeQueueNums", "perm",
                            "topicFilterType", "order"}) {
    if (!request.ext_fields().Has(field)) {
      resp.set_remark(std::string("the custom field <") + field + "> is null");
      return resp;
    }
  }
  const std::string topic = request.ext_fields().GetOr("topic");
  const BrokerConfig cfg = controller_->broker_config();
  if (topic == cfg.brokerClusterName) {
    resp.set_remark("the topic[" + topic + "] is conflict with system reserved words.");
    return resp;
  }
  std::string invalid = ValidateTopicName(topic);
  if (!invalid.empty()) {
    resp.set_remark(invalid);
    return resp;
  }
  if (IsSystemTopicName(topic)) {
    resp.set_remark("The topic[" + topic + "] is conflict with system topic.");
    return resp;
  }
  Result<int32_t> read = request.GetExtInt32("readQueueNums");
  Result<int32_t> write = request.GetExtInt32("writeQueueNums");
  Result<int32_t> perm = request.GetExtInt32("perm");
  if (!read.ok() || !write.ok() || !perm.ok()) {
    resp.set_remark(!read.ok()
                        ? read.status().message()
                        : (!write.ok() ? write.status().message() : perm.status().message()));
    return resp;
  }
  TopicConfig tc;
  tc.topic_name = topic;
  tc.read_queue_nums = *read;
  tc.write_queue_nums = *write;
  tc.perm = *perm;
  tc.topic_filter_type = request.ext_fields().GetOr("topicFilterType", kTopicFilterSingleTag);
  Result<int32_t> sys_flag = request.GetExtInt32("topicSysFlag");
  tc.topic_sys_flag = sys_flag.ok() ? *sys_flag : 0;
  tc.order = request.GetExtBool("order");
  controller_->topic_config_manager().UpdateTopicConfig(tc);  // re-registers
  resp.set_code(ResponseCode::kSuccess);
  return resp;
}

RemotingCommand AdminBrokerProcessor::DeleteTopic(const RemotingCommand& request) {
  if (auto refused = RefuseOnSlave(request)) return std::move(*refused);
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  const std::string topic = request.ext_fields().GetOr("topic");
  controller_->topic_config_manager().DeleteTopicConfig(topic);
  controller_->consumer_offset_manager().RemoveTopic(topic);
  controller_->message_store().DeleteTopics({topic});
  controller_->RegisterBrokerAll();
  return resp;
}

RemotingCommand AdminBrokerProcessor::UpdateAndCreateSubscriptionGroup(
    const RemotingCommand& request) {
  if (auto refused = RefuseOnSlave(request)) return std::move(*refused);
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  Result<SubscriptionGroupConfig> c = DecodeJsonBody<SubscriptionGroupConfig>(request.body());
  if (c.ok()) {
    controller_->subscription_group_manager().Update(*c);
  } else {
    RMQ_LOG(kWarn) << "UPDATE_AND_CREATE_SUBSCRIPTIONGROUP: bad body: " << c.status().ToString();
  }
  return resp;
}

RemotingCommand AdminBrokerProcessor::DeleteSubscriptionGroup(const RemotingCommand& request) {
  if (auto refused = RefuseOnSlave(request)) return std::move(*refused);
  // Java decodes DeleteSubscriptionGroupRequestHeader: groupName is @CFNotNull; removeOffset is a
  // primitive boolean (Boolean.parseBoolean, false when absent).
  const std::string* group = request.ext_fields().Find("groupName");
  if (group == nullptr) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                           "the custom field <groupName> is null");
  }
  std::string remove_offset = request.ext_fields().GetOr("removeOffset", "false");
  for (char& c : remove_offset) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  controller_->subscription_group_manager().Delete(*group);
  if (remove_offset == "true") {
    const size_t removed = controller_->consumer_offset_manager().RemoveGroup(*group);
    RMQ_LOG(kInfo) << "deleteSubscriptionGroup " << *group << ": removed " << removed
                   << " offset entries";
  }
  // Java's createResponseCommand(null): no extFields.
  return RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
}

RemotingCommand AdminBrokerProcessor::OffsetQuery(const RemotingCommand& request) {
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  resp.mutable_ext_fields();
  Result<std::string> topic = request.GetExtString("topic");
  Result<int32_t> queue_id = request.GetExtInt32("queueId");
  if (!topic.ok() || !queue_id.ok()) {
    resp.set_remark("the custom field <topic/queueId> is null");
    return resp;
  }
  store::MessageStore& s = controller_->message_store();
  switch (request.code()) {
    case RequestCode::kGetMaxOffset:
      resp.SetExtField("offset", std::to_string(s.GetMaxOffsetInQueue(*topic, *queue_id)));
      break;
    case RequestCode::kGetMinOffset:
      resp.SetExtField("offset", std::to_string(s.GetMinOffsetInQueue(*topic, *queue_id)));
      break;
    case RequestCode::kSearchOffsetByTimestamp: {
      Result<int64_t> ts = request.GetExtInt64("timestamp");
      if (!ts.ok()) {
        resp.set_remark("the custom field <timestamp> is null");
        return resp;
      }
      resp.SetExtField("offset", std::to_string(s.GetOffsetInQueueByTime(*topic, *queue_id, *ts)));
      break;
    }
    default:
      resp.SetExtField("timestamp", std::to_string(s.GetEarliestMessageTime(*topic, *queue_id)));
      break;
  }
  resp.set_code(ResponseCode::kSuccess);
  return resp;
}

RemotingCommand AdminBrokerProcessor::LockBatch(const RemotingCommand& request) {
  // Java answers both without extFields.
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  Result<LockBatchRequestBody> body = DecodeJsonBody<LockBatchRequestBody>(request.body());
  if (!body.ok()) {
    resp.set_remark("bad LockBatchRequestBody: " + body.status().ToString());
    return resp;
  }
  RebalanceLockManager& locks = controller_->rebalance_lock_manager();
  if (request.code() == RequestCode::kLockBatchMq) {
    LockBatchResponseBody out;
    out.lock_ok_mq_set =
        locks.TryLockBatch(body->consumer_group, body->mq_set, body->client_id, NowMillis());
    resp.set_body(out.ToJson());
  } else {
    locks.UnlockBatch(body->consumer_group, body->mq_set, body->client_id);
  }
  resp.set_code(ResponseCode::kSuccess);
  return resp;
}

}  // namespace rocketmq::broker
