// Helpers of the message result types of rocketmq/admin_types.h (Java toString() texts).
#include "rocketmq/admin_types.h"

namespace rocketmq::admin {

const char* TrackTypeName(TrackType type) {
  switch (type) {
    case TrackType::CONSUMED:
      return "CONSUMED";
    case TrackType::CONSUMED_BUT_FILTERED:
      return "CONSUMED_BUT_FILTERED";
    case TrackType::PULL:
      return "PULL";
    case TrackType::NOT_CONSUME_YET:
      return "NOT_CONSUME_YET";
    case TrackType::NOT_ONLINE:
      return "NOT_ONLINE";
    case TrackType::UNKNOWN:
      return "UNKNOWN";
  }
  return "UNKNOWN";
}

std::string MessageTrack::toString() const {
  return "MessageTrack [consumerGroup=" + consumer_group +
         ", trackType=" + TrackTypeName(track_type) +
         ", exceptionDesc=" + (has_exception_desc ? exception_desc : "null") + "]";
}

std::string ConsumeMessageDirectlyResult::toString() const {
  return std::string("ConsumeMessageDirectlyResult [order=") + (order ? "true" : "false") +
         ", autoCommit=" + (auto_commit ? "true" : "false") +
         ", consumeResult=" + (consume_result.empty() ? "null" : consume_result) +
         ", remark=" + (has_remark ? remark : "null") +
         ", spentTimeMills=" + std::to_string(spent_time_mills) + "]";
}

std::string ConsumeQueueData::toString() const {
  return "ConsumeQueueData{physicOffset=" + std::to_string(physic_offset) +
         ", physicSize=" + std::to_string(physic_size) + ", tagsCode=" + std::to_string(tags_code) +
         ", extendDataJson='" + (has_extend_data_json ? extend_data_json : "null") + "', bitMap='" +
         (has_bit_map ? bit_map : "null") + "', eval=" + (eval ? "true" : "false") + ", msg='" +
         (has_msg ? msg : "null") + "'}";
}

}  // namespace rocketmq::admin
