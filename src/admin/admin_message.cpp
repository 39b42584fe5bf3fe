// DefaultMQAdminExt: messages (view by id, query by key / unique key, message tracks, direct
// consumption, queue offsets, consume queue entries, raw pulls).
#include <algorithm>
#include <chrono>
#include <optional>
#include <set>

#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "client/message_access.h"
#include "client/request_headers.h"
#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/json_reader.h"
#include "common/message_const.h"
#include "common/message_decoder.h"
#include "common/message_id.h"
#include "common/socket_address.h"
#include "common/model/cluster_info.h"
#include "common/model/heartbeat_data.h"
#include "common/model/json_body.h"
#include "common/model/list_bodies.h"
#include "common/model/topic_config_wrapper.h"
#include "common/response_code.h"
#include "consumer/pull_api_wrapper.h"
#include "consumer/pull_result.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

// Named (not anonymous) so that the unity build cannot mix these helpers up with another file's.
namespace admin_message_internal {

constexpr char kNoMessageById[] = "query message by id finished, but no message.";
constexpr char kNoMessageByKey[] = "query message by key finished, but no message.";
// Java DefaultMQPullConsumer's consumerPullTimeoutMillis.
constexpr int64_t kPullTimeoutMs = 10000;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A stored message as a Java client sees it (MessageClientExt): msgId is the UNIQ_KEY when the
// message has one.
MQMessageExt ToClientMessage(MessageExt m) {
  m.set_msg_id(m.ClientMsgId());
  return MQMessageAccess::Wrap(std::move(m));
}

// Decodes a QUERY_MESSAGE / VIEW_MESSAGE_BY_ID body (bodies decompressed).
Result<std::vector<MessageExt>> DecodeMessages(const std::string& body) {
  MessageDecodeOptions options;
  options.decompress_body = true;
  return DecodeStoredMessages(body, options);
}

// The master address of `broker_name` (Java findBrokerAddressInPublish, refreshing the route of
// `topic` once when unknown).
std::string MasterAddrOf(admin::AdminClient& c, const std::string& topic,
                         const std::string& broker_name) {
  std::string addr = c.instance().FindBrokerAddressInPublish(broker_name);
  if (addr.empty()) {
    c.instance().UpdateTopicRouteInfoFromNameServer(topic);
    addr = c.instance().FindBrokerAddressInPublish(broker_name);
  }
  if (addr.empty()) throw MQClientException("The broker[" + broker_name + "] not exist", -1);
  return addr;
}

// One QUERY_MESSAGE per broker of `brokers`; the decoded messages of every broker that answered
// SUCCESS (others are skipped, as Java does), and the newest indexLastUpdateTimestamp.
std::vector<MessageExt> QueryBrokers(admin::AdminClient& c, const std::vector<std::string>& brokers,
                                     const std::string& topic, const std::string& key, int max_num,
                                     int64_t begin_ms, int64_t end_ms, bool uniq,
                                     int64_t* index_last_update) {
  std::vector<MessageExt> found;
  for (const std::string& addr : brokers) {
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kQueryMessage);
    request.SetExtField("topic", topic);
    request.SetExtField("key", key);
    request.SetExtField("maxNum", std::to_string(max_num));
    request.SetExtField("beginTimestamp", std::to_string(begin_ms));
    request.SetExtField("endTimestamp", std::to_string(end_ms));
    request.SetExtField("_UNIQUE_KEY_QUERY", uniq ? "true" : "false");
    Result<RemotingCommand> r = c.CallBroker(addr, std::move(request), c.timeout_ms() * 3);
    if (!r.ok()) continue;  // QUERY_NOT_FOUND, or a broker down: the others may have it
    int64_t ts = 0;
    if (r->ext_fields().Has("indexLastUpdateTimestamp")) {
      Result<int64_t> v = r->GetExtInt64("indexLastUpdateTimestamp");
      if (v.ok()) ts = *v;
    }
    *index_last_update = std::max(*index_last_update, ts);
    Result<std::vector<MessageExt>> msgs = DecodeMessages(r->body());
    if (!msgs.ok()) continue;
    for (MessageExt& m : *msgs) found.push_back(std::move(m));
  }
  return found;
}

