#include "common/json_reader.h"

#include <charconv>
#include <cstdint>
#include <string>

#include "common/json_writer.h"
#include "common/string_util.h"

namespace rocketmq {

namespace {

class Parser {
 public:
  Parser(std::string_view text, int max_depth) : s_(text), max_depth_(max_depth) {}

  Status ParseDocument(Json::Value* out) {
    SkipSpace();
    if (pos_ >= s_.size()) return Error("empty input");
    ROCKETMQ_RETURN_IF_ERROR(ParseValue(out, 0));
    SkipSpace();
    if (pos_ != s_.size()) return Error("unexpected data after the JSON value");
    return Status::OK();
  }

 private:
  Status Error(const std::string& what) const {
    return Status::Corruption("json: " + what + " at offset " + std::to_string(pos_));
  }

  void SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool ConsumeLiteral(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Status ParseValue(Json::Value* out, int depth) {
    if (depth >= max_depth_) return Error("nesting deeper than " + std::to_string(max_depth_));
    if (pos_ >= s_.size()) return Error("unexpected end of input");
    const char c = s_[pos_];
    switch (c) {
      case '{':
        return ParseObject(out, depth + 1);
      case '[':
        return ParseArray(out, depth + 1);
      case '"': {
        std::string str;
        ROCKETMQ_RETURN_IF_ERROR(ParseString(&str));
        *out = Json::Value(str);
        return Status::OK();
      }
      case 't':
        if (!ConsumeLiteral("true")) return Error("invalid literal");
        *out = Json::Value(true);
        return Status::OK();
      case 'f':
        if (!ConsumeLiteral("false")) return Error("invalid literal");
        *out = Json::Value(false);
        return Status::OK();
      case 'n':
        if (!ConsumeLiteral("null")) return Error("invalid literal");
        *out = Json::Value(Json::nullValue);
        return Status::OK();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber(out, nullptr);
        return Error(std::string("unexpected character '") + PrintableChar(c) + "'");
    }
  }

  static std::string PrintableChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) return std::string(1, c);
    static const char kHex[] = "0123456789abcdef";
    return std::string("\\x") + kHex[u >> 4] + kHex[u & 15];
  }

  // Member name: a string, or (fastjson) any other value whose compact text becomes the name.
  Status ParseKey(std::string* name, int depth) {
    if (pos_ >= s_.size()) return Error("unexpected end of input, expected a member name");
    const char c = s_[pos_];
    if (c == '"') return ParseString(name);
    if (c == '-' || (c >= '0' && c <= '9')) {
      Json::Value ignored;
      return ParseNumber(&ignored, name);
    }
    if (c == '{' || c == '[' || c == 't' || c == 'f' || c == 'n') {
      Json::Value key;
      ROCKETMQ_RETURN_IF_ERROR(ParseValue(&key, depth));
      *name = JsonToString(key);
      return Status::OK();
    }
    return Error(std::string("unexpected character '") + PrintableChar(c) +
                 "', expected a member name");
  }

