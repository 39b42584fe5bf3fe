#include "client/request_headers.h"

namespace rocketmq::client {
namespace {
const char* Bool(bool b) { return b ? "true" : "false"; }
}  // namespace

void SendMessageRequestHeader::EncodeV1(remoting::RemotingCommand& r) const {
  r.SetExtField("producerGroup", producer_group);
  r.SetExtField("topic", topic);
  r.SetExtField("defaultTopic", default_topic);
  r.SetExtField("defaultTopicQueueNums", std::to_string(default_topic_queue_nums));
  r.SetExtField("queueId", std::to_string(queue_id));
  r.SetExtField("sysFlag", std::to_string(sys_flag));
  r.SetExtField("bornTimestamp", std::to_string(born_timestamp));
  r.SetExtField("flag", std::to_string(flag));
  if (!properties.empty()) r.SetExtField("properties", properties);
  r.SetExtField("reconsumeTimes", std::to_string(reconsume_times));
  r.SetExtField("unitMode", Bool(unit_mode));
  if (max_reconsume_times) r.SetExtField("maxReconsumeTimes", std::to_string(*max_reconsume_times));
  r.SetExtField("batch", Bool(batch));
  if (!broker_name.empty()) r.SetExtField("bname", broker_name);
}

void SendMessageRequestHeader::EncodeV2(remoting::RemotingCommand& r) const {
  r.SetExtField("a", producer_group);
  r.SetExtField("b", topic);
  r.SetExtField("c", default_topic);
  r.SetExtField("d", std::to_string(default_topic_queue_nums));
  r.SetExtField("e", std::to_string(queue_id));
  r.SetExtField("f", std::to_string(sys_flag));
  r.SetExtField("g", std::to_string(born_timestamp));
  r.SetExtField("h", std::to_string(flag));
  if (!properties.empty()) r.SetExtField("i", properties);
  r.SetExtField("j", std::to_string(reconsume_times));
  r.SetExtField("k", Bool(unit_mode));
  if (max_reconsume_times) r.SetExtField("l", std::to_string(*max_reconsume_times));
  r.SetExtField("m", Bool(batch));
  if (!broker_name.empty()) r.SetExtField("n", broker_name);
}

void PullMessageRequestHeader::Encode(remoting::RemotingCommand& r) const {
  r.SetExtField("consumerGroup", consumer_group);
  r.SetExtField("topic", topic);
  r.SetExtField("queueId", std::to_string(queue_id));
  r.SetExtField("queueOffset", std::to_string(queue_offset));
  r.SetExtField("maxMsgNums", std::to_string(max_msg_nums));
  r.SetExtField("sysFlag", std::to_string(sys_flag));
  r.SetExtField("commitOffset", std::to_string(commit_offset));
  r.SetExtField("suspendTimeoutMillis", std::to_string(suspend_timeout_millis));
  if (subscription) r.SetExtField("subscription", *subscription);
  r.SetExtField("subVersion", std::to_string(sub_version));
  if (expression_type) r.SetExtField("expressionType", *expression_type);
  if (!broker_name.empty()) r.SetExtField("bname", broker_name);
}

int32_t BuildPullSysFlag(bool commit_offset, bool suspend, bool subscription, bool class_filter) {
  int32_t flag = 0;
  if (commit_offset) flag |= kPullFlagCommitOffset;
  if (suspend) flag |= kPullFlagSuspend;
  if (subscription) flag |= kPullFlagSubscription;
  if (class_filter) flag |= kPullFlagClassFilter;
  return flag;
}

void EndTransactionRequestHeader::Encode(remoting::RemotingCommand& r) const {
  if (!topic.empty()) r.SetExtField("topic", topic);
  r.SetExtField("producerGroup", producer_group);
  r.SetExtField("tranStateTableOffset", std::to_string(tran_state_table_offset));
  r.SetExtField("commitLogOffset", std::to_string(commit_log_offset));
  r.SetExtField("commitOrRollback", std::to_string(commit_or_rollback));
  r.SetExtField("fromTransactionCheck", Bool(from_transaction_check));
  r.SetExtField("msgId", msg_id);
  if (!transaction_id.empty()) r.SetExtField("transactionId", transaction_id);
}

void ConsumerSendMsgBackRequestHeader::Encode(remoting::RemotingCommand& r) const {
  r.SetExtField("offset", std::to_string(offset));
  r.SetExtField("group", group);
  r.SetExtField("delayLevel", std::to_string(delay_level));
  if (!origin_msg_id.empty()) r.SetExtField("originMsgId", origin_msg_id);
  if (!origin_topic.empty()) r.SetExtField("originTopic", origin_topic);
  r.SetExtField("unitMode", Bool(unit_mode));
  if (max_reconsume_times) r.SetExtField("maxReconsumeTimes", std::to_string(*max_reconsume_times));
  if (!broker_name.empty()) r.SetExtField("bname", broker_name);
}

Result<CheckTransactionStateRequestHeader> CheckTransactionStateRequestHeader::Decode(
    const remoting::RemotingCommand& request) {
  CheckTransactionStateRequestHeader h;
  Result<int64_t> tran = request.GetExtInt64("tranStateTableOffset");
  Result<int64_t> commit = request.GetExtInt64("commitLogOffset");
  if (!tran.ok() || !commit.ok()) {
    return Status::InvalidArgument(
        "CHECK_TRANSACTION_STATE without a valid tranStateTableOffset/commitLogOffset");
  }
  h.tran_state_table_offset = *tran;
  h.commit_log_offset = *commit;
  const remoting::ExtFields& f = request.ext_fields();
  h.msg_id = f.GetOr("msgId");
  h.transaction_id = f.GetOr("transactionId");
  h.offset_msg_id = f.GetOr("offsetMsgId");
  h.topic = f.GetOr("topic");
  h.broker_name = f.GetOr("bname");
  return h;
}

}  // namespace rocketmq::client
