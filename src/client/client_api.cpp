#include "client/client_api.h"

#include <chrono>
#include <random>

#include "client/namespace_util.h"
#include "common/logging.h"
#include "common/message_const.h"
#include "common/message_decoder.h"
#include "common/model/json_body.h"
#include "common/response_code.h"
#include "common/time_util.h"
#include "remoting/request_code.h"

namespace rocketmq::client {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

bool IsTransportError(const Status& st) {
  return st.code() == kCodeNotConnected || st.code() == kCodeSendFailed ||
         st.code() == kCodeTimeout;
}

RemotingCommand QueueRequest(int32_t code, const MessageQueue& mq) {
  RemotingCommand r = RemotingCommand::CreateRequest(code);
  r.SetExtField("topic", mq.topic);
  r.SetExtField("queueId", std::to_string(mq.queue_id));
  return r;
}

}  // namespace

const char* PullStatusName(PullStatus status) {
  switch (status) {
    case PullStatus::kFound:
      return "FOUND";
    case PullStatus::kNoNewMsg:
      return "NO_NEW_MSG";
    case PullStatus::kNoMatchedMsg:
      return "NO_MATCHED_MSG";
    case PullStatus::kOffsetIllegal:
      return "OFFSET_ILLEGAL";
  }
  return "UNKNOWN";
}

Status ResponseError(const RemotingCommand& response) {
  return Status(response.code(), response.remark().value_or(""));
}

ClientApi::ClientApi(remoting::RemotingClient* remoting, std::vector<std::string> namesrv_addrs)
    : remoting_(remoting) {
  UpdateNamesrvAddrs(std::move(namesrv_addrs));
}

std::vector<std::string> ClientApi::namesrv_addrs() const {
  std::lock_guard<std::mutex> lock(ns_mu_);
  return namesrv_addrs_;
}

void ClientApi::UpdateNamesrvAddrs(std::vector<std::string> addrs) {
  std::lock_guard<std::mutex> lock(ns_mu_);
  namesrv_addrs_ = std::move(addrs);
  // Java starts at a random NameServer so that clients spread over them.
  namesrv_index_ = namesrv_addrs_.empty() ? 0 : std::random_device{}() % namesrv_addrs_.size();
}

Result<RemotingCommand> ClientApi::InvokeNameServer(RemotingCommand request, int64_t timeout_ms) {
  std::vector<std::string> addrs;
  size_t start = 0;
  {
    std::lock_guard<std::mutex> lock(ns_mu_);
    addrs = namesrv_addrs_;
    start = namesrv_index_;
  }
  if (addrs.empty()) return Status::NotConnected("no NameServer address is configured");
  const int64_t deadline = NowMs() + timeout_ms;
  Status last = Status::Timeout("NameServer call timed out before it was sent");
  for (size_t i = 0; i < addrs.size(); ++i) {
    const size_t idx = (start + i) % addrs.size();
    const int64_t remaining = deadline - NowMs();
    if (remaining <= 0) break;
    Result<RemotingCommand> r = remoting_->InvokeSync(addrs[idx], request, remaining);
    if (r.ok()) return r;
    last = r.status();
    if (!IsTransportError(last)) return last;
    RMQ_LOG(kWarn) << "NameServer " << addrs[idx] << " failed (code " << request.code()
                   << "): " << last.ToString() << "; trying the next one";
    std::lock_guard<std::mutex> lock(ns_mu_);
    if (namesrv_addrs_ == addrs) namesrv_index_ = (idx + 1) % addrs.size();
  }
  return last;
}

