#include "consumer/client_remoting_processor.h"

#include "common/json_fields.h"
#include "common/json_reader.h"
#include "common/logging.h"
#include "common/message_decoder.h"
#include "common/model/get_consumer_status_body.h"
#include "common/model/offset_tables.h"
#include "common/response_code.h"
#include "remoting/request_code.h"

namespace rocketmq::consumer {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

ConsumerRequestHandler* FindHandler(client::ClientInstance* instance, const std::string& group,
                                    std::shared_ptr<client::ConsumerInner>* keep) {
  *keep = instance->SelectConsumer(group);
  return dynamic_cast<ConsumerRequestHandler*>(keep->get());
}

std::optional<RemotingCommand> NotifyConsumerIdsChanged(client::ClientInstance* instance,
                                                        RemotingCommand& request) {
  RMQ_LOG(kInfo) << "receive broker's notification, the consumer group: "
                 << request.ext_fields().GetOr("consumerGroup") << " changed, rebalance now";
  instance->scheduler().Schedule([instance] { instance->DoRebalanceAll(); }, 0);
  return std::nullopt;
}

// Runs on the connection's loop thread, so resets are taken in the order the broker sent them
// (an admin's "reset to the newest" followed by "reset to 0" must end at 0). The work itself
// (commits to the broker) goes to the instance's scheduler: one thread, first in first out, which
// also runs the rebalance, so a reset never interleaves with a rebalance re-adding its queues.
std::optional<RemotingCommand> ResetOffset(client::ClientInstance* instance,
                                           RemotingCommand& request) {
  const std::string topic = request.ext_fields().GetOr("topic");
  const std::string group = request.ext_fields().GetOr("group");
  Result<std::map<MessageQueue, int64_t>> offsets = DecodeResetOffsetBody(request.body());
  if (!offsets.ok()) {
    RMQ_LOG(kWarn) << "bad RESET_CONSUMER_CLIENT_OFFSET body for " << group << ": "
                   << offsets.status().ToString();
    return std::nullopt;
  }
  std::shared_ptr<client::ConsumerInner> keep;
  if (FindHandler(instance, group, &keep) == nullptr) {
    RMQ_LOG(kInfo) << "[reset-offset] consumer does not exist. group=" << group;
    return std::nullopt;
  }
  std::weak_ptr<client::ConsumerInner> weak = keep;
  instance->scheduler().Schedule(
      [weak, topic, offsets = std::move(*offsets)] {
        std::shared_ptr<client::ConsumerInner> consumer = weak.lock();
        auto* handler = dynamic_cast<ConsumerRequestHandler*>(consumer.get());
        if (handler != nullptr) handler->ResetOffset(topic, offsets);
      },
      0);
  return std::nullopt;
}

std::optional<RemotingCommand> GetConsumerRunningInfo(client::ClientInstance* instance,
                                                      RemotingCommand& request) {
  const std::string group = request.ext_fields().GetOr("consumerGroup");
  std::shared_ptr<client::ConsumerInner> keep;
  ConsumerRequestHandler* handler = FindHandler(instance, group, &keep);
  if (handler == nullptr) {
    RemotingCommand response = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
    response.set_remark("The Consumer Group <" + group + "> not exist in this consumer");
    return response;
  }
  ConsumerRunningInfo info = handler->RunningInfo(request.GetExtBool("jstackEnable"));
  RemotingCommand response = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  response.set_body(info.ToJson());
  return response;
}

std::optional<RemotingCommand> ConsumeMessageDirectly(client::ClientInstance* instance,
                                                      RemotingCommand& request) {
  const std::string group = request.ext_fields().GetOr("consumerGroup");
  const std::string msg_id = request.ext_fields().GetOr("msgId");
  MessageDecodeOptions options;
  options.decompress_body = true;
  Result<MessageExt> msg = DecodeStoredMessage(request.body(), nullptr, options);
  std::shared_ptr<client::ConsumerInner> keep;
  ConsumerRequestHandler* handler = FindHandler(instance, group, &keep);
  std::optional<ConsumeMessageDirectlyResult> result;
  if (msg.ok() && handler != nullptr) {
    msg->set_msg_id(msg->ClientMsgId());
    result = handler->ConsumeMessageDirectly(std::make_shared<MessageExt>(std::move(*msg)),
                                             request.ext_fields().GetOr("brokerName"));
  }
  if (!result) {
    RemotingCommand response = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
    response.set_remark(msg.ok() ? "The Message " + msg_id + " not exist in the consumer"
                                 : "bad message body: " + msg.status().message());
    return response;
  }
  RemotingCommand response = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  response.set_body(result->ToJson());
  return response;
}

std::optional<RemotingCommand> GetConsumerStatus(client::ClientInstance* instance,
                                                 RemotingCommand& request) {
  // Java answers SUCCESS with an empty table when the group is unknown here.
  const std::string topic = request.ext_fields().GetOr("topic");
  std::shared_ptr<client::ConsumerInner> keep;
  ConsumerRequestHandler* handler =
      FindHandler(instance, request.ext_fields().GetOr("group"), &keep);
  GetConsumerStatusBody body;
  if (handler != nullptr) body.message_queue_table = handler->ConsumerStatus(topic);
  RemotingCommand response = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  response.set_body(body.ToJson());
  return response;
}

using HandlerFn = std::optional<RemotingCommand> (*)(client::ClientInstance*, RemotingCommand&);

// One of the handlers above as a processor; `in_loop` handlers only decode and queue their work.
class HandlerProcessor : public remoting::RequestProcessor {
 public:
  HandlerProcessor(client::ClientInstance* instance, HandlerFn fn, bool in_loop)
      : instance_(instance), fn_(fn), in_loop_(in_loop) {}
  std::optional<RemotingCommand> ProcessRequest(const std::shared_ptr<remoting::Channel>&,
                                                RemotingCommand& request) override {
    return fn_(instance_, request);
  }
  bool RunsInLoop(const RemotingCommand&) const override { return in_loop_; }

