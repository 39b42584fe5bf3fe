#include "common/model/offset_tables.h"

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/model/json_body.h"
#include "common/model/message_queue_json.h"

namespace rocketmq {

namespace {

// Keys of a MessageQueue-keyed std::map in Java HashMap iteration order. `put_order`, when it
// lists every key once, is Java's insertion order (it decides the order within a bucket).
template <typename V>
std::vector<const MessageQueue*> JavaMqOrder(const std::map<MessageQueue, V>& map,
                                             const std::vector<MessageQueue>& put_order) {
  std::vector<const MessageQueue*> keys;
  std::vector<int32_t> hashes;
  const bool use_put_order = put_order.size() == map.size();
  if (use_put_order) {
    for (const MessageQueue& mq : put_order) {
      auto it = map.find(mq);
      if (it == map.end()) return JavaMqOrder(map, {});
      keys.push_back(&it->first);
      hashes.push_back(JavaMessageQueueHashCode(it->first));
    }
  } else {
    for (const auto& kv : map) {
      keys.push_back(&kv.first);
      hashes.push_back(JavaMessageQueueHashCode(kv.first));
    }
  }
  std::vector<const MessageQueue*> out;
  for (size_t i : JavaHashIterationOrder(hashes, JavaHashMapTableSize(map.size()))) {
    out.push_back(keys[i]);
  }
  return out;
}

}  // namespace

Result<TopicStatsTable> TopicStatsTable::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: TopicStatsTable must be an object");
  TopicStatsTable t;
  ROCKETMQ_RETURN_IF_ERROR(ForEachMessageQueueEntry(
      v, "offsetTable", [&t](const MessageQueue& mq, const Json::Value& e) {
        TopicOffset off;
        ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(e, "TopicOffset"));
        ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "minOffset", &off.min_offset));
        ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "maxOffset", &off.max_offset));
        ROCKETMQ_RETURN_IF_ERROR(
            JsonGetInt64(e, "lastUpdateTimestamp", &off.last_update_timestamp));
        t.offset_table[mq] = off;
        return Status::OK();
      }));
  if (JsonFind(v, "topicPutTps") != nullptr) {
    t.topic_put_tps.emplace(0);
    ROCKETMQ_RETURN_IF_ERROR(JsonGetDouble(v, "topicPutTps", &*t.topic_put_tps));
  }
  return t;
}

void TopicStatsTable::WriteJson(JsonWriter& w) const {
  w.BeginObject().Key("offsetTable").BeginObject();
  for (const MessageQueue* mq : JavaMqOrder(offset_table, put_order)) {
    const TopicOffset& off = offset_table.at(*mq);
    w.ObjectKey(MessageQueueToJson(*mq)).BeginObject();
    w.Key("lastUpdateTimestamp").Int(off.last_update_timestamp);
    w.Key("maxOffset").Int(off.max_offset);
    w.Key("minOffset").Int(off.min_offset);
    w.EndObject();
  }
  w.EndObject();
  if (topic_put_tps) w.Key("topicPutTps").Double(*topic_put_tps);
  w.EndObject();
}

std::string TopicStatsTable::ToJson() const { return EncodeJsonBody(*this); }

int64_t ConsumeStats::ComputeTotalDiff() const {
  int64_t diff = 0;
  for (const auto& kv : offset_table) diff += kv.second.broker_offset - kv.second.consumer_offset;
  return diff;
}

Result<ConsumeStats> ConsumeStats::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ConsumeStats must be an object");
  ConsumeStats s;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetDouble(v, "consumeTps", &s.consume_tps));
  ROCKETMQ_RETURN_IF_ERROR(ForEachMessageQueueEntry(
      v, "offsetTable", [&s](const MessageQueue& mq, const Json::Value& e) {
        OffsetWrapper ow;
        ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(e, "OffsetWrapper"));
        ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "brokerOffset", &ow.broker_offset));
        ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "consumerOffset", &ow.consumer_offset));
        ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "lastTimestamp", &ow.last_timestamp));
        if (JsonFind(e, "pullOffset") != nullptr) {
          ow.pull_offset.emplace(0);
          ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "pullOffset", &*ow.pull_offset));
        }
        s.offset_table[mq] = ow;
        return Status::OK();
      }));
  return s;
}

void ConsumeStats::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("consumeTps").Double(consume_tps);
  w.Key("offsetTable").BeginObject();
  for (const MessageQueue* mq : JavaMqOrder(offset_table, put_order)) {
    const OffsetWrapper& ow = offset_table.at(*mq);
    w.ObjectKey(MessageQueueToJson(*mq)).BeginObject();
    w.Key("brokerOffset").Int(ow.broker_offset);
    w.Key("consumerOffset").Int(ow.consumer_offset);
    w.Key("lastTimestamp").Int(ow.last_timestamp);
    if (ow.pull_offset) w.Key("pullOffset").Int(*ow.pull_offset);
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
}

std::string ConsumeStats::ToJson() const { return EncodeJsonBody(*this); }

Result<ResetOffsetBody> ResetOffsetBody::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ResetOffsetBody must be an object");
  ResetOffsetBody b;
  ROCKETMQ_RETURN_IF_ERROR(ForEachMessageQueueEntry(
      v, "offsetTable", [&b](const MessageQueue& mq, const Json::Value& e) {
        int64_t offset = 0;
        ROCKETMQ_RETURN_IF_ERROR(JsonAsInt64(e, &offset));
        b.offset_table[mq] = offset;
        return Status::OK();
      }));
  return b;
}

void ResetOffsetBody::WriteJson(JsonWriter& w) const {
  w.BeginObject().Key("offsetTable").BeginObject();
  for (const MessageQueue* mq : JavaMqOrder(offset_table, {})) {
    w.ObjectKey(MessageQueueToJson(*mq)).Int(offset_table.at(*mq));
  }
  w.EndObject().EndObject();
}

std::string ResetOffsetBody::ToJson() const { return EncodeJsonBody(*this); }

Result<ResetOffsetBodyForC> ResetOffsetBodyForC::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ResetOffsetBodyForC must be an object");
  ResetOffsetBodyForC b;
  const Json::Value* list = JsonFind(v, "offsetTable");
  if (list == nullptr) return b;
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*list, "offsetTable"));
  for (const auto& e : *list) {
    Result<MessageQueue> mq = MessageQueueFromJson(e);
    if (!mq.ok()) return mq.status();
    int64_t offset = 0;
    ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "offset", &offset));
    b.offset_table.emplace_back(std::move(*mq), offset);
  }
  return b;
}

void ResetOffsetBodyForC::WriteJson(JsonWriter& w) const {
  w.BeginObject().Key("offsetTable").BeginArray();
  for (const auto& [mq, offset] : offset_table) {
    w.BeginObject();
    w.Key("brokerName").String(mq.broker_name);
    w.Key("offset").Int(offset);
    w.Key("queueId").Int(mq.queue_id);
    w.Key("topic").String(mq.topic);
    w.EndObject();
  }
  w.EndArray().EndObject();
}

std::string ResetOffsetBodyForC::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
