// Lenient JSON reader for the fastjson dialect that Java RocketMQ writes (protocol.md §2.17).
//
// Accepts standard JSON (RFC 8259) plus what fastjson produces without quoting:
//   * object keys that are bare numbers: {0:"127.0.0.1:10911"} -> member name "0";
//   * object keys that are whole JSON values (MessageQueue objects in offset tables):
//     {{"brokerName":"b","queueId":0,"topic":"T"}:{...}} -> member name is the compact fastjson
//     text of the key value with members sorted by name, here
//     "{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}", which the model code parses again.
// Keys true/false/null and arrays are accepted the same way (their compact text).
//
// Robustness: never reads past the input, bounds the nesting depth, and reports the first
// problem as Status::Corruption with the byte offset. Duplicate member names: the last one wins.
#pragma once

#include <string_view>

#include <json/json.h>

#include "common/status.h"

namespace rocketmq {

// Maximum nesting of objects and arrays accepted by ParseJson (keys count as one level).
inline constexpr int kDefaultJsonMaxDepth = 128;

// Parses `text` as one JSON value (leading and trailing whitespace allowed, nothing else after
// the value). Integers that fit int64 become Int64 values, larger non-negative ones UInt64,
// anything else with a fraction or exponent (or out of range) a double. Strings are returned as
// UTF-8 bytes; \u escapes are decoded (an unpaired surrogate becomes U+FFFD); raw bytes inside
// strings are copied unchanged.
Result<Json::Value> ParseJson(std::string_view text, int max_depth = kDefaultJsonMaxDepth);

}  // namespace rocketmq
