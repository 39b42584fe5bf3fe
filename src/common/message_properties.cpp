#include "common/message_properties.h"

#include <algorithm>

#include "common/java_hash.h"
#include "common/message_const.h"

namespace rocketmq {

MessageProperties MessageProperties::Decode(std::string_view text) {
  MessageProperties props;
  size_t index = 0;
  while (index < text.size()) {
    size_t end = text.find(kPropertySeparator, index);
    if (end == std::string_view::npos) end = text.size();
    std::string_view piece = text.substr(index, end - index);
    size_t sep = piece.find(kNameValueSeparator);
    // Key and value must both be non-empty.
    if (sep != std::string_view::npos && sep > 0 && sep + 1 < piece.size()) {
      props.Set(std::string(piece.substr(0, sep)), std::string(piece.substr(sep + 1)));
    }
    index = end + 1;
  }
  return props;
}

std::string MessageProperties::Encode() const {
  size_t len = 0;
  for (const auto& [key, value] : entries_) len += key.size() + value.size() + 2;
  std::string out;
  out.reserve(len);
  for (const auto& [key, value] : entries_) {
    if (!out.empty()) out.push_back(kPropertySeparator);
    out.append(key);
    out.push_back(kNameValueSeparator);
    out.append(value);
  }
  return out;
}

const std::string* MessageProperties::Find(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (entry.first == key) return &entry.second;
  }
  return nullptr;
}

std::string MessageProperties::Get(std::string_view key, std::string_view fallback) const {
  const std::string* value = Find(key);
  return value ? *value : std::string(fallback);
}

void MessageProperties::Set(std::string key, std::string value) {
  for (auto& entry : entries_) {
    if (entry.first == key) {
      entry.second = std::move(value);
      return;
    }
  }
  entries_.emplace_back(std::move(key), std::move(value));
}

bool MessageProperties::Erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->first == key) {
      entries_.erase(it);
      return true;
    }
  }
  return false;
}

std::string AppendBatchProperties(std::string_view inner, std::string_view batch) {
  std::string out(inner);
  if (!inner.empty() && !batch.empty() && inner.back() != kPropertySeparator) {
    out.push_back(kPropertySeparator);
  }
  out.append(batch);
  return out;
}

std::string EncodeInJavaHashMapOrder(const MessageProperties& props, size_t max_entries) {
  std::vector<std::string> keys;
  keys.reserve(props.size());
  for (const auto& [k, v] : props) keys.push_back(k);
  keys = JavaStringKeyOrder(std::move(keys),
                            JavaHashMapTableSize(std::max(max_entries, props.size())));
  MessageProperties ordered;
  for (auto& k : keys) {
    std::string value = *props.Find(k);
    ordered.Set(std::move(k), std::move(value));
  }
  return ordered.Encode();
}

}  // namespace rocketmq
