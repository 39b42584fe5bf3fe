// Admin connection bodies (protocol.md §2.15):
//   GET_CONSUMER_CONNECTION_LIST  ConsumerConnection {"connectionSet":[Connection...],
//       "consumeFromWhere":..,"consumeType":..,"messageModel":..,"subscriptionTable":{"T":{..}}}
//   GET_PRODUCER_CONNECTION_LIST  ProducerConnection {"connectionSet":[Connection...]}
//   Connection {"clientAddr":"ip:port","clientId":..,"language":"JAVA","version":409}
// connectionSet is a Java HashSet of objects without hashCode (identity order): kept as parsed.
// subscriptionTable is a ConcurrentHashMap filled by putAll(): written in its Java iteration order.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/model/heartbeat_data.h"
#include "common/status.h"

namespace rocketmq {

struct Connection {
  std::string client_id;
  std::string client_addr;
  std::string language;  // LanguageCode name, e.g. "JAVA", "CPP"
  int32_t version = 0;

  bool operator==(const Connection& o) const {
    return client_id == o.client_id && client_addr == o.client_addr && language == o.language &&
           version == o.version;
  }
  static Result<Connection> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
};

struct ConsumerConnection {
  std::vector<Connection> connection_set;
  std::map<std::string, SubscriptionData> subscription_table;  // topic -> subscription
  std::string consume_type;
  std::string message_model;
  std::string consume_from_where;

  static Result<ConsumerConnection> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

struct ProducerConnection {
  std::vector<Connection> connection_set;

  static Result<ProducerConnection> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
