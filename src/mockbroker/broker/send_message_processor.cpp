#include "mockbroker/broker/send_message_processor.h"

#include <cctype>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "common/logging.h"
#include "common/message_const.h"
#include "common/message_decoder.h"
#include "common/message_ext.h"
#include "common/response_code.h"
#include "mockbroker/broker/broker_controller.h"
#include "mockbroker/broker/send_message_check.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

constexpr int32_t kVersionV3_4_9 = 166;  // MQVersion ordinal of V3_4_9

int RandomInt(int bound) {
  static thread_local std::mt19937 rng(std::random_device{}());
  return bound <= 0 ? 0 : static_cast<int>(rng() % static_cast<unsigned>(bound));
}

// Java Boolean.parseBoolean (Message.isWaitStoreMsgOK: absent = true, else parseBoolean).
bool JavaParseBoolean(const std::string& v) {
  return v.size() == 4 && std::tolower(static_cast<unsigned char>(v[0])) == 't' &&
         std::tolower(static_cast<unsigned char>(v[1])) == 'r' &&
         std::tolower(static_cast<unsigned char>(v[2])) == 'u' &&
         std::tolower(static_cast<unsigned char>(v[3])) == 'e';
}

// Java handlePutMessageResult: the response code and remark of a store result.
// `max_message_size`: maxMessageSize, which 4.9.8 quotes in the MESSAGE_ILLEGAL remark.
void ApplyPutResult(const store::PutMessageResult& r, int32_t max_message_size,
                    RemotingCommand* resp) {
  using store::PutMessageStatus;
  switch (r.status) {
    case PutMessageStatus::kPutOk:
      resp->set_code(ResponseCode::kSuccess);
      return;
    case PutMessageStatus::kFlushDiskTimeout:
      resp->set_code(ResponseCode::kFlushDiskTimeout);
      return;
    case PutMessageStatus::kFlushSlaveTimeout:
      resp->set_code(ResponseCode::kFlushSlaveTimeout);
      return;
    case PutMessageStatus::kSlaveNotAvailable:
      resp->set_code(ResponseCode::kSlaveNotAvailable);
      return;
    case PutMessageStatus::kCreateMappedFileFailed:
      resp->set_code(ResponseCode::kSystemError);
      resp->set_remark("create mapped file failed, server is busy or broken.");
      return;
    case PutMessageStatus::kMessageIllegal:
    case PutMessageStatus::kPropertiesSizeExceeded:
      resp->set_code(ResponseCode::kMessageIllegal);
      resp->set_remark(
          "the message is illegal, maybe msg body or properties length not matched. msg body "
          "length limit " +
          std::to_string(max_message_size) + "B, msg properties length limit 32KB.");
      return;
    case PutMessageStatus::kServiceNotAvailable:
      resp->set_code(ResponseCode::kServiceNotAvailable);
      resp->set_remark(
          "service not available now. It may be caused by one of the following reasons: the "
          "broker's disk is full [" +
          r.error.message() +
          "], messages are put to the slave, message store has been shut down, etc.");
      return;
    case PutMessageStatus::kOsPageCacheBusy:
      resp->set_code(ResponseCode::kSystemBusy);
      resp->set_remark("[PC_SYNCHRONIZED]broker busy, start flow control for a while");
      return;
    case PutMessageStatus::kUnknownError:
      resp->set_code(ResponseCode::kSystemError);
      resp->set_remark("UNKNOWN_ERROR");
      return;
  }
}

// The response to a send once the store answered (Java handlePutMessageResult): the put status
// as code and remark, then the ext fields in the order the 4.9.8 broker writes them.
void FillSendResponse(bool trace_on, const std::string& region, const std::string& topic,
                      int32_t queue_id, const store::PutMessageResult& result,
                      int32_t max_message_size, RemotingCommand* resp) {
  ApplyPutResult(result, max_message_size, resp);
  if (!result.appended()) {
    RMQ_LOG(kWarn) << "send to " << topic
                   << " failed: " << store::PutMessageStatusName(result.status) << " "
                   << result.error.ToString();
    resp->SetExtField("TRACE_ON", trace_on ? "true" : "false");
    resp->SetExtField("MSG_REGION", region);
    return;
  }
  resp->SetExtField("queueId", std::to_string(queue_id));
  resp->SetExtField("TRACE_ON", trace_on ? "true" : "false");
  resp->SetExtField("MSG_REGION", region);
  resp->SetExtField("msgId", result.append.msg_id);
  resp->SetExtField("queueOffset", std::to_string(result.append.logics_offset));
}

// Where the answer to one send goes: returned by ProcessRequest when the store answered during
// the call (no wait needed), else written to the channel by whichever thread completes the put.
struct SendAnswer {
  std::mutex mu;
  bool in_call = true;                 // guarded by mu
  std::optional<RemotingCommand> now;  // guarded by mu
};

}  // namespace