Result<RemotingCommand> ClientApi::CallExpectSuccess(const std::string& addr,
                                                     RemotingCommand request, int64_t timeout_ms) {
  Result<RemotingCommand> r = remoting_->InvokeSync(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  if (r->code() != ResponseCode::kSuccess) return ResponseError(*r);
  return r;
}

// ---- NameServer ----

Result<TopicRouteData> ClientApi::GetTopicRouteInfoFromNameServer(const std::string& topic,
                                                                  int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetRouteinfoByTopic);
  request.SetExtField("topic", topic);
  Result<RemotingCommand> r = InvokeNameServer(std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  if (r->code() != ResponseCode::kSuccess) return ResponseError(*r);
  return DecodeJsonBody<TopicRouteData>(r->body());
}

Result<ClusterInfo> ClientApi::GetBrokerClusterInfo(int64_t timeout_ms) {
  Result<RemotingCommand> r = InvokeNameServer(
      RemotingCommand::CreateRequest(RequestCode::kGetBrokerClusterInfo), timeout_ms);
  if (!r.ok()) return r.status();
  if (r->code() != ResponseCode::kSuccess) return ResponseError(*r);
  return DecodeJsonBody<ClusterInfo>(r->body());
}

Result<TopicList> ClientApi::GetTopicListFromNameServer(int64_t timeout_ms) {
  Result<RemotingCommand> r = InvokeNameServer(
      RemotingCommand::CreateRequest(RequestCode::kGetAllTopicListFromNameServer), timeout_ms);
  if (!r.ok()) return r.status();
  if (r->code() != ResponseCode::kSuccess) return ResponseError(*r);
  return DecodeJsonBody<TopicList>(r->body());
}

// ---- send ----

RemotingCommand ClientApi::BuildSendRequest(const Message& msg,
                                            const SendMessageRequestHeader& header, bool v2) {
  RemotingCommand request =
      BuildSendRequest(header, msg.GetProperty(kPropertyMessageType) == kReplyMessageFlag, v2);
  request.set_body(msg.body());
  return request;
}

RemotingCommand ClientApi::BuildSendRequest(const SendMessageRequestHeader& header, bool reply,
                                            bool v2) {
  int32_t code;
  if (header.batch) {
    code = RequestCode::kSendBatchMessage;
    v2 = true;
  } else if (reply) {
    code = v2 ? RequestCode::kSendReplyMessageV2 : RequestCode::kSendReplyMessage;
  } else {
    code = v2 ? RequestCode::kSendMessageV2 : RequestCode::kSendMessage;
  }
  RemotingCommand request = RemotingCommand::CreateRequest(code);
  if (v2) {
    header.EncodeV2(request);
  } else {
    header.EncodeV1(request);
  }
  return request;
}

Result<SendResult> ClientApi::ProcessSendResponse(const SentMessageInfo& info,
                                                  const RemotingCommand& response) {
  SendStatus status;
  switch (response.code()) {
    case ResponseCode::kFlushDiskTimeout:
      status = SEND_FLUSH_DISK_TIMEOUT;
      break;
    case ResponseCode::kFlushSlaveTimeout:
      status = SEND_FLUSH_SLAVE_TIMEOUT;
      break;
    case ResponseCode::kSlaveNotAvailable:
      status = SEND_SLAVE_NOT_AVAILABLE;
      break;
    case ResponseCode::kSuccess:
      status = SEND_OK;
      break;
    default:
      return ResponseError(response);
  }
  Result<int32_t> queue_id = response.GetExtInt32("queueId");
  Result<int64_t> queue_offset = response.GetExtInt64("queueOffset");
  if (!queue_id.ok() || !queue_offset.ok()) {
    return Status::Corruption("send response without queueId/queueOffset: " + response.ToString());
  }
  std::string topic =
      info.name_space.empty() ? info.topic : WithoutNamespace(info.topic, info.name_space);
  SendResult result(status, info.msg_id, response.ext_fields().GetOr("msgId"),
                    MQMessageQueue(topic, info.broker_name, *queue_id), *queue_offset);
  result.setTransactionId(response.ext_fields().GetOr("transactionId"));
  std::string region = response.ext_fields().GetOr(kPropertyMsgRegion);
  result.setRegionId(region.empty() ? "DefaultRegion" : region);
  result.setTraceOn(response.ext_fields().GetOr(kPropertyTraceSwitch) != "false");
  return result;
}

Result<SendResult> ClientApi::SendMessageSync(const std::string& addr, const SentMessageInfo& info,
                                              RemotingCommand request, int64_t timeout_ms) {
  Result<RemotingCommand> r = remoting_->InvokeSync(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  return ProcessSendResponse(info, *r);
}

void ClientApi::SendMessageAsync(const std::string& addr, SentMessageInfo info,
                                 RemotingCommand request, int64_t timeout_ms,
                                 SendCallback callback) {
  remoting_->InvokeAsync(
      addr, std::move(request), timeout_ms,
      [info = std::move(info), callback = std::move(callback)](Result<RemotingCommand> r) {
        if (!r.ok()) {
          callback(r.status());
          return;
        }
        callback(ProcessSendResponse(info, *r));
      });
}

Status ClientApi::SendMessageOneway(const std::string& addr, RemotingCommand request) {
  return remoting_->InvokeOneway(addr, std::move(request));
}

// ---- pull ----

Result<PullResponse> ClientApi::ProcessPullResponse(const RemotingCommand& response) {
  PullResponse out;
  switch (response.code()) {
    case ResponseCode::kSuccess:
      out.status = PullStatus::kFound;
      break;
    case ResponseCode::kPullNotFound:
      out.status = PullStatus::kNoNewMsg;
      break;
    case ResponseCode::kPullRetryImmediately:
      out.status = PullStatus::kNoMatchedMsg;
      break;
    case ResponseCode::kPullOffsetMoved:
      out.status = PullStatus::kOffsetIllegal;
      break;
    default:
      return ResponseError(response);
  }
  Result<int64_t> next = response.GetExtInt64("nextBeginOffset");
  Result<int64_t> min = response.GetExtInt64("minOffset");
  Result<int64_t> max = response.GetExtInt64("maxOffset");
  Result<int64_t> suggest = response.GetExtInt64("suggestWhichBrokerId");
  if (!next.ok() || !min.ok() || !max.ok() || !suggest.ok()) {
    return Status::Corruption("pull response without offsets: " + response.ToString());
  }
  out.next_begin_offset = *next;
  out.min_offset = *min;
  out.max_offset = *max;
  out.suggest_which_broker_id = *suggest;
  if (out.status == PullStatus::kFound) out.message_binary = response.body();
  return out;
}

Result<PullResponse> ClientApi::PullMessageSync(const std::string& addr,
                                                const PullMessageRequestHeader& header,
                                                int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kPullMessage);
  header.Encode(request);
  Result<RemotingCommand> r = remoting_->InvokeSync(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  return ProcessPullResponse(*r);
}

void ClientApi::PullMessageAsync(const std::string& addr, const PullMessageRequestHeader& header,
                                 int64_t timeout_ms, PullCallback callback) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kPullMessage);
  header.Encode(request);
  remoting_->InvokeAsync(addr, std::move(request), timeout_ms,
                         [callback = std::move(callback)](Result<RemotingCommand> r) {
                           if (!r.ok()) {
                             callback(r.status());
                             return;
                           }
                           callback(ProcessPullResponse(*r));
                         });
}

