#include "tools/admin/option_values.h"

#include <cctype>
#include <ctime>
#include <limits>

#include "tools/admin/command_error.h"

namespace rocketmq::admin::tools {
namespace {

std::optional<int64_t> ParseDecimal(std::string_view text, int64_t min, int64_t max) {
  size_t i = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    i = 1;
  }
  if (i == text.size()) return std::nullopt;
  // Accumulate negatively so that the minimum value fits.
  int64_t value = 0;
  for (; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    const int digit = text[i] - '0';
    if (value < (std::numeric_limits<int64_t>::min() + digit) / 10) return std::nullopt;
    value = value * 10 - digit;
  }
  if (!negative) {
    if (value == std::numeric_limits<int64_t>::min()) return std::nullopt;
    value = -value;
  }
  if (value < min || value > max) return std::nullopt;
  return value;
}

[[noreturn]] void ThrowNumberFormat(std::string_view text) {
  throw CommandError("For input string: \"" + std::string(text) + "\"");
}

}  // namespace

std::string JavaTrim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && static_cast<unsigned char>(text[begin]) <= ' ') ++begin;
  while (end > begin && static_cast<unsigned char>(text[end - 1]) <= ' ') --end;
  return std::string(text.substr(begin, end - begin));
}

bool JavaParseBoolean(std::string_view text) {
  if (text.size() != 4) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != "true"[i]) return false;
  }
  return true;
}

int32_t JavaParseInt(std::string_view text) {
  std::optional<int64_t> value =
      ParseDecimal(text, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max());
  if (!value) ThrowNumberFormat(text);
  return static_cast<int32_t>(*value);
}

int64_t JavaParseLong(std::string_view text) {
  std::optional<int64_t> value =
      ParseDecimal(text, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max());
  if (!value) ThrowNumberFormat(text);
  return *value;
}

std::optional<int64_t> ParseJavaDate(std::string_view text, std::string_view pattern) {
  int64_t year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
  size_t t = 0;
  size_t p = 0;
  while (p < pattern.size()) {
    const char c = pattern[p];
    size_t count = 1;
    while (p + count < pattern.size() && pattern[p + count] == c) ++count;
    int64_t* field = nullptr;
    switch (c) {
      case 'y':
        field = &year;
        break;
      case 'M':
        field = &month;
        break;
      case 'd':
        field = &day;
        break;
      case 'H':
        field = &hour;
        break;
      case 'm':
        field = &minute;
        break;
      case 's':
        field = &second;
        break;
      case 'S':
        field = &millis;
        break;
      default:
        break;
    }
    if (field == nullptr) {
      for (size_t k = 0; k < count; ++k) {
        if (t >= text.size() || text[t] != c) return std::nullopt;
        ++t;
      }
    } else {
      // A field followed directly by another numeric field reads only `count` digits.
      const bool abutting =
          p + count < pattern.size() &&
          std::string_view("yMdHmsS").find(pattern[p + count]) != std::string_view::npos;
      const size_t start = t;
      while (t < text.size() && std::isdigit(static_cast<unsigned char>(text[t])) &&
             (!abutting || t - start < count) && t - start < 18) {
        ++t;
      }
      if (t == start) return std::nullopt;
      *field = std::stoll(std::string(text.substr(start, t - start)));
    }
    p += count;
  }
  std::tm tm{};
  tm.tm_year = static_cast<int>(year - 1900);
  tm.tm_mon = static_cast<int>(month - 1);
  tm.tm_mday = static_cast<int>(day);
  tm.tm_hour = static_cast<int>(hour);
  tm.tm_min = static_cast<int>(minute);
  tm.tm_sec = static_cast<int>(second);
  tm.tm_isdst = -1;
  const std::time_t seconds = std::mktime(&tm);
  return static_cast<int64_t>(seconds) * 1000 + millis;
}

}  // namespace rocketmq::admin::tools
