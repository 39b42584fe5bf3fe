#include "common/model/data_version.h"

#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

Result<DataVersion> DataVersion::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: DataVersion must be an object");
  DataVersion dv;
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "timestamp", &dv.timestamp));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "counter", &dv.counter));
  if (JsonFind(v, "stateVersion") != nullptr) {
    int64_t state = 0;
    ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(v, "stateVersion", &state));
    dv.state_version = state;
  }
  return dv;
}

void DataVersion::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  w.Key("counter").Int(counter);
  if (state_version) w.Key("stateVersion").Int(*state_version);
  w.Key("timestamp").Int(timestamp);
  w.EndObject();
}

std::string DataVersion::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
