#include "common/json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>

namespace rocketmq {

namespace {

constexpr char kUpperHex[] = "0123456789ABCDEF";

void AppendUnicodeEscape(std::string* out, uint32_t unit) {
  char buf[6] = {'\\',
                 'u',
                 kUpperHex[(unit >> 12) & 15],
                 kUpperHex[(unit >> 8) & 15],
                 kUpperHex[(unit >> 4) & 15],
                 kUpperHex[unit & 15]};
  out->append(buf, sizeof(buf));
}

// The short escape letter fastjson uses for `c`, or 0 when it uses \u00XX (or nothing).
char ShortEscape(unsigned char c) {
  switch (c) {
    case '\b':
      return 'b';
    case '\t':
      return 't';
    case '\n':
      return 'n';
    case '\f':
      return 'f';
    case '\r':
      return 'r';
    case '"':
      return '"';
    case '\\':
      return '\\';
    default:
      return 0;
  }
}

// Decodes one UTF-8 sequence at s[i]; returns its length (0 when invalid) and the code point.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t len;
  uint32_t min;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2, *cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, *cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, *cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (b & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

void EscapeFastjson(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) {
      const char e = ShortEscape(c);
      if (e != 0) {
        out->push_back('\\');
        out->push_back(e);
      } else {
        AppendUnicodeEscape(out, c);
      }
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      AppendUnicodeEscape(out, static_cast<unsigned char>(s[i + 1]));  // U+0080..U+009F
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      AppendUnicodeEscape(out, 0x2000 | (static_cast<unsigned char>(s[i + 2]) - 0x80));
      i += 2;
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

void EscapeBrowserCompatible(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      const char e = c == '/' ? '/' : ShortEscape(c);
      if (e != 0) {
        out->push_back('\\');
        out->push_back(e);
      } else if (c < 0x20 || c == 0x7F) {
        AppendUnicodeEscape(out, c);
      } else {
        out->push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t len = DecodeUtf8(s, i, &cp);
    if (len == 0) {  // Java would have decoded the bad byte as U+FFFD
      AppendUnicodeEscape(out, 0xFFFD);
      ++i;
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      AppendUnicodeEscape(out, 0xD800 | (cp >> 10));
      AppendUnicodeEscape(out, 0xDC00 | (cp & 0x3FF));
    } else {
      AppendUnicodeEscape(out, cp);
    }
    i += len;
  }
}

}  // namespace

std::string FormatJavaDouble(double value) {
  if (std::isnan(value) || std::isinf(value)) return "null";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));  // e.g. "-1.2345e-05"
  std::string out;
  if (sci.front() == '-') {
    out.push_back('-');
    sci.remove_prefix(1);
  }
  const size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits.push_back(c);
  }
  int exp = 0;
  std::from_chars(sci.data() + e_pos + 1 + (sci[e_pos + 1] == '+' ? 1 : 0), sci.data() + sci.size(),
                  exp);
  const double mag = std::fabs(value);
  if (mag >= 1e-3 && mag < 1e7) {
    if (exp >= 0) {
      const size_t int_len = static_cast<size_t>(exp) + 1;
      if (digits.size() <= int_len) {
        out += digits;
        out.append(int_len - digits.size(), '0');
        out += ".0";
      } else {
        out += digits.substr(0, int_len);
        out.push_back('.');
        out += digits.substr(int_len);
      }
    } else {
      out += "0.";
      out.append(static_cast<size_t>(-exp - 1), '0');
      out += digits;
    }
  } else {
    out.push_back(digits[0]);
    out.push_back('.');
    out += digits.size() > 1 ? digits.substr(1) : "0";
    out.push_back('E');
    out += std::to_string(exp);
  }
  return out;
}

void AppendJsonQuoted(std::string_view s, std::string* out, JsonStyle style) {
  out->push_back('"');
  if (style == JsonStyle::kBrowserCompatible) {
    EscapeBrowserCompatible(s, out);
  } else {
    EscapeFastjson(s, out);
  }
  out->push_back('"');
}

std::string JsonQuote(std::string_view s, JsonStyle style) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendJsonQuoted(s, &out, style);
  return out;
}