// Java MQAdminImpl.queryMessage: keeps messages whose KEYS hold `key` (topic equal), or for a
// unique-key query the oldest stored message whose UNIQ_KEY is `key`.
std::vector<MessageExt> FilterQueried(std::vector<MessageExt> msgs, const std::string& topic,
                                      const std::string& key, bool uniq) {
  std::vector<MessageExt> out;
  for (MessageExt& m : msgs) {
    if (uniq) {
      if (m.ClientMsgId() != key) continue;
      if (out.empty()) {
        out.push_back(std::move(m));
      } else if (out[0].store_timestamp() > m.store_timestamp()) {
        out[0] = std::move(m);
      }
      continue;
    }
    if (m.topic() != topic || !m.properties().Contains(kPropertyKeys)) continue;
    const std::string keys = m.GetProperty(kPropertyKeys);
    size_t pos = 0;
    bool matched = false;
    while (pos <= keys.size()) {
      size_t sp = keys.find(' ', pos);
      if (sp == std::string::npos) sp = keys.size();
      if (keys.compare(pos, sp - pos, key) == 0 && sp - pos == key.size()) {
        matched = true;
        break;
      }
      pos = sp + 1;
    }
    if (matched) out.push_back(std::move(m));
  }
  return out;
}

admin::QueryResult QueryMessageImpl(admin::AdminClient& c, const std::string& topic,
                                    const std::string& key, int max_num, int64_t begin_ms,
                                    int64_t end_ms, bool uniq) {
  Result<rocketmq::TopicRouteData> route =
      c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms());
  if (!route.ok()) {
    if (route.status().code() < 0) admin::ThrowClientError(route.status());
    throw MQClientException("The topic[" + topic + "] not matched route info",
                            ResponseCode::kTopicNotExist);
  }
  std::vector<std::string> brokers;
  for (const rocketmq::BrokerData& bd : route->broker_datas) {
    std::string addr = bd.SelectBrokerAddr();
    if (!addr.empty()) brokers.push_back(std::move(addr));
  }
  if (brokers.empty()) {
    throw MQClientException("The topic[" + topic + "] not matched route info",
                            ResponseCode::kTopicNotExist);
  }
  admin::QueryResult result;
  std::vector<MessageExt> msgs =
      FilterQueried(QueryBrokers(c, brokers, topic, key, max_num, begin_ms, end_ms, uniq,
                                 &result.index_last_update_timestamp),
                    topic, key, uniq);
  if (msgs.empty()) throw MQClientException(kNoMessageByKey, ResponseCode::kNoMessage);
  for (MessageExt& m : msgs) result.message_list.push_back(ToClientMessage(std::move(m)));
  return result;
}

// The epoch ms from which to search a UNIQ_KEY (Java getNearlyTimeFromID - 1 s); 0 when the
// key does not parse.
int64_t UniqKeySearchStart(const std::string& uniq_key) {
  Result<UniqueIdInfo> info = ParseUniqueId(uniq_key);
  if (!info.ok()) return 0;
  return std::max<int64_t>(0, NearlyTimeFromUniqueId(*info, NowMs()) - 1000);
}

// The addresses of every broker the NameServer lists (masters and slaves), spelled as
// SocketAddress::ToString() ("[::1]:10911" for the "::1:10911" a broker registers).
std::set<std::string> KnownBrokerAddrs(admin::AdminClient& c) {
  rocketmq::ClusterInfo cluster =
      admin::ValueOrThrowClient(c.api().GetBrokerClusterInfo(c.timeout_ms()));
  std::set<std::string> out;
  for (const auto& [name, bd] : cluster.broker_addr_table) {
    for (const auto& [id, addr] : bd.broker_addrs) {
      Result<SocketAddress> parsed = SocketAddress::Parse(addr);
      out.insert(parsed.ok() ? parsed->ToString() : addr);
    }
  }
  return out;
}

// The message of an offset message id, when `msg_id` decodes as one whose address is a broker
// of the cluster (a 32-hex UNIQ_KEY of an IPv4 producer also decodes, into the producer's
// address and a meaningless port: such an address is never contacted). nullopt when the id is
// no broker's; `*broker_error` is set when that broker answered with an error.
std::optional<MQMessageExt> TryViewByOffsetId(admin::AdminClient& c, const std::string& msg_id,
                                              Status* broker_error, std::string* broker_addr) {
  Result<OffsetMessageId> id = DecodeOffsetMessageId(msg_id);
  if (!id.ok() || id->address.port() <= 0 || id->address.port() > 65535) return std::nullopt;
  const std::string addr = id->address.ToString();
  if (KnownBrokerAddrs(c).count(addr) == 0) return std::nullopt;
  Result<MessageExt> m = c.api().ViewMessage(addr, id->offset, c.timeout_ms());
  if (!m.ok()) {
    *broker_error = m.status();
    *broker_addr = addr;
    return std::nullopt;
  }
  return ToClientMessage(std::move(*m));
}