 private:
  client::ClientInstance* const instance_;
  const HandlerFn fn_;
  const bool in_loop_;
};

}  // namespace

Result<std::map<MessageQueue, int64_t>> DecodeResetOffsetBody(const std::string& body) {
  if (body.empty()) return std::map<MessageQueue, int64_t>();
  Result<Json::Value> doc = ParseJson(body);
  if (!doc.ok()) return doc.status();
  const Json::Value* table = JsonFind(*doc, "offsetTable");
  if (table != nullptr && table->isArray()) {
    Result<ResetOffsetBodyForC> c = ResetOffsetBodyForC::FromJson(*doc);
    if (!c.ok()) return c.status();
    return std::map<MessageQueue, int64_t>(c->offset_table.begin(), c->offset_table.end());
  }
  Result<ResetOffsetBody> b = ResetOffsetBody::FromJson(*doc);
  if (!b.ok()) return b.status();
  return std::move(b->offset_table);
}

void RegisterConsumerProcessors(client::ClientInstance* instance) {
  const std::pair<int32_t, HandlerFn> handlers[] = {
      {RequestCode::kNotifyConsumerIdsChanged, &NotifyConsumerIdsChanged},
      {RequestCode::kResetConsumerClientOffset, &ResetOffset},
      {RequestCode::kGetConsumerRunningInfo, &GetConsumerRunningInfo},
      {RequestCode::kConsumeMessageDirectly, &ConsumeMessageDirectly},
      {RequestCode::kGetConsumerStatusFromClient, &GetConsumerStatus},
  };
  for (const auto& [code, fn] : handlers) {
    instance->RegisterProcessor(code, std::make_shared<HandlerProcessor>(
                                          instance, fn, code == RequestCode::kResetConsumerClientOffset));
  }
}

}  // namespace rocketmq::consumer
