#include "mockbroker/broker/consumer_manage_processor.h"

#include <unistd.h>

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

bool ConsumerManageProcessor::FirstMessageInMemory(const std::string& topic, int32_t queue_id) {
  store::MessageStore& s = controller_->message_store();
  const int64_t phy = s.GetCommitLogOffsetInQueue(topic, queue_id, 0);
  if (phy < 0) return false;
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  const int64_t ram =
      pages > 0 && page_size > 0 ? static_cast<int64_t>(pages) * page_size : int64_t{1} << 34;
  const int64_t memory = ram * controller_->store_config().accessMessageInMemoryMaxRatio / 100;
  return s.GetMaxPhyOffset() - phy <= memory;
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
    if (!explicit_no_zero && min <= 0 && FirstMessageInMemory(*topic, *queue_id)) offset = 0;
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
