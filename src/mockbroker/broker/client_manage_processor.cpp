#include "mockbroker/broker/client_manage_processor.h"

#include "common/time_util.h"

#include <chrono>

#include "common/logging.h"
#include "common/model/heartbeat_data.h"
#include "common/model/json_body.h"
#include "common/response_code.h"
#include "mockbroker/broker/broker_controller.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

ClientChannelInfo MakeInfo(const std::shared_ptr<remoting::Channel>& channel,
                           const RemotingCommand& request, const std::string& client_id) {
  ClientChannelInfo info;
  info.channel = channel;
  info.client_id = client_id;
  info.language = request.language();
  info.version = request.version();
  info.last_update_timestamp = NowMillis();
  return info;
}

}  // namespace

std::optional<RemotingCommand> ClientManageProcessor::ProcessRequest(
    const std::shared_ptr<remoting::Channel>& channel, RemotingCommand& request) {
  if (request.code() == RequestCode::kUnregisterClient) return UnregisterClient(channel, request);
  return HeartBeat(channel, request);
}

RemotingCommand ClientManageProcessor::HeartBeat(const std::shared_ptr<remoting::Channel>& channel,
                                                 const RemotingCommand& request) {
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  Result<HeartbeatData> hb = DecodeJsonBody<HeartbeatData>(request.body());
  if (!hb.ok()) {
    resp.set_remark("decode heartbeat body failed: " + hb.status().message());
    return resp;
  }
  const ClientChannelInfo info = MakeInfo(channel, request, hb->client_id);
  for (const ConsumerData& data : hb->consumer_data_set) {
    std::optional<SubscriptionGroupConfig> sg =
        controller_->subscription_group_manager().Find(data.group_name);
    bool notify = true;
    if (sg) {
      notify = sg->notify_consumer_ids_changed_enable;
      const int32_t sys_flag = data.unit_mode ? kTopicFlagUnitSub : 0;
      controller_->topic_config_manager().CreateTopicInSendMessageBackMethod(
          kRetryGroupTopicPrefix + data.group_name, sg->retry_queue_nums, kPermRead | kPermWrite,
          sys_flag);
    }
    if (controller_->consumer_manager().RegisterConsumer(data.group_name, info, data, notify)) {
      RMQ_LOG(kInfo) << "registerConsumer info changed " << data.group_name << " " << hb->client_id
                     << " " << channel->RemoteAddress();
    }
  }
  for (const ProducerData& data : hb->producer_data_set) {
    controller_->producer_manager().RegisterProducer(data.group_name, info);
  }
  resp.set_code(ResponseCode::kSuccess);
  return resp;
}

RemotingCommand ClientManageProcessor::UnregisterClient(
    const std::shared_ptr<remoting::Channel>& channel, const RemotingCommand& request) {
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  resp.mutable_ext_fields();
  Result<std::string> client_id = request.GetExtString("clientID");
  if (!client_id.ok()) {
    resp.set_remark("the custom field <clientID> is null");
    return resp;
  }
  const ClientChannelInfo info = MakeInfo(channel, request, *client_id);
  const std::string producer_group = request.ext_fields().GetOr("producerGroup");
  if (!producer_group.empty()) {
    controller_->producer_manager().UnregisterProducer(producer_group, info);
  }
  const std::string consumer_group = request.ext_fields().GetOr("consumerGroup");
  if (!consumer_group.empty()) {
    std::optional<SubscriptionGroupConfig> sg =
        controller_->subscription_group_manager().Find(consumer_group);
    const bool notify = sg ? sg->notify_consumer_ids_changed_enable : true;
    controller_->consumer_manager().UnregisterConsumer(consumer_group, info, notify);
  }
  resp.set_code(ResponseCode::kSuccess);
  return resp;
}

}  // namespace rocketmq::broker
