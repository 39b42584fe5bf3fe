#include "common/model/get_consumer_status_body.h"

#include <vector>

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/model/json_body.h"
#include "common/model/message_queue_json.h"

namespace rocketmq {

Result<GetConsumerStatusBody> GetConsumerStatusBody::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: GetConsumerStatusBody must be an object");
  GetConsumerStatusBody b;
  if (const Json::Value* table = JsonFind(v, "consumerTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "consumerTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      ROCKETMQ_RETURN_IF_ERROR(
          ReadMessageQueueOffsetMap(*it, "consumerTable", &b.consumer_table[it.name()]));
    }
  }
  if (const Json::Value* table = JsonFind(v, "messageQueueTable")) {
    ROCKETMQ_RETURN_IF_ERROR(
        ReadMessageQueueOffsetMap(*table, "messageQueueTable", &b.message_queue_table));
  }
  return b;
}

void GetConsumerStatusBody::WriteJson(JsonWriter& w) const {
  std::vector<std::string> ids;
  for (const auto& kv : consumer_table) ids.push_back(kv.first);
  w.BeginObject().Key("consumerTable").BeginObject();
  for (const std::string& id :
       JavaStringKeyOrder(std::move(ids), JavaHashMapTableSize(consumer_table.size()))) {
    w.Key(id);
    WriteMessageQueueOffsetMap(w, consumer_table.at(id));
  }
  w.EndObject();
  w.Key("messageQueueTable");
  WriteMessageQueueOffsetMap(w, message_queue_table);
  w.EndObject();
}

std::string GetConsumerStatusBody::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
