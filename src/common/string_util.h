// Small string helpers shared by the message codecs: hex, splitting and Java number parsing.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rocketmq {

// Uppercase hex, two characters per byte ("0123456789ABCDEF", as Java UtilAll.bytes2string).
std::string HexEncodeUpper(std::string_view bytes);

// Decodes hex digits of either case into `out` (replaced). False, leaving `out` unspecified, when
// the length is odd or a character is not a hex digit.
bool HexDecode(std::string_view hex, std::string* out);

// Splits on every occurrence of `sep`, dropping empty pieces ("a  b" -> {"a", "b"}).
std::vector<std::string> SplitSkipEmpty(std::string_view text, char sep);

// Appends code point `cp` (up to 0x10FFFF; no surrogate check) as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out);

// The character a one-letter JSON escape stands for (\" \\ \/ \b \f \n \r \t); false for any other
// letter (\u included, which the caller decodes).
bool DecodeJsonSimpleEscape(char letter, char* out);

// Java Integer.parseInt / Long.parseLong (by the width of Int): an optional sign, decimal digits
// only, no blanks, range-checked. False, leaving `out` unchanged, where Java would throw.
template <typename Int>
bool ParseJavaInteger(std::string_view text, Int* out) {
  if (!text.empty() && text[0] == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text[0] == '-') return false;
  }
  if (text.empty()) return false;
  Int value{};
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value, 10);
  if (ec != std::errc() || ptr != end) return false;
  *out = value;
  return true;
}

}  // namespace rocketmq
