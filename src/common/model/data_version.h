// DataVersion: the version stamp of the broker's topic/subscription tables.
// JSON (4.x): {"counter":0,"timestamp":1795305840917}; 5.x adds "stateVersion" between them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/status.h"

namespace rocketmq {

struct DataVersion {
  int64_t timestamp = 0;                 // epoch ms of the last change
  int64_t counter = 0;                   // Java AtomicLong, bumped on every change
  std::optional<int64_t> state_version;  // 5.x only; written only when set

  // Java's nextVersion(): counter + 1, timestamp = now_ms.
  void Next(int64_t now_ms) {
    timestamp = now_ms;
    ++counter;
  }

  bool operator==(const DataVersion& o) const {
    return timestamp == o.timestamp && counter == o.counter && state_version == o.state_version;
  }
  bool operator!=(const DataVersion& o) const { return !(*this == o); }

  static Result<DataVersion> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
