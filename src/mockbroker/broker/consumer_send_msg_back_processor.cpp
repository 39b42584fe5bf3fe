#include "mockbroker/broker/consumer_send_msg_back_processor.h"

#include <cctype>
#include <random>
#include <string>

#include "common/logging.h"
#include "common/message_decoder.h"
#include "common/message_ext.h"
#include "common/response_code.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;

namespace {

constexpr int32_t kVersionV3_4_9 = 166;  // MQVersion ordinal: clients from here send their max
constexpr int32_t kDlqNumsPerGroup = 1;  // MixAll.DLQ_NUMS_PER_GROUP

// ConsumerSendMsgBackRequestHeader.
struct SendBackHeader {
  int64_t offset = 0;  // CommitLog offset of the consumed message
  std::string group;
  int32_t delay_level = 0;
  std::string origin_msg_id;
  std::string origin_topic;
  bool unit_mode = false;
  std::optional<int32_t> max_reconsume_times;
};

Result<SendBackHeader> ParseSendBackHeader(const RemotingCommand& req) {
  SendBackHeader h;
  auto missing = [](const char* field) {
    return Status::InvalidArgument(std::string("the custom field <") + field + "> is null");
  };
  Result<int64_t> offset = req.GetExtInt64("offset");
  if (!offset.ok()) return missing("offset");
  Result<std::string> group = req.GetExtString("group");
  if (!group.ok()) return missing("group");
  Result<int32_t> delay = req.GetExtInt32("delayLevel");
  if (!delay.ok()) return missing("delayLevel");
  h.offset = *offset;
  h.group = *group;
  h.delay_level = *delay;
  h.origin_msg_id = req.ext_fields().GetOr("originMsgId");
  h.origin_topic = req.ext_fields().GetOr("originTopic");
  h.unit_mode = req.GetExtBool("unitMode");
  if (req.ext_fields().Has("maxReconsumeTimes")) {
    Result<int32_t> max = req.GetExtInt32("maxReconsumeTimes");
    if (!max.ok()) return missing("maxReconsumeTimes");
    h.max_reconsume_times = *max;
  }
  return h;
}

// ThreadLocalRandom.current().nextInt(99999999) % bound.
int32_t RandomQueueId(int32_t bound) {
  static thread_local std::mt19937 rng(std::random_device{}());
  return bound <= 0 ? 0 : static_cast<int32_t>(rng() % 99999999u) % bound;
}

// UtilAll.isBlank: empty or whitespace only.
bool IsBlank(const std::string& s) {
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::optional<RemotingCommand> ConsumerSendMsgBackProcessor::ProcessRequest(
    const std::shared_ptr<remoting::Channel>& channel, RemotingCommand& request) {
  // Java answers with createResponseCommand(null): no extFields at all.
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  auto reply = [&resp](int32_t code, std::optional<std::string> remark) {
    resp.set_code(code);
    resp.set_remark(std::move(remark));
    return resp;
  };
  Result<SendBackHeader> parsed = ParseSendBackHeader(request);
  if (!parsed.ok()) return reply(ResponseCode::kSystemError, parsed.status().message());
  const SendBackHeader& h = *parsed;
  const BrokerConfig& cfg = controller_->broker_config();

  std::optional<SubscriptionGroupConfig> group =
      controller_->subscription_group_manager().Find(h.group);
  if (!group) {
    return reply(ResponseCode::kSubscriptionGroupNotExist,
                 "subscription group not exist, " + h.group +
                     " \nSee http://rocketmq.apache.org/docs/faq/ for further details.");
  }
  if (!PermIsWriteable(cfg.brokerPermission)) {
    return reply(ResponseCode::kNoPermission,
                 "the broker[" + cfg.brokerIP1 + "] sending message is forbidden");
  }
  if (group->retry_queue_nums <= 0) return reply(ResponseCode::kSuccess, std::nullopt);

  TopicConfigManager& topics = controller_->topic_config_manager();
  std::string new_topic = kRetryGroupTopicPrefix + h.group;
  int32_t queue_id = RandomQueueId(group->retry_queue_nums);
  const int32_t topic_sys_flag = h.unit_mode ? kTopicFlagUnitSub : 0;
  TopicConfig retry = topics.CreateTopicInSendMessageBackMethod(
      new_topic, group->retry_queue_nums, kPermWrite | kPermRead, topic_sys_flag);
  if (!PermIsWriteable(retry.perm)) {
    return reply(ResponseCode::kNoPermission,
                 "the topic[" + new_topic + "] sending message is forbidden");
  }

  Result<std::string> record = controller_->message_store().LookMessageByOffset(h.offset);
  Result<MessageExt> decoded =
      record.ok() ? DecodeStoredMessage(*record) : Result<MessageExt>(record.status());
  if (!decoded.ok()) {
    return reply(ResponseCode::kSystemError,
                 "look message by offset failed, " + std::to_string(h.offset));
  }
  MessageExt& ext = *decoded;
  // Java edits the decoded message's property map in this order; the stored string is that map
  // in HashMap order, so the insertion order kept here decides ties within a bucket.
  if (!ext.properties().Contains(kPropertyRetryTopic)) {
    ext.PutProperty(kPropertyRetryTopic, ext.topic());
  }
  ext.set_wait_store_msg_ok(false);

  int32_t max_reconsume_times = group->retry_max_times;
  if (request.version() >= kVersionV3_4_9 && h.max_reconsume_times) {
    max_reconsume_times = *h.max_reconsume_times;
  }
  int32_t delay_level = h.delay_level;
  if (ext.reconsume_times() >= max_reconsume_times || delay_level < 0) {
    new_topic = kDlqGroupTopicPrefix + h.group;
    queue_id = RandomQueueId(kDlqNumsPerGroup);
    topics.CreateTopicInSendMessageBackMethod(new_topic, kDlqNumsPerGroup, kPermWrite | kPermRead,
                                              0);
    ext.PutProperty(kPropertyDelayTimeLevel, "0");  // setDelayTimeLevel(0) writes "0"
  } else {
    if (delay_level == 0) delay_level = 3 + ext.reconsume_times();
    ext.PutProperty(kPropertyDelayTimeLevel, std::to_string(delay_level));
  }

  MessageExt inner;
  inner.set_topic(new_topic);
  inner.set_queue_id(queue_id);
  inner.set_body(ext.body());
  inner.set_flag(ext.flag());
  inner.set_sys_flag(ext.sys_flag());
  inner.set_born_timestamp(ext.born_timestamp());
  inner.set_born_host(ext.born_host());
  inner.set_store_host(ext.store_host());
  inner.set_reconsume_times(ext.reconsume_times() + 1);
  MessageProperties props = ext.properties();
  const std::string origin = props.Get(kPropertyOriginMessageId);
  props.Set(kPropertyOriginMessageId, IsBlank(origin) ? ext.msg_id() : origin);
  store::PutMessageOptions options;
  options.wait_store_msg_ok = false;
  // Stored as is unless the delay rewrite re-encodes the map (it adds REAL_TOPIC / REAL_QID).
  options.raw_properties.push_back(JavaHashMapOrder(props).Encode());
  inner.set_properties(std::move(props));

  store::PutMessageResult r = controller_->message_store().PutMessage(std::move(inner), options);
  if (r.status != store::PutMessageStatus::kPutOk) {
    RMQ_LOG(kWarn) << "CONSUMER_SEND_MSG_BACK from " << channel->RemoteAddress() << " to "
                   << new_topic << " failed: " << store::PutMessageStatusName(r.status) << " "
                   << r.error.ToString();
    return reply(ResponseCode::kSystemError, std::string(store::PutMessageStatusName(r.status)));
  }
  BrokerStatsManager& stats = controller_->broker_stats_manager();
  if (delay_level > 0 && new_topic.rfind(kDlqGroupTopicPrefix, 0) != 0) {
    // The store re-filed the record under SCHEDULE_TOPIC_XXXX; Java counts that put here.
    stats.IncTopicPutNums(kScheduleTopicName, 1, 1);
    stats.IncTopicPutSize(kScheduleTopicName, r.append.wrote_bytes);
  }
  stats.IncSendBackNums(h.group, ext.properties().Get(kPropertyRetryTopic));
  return reply(ResponseCode::kSuccess, std::nullopt);
}

}  // namespace rocketmq::broker
