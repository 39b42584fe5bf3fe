// Tolerant field access for model FromJson code: numbers where strings are expected and vice
// versa (protocol.md §2.17 rule (c)), because Java peers and other SDKs are not consistent.
//
// Convention of every JsonGet* function: `obj` must be an object (or null, treated as empty).
// A missing or null member leaves *out unchanged and returns OK, unless `required` is true, in
// which case it returns Corruption. A member of an unusable type or out of range returns
// Corruption naming the member.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <json/json.h>

#include "common/status.h"

namespace rocketmq {

// Accepts 5, 5.0, "5", " 5 ", true/false (1/0).
Status JsonAsInt64(const Json::Value& v, int64_t* out);
// JsonAsInt64 plus an int32 range check.
Status JsonAsInt32(const Json::Value& v, int32_t* out);
// Accepts true/false, "true"/"false" (any case), and numbers (non-zero = true).
Status JsonAsBool(const Json::Value& v, bool* out);
// Accepts numbers and numeric strings.
Status JsonAsDouble(const Json::Value& v, double* out);
// Accepts strings, and numbers/booleans as their JSON text (5 -> "5").
Status JsonAsString(const Json::Value& v, std::string* out);

Status JsonGetInt64(const Json::Value& obj, const char* key, int64_t* out, bool required = false);
Status JsonGetInt32(const Json::Value& obj, const char* key, int32_t* out, bool required = false);
Status JsonGetBool(const Json::Value& obj, const char* key, bool* out, bool required = false);
Status JsonGetDouble(const Json::Value& obj, const char* key, double* out, bool required = false);
Status JsonGetString(const Json::Value& obj, const char* key, std::string* out,
                     bool required = false);

// The member `key` if `obj` is an object that has it and it is not null; else nullptr.
const Json::Value* JsonFind(const Json::Value& obj, const char* key);

// Checks that `v` is an object (null counts as an empty one); `what` names it in the error.
Status JsonExpectObject(const Json::Value& v, const char* what);
// Checks that `v` is an array (null counts as an empty one).
Status JsonExpectArray(const Json::Value& v, const char* what);

// Appends the elements of array `v` (null = empty) as strings (JsonAsString rules).
Status JsonReadStringArray(const Json::Value& v, const char* what, std::vector<std::string>* out);

}  // namespace rocketmq