admin::ConsumeMessageDirectlyResult ParseDirectResult(const std::string& body) {
  Result<Json::Value> doc = ParseJson(body);
  if (!doc.ok()) admin::ThrowClientError(doc.status());
  admin::ConsumeMessageDirectlyResult out;
  (void)JsonGetBool(*doc, "order", &out.order);
  (void)JsonGetBool(*doc, "autoCommit", &out.auto_commit);
  (void)JsonGetString(*doc, "consumeResult", &out.consume_result);
  const Json::Value* remark = JsonFind(*doc, "remark");
  if (remark != nullptr && remark->isString()) {
    out.has_remark = true;
    out.remark = remark->asString();
  }
  (void)JsonGetInt64(*doc, "spentTimeMills", &out.spent_time_mills);
  return out;
}

admin::ConsumeMessageDirectlyResult ConsumeDirectly(admin::AdminClient& c, const std::string& addr,
                                                    const std::string& group,
                                                    const std::string& client_id,
                                                    const std::string& msg_id) {
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kConsumeMessageDirectly);
  request.SetExtField("consumerGroup", group);
  request.SetExtField("clientId", client_id);
  request.SetExtField("msgId", msg_id);
  Result<RemotingCommand> r = c.CallBroker(addr, std::move(request), c.timeout_ms() * 3);
  if (!r.ok()) admin::ThrowClientError(r.status());
  if (r->body().empty()) throw MQClientException(r->remark().value_or("no result"), r->code());
  return ParseDirectResult(r->body());
}

// "CODE:<code> DESC:<message>" as Java's MessageTrack exceptionDesc.
std::string CodeDesc(const MQException& e) {
  return "CODE:" + std::to_string(e.getResponseCode()) + " DESC:" + e.getErrorMessage();
}

}  // namespace admin_message_internal

using namespace admin_message_internal;  // NOLINT(build/namespaces): this file's own helpers

MQMessageExt DefaultMQAdminExt::viewMessage(const std::string& msg_id) {
  admin::AdminClient& c = Started();
  Result<OffsetMessageId> id = DecodeOffsetMessageId(msg_id);
  if (!id.ok() || id->address.port() <= 0 || id->address.port() > 65535) {
    throw MQClientException(kNoMessageById, ResponseCode::kNoMessage);
  }
  const std::string addr = id->address.ToString();
  Result<MessageExt> m = c.api().ViewMessage(addr, id->offset, c.timeout_ms());
  if (!m.ok()) admin::ThrowBrokerError(m.status(), addr);
  return ToClientMessage(std::move(*m));
}

MQMessageExt DefaultMQAdminExt::viewMessage(const std::string& topic, const std::string& msg_id) {
  admin::AdminClient& c = Started();
  Status broker_error;
  std::string broker_addr;
  if (std::optional<MQMessageExt> m = TryViewByOffsetId(c, msg_id, &broker_error, &broker_addr)) {
    return std::move(*m);
  }
  admin::QueryResult r =
      queryMessageByUniqKey(topic, msg_id, 32, UniqKeySearchStart(msg_id), INT64_MAX);
  return r.message_list.front();
}

