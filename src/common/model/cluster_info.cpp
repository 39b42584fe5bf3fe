#include "common/model/cluster_info.h"

#include <vector>

#include "common/java_hash.h"
#include "common/json_fields.h"

namespace rocketmq {

namespace {

template <typename Map>
std::vector<std::string> KeysInJavaOrder(const Map& map, size_t initial_capacity) {
  std::vector<std::string> keys;
  for (const auto& kv : map) keys.push_back(kv.first);
  return JavaStringKeyOrder(std::move(keys), JavaHashMapTableSize(map.size(), initial_capacity));
}

}  // namespace

Result<ClusterInfo> ClusterInfo::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ClusterInfo must be an object");
  ClusterInfo info;
  if (const Json::Value* table = JsonFind(v, "brokerAddrTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "brokerAddrTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      Result<BrokerData> b = BrokerData::FromJson(*it);
      if (!b.ok()) return b.status();
      info.broker_addr_table[it.name()] = std::move(*b);
    }
  }
  if (const Json::Value* table = JsonFind(v, "clusterAddrTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "clusterAddrTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*it, "clusterAddrTable entry"));
      auto& names = info.cluster_addr_table[it.name()];
      for (const auto& e : *it) {
        std::string name;
        ROCKETMQ_RETURN_IF_ERROR(JsonAsString(e, &name));
        names.insert(std::move(name));
      }
    }
  }
  return info;
}

void ClusterInfo::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("brokerAddrTable").BeginObject();
  for (const auto& name : KeysInJavaOrder(broker_addr_table, kNamesrvBrokerAddrTableInitial)) {
    w.Key(name);
    broker_addr_table.at(name).WriteJson(w);
  }
  w.EndObject();
  w.Key("clusterAddrTable").BeginObject();
  for (const auto& cluster : KeysInJavaOrder(cluster_addr_table, kNamesrvClusterAddrTableInitial)) {
    w.Key(cluster).BeginArray();
    const auto& names = cluster_addr_table.at(cluster);
    std::vector<std::string> list(names.begin(), names.end());
    for (const auto& n : JavaStringKeyOrder(list, JavaHashMapTableSize(list.size()))) w.String(n);
    w.EndArray();
  }
  w.EndObject();
  w.EndObject();
}

std::string ClusterInfo::ToJson(JsonStyle style) const {
  JsonWriter w(style);
  WriteJson(w);
  return w.Release();
}

}  // namespace rocketmq
