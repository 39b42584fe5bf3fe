#include "mockbroker/broker/query_message_processor.h"

#include "common/response_code.h"
#include "mockbroker/broker/broker_controller.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

std::optional<RemotingCommand> QueryMessageProcessor::ProcessRequest(
    const std::shared_ptr<remoting::Channel>& /*channel*/, RemotingCommand& request) {
  if (request.code() == RequestCode::kViewMessageById) return ViewMessageById(request);
  return QueryMessage(request);
}

RemotingCommand QueryMessageProcessor::QueryMessage(const RemotingCommand& request) {
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  resp.mutable_ext_fields();
  Result<std::string> topic = request.GetExtString("topic");
  Result<std::string> key = request.GetExtString("key");
  Result<int32_t> max_num = request.GetExtInt32("maxNum");
  Result<int64_t> begin = request.GetExtInt64("beginTimestamp");
  Result<int64_t> end = request.GetExtInt64("endTimestamp");
  if (!topic.ok() || !key.ok() || !max_num.ok() || !begin.ok() || !end.ok()) {
    resp.set_remark("the custom field of QueryMessageRequestHeader is null");
    return resp;
  }
  int32_t n = *max_num;
  if (request.ext_fields().GetOr("_UNIQUE_KEY_QUERY") == "true") {
    n = controller_->broker_config().defaultQueryMaxNum;
  }
  store::QueryMessageResult r =
      controller_->message_store().QueryMessage(*topic, *key, n, *begin, *end);
  resp.SetExtField("indexLastUpdatePhyoffset", std::to_string(r.index_last_update_phyoffset));
  resp.SetExtField("indexLastUpdateTimestamp", std::to_string(r.index_last_update_timestamp));
  if (!r.data.empty()) {
    resp.set_code(ResponseCode::kSuccess);
    resp.set_body(std::move(r.data));
    return resp;
  }
  resp.set_code(ResponseCode::kQueryNotFound);
  resp.set_remark("can not find message, maybe time range not correct");
  return resp;
}

RemotingCommand QueryMessageProcessor::ViewMessageById(const RemotingCommand& request) {
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  Result<int64_t> offset = request.GetExtInt64("offset");
  if (!offset.ok()) {
    resp.set_remark("the custom field <offset> is null");
    return resp;
  }
  Result<std::string> record = controller_->message_store().LookMessageByOffset(*offset);
  if (record.ok()) {
    resp.set_code(ResponseCode::kSuccess);
    resp.set_body(std::move(*record));
    return resp;
  }
  resp.set_remark("can not find message by the offset, " + std::to_string(*offset));
  return resp;
}

}  // namespace rocketmq::broker
