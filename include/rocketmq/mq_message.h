// MQMessage: a message to send (Java org.apache.rocketmq.common.message.Message): topic, tags,
// keys, user properties, flag and a binary body. A value: copying copies everything.
//
// Not thread-safe: do not change a message while a send of it is running. The producer writes
// into the message it sends, as Java does: the client-side unique id (UNIQ_KEY) is set on the
// first send and kept by retries, so the same object sent twice keeps its id.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rocketmq {

class MQMessageAccess;  // library-internal access to the implementation

class MQMessage {
 public:
  MQMessage();
  MQMessage(const std::string& topic, const std::string& body);
  MQMessage(const std::string& topic, const std::string& tags, const std::string& body);
  MQMessage(const std::string& topic, const std::string& tags, const std::string& keys,
            const std::string& body);
  // As the official C++ client: `flag` is the user flag, `wait_store_msg_ok` the WAIT property.
  MQMessage(const std::string& topic, const std::string& tags, const std::string& keys, int flag,
            const std::string& body, bool wait_store_msg_ok);
  virtual ~MQMessage();
  MQMessage(const MQMessage& other);
  MQMessage& operator=(const MQMessage& other);
  MQMessage(MQMessage&& other) noexcept;
  MQMessage& operator=(MQMessage&& other) noexcept;

  const std::string& getTopic() const;
  void setTopic(const std::string& topic);

  // TAGS property ("" when none). Setting "" removes it.
  std::string getTags() const;
  void setTags(const std::string& tags);
  // KEYS property: keys separated by single spaces ("" when none). Keys are indexed by the
  // broker and can be queried.
  std::string getKeys() const;
  void setKeys(const std::string& keys);
  void setKeys(const std::vector<std::string>& keys);

  // Delay level (DELAY property): 1..18 on a default broker (1s 5s 10s 30s 1m ... 2h); 0 = none.
  int getDelayTimeLevel() const;
  void setDelayTimeLevel(int level);

  // WAIT property (default true): the broker answers only after flush/replication per its
  // configuration.
  bool isWaitStoreMsgOK() const;
  void setWaitStoreMsgOK(bool wait);

  // User flag, carried to consumers untouched.
  int getFlag() const;
  void setFlag(int flag);

  // Body bytes (binary safe).
  const std::string& getBody() const;
  void setBody(const std::string& body);
  void setBody(std::string&& body);
  void setBody(const char* data, size_t len);

  // A property value ("" when absent). Works for system and user properties.
  std::string getProperty(const std::string& name) const;
  // Sets any property, system keys included (official C++ client semantics). Keys and values must
  // not contain the bytes 0x01 or 0x02.
  void putProperty(const std::string& name, const std::string& value);
  // Sets a user property; throws MQClientException when `name` is a system property name
  // (KEYS, TAGS, UNIQ_KEY, ...), or name or value is empty or contains 0x01/0x02 (Java
  // putUserProperty).
  void putUserProperty(const std::string& name, const std::string& value);
  std::string getUserProperty(const std::string& name) const { return getProperty(name); }
  void clearProperty(const std::string& name);
  // Every property, system ones included.
  std::map<std::string, std::string> getProperties() const;
  // Replaces every property.
  void setProperties(const std::map<std::string, std::string>& properties);

  // Transaction id (set by transactional producers; not sent by itself).
  const std::string& getTransactionId() const;
  void setTransactionId(const std::string& id);

  // "Message{topic=..., flag=..., properties={...}, body=<n bytes>}" for logs.
  std::string toString() const;

 protected:
  struct Impl;
  std::unique_ptr<Impl> impl_;

 private:
  friend class MQMessageAccess;
};

}  // namespace rocketmq
