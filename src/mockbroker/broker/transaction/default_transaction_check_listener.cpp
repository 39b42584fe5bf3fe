#include "mockbroker/broker/transaction/default_transaction_check_listener.h"

#include <string>

#include "common/logging.h"
#include "common/message_decoder.h"
#include "common/string_util.h"
#include "mockbroker/broker/broker_controller.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

DefaultTransactionCheckListener::DefaultTransactionCheckListener(BrokerController* controller)
    : controller_(controller), pool_("Transaction-msg-check-thread", 2, 2000) {}

DefaultTransactionCheckListener::~DefaultTransactionCheckListener() { Shutdown(); }

void DefaultTransactionCheckListener::Shutdown() { pool_.Shutdown(); }

void DefaultTransactionCheckListener::ResolveHalfMsg(MessageExt half) {
  auto shared = std::make_shared<MessageExt>(std::move(half));
  if (!pool_.Submit([this, shared] { SendCheckMessage(std::move(*shared)); })) {
    SendCheckMessage(std::move(*shared));  // Java CallerRunsPolicy
  }
}

void DefaultTransactionCheckListener::SendCheckMessage(MessageExt half) {
  remoting::RemotingCommand request =
      remoting::RemotingCommand::CreateRequest(remoting::RequestCode::kCheckTransactionState);
  request.SetExtField("tranStateTableOffset", std::to_string(half.queue_offset()));
  request.SetExtField("commitLogOffset", std::to_string(half.commit_log_offset()));
  if (const std::string* uniq = half.properties().Find(kPropertyUniqClientMessageIdKeyIdx)) {
    request.SetExtField("msgId", *uniq);
    request.SetExtField("transactionId", *uniq);
  }
  request.SetExtField("offsetMsgId", half.msg_id());

  const std::string* real_topic = half.properties().Find(kPropertyRealTopic);
  int32_t real_queue_id = 0;
  if (real_topic == nullptr ||
      !ParseJavaInteger(half.GetProperty(kPropertyRealQueueId), &real_queue_id)) {
    RMQ_LOG(kError) << "Send check message error! half message " << half.msg_id()
                    << " has no valid REAL_TOPIC/REAL_QID";
    return;
  }
  half.set_topic(*real_topic);
  half.set_queue_id(real_queue_id);
  // Java MessageDecoder.encode writes the property map in its HashMap order.
  half.set_properties(MessageProperties::Decode(EncodeInJavaHashMapOrder(half.properties())));
  Result<std::string> body = EncodeStoredMessage(half, MessageVersion::kV1);
  if (!body.ok()) {
    RMQ_LOG(kError) << "Send check message error! encode " << half.msg_id() << ": "
                    << body.status().ToString();
    return;
  }
  request.set_body(std::move(*body));

  const std::string group = half.GetProperty(kPropertyProducerGroup);
  std::shared_ptr<remoting::Channel> channel =
      controller_->producer_manager().GetAvailableChannel(group);
  if (channel == nullptr) {
    RMQ_LOG(kWarn) << "Check transaction failed, channel is null. groupId=" << group;
    return;
  }
  Status st = channel->InvokeOneway(std::move(request));
  if (!st.ok()) {
    RMQ_LOG(kError) << "Check transaction failed because invoke producer exception. group=" << group
                    << ", msgId=" << half.msg_id() << ", error=" << st.ToString();
  }
}

void DefaultTransactionCheckListener::ResolveDiscardMsg(const MessageExt& half) {
  RMQ_LOG(kError) << "MsgExt:" << half.msg_id()
                  << " has been checked too many times, so discard it by moving it to system "
                     "topic TRANS_CHECK_MAXTIME_TOPIC";
  TopicConfig tc = controller_->topic_config_manager().CreateTopicInSendMessageBackMethod(
      kTransCheckMaxTimeTopic, 1, kPermRead | kPermWrite, 0);
  MessageExt m;
  m.set_topic(tc.topic_name);
  m.set_body(half.body());
  m.set_flag(half.flag());
  m.set_queue_id(0);
  m.set_sys_flag(half.sys_flag());
  m.set_born_host(half.born_host());
  m.set_born_timestamp(half.born_timestamp());
  m.set_store_host(half.store_host());
  m.set_reconsume_times(half.reconsume_times());
  store::PutMessageResult r = controller_->transactional_message_service().bridge().PutRaw(
      std::move(m), EncodeInJavaHashMapOrder(half.properties()));
  if (r.IsOk()) {
    RMQ_LOG(kInfo) << "Put checked-too-many-time half message to TRANS_CHECK_MAXTIME_TOPIC OK. "
                      "Restored in queueOffset="
                   << half.queue_offset() << ", commitLogOffset=" << half.commit_log_offset()
                   << ", real topic=" << half.GetProperty(kPropertyRealTopic);
  } else {
    RMQ_LOG(kError) << "Put checked-too-many-time half message to TRANS_CHECK_MAXTIME_TOPIC "
                       "failed, real topic="
                    << half.topic() << ", msgId=" << half.msg_id();
  }
}

}  // namespace rocketmq::broker
