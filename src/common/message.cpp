#include "common/message.h"

#include <strings.h>
#include <cstdint>
#include <cstdlib>

#include "common/string_util.h"

namespace rocketmq {

Message::Message(std::string topic, std::string tags, std::string keys, std::string body)
    : topic_(std::move(topic)), body_(std::move(body)) {
  set_tags(std::move(tags));
  set_keys(std::move(keys));
  set_wait_store_msg_ok(true);
}

Status Message::PutUserProperty(const std::string& key, const std::string& value) {
  if (key.empty() || value.empty()) {
    return Status::InvalidArgument("user property key and value must not be empty");
  }
  if (IsSystemPropertyKey(key)) {
    return Status::InvalidArgument("user property key is reserved for the system: " + key);
  }
  auto has_separator = [](const std::string& s) {
    return s.find(kNameValueSeparator) != std::string::npos ||
           s.find(kPropertySeparator) != std::string::npos;
  };
  if (has_separator(key) || has_separator(value)) {
    return Status::InvalidArgument("user property contains a 0x01/0x02 separator: " + key);
  }
  properties_.Set(key, value);
  return Status::OK();
}

std::vector<MessageProperties::Entry> Message::UserProperties() const {
  std::vector<MessageProperties::Entry> out;
  for (const auto& entry : properties_) {
    if (!IsSystemPropertyKey(entry.first)) out.push_back(entry);
  }
  return out;
}

void Message::set_tags(std::string tags) {
  if (tags.empty()) {
    properties_.Erase(kPropertyTags);
  } else {
    properties_.Set(kPropertyTags, std::move(tags));
  }
}

void Message::set_keys(std::string keys) {
  if (keys.empty()) {
    properties_.Erase(kPropertyKeys);
  } else {
    properties_.Set(kPropertyKeys, std::move(keys));
  }
}

void Message::set_keys(const std::vector<std::string>& keys) {
  std::string joined;
  for (const auto& key : keys) {
    if (key.empty()) continue;
    if (!joined.empty()) joined.append(kKeySeparator);
    joined.append(key);
  }
  set_keys(std::move(joined));
}

std::vector<std::string> Message::KeyList() const {
  return SplitSkipEmpty(keys(), kKeySeparator[0]);
}

int32_t Message::delay_time_level() const {
  const std::string* value = properties_.Find(kPropertyDelayTimeLevel);
  if (value == nullptr || value->empty()) return 0;
  char* end = nullptr;
  long level = std::strtol(value->c_str(), &end, 10);
  if (*end != '\0' || level < 0 || level > INT32_MAX) return 0;
  return static_cast<int32_t>(level);
}

void Message::set_delay_time_level(int32_t level) {
  if (level <= 0) {
    properties_.Erase(kPropertyDelayTimeLevel);
  } else {
    properties_.Set(kPropertyDelayTimeLevel, std::to_string(level));
  }
}

bool Message::wait_store_msg_ok() const {
  const std::string* value = properties_.Find(kPropertyWaitStoreMsgOk);
  return value == nullptr || strcasecmp(value->c_str(), "true") == 0;  // Boolean.parseBoolean
}

void Message::set_wait_store_msg_ok(bool wait) {
  properties_.Set(kPropertyWaitStoreMsgOk, wait ? "true" : "false");
}

bool Message::transaction_prepared() const {
  return properties_.Get(kPropertyTransactionPrepared) == "true";
}

void Message::set_transaction_prepared(bool prepared) {
  properties_.Set(kPropertyTransactionPrepared, prepared ? "true" : "false");
}

bool Message::operator==(const Message& o) const {
  return topic_ == o.topic_ && flag_ == o.flag_ && properties_ == o.properties_ &&
         body_ == o.body_ && transaction_id_ == o.transaction_id_;
}

}  // namespace rocketmq
