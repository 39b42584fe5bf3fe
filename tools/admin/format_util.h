// Output helpers for the subcommands: printf-style formatting and the Java texts (dates,
// booleans, doubles) Java mqadmin prints, where C++ would print something else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rocketmq::admin::tools {

// printf into a std::string (Java String.format/printf for %s %d %-20s %5.2f ..., with %n
// written as \n). For doubles prefer JavaFixed: Java rounds differently.
std::string StrFormat(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

// Java UtilAll.YYYY_MM_DD_HH_MM_SS and the millisecond form used by the message printers.
inline constexpr std::string_view kDateTimePattern = "yyyy-MM-dd HH:mm:ss";
inline constexpr std::string_view kDateTimeMillisPattern = "yyyy-MM-dd HH:mm:ss,SSS";

// Java new SimpleDateFormat(pattern).format(new Date(epoch_ms)) in the local time zone. Pattern
// letters: y M d H m s S E z ('yyyy' 4 digits, 'yy' 2, 'MMM' "Jan", 'EEE' "Mon", 'z' zone
// abbreviation, others zero-padded to their count); anything else, and text in '...', is copied.
std::string FormatJavaDate(int64_t epoch_ms, std::string_view pattern);
// The same in a fixed zone `utc_offset_minutes` east of UTC (480 = Java "GMT+8"; 'z' prints
// "GMT+08:00").
std::string FormatJavaDate(int64_t epoch_ms, std::string_view pattern, int utc_offset_minutes);
// UtilAll.formatDate(new Date(ms), "yyyy-MM-dd HH:mm:ss"), local time.
std::string FormatDateTime(int64_t epoch_ms);
// UtilAll.formatDate(new Date(ms), "yyyy-MM-dd HH:mm:ss,SSS"), local time.
std::string FormatDateTimeMillis(int64_t epoch_ms);
// Java Date.toString(): "Mon Dec 07 17:57:00 UTC 2026" (local time zone).
std::string JavaDateToString(int64_t epoch_ms);

// Java String.valueOf(boolean): "true" / "false".
inline const char* JavaBool(bool value) { return value ? "true" : "false"; }
// Java String.valueOf(long) (what "%d" and "+ long" print).
inline std::string JavaLong(int64_t value) { return std::to_string(value); }
// Java Double.toString / String.valueOf(double): "1.0", "0.22", "1.0E7", "1.5E-4", "NaN",
// "Infinity" (shortest digits that read back to the same double).
std::string JavaDouble(double value);
// Java String.format("%.<precision>f", value): rounds the shortest decimal form of `value` half
// up (C's printf rounds the binary value: Java "%.2f" of 1.005 is "1.01", printf's "1.00").
std::string JavaFixed(double value, int precision);

}  // namespace rocketmq::admin::tools
