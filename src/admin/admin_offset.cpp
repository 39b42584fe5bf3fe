// DefaultMQAdminExt: consumer offsets (update, clone, reset by time, consumer status).
#include <map>
#include <string>
#include <vector>

#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "common/java_hash.h"
#include "common/message_const.h"
#include "common/model/json_body.h"
#include "common/model/message_queue_json.h"
#include "common/model/offset_tables.h"
#include "common/response_code.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// The keys of `table` in the order a Java HashMap<MessageQueue, ?> of them iterates.
template <typename V>
std::vector<MessageQueue> JavaQueueOrder(const std::map<MessageQueue, V>& table) {
  std::vector<MessageQueue> keys;
  std::vector<int32_t> hashes;
  for (const auto& [mq, v] : table) {
    keys.push_back(mq);
    hashes.push_back(JavaMessageQueueHashCode(mq));
  }
  std::vector<MessageQueue> ordered;
  for (size_t i : JavaHashIterationOrder(hashes, JavaHashMapTableSize(keys.size()))) {
    ordered.push_back(keys[i]);
  }
  return ordered;
}

}  // namespace

void DefaultMQAdminExt::updateConsumeOffset(const std::string& broker_addr,
                                            const std::string& consume_group,
                                            const MQMessageQueue& mq, int64_t offset) {
  admin::AdminClient& c = Started();
  Status st = c.api().UpdateConsumerOffset(broker_addr, consume_group, admin::ToInternalQueue(mq),
                                           offset, c.timeout_ms());
  if (!st.ok()) admin::ThrowBrokerError(st, broker_addr);
}

void DefaultMQAdminExt::cloneGroupOffset(const std::string& src_group,
                                         const std::string& dest_group, const std::string& topic,
                                         bool is_offline) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route = admin::ValueOrThrowClient(
      c.api().GetTopicRouteInfoFromNameServer(kRetryGroupTopicPrefix + src_group, c.timeout_ms()));
  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kCloneGroupOffset);
    request.SetExtField("srcGroup", src_group);
    request.SetExtField("destGroup", dest_group);
    if (!topic.empty()) request.SetExtField("topic", topic);
    request.SetExtField("offline", is_offline ? "true" : "false");
    // Errors are MQClientException in Java (code and remark of the broker).
    admin::ValueOrThrowClient(c.CallBroker(addr, std::move(request), c.timeout_ms() * 3));
  }
}

std::map<MQMessageQueue, int64_t> DefaultMQAdminExt::resetOffsetByTimestamp(
    const std::string& topic, const std::string& group, int64_t timestamp, bool force, bool is_c) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms()));
  std::map<MQMessageQueue, int64_t> result;
  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request =
        RemotingCommand::CreateRequest(RequestCode::kInvokeBrokerToResetOffset);
    request.SetExtField("topic", topic);
    request.SetExtField("group", group);
    request.SetExtField("timestamp", std::to_string(timestamp));
    request.SetExtField("isForce", force ? "true" : "false");
    // The broker answers C++ requests (language CPP) with its array body form; Java clients
    // (and so mqadmin without -c) say JAVA.
    request.set_language(is_c ? remoting::LanguageCode::kCpp : remoting::LanguageCode::kJava);
    // Java: MQClientException with the broker's code (206 when no consumer is online).
    RemotingCommand response = admin::ValueOrThrowClient(c.CallBroker(addr, std::move(request)));
    if (response.body().empty()) {
      throw MQClientException("the broker " + addr + " sent no offset table",
                              ResponseCode::kSystemError);
    }
    Result<Json::Value> doc = ParseJson(response.body());
    if (!doc.ok()) admin::ThrowClientError(doc.status());
    if (doc->isMember("offsetTable") && (*doc)["offsetTable"].isArray()) {
      rocketmq::ResetOffsetBodyForC body =
          admin::ValueOrThrowClient(rocketmq::ResetOffsetBodyForC::FromJson(*doc));
      for (const auto& [mq, offset] : body.offset_table) result[admin::ToPublicQueue(mq)] = offset;
    } else {
      rocketmq::ResetOffsetBody body =
          admin::ValueOrThrowClient(rocketmq::ResetOffsetBody::FromJson(*doc));
      for (const auto& [mq, offset] : body.offset_table) result[admin::ToPublicQueue(mq)] = offset;
    }
  }
  return result;
}

