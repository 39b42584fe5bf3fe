// Small string helpers shared by the message codecs: hex and splitting.
#pragma once

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

}  // namespace rocketmq
