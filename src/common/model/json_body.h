// Shared plumbing for the body models in this folder.
//
// Every model type T offers
//   static Result<T> FromJson(const Json::Value& v);   // tolerant: unknown members ignored
//   void WriteJson(JsonWriter& w) const;               // Java's field order (sorted by name)
//   std::string ToJson(...) const;                     // compact fastjson bytes
// DecodeJsonBody<T>(bytes) parses a wire body or file with the lenient reader, and
// EncodeJsonBody(model) writes its compact fastjson bytes (what ToJson() returns).
#pragma once

#include <string>
#include <string_view>

#include "common/json_reader.h"
#include "common/json_writer.h"
#include "common/status.h"

namespace rocketmq {

template <typename T>
Result<T> DecodeJsonBody(std::string_view text) {
  Result<Json::Value> doc = ParseJson(text);
  if (!doc.ok()) return doc.status();
  return T::FromJson(*doc);
}

template <typename T>
std::string EncodeJsonBody(const T& body) {
  JsonWriter w;
  body.WriteJson(w);
  return w.Release();
}

}  // namespace rocketmq
