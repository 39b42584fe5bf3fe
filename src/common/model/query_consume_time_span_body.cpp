#include "common/model/query_consume_time_span_body.h"

#include <cstdio>
#include <ctime>

#include "common/json_fields.h"
#include "common/model/json_body.h"
#include "common/model/message_queue_json.h"

namespace rocketmq {

std::string FormatQueueTimeSpanDate(int64_t epoch_ms) {
  // Floor division, so that times before 1970 (-1 = "no message") format as Java does.
  int64_t secs = epoch_ms / 1000;
  int64_t millis = epoch_ms % 1000;
  if (millis < 0) {
    millis += 1000;
    secs -= 1;
  }
  const time_t t = static_cast<time_t>(secs);
  struct tm local;
  localtime_r(&t, &local);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d#%02d:%02d:%02d:%03d", local.tm_year + 1900,
                local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec,
                static_cast<int>(millis));
  return buf;
}

Result<QueryConsumeTimeSpanBody> QueryConsumeTimeSpanBody::FromJson(const Json::Value& v) {
  if (!v.isObject()) return Status::Corruption("json: QueryConsumeTimeSpanBody must be an object");
  QueryConsumeTimeSpanBody b;
  const Json::Value* list = JsonFind(v, "consumeTimeSpanSet");
  if (list == nullptr) return b;
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(*list, "consumeTimeSpanSet"));
  for (const Json::Value& e : *list) {
    ROCKETMQ_RETURN_IF_ERROR(JsonExpectObject(e, "QueueTimeSpan"));
    QueueTimeSpan span;
    if (const Json::Value* mq = JsonFind(e, "messageQueue")) {
      Result<MessageQueue> parsed = MessageQueueFromJson(*mq);
      if (!parsed.ok()) return parsed.status();
      span.message_queue = std::move(*parsed);
    }
    ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "minTimeStamp", &span.min_time_stamp));
    ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "maxTimeStamp", &span.max_time_stamp));
    ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "consumeTimeStamp", &span.consume_time_stamp));
    ROCKETMQ_RETURN_IF_ERROR(JsonGetInt64(e, "delayTime", &span.delay_time));
    b.consume_time_span_set.push_back(std::move(span));
  }
  return b;
}

void QueryConsumeTimeSpanBody::WriteJson(JsonWriter& w) const {
  w.BeginObject().Key("consumeTimeSpanSet").BeginArray();
  for (const QueueTimeSpan& span : consume_time_span_set) {
    w.BeginObject();
    w.Key("consumeTimeStamp").Int(span.consume_time_stamp);
    w.Key("consumeTimeStampStr").String(FormatQueueTimeSpanDate(span.consume_time_stamp));
    w.Key("delayTime").Int(span.delay_time);
    w.Key("maxTimeStamp").Int(span.max_time_stamp);
    w.Key("maxTimeStampStr").String(FormatQueueTimeSpanDate(span.max_time_stamp));
    w.Key("messageQueue");
    WriteMessageQueue(w, span.message_queue);
    w.Key("minTimeStamp").Int(span.min_time_stamp);
    w.Key("minTimeStampStr").String(FormatQueueTimeSpanDate(span.min_time_stamp));
    w.EndObject();
  }
  w.EndArray().EndObject();
}

std::string QueryConsumeTimeSpanBody::ToJson() const { return EncodeJsonBody(*this); }

}  // namespace rocketmq