std::string JsonToString(const Json::Value& value, JsonStyle style) {
  JsonWriter w(style);
  w.Value(value);
  return w.Release();
}

void JsonWriter::Newline() {
  out_.push_back('\n');
  out_.append(stack_.size(), '\t');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  assert(!stack_.back().is_object);
  if (stack_.back().count++ > 0) out_.push_back(',');
  if (pretty_) Newline();
}

void JsonWriter::BeforeKey(bool newline) {
  assert(!stack_.empty() && stack_.back().is_object && !after_key_);
  if (stack_.back().count++ > 0) out_.push_back(',');
  if (pretty_ && newline) Newline();
  after_key_ = true;
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_.push_back('{');
  stack_.push_back({true, 0});
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  assert(!stack_.empty() && stack_.back().is_object && !after_key_);
  const bool had_members = stack_.back().count > 0;
  stack_.pop_back();
  if (pretty_ && had_members) Newline();
  out_.push_back('}');
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_.push_back('[');
  stack_.push_back({false, 0});
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  assert(!stack_.empty() && !stack_.back().is_object);
  const bool had_elements = stack_.back().count > 0;
  stack_.pop_back();
  if (pretty_ && had_elements) Newline();
  out_.push_back(']');
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view name) {
  BeforeKey(/*newline=*/true);
  out_ += JsonQuote(name, style_);
  out_.push_back(':');
  return *this;
}

JsonWriter& JsonWriter::RawKey(std::string_view text) {
  BeforeKey(/*newline=*/false);
  out_.append(text.data(), text.size());
  out_.push_back(':');
  return *this;
}

JsonWriter& JsonWriter::IntKey(int64_t key) {
  if (style_ == JsonStyle::kBrowserCompatible) {
    BeforeKey(/*newline=*/false);
    out_ += JsonQuote(std::to_string(key), style_);
    out_.push_back(':');
    return *this;
  }
  return RawKey(std::to_string(key));
}

JsonWriter& JsonWriter::ObjectKey(std::string_view compact_json) {
  if (style_ == JsonStyle::kBrowserCompatible) {
    BeforeKey(/*newline=*/false);
    out_ += JsonQuote(compact_json, style_);
    out_.push_back(':');
    return *this;
  }
  return RawKey(compact_json);
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  out_ += JsonQuote(value, style_);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  constexpr int64_t kMaxSafe = 9007199254740991LL;  // 2^53 - 1
  const bool quote =
      style_ == JsonStyle::kBrowserCompatible && (value > kMaxSafe || value < -kMaxSafe);
  if (quote) out_.push_back('"');
  out_ += std::to_string(value);
  if (quote) out_.push_back('"');
  return *this;
}

JsonWriter& JsonWriter::UInt(uint64_t value) {
  if (value <= static_cast<uint64_t>(INT64_MAX)) return Int(static_cast<int64_t>(value));
  BeforeValue();
  const bool quote = style_ == JsonStyle::kBrowserCompatible;
  if (quote) out_.push_back('"');
  out_ += std::to_string(value);
  if (quote) out_.push_back('"');
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Double(double value) {
  BeforeValue();
  out_ += FormatJavaDouble(value);
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_.append(json.data(), json.size());
  return *this;
}

JsonWriter& JsonWriter::Value(const Json::Value& value) {
  switch (value.type()) {
    case Json::nullValue:
      return Null();
    case Json::intValue:
      return Int(value.asInt64());
    case Json::uintValue:
      return UInt(value.asUInt64());
    case Json::realValue:
      return Double(value.asDouble());
    case Json::booleanValue:
      return Bool(value.asBool());
    case Json::stringValue: {
      const char* begin = nullptr;
      const char* end = nullptr;
      if (!value.getString(&begin, &end)) return String("");
      return String(std::string_view(begin, static_cast<size_t>(end - begin)));
    }
    case Json::arrayValue:
      BeginArray();
      for (const auto& element : value) Value(element);
      return EndArray();
    case Json::objectValue:
      BeginObject();
      for (auto it = value.begin(); it != value.end(); ++it) {
        Key(it.name());
        Value(*it);
      }
      return EndObject();
  }
  return Null();
}

}  // namespace rocketmq
