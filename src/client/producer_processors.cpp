#include "client/producer_processors.h"

#include "client/client_instance.h"
#include "client/namespace_util.h"
#include "client/request_headers.h"
#include "common/compression.h"
#include "common/logging.h"
#include "common/message_const.h"
#include "common/message_decoder.h"
#include "common/response_code.h"
#include "common/time_util.h"

namespace rocketmq::client {

using remoting::Channel;
using remoting::RemotingCommand;

namespace {

std::optional<RemotingCommand> CheckTransactionState(ClientInstance* instance,
                                                     const std::shared_ptr<Channel>& channel,
                                                     RemotingCommand& request) {
  Result<CheckTransactionStateRequestHeader> header =
      CheckTransactionStateRequestHeader::Decode(request);
  if (!header.ok()) {
    RMQ_LOG(kWarn) << "checkTransactionState from " << channel->RemoteAddress() << ": "
                   << header.status().ToString();
    return std::nullopt;
  }
  Result<MessageExt> msg = DecodeStoredMessage(request.body());
  if (!msg.ok()) {
    RMQ_LOG(kWarn) << "checkTransactionState, decode message failed: " << msg.status().ToString();
    return std::nullopt;
  }
  const std::string& ns = instance->config().name_space;
  if (!ns.empty()) msg->set_topic(WithoutNamespace(msg->topic(), ns));
  std::string transaction_id = msg->GetProperty(kPropertyUniqClientMessageIdKeyIdx);
  if (!transaction_id.empty()) msg->set_transaction_id(std::move(transaction_id));
  const std::string group = msg->GetProperty(kPropertyProducerGroup);
  if (group.empty()) {
    RMQ_LOG(kWarn) << "checkTransactionState, pick producer group failed";
    return std::nullopt;
  }
  std::shared_ptr<ProducerInner> producer = instance->SelectProducer(group);
  if (!producer) {
    RMQ_LOG(kDebug) << "checkTransactionState, pick producer by group[" << group << "] failed";
    return std::nullopt;
  }
  producer->CheckTransactionState(channel->RemoteAddress(), *msg, *header);
  return std::nullopt;  // oneway: END_TRANSACTION answers later
}

SocketAddress HostOrEmpty(const remoting::ExtFields& f, const char* key) {
  const std::string* text = f.Find(key);
  if (text == nullptr) return SocketAddress();
  Result<SocketAddress> a = SocketAddress::Parse(*text);
  return a.ok() ? *a : SocketAddress();
}

}  // namespace

Result<MessageExt> DecodePushedReply(const RemotingCommand& request, int64_t receive_time_ms) {
  const remoting::ExtFields& f = request.ext_fields();
  MessageExt msg;
  msg.set_topic(f.GetOr("topic"));
  Result<int32_t> queue_id = request.GetExtInt32("queueId");
  Result<int32_t> sys_flag = request.GetExtInt32("sysFlag");
  Result<int32_t> flag = request.GetExtInt32("flag");
  Result<int64_t> born = request.GetExtInt64("bornTimestamp");
  Result<int64_t> stored = request.GetExtInt64("storeTimestamp");
  if (!queue_id.ok() || !sys_flag.ok() || !flag.ok() || !born.ok() || !stored.ok()) {
    return Status::InvalidArgument("reply message header lacks a required field");
  }
  msg.set_queue_id(*queue_id);
  msg.set_store_timestamp(*stored);
  msg.set_born_host(HostOrEmpty(f, "bornHost"));
  msg.set_store_host(HostOrEmpty(f, "storeHost"));
  std::string body = request.body();
  if ((*sys_flag & kSysFlagCompressed) != 0) {
    Result<std::string> inflated = ZlibDecompress(body);
    if (inflated.ok()) {
      body = std::move(inflated).value();
    } else {
      RMQ_LOG(kWarn) << "err when uncompress reply body: " << inflated.status().ToString();
    }
  }
  msg.set_body(std::move(body));
  msg.set_flag(*flag);
  msg.set_properties(MessageProperties::Decode(f.GetOr("properties")));
  msg.PutProperty(kPropertyReplyMessageArriveTime, std::to_string(receive_time_ms));
  msg.set_born_timestamp(*born);
  Result<int32_t> reconsume = request.GetExtInt32("reconsumeTimes");
  msg.set_reconsume_times(reconsume.ok() ? *reconsume : 0);
  return msg;
}

std::shared_ptr<remoting::RequestProcessor> MakeCheckTransactionStateProcessor(
    ClientInstance* instance) {
  return remoting::MakeProcessor(
      [instance](const std::shared_ptr<Channel>& channel, RemotingCommand& request) {
        return CheckTransactionState(instance, channel, request);
      });
}

std::shared_ptr<remoting::RequestProcessor> MakeReplyMessageProcessor(ClientInstance* instance) {
  return remoting::MakeProcessor(
      [instance](const std::shared_ptr<Channel>& channel, RemotingCommand& request) {
        Result<MessageExt> reply = DecodePushedReply(request, NowMillis());
        if (!reply.ok()) {
          RMQ_LOG(kWarn) << "unknown err when receiveReplyMsg from " << channel->RemoteAddress()
                         << ": " << reply.status().ToString();
          return std::optional<RemotingCommand>(RemotingCommand::CreateResponse(
              request, ResponseCode::kSystemError, "process reply message fail"));
        }
        const std::string correlation_id = reply->GetProperty(kPropertyCorrelationId);
        if (!instance->request_futures().Complete(correlation_id, std::move(reply).value())) {
          RMQ_LOG(kWarn) << "receive reply message, but not matched any request, CorrelationId: "
                         << correlation_id << " , reply from host: " << channel->RemoteAddress();
        }
        return std::optional<RemotingCommand>(
            RemotingCommand::CreateResponse(request, ResponseCode::kSuccess));
      });
}

}  // namespace rocketmq::client
