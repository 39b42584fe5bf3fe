#include "common/model/connection_bodies.h"

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

namespace {

Status ReadConnections(const Json::Value& v, std::vector<Connection>* out) {
  const Json::Value* list = JsonFind(v, "connectionSet");
  if (list == nullptr) return Status::OK();
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*list, "connectionSet"));
  for (const auto& e : *list) {
    Result<Connection> c = Connection::FromJson(e);
    if (!c.ok()) return c.status();
    out->push_back(std::move(*c));
  }
  return Status::OK();
}

void WriteConnections(JsonWriter& w, const std::vector<Connection>& list) {
  w.Key("connectionSet").BeginArray();
  for (const auto& c : list) c.WriteJson(w);
  w.EndArray();
}

}  // namespace

Result<Connection> Connection::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: Connection must be an object");
  Connection c;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "clientId", &c.client_id));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "clientAddr", &c.client_addr));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "language", &c.language));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "version", &c.version));
  return c;
}

void Connection::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("clientAddr").String(client_addr);
  w.Key("clientId").String(client_id);
  w.Key("language").String(language);
  w.Key("version").Int(version);
  w.EndObject();
}

Result<ConsumerConnection> ConsumerConnection::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ConsumerConnection must be an object");
  ConsumerConnection c;
  ROCKETMQ_RETURN_IF_ERROR(ReadConnections(v, &c.connection_set));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "consumeType", &c.consume_type));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "messageModel", &c.message_model));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "consumeFromWhere", &c.consume_from_where));
  if (const Json::Value* table = JsonFind(v, "subscriptionTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "subscriptionTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      Result<SubscriptionData> sd = SubscriptionData::FromJson(*it);
      if (!sd.ok()) return sd.status();
      c.subscription_table[it.name()] = std::move(*sd);
    }
  }
  return c;
}

void ConsumerConnection::WriteJson(JsonWriter& w) const {
  std::vector<std::string> topics;
  for (const auto& kv : subscription_table) topics.push_back(kv.first);
  // The broker fills an empty ConcurrentHashMap with putAll(), which presizes the table to
  // tableSizeFor(1.5 * n + 1) buckets.
  const size_t buckets = JavaConcurrentHashMapTableSize(topics.size(), topics.size());
  w.BeginObject();
  WriteConnections(w, connection_set);
  w.Key("consumeFromWhere").String(consume_from_where);
  w.Key("consumeType").String(consume_type);
  w.Key("messageModel").String(message_model);
  w.Key("subscriptionTable").BeginObject();
  for (const auto& t : JavaStringKeyOrder(std::move(topics), buckets)) {
    w.Key(t);
    subscription_table.at(t).WriteJson(w);
  }
  w.EndObject();
  w.EndObject();
}

std::string ConsumerConnection::ToJson() const { return EncodeJsonBody(*this); }

Result<ProducerConnection> ProducerConnection::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ProducerConnection must be an object");
  ProducerConnection c;
  ROCKETMQ_RETURN_IF_ERROR(ReadConnections(v, &c.connection_set));
  return c;
}

void ProducerConnection::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  WriteConnections(w, connection_set);
  w.EndObject();
}

std::string ProducerConnection::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
