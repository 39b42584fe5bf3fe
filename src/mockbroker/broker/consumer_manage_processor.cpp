#include "mockbroker/broker/consumer_manage_processor.h"

#include "common/model/list_bodies.h"
#include "common/response_code.h"
#include "mockbroker/broker/broker_controller.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

std::optional<RemotingCommand> ConsumerManageProcessor::ProcessRequest(
    const std::shared_ptr<remoting::Channel>& channel, RemotingCommand& request) {
  switch (request.code()) {
    case RequestCode::kQueryConsumerOffset:
      return QueryConsumerOffset(request);
    case RequestCode::kUpdateConsumerOffset:
      return UpdateConsumerOffset(channel, request);
    default:
      return GetConsumerListByGroup(request);
  }
}

RemotingCommand ConsumerManageProcessor::QueryConsumerOffset(const RemotingCommand& request) {
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  resp.mutable_ext_fields();
  Result<std::string> group = request.GetExtString("consumerGroup");
  Result<std::string> topic = request.GetExtString("topic");
  Result<int32_t> queue_id = request.GetExtInt32("queueId");
  if (!group.ok() || !topic.ok() || !queue_id.ok()) {
    resp.set_remark("the custom field of QueryConsumerOffsetRequestHeader is null");
    return resp;
  }
  int64_t offset = controller_->consumer_offset_manager().QueryOffset(*group, *topic, *queue_id);
  if (offset < 0) {
    const bool explicit_no_zero =
        request.ext_fields().Has("setZeroIfNotFound") && !request.GetExtBool("setZeroIfNotFound");
    const int64_t min = controller_->message_store().GetMinOffsetInQueue(*topic, *queue_id);
    // Java 4.9.8: a queue that never lost messages and whose first message is not swapped out
    // (an empty queue included) starts at 0; otherwise the client decides (QUERY_NOT_FOUND).
    if (!explicit_no_zero && min <= 0 &&
        !controller_->message_store().CheckInDiskByConsumeOffset(*topic, *queue_id, 0)) {
      offset = 0;
    }
  }
  if (offset >= 0) {
    resp.SetExtField("offset", std::to_string(offset));
    resp.set_code(ResponseCode::kSuccess);
    return resp;
  }
  resp.set_code(ResponseCode::kQueryNotFound);
  resp.set_remark("Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
  return resp;
}

RemotingCommand ConsumerManageProcessor::UpdateConsumerOffset(
    const std::shared_ptr<remoting::Channel>& ch, const RemotingCommand& request) {
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  resp.mutable_ext_fields();
  Result<std::string> group = request.GetExtString("consumerGroup");
  Result<std::string> topic = request.GetExtString("topic");
  Result<int32_t> queue_id = request.GetExtInt32("queueId");
  Result<int64_t> offset = request.GetExtInt64("commitOffset");
  if (!group.ok() || !topic.ok() || !queue_id.ok() || !offset.ok()) {
    resp.set_remark("the custom field of UpdateConsumerOffsetRequestHeader is null");
    return resp;
  }
  controller_->consumer_offset_manager().CommitOffset(ch->RemoteAddress(), *group, *topic,
                                                      *queue_id, *offset);
  resp.set_code(ResponseCode::kSuccess);
  return resp;
}

RemotingCommand ConsumerManageProcessor::GetConsumerListByGroup(const RemotingCommand& request) {
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  resp.mutable_ext_fields();
  const std::string group = request.ext_fields().GetOr("consumerGroup");
  std::optional<ConsumerGroupInfo> info = controller_->consumer_manager().GetGroup(group);
  if (info && !info->channels.empty()) {
    ConsumerListBody body;
    body.consumer_id_list = info->ClientIds();
    resp.set_body(body.ToJson());
    resp.set_code(ResponseCode::kSuccess);
    return resp;
  }
  resp.set_remark("no consumer for this group, " + group);
  return resp;
}

}  // namespace rocketmq::broker
