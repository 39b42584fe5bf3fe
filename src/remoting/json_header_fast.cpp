#include "remoting/json_header_fast.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/string_util.h"

namespace rocketmq::remoting {
namespace {

// A strict, declining reader over the header text: every method returns false both on malformed
// input and on well-formed input outside the flat shape; the caller then falls back.
class FlatHeaderReader {
 public:
  explicit FlatHeaderReader(std::string_view text) : s_(text) {}

  bool AtEnd() {
    SkipWhitespace();
    return pos_ == s_.size();
  }
  bool Consume(char c) {
    SkipWhitespace();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  // The next non-whitespace character without consuming it ('\0' at the end).
  char Peek() {
    SkipWhitespace();
    return pos_ < s_.size() ? s_[pos_] : '\0';
  }

  // A string token, unescaped into *out (replacing its content).
  bool String(std::string* out) {
    SkipWhitespace();
    if (pos_ >= s_.size() || s_[pos_] != '"') return false;
    ++pos_;
    out->clear();
    size_t run = pos_;  // start of the bytes not yet copied
    while (pos_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        out->append(s_.data() + run, pos_ - run);
        ++pos_;
        return true;
      }
      if (c < 0x20) return false;  // raw control character: leave the verdict to jsoncpp
      if (c != '\\') {
        ++pos_;
        continue;
      }
      out->append(s_.data() + run, pos_ - run);
      if (pos_ + 1 >= s_.size()) return false;
      const char e = s_[pos_ + 1];
      pos_ += 2;
      char simple = 0;
      if (DecodeJsonSimpleEscape(e, &simple)) {
        out->push_back(simple);
      } else {
        uint32_t cp = 0;
        if (e != 'u' || !Hex4(&cp)) return false;
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // surrogates: the general path
        AppendUtf8(cp, out);
      }
      run = pos_;
    }
    return false;
  }

  // A JSON number token (strict grammar); *raw is its text, *integral whether it has neither a
  // fraction nor an exponent.
  bool Number(std::string_view* raw, bool* integral) {
    SkipWhitespace();
    const size_t begin = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size()) return false;
    if (s_[pos_] == '0') {
      ++pos_;
    } else if (s_[pos_] >= '1' && s_[pos_] <= '9') {
      while (pos_ < s_.size() && IsDigit(s_[pos_])) ++pos_;
    } else {
      return false;
    }
    *integral = true;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      *integral = false;
      ++pos_;
      if (!Digits()) return false;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      *integral = false;
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!Digits()) return false;
    }
    *raw = s_.substr(begin, pos_ - begin);
    return true;
  }

  // One of the literals true, false, null.
  bool Literal(std::string_view word) {
    SkipWhitespace();
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  // Any scalar value (string, number, true, false, null), discarded.
  bool SkipScalar(std::string* scratch) {
    switch (Peek()) {
      case '"':
        return String(scratch);
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default: {
        std::string_view raw;
        bool integral;
        return Number(&raw, &integral);
      }
    }
  }

 private:
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  void SkipWhitespace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Digits() {
    const size_t begin = pos_;
    while (pos_ < s_.size() && IsDigit(s_[pos_])) ++pos_;
    return pos_ > begin;
  }
  bool Hex4(uint32_t* cp) {
    if (pos_ + 4 > s_.size()) return false;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_++];
      uint32_t d;
      if (h >= '0' && h <= '9') {
        d = static_cast<uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        d = static_cast<uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        d = static_cast<uint32_t>(h - 'A' + 10);
      } else {
        return false;
      }
      *cp = (*cp << 4) | d;
    }
    return true;
  }
  std::string_view s_;
  size_t pos_ = 0;
};

// An int header field: an integer literal or a numeric string, within int32.
bool ReadFlatInt(FlatHeaderReader& r, std::string* scratch, int32_t* out) {
  if (r.Peek() == '"')
    return r.String(scratch) && ParseJavaInteger(std::string_view(*scratch), out);
  std::string_view raw;
  bool integral;
  if (!r.Number(&raw, &integral) || !integral || raw.size() > 11) return false;
  int64_t v = 0;
  if (!ParseJavaInteger(raw, &v) || v < INT32_MIN || v > INT32_MAX) return false;
  *out = static_cast<int32_t>(v);
  return true;
}