// ---- offsets ----

Result<int64_t> ClientApi::QueryConsumerOffset(const std::string& addr, const std::string& group,
                                               const MessageQueue& mq, int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kQueryConsumerOffset);
  request.SetExtField("consumerGroup", group);
  request.SetExtField("topic", mq.topic);
  request.SetExtField("queueId", std::to_string(mq.queue_id));
  if (!mq.broker_name.empty()) request.SetExtField("bname", mq.broker_name);  // 4.9.8 sends it
  Result<RemotingCommand> r = CallExpectSuccess(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  return r->GetExtInt64("offset");
}

namespace {
RemotingCommand UpdateOffsetRequest(const std::string& group, const MessageQueue& mq,
                                    int64_t offset) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kUpdateConsumerOffset);
  request.SetExtField("consumerGroup", group);
  request.SetExtField("topic", mq.topic);
  request.SetExtField("queueId", std::to_string(mq.queue_id));
  request.SetExtField("commitOffset", std::to_string(offset));
  if (!mq.broker_name.empty()) request.SetExtField("bname", mq.broker_name);  // 4.9.8 sends it
  return request;
}
}  // namespace

Status ClientApi::UpdateConsumerOffset(const std::string& addr, const std::string& group,
                                       const MessageQueue& mq, int64_t offset, int64_t timeout_ms) {
  return CallExpectSuccess(addr, UpdateOffsetRequest(group, mq, offset), timeout_ms).status();
}

Status ClientApi::UpdateConsumerOffsetOneway(const std::string& addr, const std::string& group,
                                             const MessageQueue& mq, int64_t offset) {
  return remoting_->InvokeOneway(addr, UpdateOffsetRequest(group, mq, offset));
}

