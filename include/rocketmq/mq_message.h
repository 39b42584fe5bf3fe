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
  // The topic from `len` bytes at `topic` (official C++ client).
  void setTopic(const char* topic, int len) { setTopic(std::string(topic, len > 0 ? len : 0)); }

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
  // Official C++ client name of putProperty().
  void setProperty(const std::string& name, const std::string& value) { putProperty(name, value); }
  // Every property, system ones included.
  std::map<std::string, std::string> getProperties() const;
  // Replaces every property.
  void setProperties(const std::map<std::string, std::string>& properties);

  // Transaction id (set by transactional producers; not sent by itself).
  const std::string& getTransactionId() const;
  void setTransactionId(const std::string& id);

  // System flag (compression, transaction type); set by the library when sending.
  int getSysFlag() const;
  void setSysFlag(int flag);

  // "Message{topic=..., flag=..., properties={...}, body=<n bytes>}" for logs.
  std::string toString() const;

  // Property names of the official C++ client (the Java MessageConst keys).
  static inline const std::string PROPERTY_KEYS{"KEYS"};
  static inline const std::string PROPERTY_TAGS{"TAGS"};
  static inline const std::string PROPERTY_WAIT_STORE_MSG_OK{"WAIT"};
  static inline const std::string PROPERTY_DELAY_TIME_LEVEL{"DELAY"};
  static inline const std::string PROPERTY_RETRY_TOPIC{"RETRY_TOPIC"};
  static inline const std::string PROPERTY_REAL_TOPIC{"REAL_TOPIC"};
  static inline const std::string PROPERTY_REAL_QUEUE_ID{"REAL_QID"};
  static inline const std::string PROPERTY_TRANSACTION_PREPARED{"TRAN_MSG"};
  static inline const std::string PROPERTY_PRODUCER_GROUP{"PGROUP"};
  static inline const std::string PROPERTY_MIN_OFFSET{"MIN_OFFSET"};
  static inline const std::string PROPERTY_MAX_OFFSET{"MAX_OFFSET"};
  static inline const std::string PROPERTY_BUYER_ID{"BUYER_ID"};
  static inline const std::string PROPERTY_ORIGIN_MESSAGE_ID{"ORIGIN_MESSAGE_ID"};
  static inline const std::string PROPERTY_TRANSFER_FLAG{"TRANSFER_FLAG"};
  static inline const std::string PROPERTY_CORRECTION_FLAG{"CORRECTION_FLAG"};
  static inline const std::string PROPERTY_MQ2_FLAG{"MQ2_FLAG"};
  static inline const std::string PROPERTY_RECONSUME_TIME{"RECONSUME_TIME"};
  static inline const std::string PROPERTY_MSG_REGION{"MSG_REGION"};
  static inline const std::string PROPERTY_TRACE_SWITCH{"TRACE_ON"};
  static inline const std::string PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX{"UNIQ_KEY"};
  static inline const std::string PROPERTY_MAX_RECONSUME_TIMES{"MAX_RECONSUME_TIMES"};
  static inline const std::string PROPERTY_CONSUME_START_TIMESTAMP{"CONSUME_START_TIME"};
  static inline const std::string PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET{
      "TRAN_PREPARED_QUEUE_OFFSET"};
  static inline const std::string PROPERTY_TRANSACTION_CHECK_TIMES{"TRANSACTION_CHECK_TIMES"};
  static inline const std::string PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS{
      "CHECK_IMMUNITY_TIME_IN_SECONDS"};
  static inline const std::string KEY_SEPARATOR{" "};

 protected:
  struct Impl;
  std::unique_ptr<Impl> impl_;

 private:
  friend class MQMessageAccess;
};

}  // namespace rocketmq