bool ReadFlatExtFields(FlatHeaderReader& r, RemotingCommand* cmd) {
  if (!r.Consume('{')) return false;
  std::vector<ExtFields::Entry> entries;
  entries.reserve(16);
  if (!r.Consume('}')) {
    do {
      ExtFields::Entry entry;
      if (!r.String(&entry.first) || !r.Consume(':')) return false;
      switch (r.Peek()) {
        case '"':
          if (!r.String(&entry.second)) return false;
          break;
        case 't':
          if (!r.Literal("true")) return false;
          entry.second = "true";
          break;
        case 'f':
          if (!r.Literal("false")) return false;
          entry.second = "false";
          break;
        default: {
          // Integers keep their literal text, as the general decoder does. Nulls, fractions and
          // exponents (whose text jsoncpp may not keep as written) go the general way.
          std::string_view raw;
          bool integral;
          if (!r.Number(&raw, &integral) || !integral || raw.size() > 18) return false;
          entry.second.assign(raw.data(), raw.size());
        }
      }
      entries.push_back(std::move(entry));
    } while (r.Consume(','));
    if (!r.Consume('}')) return false;
  }
  cmd->mutable_ext_fields() = ExtFields::FromEntries(std::move(entries));
  return true;
}

}  // namespace

bool DecodeFlatJsonHeader(std::string_view header, RemotingCommand* out) {
  FlatHeaderReader r(header);
  if (!r.Consume('{')) return false;
  RemotingCommand cmd;
  cmd.set_serialize_type(SerializeType::kJson);
  // Absent fields: 0 and Java's language default, as the general decoder leaves them.
  cmd.set_code(0);
  cmd.set_version(0);
  cmd.set_opaque(0);
  cmd.set_flag(0);
  cmd.set_language(LanguageCode::kJava);
  enum : unsigned {
    kCode = 1,
    kVersion = 2,
    kOpaque = 4,
    kFlag = 8,
    kLanguage = 16,
    kRemark = 32,
    kExt = 64,
  };
  unsigned seen = 0;
  std::string key;
  std::string scratch;
  if (!r.Consume('}')) {
    do {
      if (!r.String(&key) || !r.Consume(':')) return false;
      unsigned bit = 0;
      int32_t value = 0;
      if (key == "code") {
        bit = kCode;
        if (!ReadFlatInt(r, &scratch, &value)) return false;
        cmd.set_code(value);
      } else if (key == "opaque") {
        bit = kOpaque;
        if (!ReadFlatInt(r, &scratch, &value)) return false;
        cmd.set_opaque(value);
      } else if (key == "flag") {
        bit = kFlag;
        if (!ReadFlatInt(r, &scratch, &value)) return false;
        cmd.set_flag(value);
      } else if (key == "version") {
        bit = kVersion;
        if (!ReadFlatInt(r, &scratch, &value)) return false;
        cmd.set_version(value);
      } else if (key == "language") {
        bit = kLanguage;
        if (!r.String(&scratch)) return false;
        LanguageCode language;
        if (!ParseLanguageName(scratch, &language)) language = LanguageCode::kOther;
        cmd.set_language(language);
      } else if (key == "remark") {
        bit = kRemark;
        if (r.Peek() == 'n') {
          if (!r.Literal("null")) return false;
        } else {
          std::string remark;
          if (!r.String(&remark)) return false;
          cmd.set_remark(std::move(remark));
        }
      } else if (key == "extFields") {
        bit = kExt;
        if (r.Peek() == 'n') {
          if (!r.Literal("null")) return false;
        } else if (!ReadFlatExtFields(r, &cmd)) {
          return false;
        }
      } else if (!r.SkipScalar(&scratch)) {
        return false;
      }
      if ((seen & bit) != 0) return false;  // a repeated field: the general decoder's rules
      seen |= bit;
    } while (r.Consume(','));
    if (!r.Consume('}')) return false;
  }
  if (!r.AtEnd()) return false;
  *out = std::move(cmd);
  return true;
}

}  // namespace rocketmq::remoting
