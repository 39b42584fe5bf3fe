#include "common/model/broker_stats_data.h"

#include "common/json_fields.h"
#include "common/model/json_body.h"

namespace rocketmq {

namespace {

Status ReadItem(const Json::Value& v, const char* what, BrokerStatsItem* out) {
  const Json::Value* item = JsonFind(v, what);
  if (item == nullptr) return Status::OK();
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(*item, what));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(*item, "sum", &out->sum));
  ROCKETMQ_RETURN_IF_ERROR(JsonGetDouble(*item, "tps", &out->tps));
  return JsonGetDouble(*item, "avgpt", &out->avgpt);
}

void WriteItem(JsonWriter& w, const char* name, const BrokerStatsItem& item) {
  w.Key(name).BeginObject();
  w.Key("avgpt").Double(item.avgpt);
  w.Key("sum").Int(item.sum);
  w.Key("tps").Double(item.tps);
  w.EndObject();
}

}  // namespace

Result<BrokerStatsData> BrokerStatsData::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: BrokerStatsData must be an object");
  BrokerStatsData d;
  ROCKETMQ_RETURN_IF_ERROR(ReadItem(v, "statsMinute", &d.stats_minute));
  ROCKETMQ_RETURN_IF_ERROR(ReadItem(v, "statsHour", &d.stats_hour));
  ROCKETMQ_RETURN_IF_ERROR(ReadItem(v, "statsDay", &d.stats_day));
  return d;
}

void BrokerStatsData::WriteJson(JsonWriter& w) const {
  w.BeginObject();
  WriteItem(w, "statsDay", stats_day);
  WriteItem(w, "statsHour", stats_hour);
  WriteItem(w, "statsMinute", stats_minute);
  w.EndObject();
}

std::string BrokerStatsData::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
