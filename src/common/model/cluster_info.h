// ClusterInfo: GET_BROKER_CLUSTER_INFO body (protocol.md §2.14). The NameServer always writes it
// with plain fastjson, so brokerAddrs keys are unquoted numbers:
//   {"brokerAddrTable":{"broker-a":{"brokerAddrs":{0:"127.0.0.1:20911"},"brokerName":"broker-a",
//    "cluster":"DefaultCluster"}},"clusterAddrTable":{"DefaultCluster":["broker-a"]}}
// Maps are written in the NameServer's HashMap iteration order (java_hash.h).
#pragma once

#include <map>
#include <set>
#include <string>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/model/route_data.h"
#include "common/status.h"

namespace rocketmq {

struct ClusterInfo {
  std::map<std::string, BrokerData> broker_addr_table;              // brokerName -> BrokerData
  std::map<std::string, std::set<std::string>> cluster_addr_table;  // cluster -> brokerNames

  static Result<ClusterInfo> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson(JsonStyle style = JsonStyle::kFastjson) const;
};

}  // namespace rocketmq
