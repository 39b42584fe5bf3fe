// Shared plumbing for the body models in this folder.
//
// Every model type T offers
//   static Result<T> FromJson(const Json::Value& v);   // tolerant: unknown members ignored
//   void WriteJson(JsonWriter& w) const;               // Java's field order (sorted by name)
//   std::string ToJson(...) const;                     // compact fastjson bytes
// and DecodeJsonBody<T>(bytes) parses a wire body or file with the lenient reader.
#pragma once

#include <string_view>

#include "common/json_reader.h"
#include "common/status.h"

namespace rocketmq {

template <typename T>
Result<T> DecodeJsonBody(std::string_view text) {
  Result<Json::Value> doc = ParseJson(text);
  if (!doc.ok()) return doc.status();
  return T::FromJson(*doc);
}

}  // namespace rocketmq
