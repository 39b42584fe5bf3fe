// ProducerTableInfo, the GET_ALL_PRODUCER_INFO (328) answer (Java ProducerTableInfo /
// ProducerInfo, 4.9.x): every live producer connection by group,
//   {"data":{"PG":[{"clientId":"..","language":"JAVA","lastUpdateTimestamp":..,
//                   "remoteIP":"/127.0.0.1:50000","version":409}]}}
// remoteIP is Java's SocketAddress.toString(), hence the leading '/'.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/status.h"

namespace rocketmq {

struct ProducerInfo {
  std::string client_id;
  std::string remote_ip;
  std::string language;  // LanguageCode name
  int32_t version = 0;
  int64_t last_update_timestamp = 0;  // epoch ms of the last heartbeat

  bool operator==(const ProducerInfo& o) const {
    return client_id == o.client_id && remote_ip == o.remote_ip && language == o.language &&
           version == o.version && last_update_timestamp == o.last_update_timestamp;
  }
};

struct ProducerTableInfo {
  std::map<std::string, std::vector<ProducerInfo>> data;  // written in Java HashMap order

  static Result<ProducerTableInfo> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
