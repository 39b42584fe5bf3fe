#include "mockbroker/broker/transaction/transactional_message_bridge.h"

#include "common/logging.h"
#include "common/message_decoder.h"
#include "common/time_util.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

int64_t TransactionalMessageBridge::FetchConsumeOffset(const std::string& topic, int32_t queue_id) {
  int64_t offset =
      controller_->consumer_offset_manager().QueryOffset(kTransConsumerGroup, topic, queue_id);
  if (offset == -1) offset = controller_->message_store().GetMinOffsetInQueue(topic, queue_id);
  return offset;
}

void TransactionalMessageBridge::UpdateConsumeOffset(const std::string& topic, int32_t queue_id,
                                                     int64_t offset) {
  controller_->consumer_offset_manager().CommitOffset(controller_->store_host().ToString(),
                                                      kTransConsumerGroup, topic, queue_id, offset);
}

std::vector<int32_t> TransactionalMessageBridge::FetchMessageQueues(const std::string& topic) {
  TopicConfigManager& topics = controller_->topic_config_manager();
  std::optional<TopicConfig> tc = topics.Select(topic);
  if (!tc) tc = topics.CreateTopicInSendMessageBackMethod(topic, 1, kPermRead | kPermWrite, 0);
  std::vector<int32_t> ids;
  for (int32_t i = 0; i < tc->read_queue_nums; ++i) ids.push_back(i);
  return ids;
}

TransPullResult TransactionalMessageBridge::GetHalfMessage(int32_t queue_id, int64_t offset,
                                                           int32_t nums) {
  return GetMessage(kTransHalfTopic, queue_id, offset, nums);
}

TransPullResult TransactionalMessageBridge::GetOpMessage(int32_t queue_id, int64_t offset,
                                                         int32_t nums) {
  return GetMessage(kTransOpHalfTopic, queue_id, offset, nums);
}

TransPullResult TransactionalMessageBridge::GetMessage(const std::string& topic, int32_t queue_id,
                                                       int64_t offset, int32_t nums) {
  using store::GetMessageStatus;
  store::GetMessageResult got =
      controller_->message_store().GetMessage(kTransConsumerGroup, topic, queue_id, offset, nums);
  TransPullResult r;
  r.next_begin_offset = got.next_begin_offset;
  r.min_offset = got.min_offset;
  r.max_offset = got.max_offset;
  switch (got.status) {
    case GetMessageStatus::kFound: {
      Result<std::vector<MessageExt>> msgs = DecodeStoredMessages(got.data);
      if (!msgs.ok() || msgs->empty()) {
        // Java would throw out of the check run; treat the unreadable range as illegal.
        RMQ_LOG(kError) << "decode " << topic << ":" << queue_id << " at " << offset
                        << " failed: " << msgs.status().ToString();
        r.status = TransPullStatus::kOffsetIllegal;
        return r;
      }
      r.status = TransPullStatus::kFound;
      r.msgs = std::move(*msgs);
      return r;
    }
    case GetMessageStatus::kNoMatchedMessage:
      r.status = TransPullStatus::kNoMatchedMsg;
      return r;
    case GetMessageStatus::kNoMessageInQueue:
      r.status = TransPullStatus::kNoNewMsg;
      return r;
    default:
      r.status = TransPullStatus::kOffsetIllegal;
      return r;
  }
}

Result<MessageExt> TransactionalMessageBridge::LookMessageByOffset(int64_t commit_log_offset) {
  Result<std::string> raw = controller_->message_store().LookMessageByOffset(commit_log_offset);
  if (!raw.ok()) return raw.status();
  return DecodeStoredMessage(*raw);
}

store::PutMessageResult TransactionalMessageBridge::PutRaw(MessageExt msg,
                                                           std::string raw_properties) {
  msg.set_properties(MessageProperties::Decode(raw_properties));
  store::PutMessageOptions options;
  options.wait_store_msg_ok = false;
  options.raw_properties.push_back(std::move(raw_properties));
  return controller_->message_store().PutMessage(std::move(msg), options);
}

store::PutMessageResult TransactionalMessageBridge::PutBackHalfMessage(const MessageExt& half) {
  MessageExt m;
  m.set_topic(half.topic());
  m.set_body(half.body());
  m.set_queue_id(half.queue_id());
  m.set_sys_flag(half.sys_flag());
  m.set_born_timestamp(half.born_timestamp());
  m.set_born_host(half.born_host());
  m.set_store_host(half.store_host());
  return PutRaw(std::move(m), EncodeInJavaHashMapOrder(half.properties()));
}

bool TransactionalMessageBridge::PutImmunityHalfMessageBack(MessageExt* half) {
  if (!half->properties().Contains(kPropertyTransactionPreparedQueueOffset)) {
    half->PutProperty(kPropertyTransactionPreparedQueueOffset,
                      std::to_string(half->queue_offset()));
  }
  store::PutMessageResult r = PutBackHalfMessage(*half);
  if (!r.IsOk()) {
    RMQ_LOG(kError) << "Put message failed, topic: " << half->topic()
                    << ", queueId: " << half->queue_id() << ", msgId: " << half->msg_id();
  }
  return r.IsOk();
}

bool TransactionalMessageBridge::PutOpMessage(const MessageExt& half) {
  // Java: new Message(opTopic, "d", offset bytes) holds TAGS and WAIT=true; the UNIQ_KEY it gets
  // afterwards is not part of the stored string.
  MessageProperties props;
  props.Set(kPropertyTags, kTransRemoveTag);
  props.Set(kPropertyWaitStoreMsgOk, "true");
  MessageExt m;
  m.set_topic(kTransOpHalfTopic);
  m.set_body(std::to_string(half.queue_offset()));
  m.set_queue_id(half.queue_id());
  m.set_sys_flag(0);
  m.set_born_timestamp(NowMillis());
  m.set_born_host(controller_->store_host());
  m.set_store_host(controller_->store_host());
  store::PutMessageResult r = PutRaw(std::move(m), EncodeInJavaHashMapOrder(props));
  if (!r.IsOk()) {
    RMQ_LOG(kError) << "Put message failed, topic: " << kTransOpHalfTopic
                    << ", queueId: " << half.queue_id() << ": "
                    << store::PutMessageStatusName(r.status);
  }
  return r.IsOk();
}

}  // namespace rocketmq::broker
