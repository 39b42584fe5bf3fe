#include "common/model/consume_stats_list.h"

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

Result<ConsumeStatsList> ConsumeStatsList::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ConsumeStatsList must be an object");
  ConsumeStatsList l;
  if (JsonFind(v, "brokerAddr") != nullptr) {
    l.broker_addr.emplace();
    ROCKETMQ_RETURN_IF_ERROR(JsonGetString(v, "brokerAddr", &*l.broker_addr));
  }
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "totalDiff", &l.total_diff));
  const Json::Value* list = JsonFind(v, "consumeStatsList");
  if (list == nullptr) return l;
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*list, "consumeStatsList"));
  for (const Json::Value& map : *list) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(map, "consumeStatsList element"));
    std::map<std::string, std::vector<ConsumeStats>> entry;
    for (auto it = map.begin(); it != map.end(); ++it) {
      ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*it, "ConsumeStats list"));
      std::vector<ConsumeStats>& stats = entry[it.name()];
      for (const Json::Value& one : *it) {
        Result<ConsumeStats> s = ConsumeStats::FromJson(one);
        if (!s.ok()) return s.status();
        stats.push_back(std::move(*s));
      }
    }
    l.consume_stats_list.push_back(std::move(entry));
  }
  return l;
}

void ConsumeStatsList::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  if (broker_addr) w.Key("brokerAddr").String(*broker_addr);
  w.Key("consumeStatsList").BeginArray();
  for (const auto& map : consume_stats_list) {
    std::vector<std::string> groups;
    for (const auto& kv : map) groups.push_back(kv.first);
    w.BeginObject();
    for (const std::string& g :
         JavaStringKeyOrder(std::move(groups), JavaHashMapTableSize(map.size()))) {
      w.Key(g).BeginArray();
      for (const ConsumeStats& s : map.at(g)) s.WriteJson(w);
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("totalDiff").Int(total_diff);
  w.EndObject();
}

std::string ConsumeStatsList::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
