// ConsumeStatsList, the GET_BROKER_CONSUME_STATS (317) answer (Java ConsumeStatsList): for every
// subscription group of the broker a one-entry map group -> the ConsumeStats of each topic it
// has offsets for, plus the sum of all their diffs:
//   {"brokerAddr":"ip:port","consumeStatsList":[{"G":[{ConsumeStats},...]},...],"totalDiff":N}
// ConsumeStats keeps its MessageQueue object keys (offset_tables.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/model/offset_tables.h"
#include "common/status.h"

namespace rocketmq {

struct ConsumeStatsList {
  // Java List<Map<String, List<ConsumeStats>>>; each map is written in HashMap order.
  std::vector<std::map<std::string, std::vector<ConsumeStats>>> consume_stats_list;
  std::optional<std::string> broker_addr;  // fastjson leaves a null out
  int64_t total_diff = 0;

  static Result<ConsumeStatsList> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
