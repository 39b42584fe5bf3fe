#include "common/model/list_bodies.h"

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

namespace {

void WriteJavaHashSet(JsonWriter& w, const std::vector<std::string>& items) {
  w.BeginArray();
  for (const auto& s : JavaStringKeyOrder(items, JavaHashMapTableSize(items.size()))) w.String(s);
  w.EndArray();
}

Status ReadStringMap(const Json::Value& v, const char* what,
                     std::map<std::string, std::string>* out) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(v, what));
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string value;
    if (!it->isNull()) ROCKETMQ_RETURN_IF_ERROR(JsonAsString(*it, &value));
    (*out)[it.name()] = std::move(value);
  }
  return Status::OK();
}

// `put_order`: the Java insertion order of the keys when known (must list each key once).
void WriteStringMap(JsonWriter& w, const std::map<std::string, std::string>& map,
                    const std::vector<std::string>& put_order = {}) {
  std::vector<std::string> keys;
  if (put_order.size() == map.size()) {
    keys = put_order;
  } else {
    for (const auto& kv : map) keys.push_back(kv.first);
  }
  w.BeginObject();
  for (const auto& k : JavaStringKeyOrder(std::move(keys), JavaHashMapTableSize(map.size()))) {
    w.Key(k).String(map.at(k));
  }
  w.EndObject();
}

}  // namespace

Result<ConsumerListBody> ConsumerListBody::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: consumer list body must be an object");
  ConsumerListBody b;
  if (const Json::Value* list = JsonFind(v, "consumerIdList")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonReadStringArray(*list, "consumerIdList", &b.consumer_id_list));
  }
  return b;
}

void ConsumerListBody::WriteJson(JsonWriter& w) const {
  w.BeginObject().Key("consumerIdList").BeginArray();
  for (const auto& id : consumer_id_list) w.String(id);
  w.EndArray().EndObject();
}

std::string ConsumerListBody::ToJson() const { return EncodeJsonBody(*this); }

Result<TopicList> TopicList::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: TopicList must be an object");
  TopicList b;
  if (const Json::Value* list = JsonFind(v, "topicList")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonReadStringArray(*list, "topicList", &b.topic_list));
  }
  if (JsonFind(v, "brokerAddr") != nullptr) {
    b.broker_addr.emplace();
    ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "brokerAddr", &*b.broker_addr));
  }
  return b;
}

void TopicList::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  if (broker_addr) w.Key("brokerAddr").String(*broker_addr);
  w.Key("topicList");
  WriteJavaHashSet(w, topic_list);
  w.EndObject();
}

std::string TopicList::ToJson() const { return EncodeJsonBody(*this); }

Result<GroupList> GroupList::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: GroupList must be an object");
  GroupList b;
  if (const Json::Value* list = JsonFind(v, "groupList")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonReadStringArray(*list, "groupList", &b.group_list));
  }
  return b;
}

void GroupList::WriteJson(JsonWriter& w) const {
  w.BeginObject().Key("groupList");
  WriteJavaHashSet(w, group_list);
  w.EndObject();
}

std::string GroupList::ToJson() const { return EncodeJsonBody(*this); }

Result<KVTable> KVTable::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: KVTable must be an object");
  KVTable b;
  if (const Json::Value* table = JsonFind(v, "table")) {
    ROCKETMQ_RETURN_IF_ERROR(ReadStringMap(*table, "table", &b.table));
  }
  return b;
}

void KVTable::WriteJson(JsonWriter& w) const {
  w.BeginObject().Key("table");
  WriteStringMap(w, table, put_order);
  w.EndObject();
}

std::string KVTable::ToJson() const { return EncodeJsonBody(*this); }

Result<KVConfigSerializeWrapper> KVConfigSerializeWrapper::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: KVConfigSerializeWrapper not an object");
  KVConfigSerializeWrapper b;
  if (const Json::Value* table = JsonFind(v, "configTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "configTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      ROCKETMQ_RETURN_IF_ERROR(ReadStringMap(*it, "configTable entry", &b.config_table[it.name()]));
    }
  }
  return b;
}

void KVConfigSerializeWrapper::WriteJson(JsonWriter& w) const {
  std::vector<std::string> keys;
  for (const auto& kv : config_table) keys.push_back(kv.first);
  w.BeginObject().Key("configTable").BeginObject();
  for (const auto& ns :
       JavaStringKeyOrder(std::move(keys), JavaHashMapTableSize(config_table.size()))) {
    w.Key(ns);
    WriteStringMap(w, config_table.at(ns));
  }
  w.EndObject().EndObject();
}

std::string KVConfigSerializeWrapper::ToJson(bool pretty) const {
  JsonWriter w(JsonStyle::kFastjson, pretty);
  WriteJson(w);
  return w.Release();
}

}  // namespace rocketmq
