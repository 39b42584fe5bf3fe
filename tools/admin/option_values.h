// Reading option values the way Java mqadmin's commands do (String.trim, Boolean.parseBoolean,
// Integer/Long.parseInt, UtilAll.parseDate), so that the same inputs are accepted or refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rocketmq::admin::tools {

// Java UtilAll.YYYY_MM_DD_HH_MM_SS_SSS, the timestamp form of printMsg, resetOffsetByTime, ...
inline constexpr std::string_view kTimestampPattern = "yyyy-MM-dd#HH:mm:ss:SSS";

// Java String.trim(): drops characters <= ' ' at both ends.
std::string JavaTrim(std::string_view text);
// Java Boolean.parseBoolean: true only for "true" in any case (no trimming).
bool JavaParseBoolean(std::string_view text);
// Java Integer.parseInt / Long.parseLong (optional sign, decimal digits, range checked). Throws
// CommandError with Java's NumberFormatException text: For input string: "<text>".
int32_t JavaParseInt(std::string_view text);
int64_t JavaParseLong(std::string_view text);
// Java new SimpleDateFormat(pattern).parse(text).getTime() in the local time zone, lenient like
// Java (out-of-range fields roll over; trailing text is ignored). Pattern letters y M d H m s S
// read a run of digits; other characters must match. nullopt when the text does not fit
// (Java's UtilAll.parseDate then returns null).
std::optional<int64_t> ParseJavaDate(std::string_view text, std::string_view pattern);

}  // namespace rocketmq::admin::tools
