// MessageProperties: the properties of a message and their string form (protocol.md §3.2):
// `key 0x01 value` pairs joined by 0x02.
//
// Separator finding (checked against the captures of Java 4.9.8 in test/vectors, both the send
// headers' `i` field and every stored record): 4.9.8 writes NO trailing 0x02 after the last pair
// ("KEYS\x01K\x02WAIT\x01true"); pre-4.9.3 clients ended every pair, the last one included, with
// 0x02. Encode() writes the 4.9.8 form; Decode() accepts both.
//
// Entries keep their insertion order (decoding keeps the order of the string), so a decoded
// string re-encodes to the same bytes. Java uses a HashMap, whose order carries no meaning.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rocketmq {

class MessageProperties {
 public:
  using Entry = std::pair<std::string, std::string>;

  MessageProperties() = default;

  // Parses a properties string leniently, as Java's string2messageProperties: split on 0x02;
  // a piece counts only if it has a non-empty key, a 0x01, and a non-empty value (the value runs
  // from the first 0x01 to the piece's end and may itself contain 0x01); other pieces are
  // skipped. A repeated key keeps its first position and takes the last value.
  static MessageProperties Decode(std::string_view text);

  // The properties string, pairs in order, no trailing separator (Java 4.9.8). "" when empty.
  std::string Encode() const;

  // The value of `key`, or nullptr. The pointer is valid until the next modification.
  const std::string* Find(std::string_view key) const;
  // The value of `key`, or `fallback` when absent.
  std::string Get(std::string_view key, std::string_view fallback = {}) const;
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  // Sets `key` to `value`: replaces the value in place if present, appends otherwise.
  void Set(std::string key, std::string value);
  // Removes `key`; false if it was absent.
  bool Erase(std::string_view key);
  void Clear() { entries_.clear(); }

  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }

  // Same entries in the same order.
  bool operator==(const MessageProperties& o) const { return entries_ == o.entries_; }
  bool operator!=(const MessageProperties& o) const { return !(*this == o); }

 private:
  std::vector<Entry> entries_;  // few entries (about 4-15): linear search beats hashing
};

// `props` reordered as Java's MessageDecoder.messageProperties2String walks a HashMap built from
// them: java.util.HashMap (default capacity) iteration order, entries sharing a bucket in `props`
// order, so `props` must list the keys in the order Java inserted them. `max_entries` is the most
// entries that map ever held (it decides the table size; a HashMap never shrinks); 0 means
// props.size(). Java brokers re-encode properties this way on send, on the delay rewrite and in
// CONSUMER_SEND_MSG_BACK.
MessageProperties JavaHashMapOrder(const MessageProperties& props, size_t max_entries = 0);
// JavaHashMapOrder(props, max_entries), encoded.
std::string EncodeInJavaHashMapOrder(const MessageProperties& props, size_t max_entries = 0);

// What a 4.9.x broker stores as the properties of one inner message of a SEND_BATCH_MESSAGE:
// the inner message's own string, then - if both are non-empty and `inner` does not already end
// with 0x02 - one 0x02, then the batch-level string (header `i` plus the broker's additions such
// as CLUSTER). 5.x brokers no longer append.
std::string AppendBatchProperties(std::string_view inner, std::string_view batch);

}  // namespace rocketmq
