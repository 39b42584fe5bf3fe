// Java-style key=value configuration text: broker.conf / namesrv.conf files, and the bodies of
// GET_BROKER_CONFIG, UPDATE_BROKER_CONFIG, GET_NAMESRV_CONFIG and UPDATE_NAMESRV_CONFIG.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace rocketmq {

// Keys in file order; a repeated key keeps its last value at its first position.
class Properties {
 public:
  // Parses java.util.Properties text: '#' and '!' comment lines, "key=value", "key:value" or
  // "key value", whitespace around the separator and at line start ignored, backslash line
  // continuation, and the escapes \t \n \r \f \\ \= \: \uXXXX (written out as UTF-8).
  static Properties Parse(std::string_view text);
  // Parse(), but InvalidArgument "Malformed \\uxxxx encoding." where java.util.Properties.load
  // throws (a \u escape with fewer than four hex digits).
  static Result<Properties> ParseChecked(std::string_view text);
  // Reads and parses a file; IOError when it cannot be read.
  static Result<Properties> Load(const std::string& path);

  void Set(const std::string& key, std::string value);
  const std::string* Find(const std::string& key) const;
  std::string GetOr(const std::string& key, const std::string& fallback) const;
  bool Erase(const std::string& key);
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

  // "key=value\n" per entry, as RocketMQ's MixAll.properties2String writes them (no escaping).
  std::string ToText() const;

 private:
  static Properties ParseInternal(std::string_view text, bool* malformed);

  std::vector<std::pair<std::string, std::string>> entries_;
  std::map<std::string, size_t> index_;
};

}  // namespace rocketmq