bool SendMessageProcessor::RunsInLoop(const RemotingCommand& request) const {
  const int32_t code = request.code();
  const bool v2 = code == RequestCode::kSendMessageV2 || code == RequestCode::kSendBatchMessage;
  if (!v2 && code != RequestCode::kSendMessage) return false;
  const std::string* topic = request.ext_fields().Find(v2 ? "b" : "topic");
  if (topic == nullptr || IsRetryTopic(*topic)) return false;
  return controller_->topic_config_manager().Contains(*topic);
}

std::optional<RemotingCommand> SendMessageProcessor::ProcessRequest(
    const std::shared_ptr<remoting::Channel>& channel, RemotingCommand& request) {
  const BrokerConfig& cfg = controller_->broker_config();
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  resp.mutable_ext_fields();
  auto fail = [&](int32_t code, std::string remark) {
    resp.set_code(code);
    resp.set_remark(std::move(remark));
    resp.SetExtField("TRACE_ON", cfg.traceOn ? "true" : "false");
    resp.SetExtField("MSG_REGION", cfg.regionId);
    return resp;
  };

  Result<SendHeader> parsed = ParseSendHeader(request);
  if (!parsed.ok()) {
    RemotingCommand bad = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                                          parsed.status().message());
    return bad;
  }
  SendHeader h = std::move(*parsed);
  TopicConfigManager& topics = controller_->topic_config_manager();
  MsgCheckResult check = MsgCheck(controller_, channel, h);
  if (!check.ok()) return fail(check.code, std::move(check.remark));
  std::optional<TopicConfig> tc = std::move(check.topic_config);

  // --- build the message(s) ---
  int32_t queue_id = h.queue_id < 0 ? RandomInt(tc->write_queue_nums) : h.queue_id;
  std::string topic = h.topic;
  int32_t sys_flag = h.sys_flag;
  if (tc->topic_filter_type == kTopicFilterMultiTag) sys_flag |= kSysFlagMultiTags;

  if (!h.batch && IsRetryTopic(topic)) {
    const std::string group = topic.substr(std::string(kRetryGroupTopicPrefix).size());
    std::optional<SubscriptionGroupConfig> sg =
        controller_->subscription_group_manager().Find(group);
    if (!sg) {
      return fail(ResponseCode::kSubscriptionGroupNotExist,
                  "subscription group not exist, " + group + " " +
                      "\nSee http://rocketmq.apache.org/docs/faq/ for further details.");
    }
    int32_t max_times = sg->retry_max_times;
    if (request.version() >= kVersionV3_4_9 && h.max_reconsume_times) {
      max_times = *h.max_reconsume_times;
    }
    if (h.reconsume_times.value_or(0) >= max_times) {
      topic = kDlqGroupTopicPrefix + group;
      queue_id = 0;
      TopicConfig dlq =
          topics.CreateTopicInSendMessageBackMethod(topic, 1, kPermRead | kPermWrite, 0);
      (void)dlq;
    }
  }

  std::optional<SocketAddress> born;
  if (Result<SocketAddress> a = SocketAddress::Parse(channel->RemoteAddress()); a.ok()) born = *a;

  auto base = [&](MessageExt* m) {
    m->set_topic(topic);
    m->set_queue_id(queue_id);
    m->set_sys_flag(sys_flag);
    m->set_born_timestamp(h.born_timestamp);
    if (born) m->set_born_host(*born);
    m->set_store_host(controller_->store_host());
    m->set_reconsume_times(h.reconsume_times.value_or(0));
  };

  // The store answers through `on_put`; SYNC_FLUSH and SYNC_MASTER answer later, from the flush
  // or HA thread, so the send pool's threads never park on a disk or slave (Java 4.9
  // asyncSendMessage).
  auto answer = std::make_shared<SendAnswer>();
  // The topic Java's handlePutMessageResult counts: the one the record is stored under (a half
  // message's RMQ_SYS_TRANS_HALF_TOPIC, a delayed message's SCHEDULE_TOPIC_XXXX).
  auto stats_topic = std::make_shared<std::string>(topic);
  store::PutCallback on_put = [answer, channel, resp, topic, queue_id, trace_on = cfg.traceOn,
                               region = cfg.regionId, oneway = request.IsOneway(), stats_topic,
                               stats = &controller_->broker_stats_manager(),
                               max_size = controller_->store_config().maxMessageSize](
                                  store::PutMessageResult result) mutable {
    FillSendResponse(trace_on, region, topic, queue_id, result, max_size, &resp);
    if (result.appended()) {
      stats->IncTopicPutNums(*stats_topic, result.append.msg_num, 1);
      stats->IncTopicPutSize(*stats_topic, result.append.wrote_bytes);
      stats->IncBrokerPutNums(result.append.msg_num);
    }
    {
      std::lock_guard<std::mutex> lock(answer->mu);
      if (answer->in_call) {
        answer->now = std::move(resp);
        return;
      }
    }
    if (oneway) return;
    Status st = channel->SendResponse(std::move(resp));
    if (!st.ok()) {
      RMQ_LOG(kDebug) << "send response to " << channel->RemoteAddress() << ": " << st.ToString();
    }
  };
  if (h.batch) {
    Result<std::vector<BatchElementView>> elems = SplitBatchBody(request.body());
    if (!elems.ok() || elems->empty()) {
      return fail(ResponseCode::kMessageIllegal,
                  "the message is illegal, maybe msg body or "
                  "properties length not matched. msg body "
                  "length limit 128k, msg properties length "
                  "limit 32k.");
    }
    MessageProperties batch_props = MessageProperties::Decode(h.properties);
    size_t max_entries = batch_props.size() + (batch_props.Contains(kPropertyCluster) ? 0 : 1);
    batch_props.Set(kPropertyCluster, cfg.brokerClusterName);
    const std::string batch_string = JavaHashMapOrder(batch_props, max_entries).Encode();
    std::vector<MessageExt> msgs;
    store::PutMessageOptions options;
    // The flush wait follows the batch-level WAIT (Java reads it from the MessageExtBatch).
    const std::string* batch_wait = batch_props.Find(kPropertyWaitStoreMsgOk);
    options.wait_store_msg_ok = batch_wait == nullptr || JavaParseBoolean(*batch_wait);
    for (const BatchElementView& e : *elems) {
      MessageExt m;
      base(&m);
      m.set_flag(e.flag);
      m.set_body(std::string(e.body));
      // Stored verbatim: the element's string + the batch string, where WAIT may repeat.
      std::string raw = AppendBatchProperties(e.properties, batch_string);
      m.set_properties(MessageProperties::Decode(raw));
      options.raw_properties.push_back(std::move(raw));
      msgs.push_back(std::move(m));
    }
    controller_->message_store().PutMessagesAsync(std::move(msgs), options, std::move(on_put));
  } else {
    MessageExt m;
    base(&m);
    m.set_flag(h.flag);
    m.set_body(request.body());
    MessageProperties props = MessageProperties::Decode(h.properties);
    size_t max_entries = props.size() + (props.Contains(kPropertyCluster) ? 0 : 1);
    props.Set(kPropertyCluster, cfg.brokerClusterName);
    const std::string wait = props.Get(kPropertyWaitStoreMsgOk);
    const bool had_wait = props.Erase(kPropertyWaitStoreMsgOk);
    if (TransactionType(sys_flag) == kSysFlagTransactionPreparedType ||
        props.Get(kPropertyTransactionPrepared) == "true") {
      if (cfg.rejectTransactionMessage) {
        return fail(ResponseCode::kNoPermission,
                    "the broker[" + cfg.brokerIP1 + "] sending transaction message is forbidden");
      }
    }
    MessageProperties stored = JavaHashMapOrder(props, max_entries);
    if (TransactionType(sys_flag) == kSysFlagTransactionPreparedType) {
      // Java TransactionalMessageBridge.parseHalfMessageInner.
      stored.Set(kPropertyRealTopic, topic);
      stored.Set(kPropertyRealQueueId, std::to_string(queue_id));
      m.set_sys_flag(ResetTransactionType(sys_flag, kSysFlagTransactionNotType));
      m.set_topic(kTransHalfTopic);
      m.set_queue_id(0);
    }
    // Java drops WAIT from the stored bytes; it still steers the flush wait, passed explicitly.
    store::PutMessageOptions options;
    options.wait_store_msg_ok = !had_wait || JavaParseBoolean(wait);
    m.set_properties(std::move(stored));
    if (m.delay_time_level() > 0 &&
        TransactionType(m.sys_flag()) != kSysFlagTransactionPreparedType) {
      // Java's map keeps WAIT (removed, then put back: last in insertion order) and the store's
      // delay rewrite re-encodes that map, WAIT included; only a non-delayed record drops it.
      options.raw_properties.push_back(m.properties().Encode());
      if (had_wait) props.Set(kPropertyWaitStoreMsgOk, wait);
      m.set_properties(std::move(props));
      *stats_topic = kScheduleTopicName;
    }
    if (TransactionType(sys_flag) == kSysFlagTransactionPreparedType)
      *stats_topic = kTransHalfTopic;
    controller_->message_store().PutMessageAsync(std::move(m), options, std::move(on_put));
  }

  std::lock_guard<std::mutex> lock(answer->mu);
  answer->in_call = false;
  return std::move(answer->now);  // empty: answered later through the channel
}

}  // namespace rocketmq::broker