MQMessageExt DefaultMQAdminExt::viewMessageByAnyId(const std::string& msg_id) {
  admin::AdminClient& c = Started();
  Status broker_error;
  std::string broker_addr;
  if (std::optional<MQMessageExt> m = TryViewByOffsetId(c, msg_id, &broker_error, &broker_addr)) {
    return std::move(*m);
  }
  // The broker named by an offset id said why it has no such message: that is the answer when
  // the id is no unique key either.
  auto fail = [&]() {
    if (!broker_error.ok()) admin::ThrowBrokerError(broker_error, broker_addr);
    throw MQClientException(kNoMessageById, ResponseCode::kNoMessage);
  };
  if (!ParseUniqueId(msg_id).ok()) fail();
  // A UNIQ_KEY is indexed as "<topic>#<key>": without a topic, ask every master for each topic
  // it holds.
  rocketmq::ClusterInfo cluster =
      admin::ValueOrThrowClient(c.api().GetBrokerClusterInfo(c.timeout_ms()));
  const int64_t begin = UniqKeySearchStart(msg_id);
  std::optional<MessageExt> best;
  bool best_is_group_topic = false;
  for (const auto& [name, bd] : cluster.broker_addr_table) {
    auto master = bd.broker_addrs.find(0);
    if (master == bd.broker_addrs.end()) continue;
    const std::string& addr = master->second;
    Result<RemotingCommand> topics =
        c.CallBroker(addr, RemotingCommand::CreateRequest(RequestCode::kGetAllTopicConfig));
    if (!topics.ok()) continue;
    Result<TopicConfigSerializeWrapper> wrapper =
        DecodeJsonBody<TopicConfigSerializeWrapper>(topics->body());
    if (!wrapper.ok()) continue;
    for (const auto& [topic, tc] : wrapper->topic_config_table) {
      int64_t ignored = 0;
      std::vector<MessageExt> msgs = FilterQueried(
          QueryBrokers(c, {addr}, topic, msg_id, 32, begin, INT64_MAX, true, &ignored), topic,
          msg_id, true);
      if (msgs.empty()) continue;
      const bool group_topic = IsRetryTopic(topic) || IsDlqTopic(topic);
      const bool better = !best || (best_is_group_topic && !group_topic) ||
                          (best_is_group_topic == group_topic &&
                           msgs[0].store_timestamp() < best->store_timestamp());
      if (better) {
        best = std::move(msgs[0]);
        best_is_group_topic = group_topic;
      }
    }
  }
  if (!best) fail();
  return ToClientMessage(std::move(*best));
}

admin::QueryResult DefaultMQAdminExt::queryMessage(const std::string& topic, const std::string& key,
                                                   int max_num, int64_t begin_ms, int64_t end_ms) {
  return QueryMessageImpl(Started(), topic, key, max_num, begin_ms, end_ms, false);
}

admin::QueryResult DefaultMQAdminExt::queryMessageByUniqKey(const std::string& topic,
                                                            const std::string& uniq_key,
                                                            int max_num, int64_t begin_ms,
                                                            int64_t end_ms) {
  return QueryMessageImpl(Started(), topic, uniq_key, max_num, begin_ms, end_ms, true);
}

std::vector<admin::MessageTrack> DefaultMQAdminExt::messageTrackDetail(const MQMessageExt& msg) {
  admin::AdminClient& c = Started();
  // Java queryTopicConsumeByWho: the first broker of the topic's route that has an address.
  rocketmq::TopicRouteData route = admin::ValueOrThrowClient(
      c.api().GetTopicRouteInfoFromNameServer(msg.getTopic(), c.timeout_ms()));
  std::vector<std::string> groups;
  for (const rocketmq::BrokerData& bd : route.broker_datas) {
    const std::string addr = bd.SelectBrokerAddr();
    if (addr.empty()) continue;
    RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kQueryTopicConsumeByWho);
    request.SetExtField("topic", msg.getTopic());
    RemotingCommand response =
        admin::ValueOrThrowBroker(c.CallBroker(addr, std::move(request)), addr);
    groups = admin::ValueOrThrowBroker(DecodeJsonBody<GroupList>(response.body()), addr).group_list;
    break;
  }
  // fastjson reads groupList into a HashSet.
  groups = JavaStringKeyOrder(groups, JavaHashMapTableSize(groups.size()));

  std::vector<admin::MessageTrack> result;
  for (const std::string& group : groups) {
    admin::MessageTrack mt;
    mt.consumer_group = group;
    mt.track_type = admin::TrackType::UNKNOWN;
    admin::ConsumerConnection cc;
    try {
      cc = examineConsumerConnectionInfo(group);
    } catch (const MQBrokerException& e) {
      if (e.getResponseCode() == ResponseCode::kConsumerNotOnline) {
        mt.track_type = admin::TrackType::NOT_ONLINE;
      }
      mt.exception_desc = CodeDesc(e);
      mt.has_exception_desc = true;
      result.push_back(mt);
      continue;
    } catch (const MQException& e) {
      mt.exception_desc = e.what();
      mt.has_exception_desc = true;
      result.push_back(mt);
      continue;
    }
    if (cc.consume_type == "CONSUME_ACTIVELY") {
      mt.track_type = admin::TrackType::PULL;
    } else if (cc.consume_type == "CONSUME_PASSIVELY") {
      bool consumed = false;
      try {
        admin::ConsumeStats stats = examineConsumeStats(group);
        admin::ClusterInfo cluster = examineBrokerClusterInfo();
        for (const auto& [mq, w] : stats.offset_table) {
          if (mq.getTopic() != msg.getTopic() || mq.getQueueId() != msg.getQueueId()) continue;
          auto bd = cluster.broker_addr_table.find(mq.getBrokerName());
          if (bd == cluster.broker_addr_table.end()) continue;
          auto master = bd->second.broker_addrs.find(0);
          if (master == bd->second.broker_addrs.end()) continue;
          if (master->second == msg.getStoreHostString() &&
              w.consumer_offset > msg.getQueueOffset()) {
            consumed = true;
            break;
          }
        }
      } catch (const MQException& e) {
        if (e.getResponseCode() == ResponseCode::kConsumerNotOnline) {
          mt.track_type = admin::TrackType::NOT_ONLINE;
        }
        mt.exception_desc = CodeDesc(e);
        mt.has_exception_desc = true;
        result.push_back(mt);
        continue;
      }
      if (consumed) {
        mt.track_type = admin::TrackType::CONSUMED;
        auto sub = cc.subscription_table.find(msg.getTopic());
        if (sub != cc.subscription_table.end()) {
          const std::set<std::string>& tags = sub->second.tags_set;
          if (!(tags.empty() || tags.count("*") > 0 || tags.count(msg.getTags()) > 0)) {
            mt.track_type = admin::TrackType::CONSUMED_BUT_FILTERED;
          }
        }
      } else {
        mt.track_type = admin::TrackType::NOT_CONSUME_YET;
      }
    }
    result.push_back(mt);
  }
  return result;
}

