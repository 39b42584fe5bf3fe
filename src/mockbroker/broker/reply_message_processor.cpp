#include "mockbroker/broker/reply_message_processor.h"

#include <random>
#include <string>

#include "common/logging.h"
#include "common/message_const.h"
#include "common/message_ext.h"
#include "common/response_code.h"
#include "common/time_util.h"
#include "mockbroker/broker/broker_controller.h"
#include "mockbroker/broker/send_message_check.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

constexpr int64_t kPushReplyTimeoutMs = 10000;  // Java Broker2Client.callClient

// "ip:port" as Java's InetAddress.getHostAddress() + ":" + port.
std::string HostPort(const SocketAddress& addr) {
  return addr.IpToString() + ":" + std::to_string(addr.port());
}

// Java pushReplyMessage: empty when the requester answered SUCCESS, else the remark.
std::string PushReply(BrokerController* controller, const SendHeader& h,
                      const std::shared_ptr<remoting::Channel>& channel, const MessageExt& msg) {
  RemotingCommand push = RemotingCommand::CreateRequest(RequestCode::kPushReplyMessageToClient);
  push.SetExtField("producerGroup", h.producer_group);
  push.SetExtField("topic", h.topic);
  push.SetExtField("defaultTopic", h.default_topic);
  push.SetExtField("defaultTopicQueueNums", std::to_string(h.default_topic_queue_nums));
  push.SetExtField("queueId", std::to_string(h.queue_id));
  push.SetExtField("sysFlag", std::to_string(h.sys_flag));
  push.SetExtField("bornTimestamp", std::to_string(h.born_timestamp));
  push.SetExtField("flag", std::to_string(h.flag));
  push.SetExtField("properties", h.properties);
  if (h.reconsume_times) push.SetExtField("reconsumeTimes", std::to_string(*h.reconsume_times));
  push.SetExtField("unitMode", h.unit_mode ? "true" : "false");
  Result<SocketAddress> born = SocketAddress::Parse(channel->RemoteAddress());
  push.SetExtField("bornHost", born.ok() ? HostPort(*born) : channel->RemoteAddress());
  push.SetExtField("storeHost", HostPort(controller->store_host()));
  push.SetExtField("storeTimestamp", std::to_string(NowMillis()));
  push.set_body(msg.body());

  const std::string* sender = msg.properties().Find(kPropertyMessageReplyToClient);
  if (sender == nullptr) {
    RMQ_LOG(kWarn) << kPropertyMessageReplyToClient << " is null, can not reply message";
    return std::string("reply message properties[") + kPropertyMessageReplyToClient + "] is null";
  }
  std::shared_ptr<remoting::Channel> requester =
      controller->producer_manager().FindChannel(*sender);
  if (requester == nullptr) {
    std::string remark = "push reply message fail, channel of <" + *sender + "> not found.";
    RMQ_LOG(kWarn) << remark;
    return remark;
  }
  // Java adds PUSH_REPLY_TIME to the decoded map and sends that map in HashMap order.
  MessageProperties props = msg.properties();
  props.Set(kPropertyPushReplyTime, std::to_string(NowMillis()));
  push.SetExtField("properties", EncodeInJavaHashMapOrder(props));
  const std::string failed = "push reply message to " + *sender + "fail.";
  Result<RemotingCommand> answer = requester->InvokeSync(std::move(push), kPushReplyTimeoutMs);
  if (!answer.ok()) {
    RMQ_LOG(kWarn) << "push reply message to <" << *sender << "> fail. "
                   << requester->RemoteAddress() << " " << answer.status().ToString();
    return failed;
  }
  if (answer->code() != ResponseCode::kSuccess) {
    RMQ_LOG(kWarn) << "push reply message to <" << *sender
                   << "> return fail, response remark: " << answer->remark().value_or("");
    return failed;
  }
  return std::string();
}

}  // namespace

std::optional<RemotingCommand> ReplyMessageProcessor::ProcessRequest(
    const std::shared_ptr<remoting::Channel>& channel, RemotingCommand& request) {
  const BrokerConfig& cfg = controller_->broker_config();
  Result<SendHeader> parsed = ParseSendHeader(request);
  if (!parsed.ok()) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                           parsed.status().message());
  }
  const SendHeader& h = *parsed;
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  resp.SetExtField("MSG_REGION", cfg.regionId);
  resp.SetExtField("TRACE_ON", cfg.traceOn ? "true" : "false");

  MsgCheckResult check = MsgCheck(controller_, channel, h);
  if (!check.ok()) {
    resp.set_code(check.code);
    resp.set_remark(check.remark);
    return resp;
  }
  int32_t queue_id = h.queue_id;
  if (queue_id < 0) {
    static thread_local std::mt19937 rng(std::random_device{}());
    const int32_t write_queues = std::max(1, check.topic_config->write_queue_nums);
    queue_id = static_cast<int32_t>(rng() % 99999999u) % write_queues;
  }

  // Java builds the record from the header as sent: sysFlag stays 0 and the properties string is
  // stored verbatim (no CLUSTER added, WAIT kept).
  MessageExt msg;
  msg.set_topic(h.topic);
  msg.set_queue_id(queue_id);
  msg.set_body(request.body());
  msg.set_flag(h.flag);
  msg.set_properties(MessageProperties::Decode(h.properties));
  msg.set_born_timestamp(h.born_timestamp);
  if (Result<SocketAddress> a = SocketAddress::Parse(channel->RemoteAddress()); a.ok()) {
    msg.set_born_host(*a);
  }
  msg.set_store_host(controller_->store_host());
  msg.set_reconsume_times(h.reconsume_times.value_or(0));

  const std::string push_failure = PushReply(controller_, h, channel, msg);
  if (push_failure.empty()) {
    resp.set_code(ResponseCode::kSuccess);
    resp.SetExtField("msgId", "0");  // Java: "set to zero to avoid client decoding exception"
    resp.SetExtField("queueId", std::to_string(queue_id));
    resp.SetExtField("queueOffset", "0");
  } else {
    resp.set_remark(push_failure);
  }

  if (cfg.storeReplyMessageEnable) {
    store::PutMessageOptions options;
    options.raw_properties.push_back(h.properties);
    store::PutMessageResult put = controller_->message_store().PutMessage(std::move(msg), options);
    if (put.appended()) {
      resp.SetExtField("msgId", put.append.msg_id);
      resp.SetExtField("queueId", std::to_string(queue_id));
      resp.SetExtField("queueOffset", std::to_string(put.append.logics_offset));
    } else {
      RMQ_LOG(kWarn) << "process reply message, store putMessage failed: "
                     << store::PutMessageStatusName(put.status) << " " << put.error.ToString();
    }
  }
  return resp;
}

}  // namespace rocketmq::broker
