// JSON form of MessageQueue: {"brokerName":"b","queueId":0,"topic":"T"} (fields sorted by name,
// as fastjson writes them). Also used as a raw object key in fastjson offset tables, where the
// lenient reader hands the key back as the member name (see json_reader.h).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <json/json.h>

#include "common/json_fields.h"
#include "common/json_writer.h"
#include "common/message_queue.h"
#include "common/status.h"

namespace rocketmq {

Result<MessageQueue> MessageQueueFromJson(const Json::Value& v);
// Parses a member name produced by the lenient reader for an object key.
Result<MessageQueue> MessageQueueFromKey(std::string_view member_name);
void WriteMessageQueue(JsonWriter& w, const MessageQueue& mq);
// Compact fastjson text, usable with JsonWriter::ObjectKey.
std::string MessageQueueToJson(const MessageQueue& mq);

// Visits the members of the map `obj[what]` keyed by MessageQueue (object keys, or their string
// form written by a BrowserCompatible peer): fn(const MessageQueue&, const Json::Value&) ->
// Status. A missing member is an empty map.
template <typename Fn>
Status ForEachMessageQueueEntry(const Json::Value& obj, const char* what, Fn fn) {
  const Json::Value* table = JsonFind(obj, what);
  if (table == nullptr) return Status::OK();
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, what));
  for (auto it = table->begin(); it != table->end(); ++it) {
    Result<MessageQueue> mq = MessageQueueFromKey(it.name());
    if (!mq.ok()) return mq.status();
    ROCKETMQ_RETURN_IF_ERROR(fn(*mq, *it));
  }
  return Status::OK();
}

// Java MessageQueue.hashCode() (decides HashMap order of MessageQueue-keyed maps).
int32_t JavaMessageQueueHashCode(const MessageQueue& mq);

// `keys` (in Java insertion order) reordered as a `new HashMap<MessageQueue, ?>()` holding them
// iterates them.
std::vector<MessageQueue> JavaMessageQueueKeyOrder(std::vector<MessageQueue> keys);

// A Java Map<MessageQueue, Long> built with `new HashMap()` as fastjson writes it: raw object
// keys in HashMap iteration order, {{"brokerName":..,"queueId":0,"topic":..}:12,...}. Within a
// shared bucket the MessageQueue order stands in for Java's insertion order.
void WriteMessageQueueOffsetMap(JsonWriter& w, const std::map<MessageQueue, int64_t>& table);
// Reads such a map (object keys or their string form); null is an empty map.
Status ReadMessageQueueOffsetMap(const Json::Value& v, const char* what,
                                 std::map<MessageQueue, int64_t>* out);

}  // namespace rocketmq