admin::ConsumeMessageDirectlyResult DefaultMQAdminExt::consumeMessageDirectly(
    const std::string& consumer_group, const std::string& client_id, const std::string& msg_id) {
  MQMessageExt msg = viewMessage(msg_id);
  return ConsumeDirectly(Started(), msg.getStoreHostString(), consumer_group, client_id, msg_id);
}

admin::ConsumeMessageDirectlyResult DefaultMQAdminExt::consumeMessageDirectly(
    const std::string& consumer_group, const std::string& client_id, const std::string& topic,
    const std::string& msg_id) {
  MQMessageExt msg = viewMessage(topic, msg_id);
  return ConsumeDirectly(Started(), msg.getStoreHostString(), consumer_group, client_id,
                         msg.getOffsetMsgId());
}

int64_t DefaultMQAdminExt::searchOffset(const MQMessageQueue& mq, int64_t timestamp_ms) {
  admin::AdminClient& c = Started();
  const std::string addr = MasterAddrOf(c, mq.getTopic(), mq.getBrokerName());
  return admin::ValueOrThrowBroker(
      c.api().SearchOffset(addr, admin::ToInternalQueue(mq), timestamp_ms, c.timeout_ms()), addr);
}

int64_t DefaultMQAdminExt::maxOffset(const MQMessageQueue& mq) {
  admin::AdminClient& c = Started();
  const std::string addr = MasterAddrOf(c, mq.getTopic(), mq.getBrokerName());
  return admin::ValueOrThrowBroker(
      c.api().GetMaxOffset(addr, admin::ToInternalQueue(mq), c.timeout_ms()), addr);
}

int64_t DefaultMQAdminExt::minOffset(const MQMessageQueue& mq) {
  admin::AdminClient& c = Started();
  const std::string addr = MasterAddrOf(c, mq.getTopic(), mq.getBrokerName());
  return admin::ValueOrThrowBroker(
      c.api().GetMinOffset(addr, admin::ToInternalQueue(mq), c.timeout_ms()), addr);
}

