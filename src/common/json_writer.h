// JsonWriter: produces JSON byte for byte as Java RocketMQ's fastjson does (protocol.md §2.13,
// §2.17, §5.7).
//
// fastjson facts this writer reproduces:
//   * compact output, no spaces; object fields are written in the order the caller gives them
//     (Java beans come out with fields sorted by name, so model code writes them sorted);
//   * string escaping: \" \\ \b \t \n \f \r; other chars < 0x20, and U+007F..U+009F, as \u00XX
//     with UPPERCASE hex (fastjson's IOUtils.DIGITS), U+2028/U+2029 as \u2028/\u2029; '/' and all
//     other non-ASCII characters are written raw (UTF-8);
//   * longs as plain digits, doubles as Java's Double.toString (0.0, 1.5, 1.0E10, 1.0E-5), NaN and
//     infinities as null;
//   * map keys that are not strings are written raw ({0:"a"}, {{"brokerName":..}:1}).
// JsonStyle::kBrowserCompatible is what the NameServer uses for route data to clients of version
// >= 401 (BrowserCompatible + QuoteFieldNames + MapSortField): non-string keys become quoted
// strings, '/' is escaped as \/, every char >= U+007F is \uXXXX (UTF-16 units, uppercase hex) and
// longs beyond +-(2^53-1) are written as strings. Sorting map entries is the caller's job.
// Pretty mode is fastjson's PrettyFormat used for the broker's config files: a newline and one
// tab per level before every member with a string key and every element, "key":value without a
// space, {} and [] when empty. Members with a non-string key (IntKey, ObjectKey, RawKey) get no
// newline before them (fastjson's MapSerializer only breaks the line for String keys), while the
// closing brace still does: {1:3,2:0\n\t} as in Java's consumerOffset.json / delayOffset.json.
//
// Not thread-safe; one writer builds one document. Misuse (a value where a key is expected,
// unbalanced End*) is a programming error and is checked with assert in debug builds only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <json/json.h>

namespace rocketmq {

enum class JsonStyle {
  kFastjson,           // plain JSON.toJSONString: raw non-string keys
  kBrowserCompatible,  // NameServer "standard JSON" for route data (version >= 401)
};

class JsonWriter {
 public:
  explicit JsonWriter(JsonStyle style = JsonStyle::kFastjson, bool pretty = false)
      : style_(style), pretty_(pretty) {}

  JsonStyle style() const { return style_; }

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();

  // A quoted member name (escaped like a string value).
  JsonWriter& Key(std::string_view name);
  // A member name written verbatim, whatever the style (caller guarantees valid JSON text).
  JsonWriter& RawKey(std::string_view text);
  // A numeric map key (Long/Integer key in Java): raw digits in kFastjson, quoted in
  // kBrowserCompatible.
  JsonWriter& IntKey(int64_t key);
  // A map key that is an object (MessageQueue): `compact_json` raw in kFastjson, as an escaped
  // string in kBrowserCompatible (fastjson writes JSON.toJSONString(key) there).
  JsonWriter& ObjectKey(std::string_view compact_json);

  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& UInt(uint64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Double(double value);
  JsonWriter& Null();
  // A complete JSON value written verbatim (e.g. another model's ToJson()).
  JsonWriter& Raw(std::string_view json);
  // Writes a parsed document; object members in Json::Value's (byte-wise sorted) order.
  JsonWriter& Value(const Json::Value& value);

  const std::string& str() const { return out_; }
  std::string Release() { return std::move(out_); }

 private:
  struct Level {
    bool is_object;
    int count;  // members or elements written so far
  };
  void BeforeValue();            // comma / newline / indentation before an array element
  void BeforeKey(bool newline);  // the same before an object member; newline: pretty line break
  void Newline();
  void WriteEscaped(std::string_view s);

  JsonStyle style_;
  bool pretty_;
  bool after_key_ = false;
  std::vector<Level> stack_;
  std::string out_;
};

// Java's Double.toString text for `value` with the shortest round-trip digits (what fastjson's
// RyuDouble writes): "0.0", "-0.0", "1.5", "100.0", "1.0E7", "1.234E-5". NaN/infinities: "null".
std::string FormatJavaDouble(double value);

// Escapes `s` as a complete JSON string literal (quotes included) in the given style.
std::string JsonQuote(std::string_view s, JsonStyle style = JsonStyle::kFastjson);
// The same, appended to *out (no temporary; used on hot paths such as header encoding).
void AppendJsonQuoted(std::string_view s, std::string* out, JsonStyle style = JsonStyle::kFastjson);

// Compact fastjson text of a parsed value (members sorted by name).
std::string JsonToString(const Json::Value& value, JsonStyle style = JsonStyle::kFastjson);

}  // namespace rocketmq
