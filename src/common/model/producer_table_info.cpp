#include "common/model/producer_table_info.h"

#include "common/java_hash.h"
#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

Result<ProducerTableInfo> ProducerTableInfo::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: ProducerTableInfo must be an object");
  ProducerTableInfo t;
  const Json::Value* data = JsonFind(v, "data");
  if (data == nullptr) return t;
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*data, "data"));
  for (auto it = data->begin(); it != data->end(); ++it) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*it, "ProducerInfo list"));
    std::vector<ProducerInfo>& infos = t.data[it.name()];
    for (const Json::Value& e : *it) {
      ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(e, "ProducerInfo"));
      ProducerInfo p;
      ROCKETMQ_RETURN_IF_ERROR(JsonGetString(e, "clientId", &p.client_id));
      ROCKETMQ_RETURN_IF_ERROR(JsonGetString(e, "remoteIP", &p.remote_ip));
      ROCKETMQ_RETURN_IF_ERROR(JsonGetString(e, "language", &p.language));
      ROCKETMQ_RETURN_IF_ERROR(JsonGetInt32(e, "version", &p.version));
      ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "lastUpdateTimestamp", &p.last_update_timestamp));
      infos.push_back(std::move(p));
    }
  }
  return t;
}

void ProducerTableInfo::WriteJson(JsonWriter& w) const {
  std::vector<std::string> groups;
  for (const auto& kv : data) groups.push_back(kv.first);
  w.BeginObject().Key("data").BeginObject();
  for (const std::string& g :
       JavaStringKeyOrder(std::move(groups), JavaHashMapTableSize(data.size()))) {
    w.Key(g).BeginArray();
    for (const ProducerInfo& p : data.at(g)) {
      w.BeginObject();
      w.Key("clientId").String(p.client_id);
      w.Key("language").String(p.language);
      w.Key("lastUpdateTimestamp").Int(p.last_update_timestamp);
      w.Key("remoteIP").String(p.remote_ip);
      w.Key("version").Int(p.version);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject().EndObject();
}

std::string ProducerTableInfo::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
