#include "common/model/route_data.h"

#include <charconv>

#include "common/json_fields.h"

namespace rocketmq {

Result<QueueData> QueueData::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: QueueData must be an object");
  QueueData q;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "brokerName", &q.broker_name));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "readQueueNums", &q.read_queue_nums));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "writeQueueNums", &q.write_queue_nums));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "perm", &q.perm));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(v, "topicSysFlag", &q.topic_sys_flag));
  return q;
}

void QueueData::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("brokerName").String(broker_name);
  w.Key("perm").Int(perm);
  w.Key("readQueueNums").Int(read_queue_nums);
  w.Key("topicSysFlag").Int(topic_sys_flag);
  w.Key("writeQueueNums").Int(write_queue_nums);
  w.EndObject();
}

std::string BrokerData::SelectBrokerAddr() const {
  auto it = broker_addrs.find(kMasterBrokerId);
  if (it != broker_addrs.end()) return it->second;
  return broker_addrs.empty() ? std::string() : broker_addrs.begin()->second;
}

Result<BrokerData> BrokerData::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: BrokerData must be an object");
  BrokerData b;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "cluster", &b.cluster));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "brokerName", &b.broker_name));
  if (const Json::Value* addrs = JsonFind(v, "brokerAddrs")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*addrs, "brokerAddrs"));
    for (auto it = addrs->begin(); it != addrs->end(); ++it) {
      const std::string name = it.name();
      int64_t id = 0;
      auto r = std::from_chars(name.data(), name.data() + name.size(), id);
      if (name.empty() || r.ec != std::errc() || r.ptr != name.data() + name.size()) {
        return Status::Corruption("json: brokerAddrs key '" + name + "' is not a broker id");
      }
      std::string addr;
      ROCKETMQ_RETURN_IF_ERROR(JsonAsString(*it, &addr));
      b.broker_addrs[id] = std::move(addr);
    }
  }
  if (JsonFind(v, "zoneName") != nullptr) {
    b.zone_name.emplace();
    ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "zoneName", &*b.zone_name));
  }
  if (JsonFind(v, "enableActingMaster") != nullptr) {
    b.enable_acting_master.emplace(false);
    ROCKETMQ_RETURN_IF_ERROR(JsonGetBool(v, "enableActingMaster", &*b.enable_acting_master));
  }
  return b;
}

void BrokerData::WriteJson(JsonWriter& w) const {
  // Java HashMap<Long,String> with small ids iterates in ascending id order; MapSortField
  // (standard form) sorts the same way.
  w.BeginObject();
  w.Key("brokerAddrs").BeginObject();
  for (const auto& [id, addr] : broker_addrs) w.IntKey(id).String(addr);
  w.EndObject();
  w.Key("brokerName").String(broker_name);
  w.Key("cluster").String(cluster);
  if (enable_acting_master) w.Key("enableActingMaster").Bool(*enable_acting_master);
  if (zone_name) w.Key("zoneName").String(*zone_name);
  w.EndObject();
}

Result<TopicRouteData> TopicRouteData::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: TopicRouteData must be an object");
  TopicRouteData route;
  if (JsonFind(v, "orderTopicConf") != nullptr) {
    route.order_topic_conf.emplace();
    ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "orderTopicConf", &*route.order_topic_conf));
  }
  if (const Json::Value* list = JsonFind(v, "queueDatas")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*list, "queueDatas"));
    for (const auto& e : *list) {
      Result<QueueData> q = QueueData::FromJson(e);
      if (!q.ok()) return q.status();
      route.queue_datas.push_back(std::move(*q));
    }
  }
  if (const Json::Value* list = JsonFind(v, "brokerDatas")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*list, "brokerDatas"));
    for (const auto& e : *list) {
      Result<BrokerData> b = BrokerData::FromJson(e);
      if (!b.ok()) return b.status();
      route.broker_datas.push_back(std::move(*b));
    }
  }
  if (const Json::Value* table = JsonFind(v, "filterServerTable")) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*table, "filterServerTable"));
    for (auto it = table->begin(); it != table->end(); ++it) {
      ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*it, "filterServerTable entry"));
      auto& servers = route.filter_server_table[it.name()];
      for (const auto& s : *it) {
        std::string addr;
        ROCKETMQ_RETURN_IF_ERROR(JsonAsString(s, &addr));
        servers.push_back(std::move(addr));
      }
    }
  }
  return route;
}

void TopicRouteData::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("brokerDatas").BeginArray();
  for (const auto& b : broker_datas) b.WriteJson(w);
  w.EndArray();
  w.Key("filterServerTable").BeginObject();
  for (const auto& [addr, servers] : filter_server_table) {
    w.Key(addr).BeginArray();
    for (const auto& s : servers) w.String(s);
    w.EndArray();
  }
  w.EndObject();
  if (order_topic_conf) w.Key("orderTopicConf").String(*order_topic_conf);
  w.Key("queueDatas").BeginArray();
  for (const auto& q : queue_datas) q.WriteJson(w);
  w.EndArray();
  w.EndObject();
}

std::string TopicRouteData::ToJson(JsonStyle style) const {
  JsonWriter w(style);
  WriteJson(w);
  return w.Release();
}

}  // namespace rocketmq
