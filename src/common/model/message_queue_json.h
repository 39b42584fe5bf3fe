// JSON form of MessageQueue: {"brokerName":"b","queueId":0,"topic":"T"} (fields sorted by name,
// as fastjson writes them). Also used as a raw object key in fastjson offset tables, where the
// lenient reader hands the key back as the member name (see json_reader.h).
#pragma once

#include <string>
#include <string_view>

#include <json/json.h>

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

// Java MessageQueue.hashCode() (decides HashMap order of MessageQueue-keyed maps).
int32_t JavaMessageQueueHashCode(const MessageQueue& mq);

}  // namespace rocketmq
