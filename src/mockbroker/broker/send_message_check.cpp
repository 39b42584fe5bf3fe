#include "mockbroker/broker/send_message_check.h"

#include <algorithm>

#include "common/logging.h"
#include "common/message_const.h"
#include "common/response_code.h"
#include "mockbroker/broker/broker_controller.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

constexpr char kFaqSuffix[] = "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

}  // namespace

Result<SendHeader> ParseSendHeader(const RemotingCommand& req) {
  const bool v2 = req.code() == RequestCode::kSendMessageV2 ||
                  req.code() == RequestCode::kSendBatchMessage ||
                  req.code() == RequestCode::kSendReplyMessageV2;
  auto name = [v2](const char* shortn, const char* longn) { return v2 ? shortn : longn; };
  SendHeader h;
  auto str = [&](const char* s, const char* l, std::string* out) -> Status {
    Result<std::string> v = req.GetExtString(name(s, l));
    if (!v.ok()) {
      return Status::InvalidArgument(std::string("the custom field <") + l + "> is null");
    }
    *out = *v;
    return Status::OK();
  };
  auto i32 = [&](const char* s, const char* l, int32_t* out) -> Status {
    Result<int32_t> v = req.GetExtInt32(name(s, l));
    if (!v.ok()) {
      return Status::InvalidArgument(std::string("the custom field <") + l + "> is null");
    }
    *out = *v;
    return Status::OK();
  };
  auto opt_i32 = [&](const char* s, const char* l, std::optional<int32_t>* out) -> Status {
    if (!req.ext_fields().Has(name(s, l))) return Status::OK();
    int32_t v = 0;
    ROCKETMQ_RETURN_IF_ERROR(i32(s, l, &v));
    *out = v;
    return Status::OK();
  };
  ROCKETMQ_RETURN_IF_ERROR(str("a", "producerGroup", &h.producer_group));
  ROCKETMQ_RETURN_IF_ERROR(str("b", "topic", &h.topic));
  ROCKETMQ_RETURN_IF_ERROR(str("c", "defaultTopic", &h.default_topic));
  ROCKETMQ_RETURN_IF_ERROR(i32("d", "defaultTopicQueueNums", &h.default_topic_queue_nums));
  ROCKETMQ_RETURN_IF_ERROR(i32("e", "queueId", &h.queue_id));
  ROCKETMQ_RETURN_IF_ERROR(i32("f", "sysFlag", &h.sys_flag));
  Result<int64_t> born = req.GetExtInt64(name("g", "bornTimestamp"));
  if (!born.ok()) return Status::InvalidArgument("the custom field <bornTimestamp> is null");
  h.born_timestamp = *born;
  ROCKETMQ_RETURN_IF_ERROR(i32("h", "flag", &h.flag));
  h.properties = req.ext_fields().GetOr(name("i", "properties"));
  ROCKETMQ_RETURN_IF_ERROR(opt_i32("j", "reconsumeTimes", &h.reconsume_times));
  h.unit_mode = req.GetExtBool(name("k", "unitMode"));
  ROCKETMQ_RETURN_IF_ERROR(opt_i32("l", "maxReconsumeTimes", &h.max_reconsume_times));
  h.batch = req.GetExtBool(name("m", "batch")) || req.code() == RequestCode::kSendBatchMessage;
  return h;
}

MsgCheckResult MsgCheck(BrokerController* controller,
                        const std::shared_ptr<remoting::Channel>& channel, const SendHeader& h) {
  const BrokerConfig& cfg = controller->broker_config();
  TopicConfigManager& topics = controller->topic_config_manager();
  MsgCheckResult r;
  auto fail = [&r](int32_t code, std::string remark) {
    r.code = code;
    r.remark = std::move(remark);
    return r;
  };
  std::optional<TopicConfig> existing = topics.Select(h.topic);
  if (!PermIsWriteable(cfg.brokerPermission) && existing && existing->order) {
    return fail(ResponseCode::kNoPermission,
                "the broker[" + cfg.brokerIP1 + "] sending message is forbidden");
  }
  std::string invalid = ValidateTopicName(h.topic);
  if (!invalid.empty()) return fail(ResponseCode::kSystemError, invalid);
  if (IsNotAllowedSendTopic(h.topic)) {
    return fail(ResponseCode::kNoPermission,
                "Sending message to topic[" + h.topic + "] is forbidden.");
  }
  std::optional<TopicConfig> tc = existing;
  if (!tc) {
    const bool retry = IsRetryTopic(h.topic);
    int32_t topic_sys_flag = 0;
    if (h.unit_mode) topic_sys_flag = retry ? kTopicFlagUnitSub : kTopicFlagUnit;
    tc = topics.CreateTopicInSendMessageMethod(h.topic, h.default_topic, h.default_topic_queue_nums,
                                               topic_sys_flag);
    if (!tc && retry) {
      tc = topics.CreateTopicInSendMessageBackMethod(h.topic, 1, kPermRead | kPermWrite,
                                                     topic_sys_flag);
    }
    if (!tc) {
      return fail(ResponseCode::kTopicNotExist,
                  "topic[" + h.topic + "] not exist, apply first please!" + kFaqSuffix);
    }
  }
  const int32_t id_valid = std::max(tc->write_queue_nums, tc->read_queue_nums);
  if (h.queue_id >= id_valid) {
    std::string info = "request queueId[" + std::to_string(h.queue_id) + "] is illegal, " +
                       TopicConfigToJavaString(*tc) + " Producer: " + channel->RemoteAddress();
    RMQ_LOG(kWarn) << info;
    return fail(ResponseCode::kSystemError, info);
  }
  r.code = ResponseCode::kSuccess;
  r.topic_config = std::move(tc);
  return r;
}

}  // namespace rocketmq::broker
