#include "mockbroker/broker/pull_message_processor.h"

#include "common/time_util.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

#include "common/logging.h"
#include "common/model/heartbeat_data.h"
#include "common/response_code.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;

namespace {

constexpr char kFaqUrl[] = "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

// Java ExpressionMessageFilter.isMatchedByConsumeQueue for TAG subscriptions.
store::TagsCodeFilter MakeTagFilter(const SubscriptionData& sub) {
  if (sub.class_filter_mode || sub.sub_string.empty() || sub.sub_string == kSubAll ||
      sub.expression_type != kExpressionTypeTag) {
    return nullptr;
  }
  std::set<int32_t> codes(sub.code_set.begin(), sub.code_set.end());
  return [codes](int64_t tags_code) { return codes.count(static_cast<int32_t>(tags_code)) != 0; };
}

}  // namespace

std::optional<RemotingCommand> PullMessageProcessor::Process(
    const std::shared_ptr<remoting::Channel>& channel, const RemotingCommand& request,
    bool allow_suspend) {
  const BrokerConfig& cfg = controller_->broker_config();
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  resp.mutable_ext_fields();
  auto fail = [&](int32_t code, std::string remark) {
    resp.set_code(code);
    resp.set_remark(std::move(remark));
    return resp;
  };

  Result<std::string> group = request.GetExtString("consumerGroup");
  Result<std::string> topic = request.GetExtString("topic");
  Result<int32_t> queue_id = request.GetExtInt32("queueId");
  Result<int64_t> queue_offset = request.GetExtInt64("queueOffset");
  Result<int32_t> max_nums = request.GetExtInt32("maxMsgNums");
  Result<int32_t> sys_flag = request.GetExtInt32("sysFlag");
  Result<int64_t> commit_offset = request.GetExtInt64("commitOffset");
  Result<int64_t> suspend_timeout = request.GetExtInt64("suspendTimeoutMillis");
  Result<int64_t> sub_version = request.GetExtInt64("subVersion");
  if (!group.ok() || !topic.ok() || !queue_id.ok() || !queue_offset.ok() || !max_nums.ok() ||
      !sys_flag.ok() || !commit_offset.ok() || !suspend_timeout.ok() || !sub_version.ok()) {
    return fail(ResponseCode::kSystemError, "the custom field of PullMessageRequestHeader is null");
  }

  if (!PermIsReadable(cfg.brokerPermission)) {
    return fail(ResponseCode::kNoPermission,
                "the broker[" + cfg.brokerIP1 + "] pulling message is forbidden");
  }
  std::optional<SubscriptionGroupConfig> sg =
      controller_->subscription_group_manager().Find(*group);
  if (!sg) {
    return fail(ResponseCode::kSubscriptionGroupNotExist,
                "subscription group [" + *group + "] does not exist, " + kFaqUrl);
  }
  if (!sg->consume_enable) {
    return fail(ResponseCode::kNoPermission, "subscription group no permission, " + *group);
  }
  const bool has_suspend = (*sys_flag & kPullFlagSuspend) != 0;
  const bool has_commit = (*sys_flag & kPullFlagCommitOffset) != 0;
  const bool has_subscription = (*sys_flag & kPullFlagSubscription) != 0;
  const int64_t suspend_ms = has_suspend ? *suspend_timeout : 0;

  std::optional<TopicConfig> tc = controller_->topic_config_manager().Select(*topic);
  if (!tc) {
    return fail(ResponseCode::kTopicNotExist,
                "topic[" + *topic + "] not exist, apply first please! " + kFaqUrl);
  }
  if (!PermIsReadable(tc->perm)) {
    return fail(ResponseCode::kNoPermission,
                "the topic[" + *topic + "] pulling message is forbidden");
  }
  if (*queue_id < 0 || *queue_id >= tc->read_queue_nums) {
    return fail(ResponseCode::kSystemError,
                "queueId[" + std::to_string(*queue_id) + "] is illegal, topic:[" + *topic +
                    "] topicConfig.readQueueNums:[" + std::to_string(tc->read_queue_nums) +
                    "] consumer:[" + channel->RemoteAddress() + "]");
  }

  SubscriptionData sub;
  if (has_subscription) {
    const std::string type = request.ext_fields().GetOr("expressionType", kExpressionTypeTag);
    sub = SubscriptionData::Build(*topic, request.ext_fields().GetOr("subscription"), *sub_version);
    sub.expression_type = type;
  } else {
    std::optional<ConsumerGroupInfo> info = controller_->consumer_manager().GetGroup(*group);
    if (!info) {
      return fail(ResponseCode::kSubscriptionNotExist,
                  std::string("the consumer's group info not exist") + kFaqUrl);
    }
    if (!sg->consume_broadcast_enable && info->message_model == "BROADCASTING") {
      return fail(ResponseCode::kNoPermission,
                  "the consumer group[" + *group + "] can not consume by broadcast way");
    }
    auto found = info->subscriptions.find(*topic);
    if (found == info->subscriptions.end()) {
      return fail(ResponseCode::kSubscriptionNotExist,
                  std::string("the consumer's subscription not exist") + kFaqUrl);
    }
    if (found->second.sub_version < *sub_version) {
      return fail(ResponseCode::kSubscriptionNotLatest, "the consumer's subscription not latest");
    }
    sub = found->second;
  }
  store::TagsCodeFilter filter = MakeTagFilter(sub);

  store::GetMessageResult r = controller_->message_store().GetMessageSlices(
      *group, *topic, *queue_id, *queue_offset, *max_nums, filter);

  using store::GetMessageStatus;
  int32_t code = ResponseCode::kSystemError;
  switch (r.status) {
    case GetMessageStatus::kFound:
      code = ResponseCode::kSuccess;
      break;
    case GetMessageStatus::kMessageWasRemoving:
    case GetMessageStatus::kNoMatchedMessage:
      code = ResponseCode::kPullRetryImmediately;
      break;
    case GetMessageStatus::kNoMatchedLogicQueue:
    case GetMessageStatus::kNoMessageInQueue:
      code = *queue_offset != 0 ? ResponseCode::kPullOffsetMoved : ResponseCode::kPullNotFound;
      break;
    case GetMessageStatus::kOffsetFoundNull:
    case GetMessageStatus::kOffsetOverflowOne:
      code = ResponseCode::kPullNotFound;
      break;
    case GetMessageStatus::kOffsetOverflowBadly:
    case GetMessageStatus::kOffsetTooSmall:
      code = ResponseCode::kPullOffsetMoved;
      break;
  }

  if (code == ResponseCode::kPullNotFound && allow_suspend && has_suspend) {
    HeldPullRequest held;
    held.channel = channel;
    held.request = request;
    held.suspend_timestamp = NowMillis();
    held.timeout_ms = cfg.longPollingEnable ? suspend_ms : cfg.shortPollingTimeMills;
    held.pull_from_offset = *queue_offset;
    held.filter = filter;
    controller_->pull_request_hold_service().SuspendPullRequest(*topic, *queue_id, std::move(held));
    if (has_commit) {
      controller_->consumer_offset_manager().CommitOffset(channel->RemoteAddress(), *group, *topic,
                                                          *queue_id, *commit_offset);
    }
    return std::nullopt;
  }

  resp.set_code(code);
  resp.set_remark(std::string(store::GetMessageStatusName(r.status)));
  // Java 4.9.x: with slaveReadEnable a lagging consumer is sent to whichBrokerWhenConsumeSlowly
  // and any other to the group's brokerId (0: a slave sends it back to its master); without it,
  // always the master. (Java's SLAVE branch also sets PULL_RETRY_IMMEDIATELY, but the status
  // switch that follows overwrites that code, so a slave serves the pull either way.)
  int64_t suggest = 0;
  if (cfg.slaveReadEnable) {
    suggest = r.suggest_pulling_from_slave ? sg->which_broker_when_consume_slowly : sg->broker_id;
  }
  resp.SetExtField("suggestWhichBrokerId", std::to_string(suggest));
  resp.SetExtField("nextBeginOffset", std::to_string(r.next_begin_offset));
  resp.SetExtField("maxOffset", std::to_string(r.max_offset));
  resp.SetExtField("minOffset", std::to_string(r.min_offset));
  if (code == ResponseCode::kSuccess) {
    BrokerStatsManager& stats = controller_->broker_stats_manager();
    stats.IncGroupGetNums(*group, *topic, r.message_count);
    stats.IncGroupGetSize(*group, *topic, static_cast<int32_t>(r.data_size));
    stats.IncBrokerGetNums(r.message_count);
    // The records go to the socket from the mapped CommitLog (Java's ManyMessageTransfer);
    // neighbours in the same file travel as one piece.
    remoting::BodyRef run;
    for (store::StoredSlice& slice : r.slices) {
      if (run.size != 0 && run.owner == slice.owner && run.data + run.size == slice.data) {
        run.size += slice.size;
        continue;
      }
      if (run.size != 0) resp.AddBodyRef(std::move(run));
      run = remoting::BodyRef{std::move(slice.owner), slice.data, slice.size};
    }
    resp.AddBodyRef(std::move(run));
  }

  if (allow_suspend && has_commit) {
    controller_->consumer_offset_manager().CommitOffset(channel->RemoteAddress(), *group, *topic,
                                                        *queue_id, *commit_offset);
  }
  return resp;
}

}  // namespace rocketmq::broker