Result<int64_t> ClientApi::QueryQueueLong(int32_t code, const std::string& addr,
                                          const MessageQueue& mq, const char* field,
                                          int64_t timeout_ms, int64_t timestamp) {
  RemotingCommand request = QueueRequest(code, mq);
  if (timestamp >= 0) request.SetExtField("timestamp", std::to_string(timestamp));
  Result<RemotingCommand> r = CallExpectSuccess(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  return r->GetExtInt64(field);
}

Result<int64_t> ClientApi::GetMaxOffset(const std::string& addr, const MessageQueue& mq,
                                        int64_t timeout_ms) {
  return QueryQueueLong(RequestCode::kGetMaxOffset, addr, mq, "offset", timeout_ms);
}

Result<int64_t> ClientApi::GetMinOffset(const std::string& addr, const MessageQueue& mq,
                                        int64_t timeout_ms) {
  return QueryQueueLong(RequestCode::kGetMinOffset, addr, mq, "offset", timeout_ms);
}

Result<int64_t> ClientApi::SearchOffset(const std::string& addr, const MessageQueue& mq,
                                        int64_t timestamp_ms, int64_t timeout_ms) {
  return QueryQueueLong(RequestCode::kSearchOffsetByTimestamp, addr, mq, "offset", timeout_ms,
                        timestamp_ms);
}

Result<int64_t> ClientApi::GetEarliestMsgStoretime(const std::string& addr, const MessageQueue& mq,
                                                   int64_t timeout_ms) {
  return QueryQueueLong(RequestCode::kGetEarliestMsgStoretime, addr, mq, "timestamp", timeout_ms);
}

// ---- client management ----

Result<int32_t> ClientApi::SendHeartbeat(const std::string& addr, const HeartbeatData& heartbeat,
                                         int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kHeartBeat);
  request.set_body(heartbeat.ToJson());
  Result<RemotingCommand> r = CallExpectSuccess(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  return r->version();
}

Status ClientApi::UnregisterClient(const std::string& addr, const std::string& client_id,
                                   const std::string& producer_group,
                                   const std::string& consumer_group, int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kUnregisterClient);
  if (!producer_group.empty()) request.SetExtField("producerGroup", producer_group);
  if (!consumer_group.empty()) request.SetExtField("consumerGroup", consumer_group);
  request.SetExtField("clientID", client_id);
  return CallExpectSuccess(addr, std::move(request), timeout_ms).status();
}

Result<std::vector<std::string>> ClientApi::GetConsumerIdListByGroup(const std::string& addr,
                                                                     const std::string& group,
                                                                     int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetConsumerListByGroup);
  request.SetExtField("consumerGroup", group);
  Result<RemotingCommand> r = CallExpectSuccess(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  Result<ConsumerListBody> body = DecodeJsonBody<ConsumerListBody>(r->body());
  if (!body.ok()) return body.status();
  return std::move(body->consumer_id_list);
}

Result<std::vector<MessageQueue>> ClientApi::LockBatchMq(const std::string& addr,
                                                         const LockBatchRequestBody& body,
                                                         int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kLockBatchMq);
  request.set_body(body.ToJson());
  Result<RemotingCommand> r = CallExpectSuccess(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  Result<LockBatchResponseBody> resp = DecodeJsonBody<LockBatchResponseBody>(r->body());
  if (!resp.ok()) return resp.status();
  return std::move(resp->lock_ok_mq_set);
}

Status ClientApi::UnlockBatchMq(const std::string& addr, const UnlockBatchRequestBody& body,
                                int64_t timeout_ms, bool oneway) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kUnlockBatchMq);
  request.set_body(body.ToJson());
  if (oneway) return remoting_->InvokeOneway(addr, std::move(request));
  return CallExpectSuccess(addr, std::move(request), timeout_ms).status();
}

Status ClientApi::ConsumerSendMessageBack(const std::string& addr,
                                          const ConsumerSendMsgBackRequestHeader& header,
                                          int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kConsumerSendMsgBack);
  header.Encode(request);
  return CallExpectSuccess(addr, std::move(request), timeout_ms).status();
}

Status ClientApi::EndTransactionOneway(const std::string& addr,
                                       const EndTransactionRequestHeader& header,
                                       const std::string& remark) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kEndTransaction);
  header.Encode(request);
  if (!remark.empty()) request.set_remark(remark);
  return remoting_->InvokeOneway(addr, std::move(request));
}

// ---- messages and admin ----

Result<MessageExt> ClientApi::ViewMessage(const std::string& addr, int64_t phy_offset,
                                          int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kViewMessageById);
  request.SetExtField("offset", std::to_string(phy_offset));
  Result<RemotingCommand> r = CallExpectSuccess(addr, std::move(request), timeout_ms);
  if (!r.ok()) return r.status();
  MessageDecodeOptions options;
  options.decompress_body = true;
  return DecodeStoredMessage(r->body(), nullptr, options);
}

Status ClientApi::CreateTopic(const std::string& addr, const std::string& default_topic,
                              const TopicConfig& config, int64_t timeout_ms) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kUpdateAndCreateTopic);
  request.SetExtField("topic", config.topic_name);
  request.SetExtField("defaultTopic", default_topic);
  request.SetExtField("readQueueNums", std::to_string(config.read_queue_nums));
  request.SetExtField("writeQueueNums", std::to_string(config.write_queue_nums));
  request.SetExtField("perm", std::to_string(config.perm));
  request.SetExtField("topicFilterType", config.topic_filter_type);
  request.SetExtField("topicSysFlag", std::to_string(config.topic_sys_flag));
  request.SetExtField("order", config.order ? "true" : "false");
  return CallExpectSuccess(addr, std::move(request), timeout_ms).status();
}

}  // namespace rocketmq::client
