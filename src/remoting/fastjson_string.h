// String escaping exactly as fastjson 1.2.x writes a JSON string with default features (what Java
// RocketMQ uses for RemotingCommand JSON headers, protocol.md §1.5). Used by the header encoder,
// so that a header we write is byte-identical to the one a Java peer writes for the same values.
#pragma once

#include <string>
#include <string_view>

namespace rocketmq::remoting {

// Appends `utf8` to *out as a double-quoted JSON string, escaped the way fastjson's
// SerializeWriter.writeStringWithDoubleQuote does without BrowserCompatible:
//   \b \t \n \f \r  -> two-character escapes; '"' and '\\' -> backslash + the character;
//   other C0 controls (U+0000-U+001F), U+007F-U+009F, U+2028, U+2029 -> \uXXXX with UPPERCASE
//   hex digits (fastjson's IOUtils.DIGITS); '/' and every other character -> as is.
// Input is treated as UTF-8; bytes that are not part of the sequences above are copied verbatim
// (invalid UTF-8 is not repaired).
void AppendFastjsonString(std::string_view utf8, std::string* out);

}  // namespace rocketmq::remoting
