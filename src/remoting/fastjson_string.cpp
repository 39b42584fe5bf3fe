#include "remoting/fastjson_string.h"

#include <cstdint>

namespace rocketmq::remoting {

namespace {

constexpr char kUpperHex[] = "0123456789ABCDEF";

void AppendUnicodeEscape(uint32_t code_point, std::string* out) {
  out->append("\\u");
  out->push_back(kUpperHex[(code_point >> 12) & 0xF]);
  out->push_back(kUpperHex[(code_point >> 8) & 0xF]);
  out->push_back(kUpperHex[(code_point >> 4) & 0xF]);
  out->push_back(kUpperHex[code_point & 0xF]);
}

}  // namespace

void AppendFastjsonString(std::string_view utf8, std::string* out) {
  out->reserve(out->size() + utf8.size() + 2);
  out->push_back('"');
  const size_t n = utf8.size();
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<uint8_t>(utf8[i]);
    switch (c) {
      case '\b':
        out->append("\\b");
        continue;
      case '\t':
        out->append("\\t");
        continue;
      case '\n':
        out->append("\\n");
        continue;
      case '\f':
        out->append("\\f");
        continue;
      case '\r':
        out->append("\\r");
        continue;
      case '"':
        out->append("\\\"");
        continue;
      case '\\':
        out->append("\\\\");
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      AppendUnicodeEscape(c, out);
      continue;
    }
    // U+0080..U+009F are encoded as C2 80..C2 9F.
    if (c == 0xC2 && i + 1 < n) {
      const auto c1 = static_cast<uint8_t>(utf8[i + 1]);
      if (c1 >= 0x80 && c1 <= 0x9F) {
        AppendUnicodeEscape(c1, out);
        ++i;
        continue;
      }
    }
    // U+2028 / U+2029 are encoded as E2 80 A8 / E2 80 A9.
    if (c == 0xE2 && i + 2 < n && static_cast<uint8_t>(utf8[i + 1]) == 0x80) {
      const auto c2 = static_cast<uint8_t>(utf8[i + 2]);
      if (c2 == 0xA8 || c2 == 0xA9) {
        AppendUnicodeEscape(0x2000 | (c2 - 0xA8 + 0x28), out);
        i += 2;
        continue;
      }
    }
    out->push_back(static_cast<char>(c));
  }
  out->push_back('"');
}

}  // namespace rocketmq::remoting
