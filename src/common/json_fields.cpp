#include "common/json_fields.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "common/json_writer.h"

namespace rocketmq {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Status TypeError(const char* expected) {
  return Status::Corruption(std::string("json: expected ") + expected);
}

Status WithKey(Status st, const char* key) {
  if (st.ok()) return st;
  return Status::Corruption(std::string("json member '") + key + "': " + st.message());
}

template <typename T, typename Fn>
Status GetMember(const Json::Value& obj, const char* key, T* out, bool required, Fn convert) {
  if (!obj.isNull() && !obj.isObject()) {
    return Status::Corruption(std::string("json: expected an object holding '") + key + "'");
  }
  const Json::Value* v = JsonFind(obj, key);
  if (v == nullptr) {
    if (required) return Status::Corruption(std::string("json: missing member '") + key + "'");
    return Status::OK();
  }
  return WithKey(convert(*v, out), key);
}

}  // namespace

const Json::Value* JsonFind(const Json::Value& obj, const char* key) {
  if (!obj.isObject()) return nullptr;
  const Json::Value* v = obj.find(key, key + std::char_traits<char>::length(key));
  if (v == nullptr || v->isNull()) return nullptr;
  return v;
}

Status JsonAsInt64(const Json::Value& v, int64_t* out) {
  switch (v.type()) {
    case Json::intValue:
      *out = v.asInt64();
      return Status::OK();
    case Json::uintValue:
      if (v.asUInt64() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        return TypeError("an integer within the int64 range");
      }
      *out = static_cast<int64_t>(v.asUInt64());
      return Status::OK();
    case Json::realValue: {
      const double d = v.asDouble();
      if (!std::isfinite(d) || d != std::floor(d) || d < -9.2233720368547758e18 ||
          d >= 9.2233720368547758e18) {
        return TypeError("an integer");
      }
      *out = static_cast<int64_t>(d);
      return Status::OK();
    }
    case Json::booleanValue:
      *out = v.asBool() ? 1 : 0;
      return Status::OK();
    case Json::stringValue: {
      const std::string s = v.asString();
      const std::string_view t = Trim(s);
      int64_t parsed = 0;
      auto r = std::from_chars(t.data(), t.data() + t.size(), parsed);
      if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size()) {
        return TypeError("an integer string");
      }
      *out = parsed;
      return Status::OK();
    }
    default:
      return TypeError("an integer");
  }
}

Status JsonAsInt32(const Json::Value& v, int32_t* out) {
  int64_t wide = 0;
  ROCKETMQ_RETURN_IF_ERROR(JsonAsInt64(v, &wide));
  if (wide < std::numeric_limits<int32_t>::min() || wide > std::numeric_limits<int32_t>::max()) {
    return TypeError("an integer within the int32 range");
  }
  *out = static_cast<int32_t>(wide);
  return Status::OK();
}

Status JsonAsBool(const Json::Value& v, bool* out) {
  switch (v.type()) {
    case Json::booleanValue:
      *out = v.asBool();
      return Status::OK();
    case Json::intValue:
    case Json::uintValue:
    case Json::realValue:
      *out = v.asDouble() != 0;
      return Status::OK();
    case Json::stringValue: {
      std::string s(Trim(v.asString()));
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (s == "true") {
        *out = true;
      } else if (s == "false") {
        *out = false;
      } else {
        return TypeError("a boolean");
      }
      return Status::OK();
    }
    default:
      return TypeError("a boolean");
  }
}

Status JsonAsDouble(const Json::Value& v, double* out) {
  if (v.isNumeric()) {
    *out = v.asDouble();
    return Status::OK();
  }
  if (v.isString()) {
    const std::string s = v.asString();
    const std::string_view t = Trim(s);
    double parsed = 0;
    auto r = std::from_chars(t.data(), t.data() + t.size(), parsed);
    if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size()) {
      return TypeError("a number string");
    }
    *out = parsed;
    return Status::OK();
  }
  return TypeError("a number");
}

Status JsonAsString(const Json::Value& v, std::string* out) {
  switch (v.type()) {
    case Json::stringValue:
      *out = v.asString();
      return Status::OK();
    case Json::intValue:
      *out = std::to_string(v.asInt64());
      return Status::OK();
    case Json::uintValue:
      *out = std::to_string(v.asUInt64());
      return Status::OK();
    case Json::realValue:
      *out = FormatJavaDouble(v.asDouble());
      return Status::OK();
    case Json::booleanValue:
      *out = v.asBool() ? "true" : "false";
      return Status::OK();
    default:
      return TypeError("a string");
  }
}

Status JsonGetInt64(const Json::Value& obj, const char* key, int64_t* out, bool required) {
  return GetMember(obj, key, out, required, JsonAsInt64);
}
Status JsonGetInt32(const Json::Value& obj, const char* key, int32_t* out, bool required) {
  return GetMember(obj, key, out, required, JsonAsInt32);
}
Status JsonGetBool(const Json::Value& obj, const char* key, bool* out, bool required) {
  return GetMember(obj, key, out, required, JsonAsBool);
}
Status JsonGetDouble(const Json::Value& obj, const char* key, double* out, bool required) {
  return GetMember(obj, key, out, required, JsonAsDouble);
}
Status JsonGetString(const Json::Value& obj, const char* key, std::string* out, bool required) {
  return GetMember(obj, key, out, required, JsonAsString);
}

Status JsonExpectObject(const Json::Value& v, const char* what) {
  if (v.isNull() || v.isObject()) return Status::OK();
  return Status::Corruption(std::string("json: '") + what + "' must be an object");
}

Status JsonExpectArray(const Json::Value& v, const char* what) {
  if (v.isNull() || v.isArray()) return Status::OK();
  return Status::Corruption(std::string("json: '") + what + "' must be an array");
}

Status JsonReadStringArray(const Json::Value& v, const char* what, std::vector<std::string>* out) {
  ROCKETMQ_RETURN_IF_ERROR(JsonExpectArray(v, what));
  for (const auto& e : v) {
    std::string s;
    Status st = JsonAsString(e, &s);
    if (!st.ok())
      return Status::Corruption(std::string("json: '") + what + "' element: " + st.message());
    out->push_back(std::move(s));
  }
  return Status::OK();
}

}  // namespace rocketmq
