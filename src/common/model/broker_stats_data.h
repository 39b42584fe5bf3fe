// BrokerStatsData, the VIEW_BROKER_STATS_DATA (315) answer (Java BrokerStatsData /
// BrokerStatsItem): one StatsItem's snapshots over the last minute, hour and day,
// {"statsDay":{"avgpt":0.0,"sum":0,"tps":0.0},"statsHour":{..},"statsMinute":{..}}.
#pragma once

#include <cstdint>
#include <string>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/status.h"

namespace rocketmq {

struct BrokerStatsItem {
  int64_t sum = 0;   // value added over the window
  double tps = 0;    // sum per second over the window
  double avgpt = 0;  // sum / number of calls over the window

  bool operator==(const BrokerStatsItem& o) const {
    return sum == o.sum && tps == o.tps && avgpt == o.avgpt;
  }
};

struct BrokerStatsData {
  BrokerStatsItem stats_minute;
  BrokerStatsItem stats_hour;
  BrokerStatsItem stats_day;

  static Result<BrokerStatsData> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