  Status ParseObject(Json::Value* out, int depth) {
    ++pos_;  // '{'
    *out = Json::Value(Json::objectValue);
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return Status::OK();
    }
    while (true) {
      SkipSpace();
      std::string name;
      ROCKETMQ_RETURN_IF_ERROR(ParseKey(&name, depth));
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Error("expected ':' after member name");
      ++pos_;
      SkipSpace();
      Json::Value member;
      ROCKETMQ_RETURN_IF_ERROR(ParseValue(&member, depth));
      (*out)[name] = std::move(member);
      SkipSpace();
      if (pos_ >= s_.size()) return Error("unexpected end of input in object");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == '}') {
        ++pos_;
        return Status::OK();
      }
      return Error("expected ',' or '}' in object");
    }
  }

  Status ParseArray(Json::Value* out, int depth) {
    ++pos_;  // '['
    *out = Json::Value(Json::arrayValue);
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return Status::OK();
    }
    while (true) {
      SkipSpace();
      Json::Value element;
      ROCKETMQ_RETURN_IF_ERROR(ParseValue(&element, depth));
      out->append(std::move(element));
      SkipSpace();
      if (pos_ >= s_.size()) return Error("unexpected end of input in array");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == ']') {
        ++pos_;
        return Status::OK();
      }
      return Error("expected ',' or ']' in array");
    }
  }

  // JSON number grammar. Stores the value in *out and, when `text` is set, the literal text.
  Status ParseNumber(Json::Value* out, std::string* text) {
    const size_t start = pos_;
    bool is_integer = true;
    if (s_[pos_] == '-') ++pos_;
    auto digits = [this]() {
      const size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    if (digits() == 0) return Error("invalid number");
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      is_integer = false;
      if (digits() == 0) return Error("invalid number: no digits after '.'");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      is_integer = false;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (digits() == 0) return Error("invalid number: no digits in exponent");
    }
    const std::string_view lit = s_.substr(start, pos_ - start);
    if (text != nullptr) text->assign(lit.data(), lit.size());
    const char* first = lit.data();
    const char* last = lit.data() + lit.size();
    if (is_integer) {
      int64_t i64 = 0;
      auto r = std::from_chars(first, last, i64);
      if (r.ec == std::errc() && r.ptr == last) {
        *out = Json::Value(static_cast<Json::Int64>(i64));
        return Status::OK();
      }
      uint64_t u64 = 0;
      r = std::from_chars(first, last, u64);
      if (r.ec == std::errc() && r.ptr == last) {
        *out = Json::Value(static_cast<Json::UInt64>(u64));
        return Status::OK();
      }
    }
    double d = 0;
    auto r = std::from_chars(first, last, d);
    if (r.ptr != last || (r.ec != std::errc() && r.ec != std::errc::result_out_of_range)) {
      return Error("invalid number");
    }
    *out = Json::Value(d);
    return Status::OK();
  }

  bool ReadHex4(uint32_t* unit) {
    if (s_.size() - pos_ < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_ + static_cast<size_t>(i)];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    pos_ += 4;
    *unit = v;
    return true;
  }

  Status ParseString(std::string* out) {
    ++pos_;  // opening quote
    out->clear();
    while (true) {
      const size_t run = pos_;
      while (pos_ < s_.size() && s_[pos_] != '"' && s_[pos_] != '\\') ++pos_;
      out->append(s_.data() + run, pos_ - run);
      if (pos_ >= s_.size()) return Error("unterminated string");
      if (s_[pos_] == '"') {
        ++pos_;
        return Status::OK();
      }
      ++pos_;  // backslash
      if (pos_ >= s_.size()) return Error("unterminated escape");
      const char e = s_[pos_++];
      char simple = 0;
      if (DecodeJsonSimpleEscape(e, &simple)) {
        out->push_back(simple);
        continue;
      }
      switch (e) {
        case 'u': {
          uint32_t unit = 0;
          if (!ReadHex4(&unit)) return Error("invalid \\u escape");
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            uint32_t low = 0;
            const size_t save = pos_;
            if (s_.substr(pos_, 2) == "\\u" && (pos_ += 2, ReadHex4(&low)) && low >= 0xDC00 &&
                low <= 0xDFFF) {
              AppendUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), out);
            } else {
              pos_ = save;
              AppendUtf8(0xFFFD, out);
            }
          } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            AppendUtf8(0xFFFD, out);
          } else {
            AppendUtf8(unit, out);
          }
          break;
        }
        default:
          return Error(std::string("invalid escape '\\") + PrintableChar(e) + "'");
      }
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
  int max_depth_;
};

}  // namespace

Result<Json::Value> ParseJson(std::string_view text, int max_depth) {
  Parser parser(text, max_depth);
  Json::Value root;
  Status st = parser.ParseDocument(&root);
  if (!st.ok()) return st;
  return root;
}

}  // namespace rocketmq