std::vector<admin::RollbackStats> DefaultMQAdminExt::resetOffsetByTimestampOld(
    const std::string& consumer_group, const std::string& topic, int64_t timestamp, bool force) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms()));
  std::vector<admin::RollbackStats> result;

  // Moves one queue and says how (Java resetOffsetConsumeOffset).
  auto reset_queue = [&](const std::string& addr, const MessageQueue& mq, int64_t broker_offset,
                         int64_t consumer_offset) {
    Result<int64_t> found = timestamp == -1
                                ? c.api().GetMaxOffset(addr, mq, c.timeout_ms())
                                : c.api().SearchOffset(addr, mq, timestamp, c.timeout_ms());
    const int64_t reset_offset = admin::ValueOrThrowBroker(std::move(found), addr);
    admin::RollbackStats stats;
    stats.broker_name = mq.broker_name;
    stats.queue_id = mq.queue_id;
    stats.broker_offset = broker_offset;
    stats.consumer_offset = consumer_offset;
    stats.timestamp_offset = reset_offset;
    stats.rollback_offset = consumer_offset;
    if (force || reset_offset <= consumer_offset) {
      stats.rollback_offset = reset_offset;
      Status st =
          c.api().UpdateConsumerOffset(addr, consumer_group, mq, reset_offset, c.timeout_ms());
      if (!st.ok()) admin::ThrowBrokerError(st, addr);
    }
    result.push_back(stats);
  };

  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kGetConsumeStats);
    request.SetExtField("consumerGroup", consumer_group);
    RemotingCommand response =
        admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
    rocketmq::ConsumeStats stats =
        admin::ValueOrThrowBroker(DecodeJsonBody<rocketmq::ConsumeStats>(response.body()), addr);
    bool has_consumed = false;
    for (const MessageQueue& mq : JavaQueueOrder(stats.offset_table)) {
      if (mq.topic != topic) continue;
      has_consumed = true;
      const rocketmq::OffsetWrapper& w = stats.offset_table.at(mq);
      reset_queue(addr, mq, w.broker_offset, w.consumer_offset);
    }
    if (has_consumed) continue;
    // The group has no offset there yet: every readable queue, from its min offset.
    int read_queues = 0;
    for (const rocketmq::QueueData& qd : route.queue_datas) {
      if (qd.broker_name == bd.broker_name) read_queues = qd.read_queue_nums;
    }
    RemotingCommand stats_request = RemotingCommand::CreateRequest(RequestCode::kGetTopicStatsInfo);
    stats_request.SetExtField("topic", topic);
    RemotingCommand stats_response =
        admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(stats_request)), addr);
    rocketmq::TopicStatsTable table = admin::ValueOrThrowBroker(
        DecodeJsonBody<rocketmq::TopicStatsTable>(stats_response.body()), addr);
    for (int i = 0; i < read_queues; ++i) {
      MessageQueue mq(topic, bd.broker_name, i);
      auto it = table.offset_table.find(mq);
      if (it == table.offset_table.end()) {
        throw MQBrokerException(ResponseCode::kSystemError,
                                "no offsets of queue " + std::to_string(i) + " of " + topic, addr);
      }
      reset_queue(addr, mq, it->second.max_offset, it->second.min_offset);
    }
  }
  return result;
}

std::map<std::string, std::map<MQMessageQueue, int64_t>> DefaultMQAdminExt::getConsumeStatus(
    const std::string& topic, const std::string& group, const std::string& client_addr) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms()));
  std::map<std::string, std::map<MQMessageQueue, int64_t>> result;
  if (route.broker_datas.empty()) return result;
  const std::string addr = route.broker_datas.front().SelectBrokerAddr();
  if (addr.empty()) return result;
  RemotingCommand request =
      RemotingCommand::CreateRequest(RequestCode::kInvokeBrokerToGetConsumerStatus);
  request.SetExtField("topic", topic);
  request.SetExtField("group", group);
  if (!client_addr.empty()) request.SetExtField("clientAddr", client_addr);
  RemotingCommand response = admin::ValueOrThrowClient(c.CallBroker(addr, std::move(request)));
  Result<Json::Value> doc = ParseJson(response.body());
  if (!doc.ok()) admin::ThrowClientError(doc.status());
  const Json::Value& table = (*doc)["consumerTable"];
  if (!table.isObject()) return result;
  for (const std::string& client_id : table.getMemberNames()) {
    // Each client's table has ResetOffsetBody's offsetTable form.
    Json::Value wrapper(Json::objectValue);
    wrapper["offsetTable"] = table[client_id];
    rocketmq::ResetOffsetBody offsets =
        admin::ValueOrThrowClient(rocketmq::ResetOffsetBody::FromJson(wrapper));
    auto& out = result[client_id];
    for (const auto& [mq, offset] : offsets.offset_table) out[admin::ToPublicQueue(mq)] = offset;
  }
  return result;
}

}  // namespace rocketmq
