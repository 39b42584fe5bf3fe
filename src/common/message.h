// Message: what a producer sends (Java org.apache.rocketmq.common.message.Message): topic, user
// flag, properties and body, with typed helpers for the well-known properties (message_const.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/message_const.h"
#include "common/message_properties.h"
#include "common/status.h"

namespace rocketmq {

class Message {
 public:
  Message() = default;
  // A message with tags and keys (each omitted when empty) and WAIT=true, as Java's
  // Message(topic, tags, keys, body) constructor.
  Message(std::string topic, std::string tags, std::string keys, std::string body);
  Message(std::string topic, std::string body)
      : Message(std::move(topic), "", "", std::move(body)) {}

  const std::string& topic() const { return topic_; }
  void set_topic(std::string topic) { topic_ = std::move(topic); }
  // User flag, carried through untouched (FLAG field).
  int32_t flag() const { return flag_; }
  void set_flag(int32_t flag) { flag_ = flag; }
  // Body bytes (binary-safe).
  const std::string& body() const { return body_; }
  std::string& mutable_body() { return body_; }
  void set_body(std::string body) { body_ = std::move(body); }
  // Set by a transactional producer; not a property and not on the wire by itself.
  const std::string& transaction_id() const { return transaction_id_; }
  void set_transaction_id(std::string id) { transaction_id_ = std::move(id); }

  const MessageProperties& properties() const { return properties_; }
  MessageProperties& mutable_properties() { return properties_; }
  void set_properties(MessageProperties props) { properties_ = std::move(props); }
  // Raw property access, no checks (system keys included).
  std::string GetProperty(std::string_view key) const { return properties_.Get(key); }
  void PutProperty(std::string key, std::string value) {
    properties_.Set(std::move(key), std::move(value));
  }
  bool ClearProperty(std::string_view key) { return properties_.Erase(key); }

  // Sets a user property. InvalidArgument when the key is a system key
  // (IsSystemPropertyKey), when key or value is empty, or when either contains a separator
  // byte (0x01/0x02), which would corrupt the properties string.
  Status PutUserProperty(const std::string& key, const std::string& value);
  // The value of a property ("" when absent).
  std::string GetUserProperty(std::string_view key) const { return properties_.Get(key); }
  // The properties that are not system properties, in order.
  std::vector<MessageProperties::Entry> UserProperties() const;

  // TAGS ("" when absent). Setting "" removes the property.
  std::string tags() const { return properties_.Get(kPropertyTags); }
  void set_tags(std::string tags);
  // KEYS, space separated ("" when absent). Setting "" removes the property.
  std::string keys() const { return properties_.Get(kPropertyKeys); }
  void set_keys(std::string keys);
  // Joins `keys` with single spaces (empty keys skipped) into KEYS.
  void set_keys(const std::vector<std::string>& keys);
  // The individual keys of KEYS.
  std::vector<std::string> KeyList() const;

  // DELAY level (1..18 on a default broker); 0 when absent or not a number. Setting a level
  // <= 0 removes the property.
  int32_t delay_time_level() const;
  void set_delay_time_level(int32_t level);

  // WAIT: wait for flush/replication before the broker answers. True when absent.
  bool wait_store_msg_ok() const;
  void set_wait_store_msg_ok(bool wait);

  // TRAN_MSG == "true": a transaction half message.
  bool transaction_prepared() const;
  void set_transaction_prepared(bool prepared);

  // UNIQ_KEY, the client-generated message id ("" when absent).
  std::string unique_key() const { return properties_.Get(kPropertyUniqClientMessageIdKeyIdx); }
  void set_unique_key(std::string key) {
    PutProperty(kPropertyUniqClientMessageIdKeyIdx, std::move(key));
  }

  // Field-by-field equality (properties compared in order).
  bool operator==(const Message& o) const;
  bool operator!=(const Message& o) const { return !(*this == o); }

 private:
  std::string topic_;
  int32_t flag_ = 0;
  MessageProperties properties_;
  std::string body_;
  std::string transaction_id_;
};

}  // namespace rocketmq
