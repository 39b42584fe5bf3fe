#include "tools/admin/format_util.h"

#include <charconv>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <vector>

namespace rocketmq::admin::tools {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::string Padded(int64_t value, size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

// Broken-down time of `epoch_ms` (floor division: Java prints -1 ms as ...23:59:59,999).
struct When {
  std::tm tm{};
  int millis = 0;
  std::string zone;
};

When Local(int64_t epoch_ms) {
  When when;
  int64_t seconds = epoch_ms / 1000;
  int64_t millis = epoch_ms % 1000;
  if (millis < 0) {
    millis += 1000;
    seconds -= 1;
  }
  const std::time_t t = static_cast<std::time_t>(seconds);
  localtime_r(&t, &when.tm);
  when.millis = static_cast<int>(millis);
  when.zone = when.tm.tm_zone != nullptr ? when.tm.tm_zone : "";
  return when;
}

When Fixed(int64_t epoch_ms, int utc_offset_minutes) {
  When when = Local(0);
  int64_t shifted = epoch_ms + static_cast<int64_t>(utc_offset_minutes) * 60000;
  int64_t seconds = shifted / 1000;
  int64_t millis = shifted % 1000;
  if (millis < 0) {
    millis += 1000;
    seconds -= 1;
  }
  const std::time_t t = static_cast<std::time_t>(seconds);
  gmtime_r(&t, &when.tm);
  when.millis = static_cast<int>(millis);
  const int offset = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  when.zone = std::string("GMT") + (utc_offset_minutes < 0 ? "-" : "+") + Padded(offset / 60, 2) +
              ":" + Padded(offset % 60, 2);
  return when;
}

std::string Format(const When& when, std::string_view pattern) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\'') {  // '' is a quote; '...' is literal text, with '' inside it a quote
      if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
        out += '\'';
        i += 2;
        continue;
      }
      for (++i; i < pattern.size(); ++i) {
        if (pattern[i] != '\'') {
          out += pattern[i];
        } else if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
          out += '\'';
          ++i;
        } else {
          break;
        }
      }
      ++i;
      continue;
    }
    size_t count = 1;
    while (i + count < pattern.size() && pattern[i + count] == c) ++count;
    const std::tm& tm = when.tm;
    switch (c) {
      case 'y':
        out += count == 2 ? Padded((tm.tm_year + 1900) % 100, 2) : Padded(tm.tm_year + 1900, count);
        break;
      case 'M':
        out += count >= 3 ? std::string(kMonths[tm.tm_mon]) : Padded(tm.tm_mon + 1, count);
        break;
      case 'd':
        out += Padded(tm.tm_mday, count);
        break;
      case 'H':
        out += Padded(tm.tm_hour, count);
        break;
      case 'm':
        out += Padded(tm.tm_min, count);
        break;
      case 's':
        out += Padded(tm.tm_sec, count);
        break;
      case 'S':
        out += Padded(when.millis, count);
        break;
      case 'E':
        out += kDays[tm.tm_wday];
        break;
      case 'z':
        out += when.zone;
        break;
      default:
        out.append(count, c);
        break;
    }
    i += count;
  }
  return out;
}

// The shortest decimal digits of a finite, non-zero |value| and its exponent: value =
// 0.d1d2d3... * 10^exponent.
void ShortestDigits(double value, std::string* digits, int* exponent) {
  char buf[64];
  auto result =
      std::to_chars(buf, buf + sizeof(buf), std::fabs(value), std::chars_format::scientific);
  const std::string text(buf, result.ptr);  // "1.2345e+05"
  const size_t e = text.find('e');
  digits->clear();
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') *digits += text[i];
  }
  *exponent = std::stoi(text.substr(e + 1)) + 1;
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

}  // namespace

std::string StrFormat(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  va_list copy;
  va_copy(copy, args);
  const int size = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  std::string out;
  if (size > 0) {
    std::vector<char> buf(static_cast<size_t>(size) + 1);
    std::vsnprintf(buf.data(), buf.size(), fmt, args);
    out.assign(buf.data(), static_cast<size_t>(size));
  }
  va_end(args);
  return out;
}

std::string FormatJavaDate(int64_t epoch_ms, std::string_view pattern) {
  return Format(Local(epoch_ms), pattern);
}

std::string FormatJavaDate(int64_t epoch_ms, std::string_view pattern, int utc_offset_minutes) {
  return Format(Fixed(epoch_ms, utc_offset_minutes), pattern);
}

std::string FormatDateTime(int64_t epoch_ms) { return FormatJavaDate(epoch_ms, kDateTimePattern); }

std::string FormatDateTimeMillis(int64_t epoch_ms) {
  return FormatJavaDate(epoch_ms, kDateTimeMillisPattern);
}

std::string JavaDateToString(int64_t epoch_ms) {
  return FormatJavaDate(epoch_ms, "EEE MMM dd HH:mm:ss z yyyy");
}

std::string JavaDouble(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  const std::string sign = std::signbit(value) ? "-" : "";
  if (value == 0) return sign + "0.0";
  std::string digits;
  int exponent = 0;
  ShortestDigits(value, &digits, &exponent);
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    std::string out;
    if (exponent <= 0) {
      out = "0." + std::string(-exponent, '0') + digits;
    } else if (static_cast<size_t>(exponent) >= digits.size()) {
      out = digits + std::string(exponent - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, exponent) + "." + digits.substr(exponent);
    }
    return sign + out;
  }
  std::string mantissa = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
  return sign + mantissa + "E" + std::to_string(exponent - 1);
}

std::string JavaFixed(double value, int precision) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (precision < 0) precision = 0;
  const std::string sign = std::signbit(value) && value != 0 ? "-" : "";
  std::string digits = "0";
  int exponent = 1;
  if (value != 0) ShortestDigits(value, &digits, &exponent);
  // Integer part digits then fraction digits, as one digit string with `int_len` integer digits.
  std::string all;
  int int_len;
  if (exponent <= 0) {
    all = std::string(-exponent, '0') + digits;
    int_len = 0;
  } else {
    all = digits;
    if (static_cast<int>(all.size()) < exponent) all.append(exponent - all.size(), '0');
    int_len = exponent;
  }
  const int keep = int_len + precision;
  if (static_cast<int>(all.size()) > keep) {
    const bool round_up = all[keep] >= '5';
    all.resize(keep);
    if (round_up) {
      int i = keep - 1;
      while (i >= 0 && all[i] == '9') all[i--] = '0';
      if (i >= 0) {
        ++all[i];
      } else {
        all.insert(0, "1");
        ++int_len;
      }
    }
  } else {
    all.append(keep - all.size(), '0');
  }
  std::string int_part = int_len > 0 ? all.substr(0, int_len) : "0";
  std::string out = sign + int_part;
  if (precision > 0) out += "." + all.substr(int_len);
  return out;
}

}  // namespace rocketmq::admin::tools