admin::QueryConsumeQueueResponseBody DefaultMQAdminExt::queryConsumeQueue(
    const std::string& broker_addr, const std::string& topic, int queue_id, int64_t index,
    int count, const std::string& consumer_group) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kQueryConsumeQueue);
  request.SetExtField("topic", topic);
  request.SetExtField("queueId", std::to_string(queue_id));
  request.SetExtField("index", std::to_string(index));
  request.SetExtField("count", std::to_string(count));
  if (!consumer_group.empty()) request.SetExtField("consumerGroup", consumer_group);
  Result<RemotingCommand> r = c.CallBroker(broker_addr, std::move(request));
  if (!r.ok()) admin::ThrowClientError(r.status());
  Result<Json::Value> doc = ParseJson(r->body());
  if (!doc.ok()) admin::ThrowClientError(doc.status());
  admin::QueryConsumeQueueResponseBody out;
  if (const Json::Value* sub = JsonFind(*doc, "subscriptionData"); sub && sub->isObject()) {
    Result<rocketmq::SubscriptionData> sd = rocketmq::SubscriptionData::FromJson(*sub);
    if (sd.ok()) {
      out.has_subscription_data = true;
      out.subscription_data = admin::ToPublic(*sd);
    }
  }
  if (const Json::Value* f = JsonFind(*doc, "filterData"); f && f->isString()) {
    out.has_filter_data = true;
    out.filter_data = f->asString();
  }
  (void)JsonGetInt64(*doc, "maxQueueIndex", &out.max_queue_index);
  (void)JsonGetInt64(*doc, "minQueueIndex", &out.min_queue_index);
  if (const Json::Value* qd = JsonFind(*doc, "queueData"); qd && qd->isArray()) {
    for (const Json::Value& e : *qd) {
      admin::ConsumeQueueData d;
      (void)JsonGetInt64(e, "physicOffset", &d.physic_offset);
      (void)JsonGetInt32(e, "physicSize", &d.physic_size);
      (void)JsonGetInt64(e, "tagsCode", &d.tags_code);
      (void)JsonGetBool(e, "eval", &d.eval);
      auto opt = [&e](const char* key, std::string* value, bool* has) {
        const Json::Value* v = JsonFind(e, key);
        if (v != nullptr && v->isString()) {
          *value = v->asString();
          *has = true;
        }
      };
      opt("extendDataJson", &d.extend_data_json, &d.has_extend_data_json);
      opt("bitMap", &d.bit_map, &d.has_bit_map);
      opt("msg", &d.msg, &d.has_msg);
      out.queue_data.push_back(std::move(d));
    }
  }
  return out;
}

PullResult DefaultMQAdminExt::pullMessage(const std::string& consumer_group,
                                          const MQMessageQueue& mq,
                                          const std::string& sub_expression, int64_t offset,
                                          int max_nums) {
  admin::AdminClient& c = Started();
  consumer::PullApiWrapper wrapper(&c.instance(), consumer_group);
  const MessageQueue imq = admin::ToInternalQueue(mq);
  const rocketmq::SubscriptionData subscription =
      rocketmq::SubscriptionData::Build(mq.getTopic(), sub_expression, NowMs());
  consumer::PullParams params;
  params.mq = imq;
  params.sub_expression = sub_expression;
  params.has_subscription = true;
  params.sub_version = subscription.sub_version;
  params.offset = offset;
  params.max_nums = max_nums;
  params.sys_flag = client::kPullFlagSubscription;
  params.timeout_ms = kPullTimeoutMs;
  Result<consumer::PullResult> r = wrapper.PullSync(params);
  if (!r.ok()) {
    if (r.status().code() == kCodeNotFound) {
      throw MQClientException(r.status().message(), -1);
    }
    admin::ThrowClientError(r.status());
  }
  Status st = wrapper.ProcessPullResult(imq, subscription, &*r);
  if (!st.ok()) admin::ThrowClientError(st);
  PullResult out;
  switch (r->status) {
    case client::PullStatus::kFound:
      out.pullStatus = FOUND;
      break;
    case client::PullStatus::kNoNewMsg:
      out.pullStatus = NO_NEW_MSG;
      break;
    case client::PullStatus::kNoMatchedMsg:
      out.pullStatus = NO_MATCHED_MSG;
      break;
    case client::PullStatus::kOffsetIllegal:
      out.pullStatus = OFFSET_ILLEGAL;
      break;
  }
  out.nextBeginOffset = r->next_begin_offset;
  out.minOffset = r->min_offset;
  out.maxOffset = r->max_offset;
  for (const consumer::MessageExtPtr& m : r->msg_found_list) {
    out.msgFoundList.push_back(MQMessageAccess::Wrap(*m));
  }
  return out;
}

std::vector<MQMessageQueue> DefaultMQAdminExt::fetchSubscribeMessageQueues(
    const std::string& topic) {
  admin::AdminClient& c = Started();
  rocketmq::TopicRouteData route =
      admin::ValueOrThrowClient(c.api().GetTopicRouteInfoFromNameServer(topic, c.timeout_ms()));
  std::vector<MQMessageQueue> out;
  for (const rocketmq::QueueData& qd : route.queue_datas) {
    if ((qd.perm & admin::kPermRead) == 0) continue;
    for (int i = 0; i < qd.read_queue_nums; ++i) out.emplace_back(topic, qd.broker_name, i);
  }
  if (out.empty()) {
    throw MQClientException("Can not find Message Queue for this topic, " + topic, -1);
  }
  return out;
}

}  // namespace rocketmq
