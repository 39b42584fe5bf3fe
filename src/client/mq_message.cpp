// Implementation of the public message types (include/rocketmq/mq_message.h, mq_message_ext.h).
#include "rocketmq/mq_message.h"

#include <sstream>

#include "client/message_access.h"
#include "rocketmq/mq_exception.h"

namespace rocketmq {

MQMessage::MQMessage() : impl_(std::make_unique<Impl>()) { impl_->msg.set_wait_store_msg_ok(true); }

MQMessage::MQMessage(const std::string& topic, const std::string& body)
    : MQMessage(topic, "", "", body) {}

MQMessage::MQMessage(const std::string& topic, const std::string& tags, const std::string& body)
    : MQMessage(topic, tags, "", body) {}

MQMessage::MQMessage(const std::string& topic, const std::string& tags, const std::string& keys,
                     const std::string& body)
    : impl_(std::make_unique<Impl>()) {
  static_cast<Message&>(impl_->msg) = Message(topic, tags, keys, body);
}

MQMessage::MQMessage(const std::string& topic, const std::string& tags, const std::string& keys,
                     int flag, const std::string& body, bool wait_store_msg_ok)
    : MQMessage(topic, tags, keys, body) {
  impl_->msg.set_flag(flag);
  impl_->msg.set_wait_store_msg_ok(wait_store_msg_ok);
}

MQMessage::~MQMessage() = default;
MQMessage::MQMessage(const MQMessage& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
MQMessage& MQMessage::operator=(const MQMessage& other) {
  if (this != &other) *impl_ = *other.impl_;
  return *this;
}
MQMessage::MQMessage(MQMessage&& other) noexcept : impl_(std::make_unique<Impl>()) {
  impl_.swap(other.impl_);
}
MQMessage& MQMessage::operator=(MQMessage&& other) noexcept {
  impl_.swap(other.impl_);
  return *this;
}

const std::string& MQMessage::getTopic() const { return impl_->msg.topic(); }
void MQMessage::setTopic(const std::string& topic) { impl_->msg.set_topic(topic); }
std::string MQMessage::getTags() const { return impl_->msg.tags(); }
void MQMessage::setTags(const std::string& tags) { impl_->msg.set_tags(tags); }
std::string MQMessage::getKeys() const { return impl_->msg.keys(); }
void MQMessage::setKeys(const std::string& keys) { impl_->msg.set_keys(keys); }
void MQMessage::setKeys(const std::vector<std::string>& keys) { impl_->msg.set_keys(keys); }
int MQMessage::getDelayTimeLevel() const { return impl_->msg.delay_time_level(); }
void MQMessage::setDelayTimeLevel(int level) { impl_->msg.set_delay_time_level(level); }
bool MQMessage::isWaitStoreMsgOK() const { return impl_->msg.wait_store_msg_ok(); }
void MQMessage::setWaitStoreMsgOK(bool wait) { impl_->msg.set_wait_store_msg_ok(wait); }
int MQMessage::getFlag() const { return impl_->msg.flag(); }
void MQMessage::setFlag(int flag) { impl_->msg.set_flag(flag); }
const std::string& MQMessage::getBody() const { return impl_->msg.body(); }
void MQMessage::setBody(const std::string& body) { impl_->msg.set_body(body); }
void MQMessage::setBody(std::string&& body) { impl_->msg.set_body(std::move(body)); }
void MQMessage::setBody(const char* data, size_t len) {
  impl_->msg.set_body(std::string(data, len));
}
std::string MQMessage::getProperty(const std::string& name) const {
  return impl_->msg.GetProperty(name);
}
void MQMessage::putProperty(const std::string& name, const std::string& value) {
  impl_->msg.PutProperty(name, value);
}
void MQMessage::putUserProperty(const std::string& name, const std::string& value) {
  Status st = impl_->msg.PutUserProperty(name, value);
  if (!st.ok()) throw MQClientException(st.message(), st.code());
}
void MQMessage::clearProperty(const std::string& name) { impl_->msg.ClearProperty(name); }
std::map<std::string, std::string> MQMessage::getProperties() const {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : impl_->msg.properties()) out[k] = v;
  return out;
}
void MQMessage::setProperties(const std::map<std::string, std::string>& properties) {
  MessageProperties props;
  for (const auto& [k, v] : properties) props.Set(k, v);
  impl_->msg.set_properties(std::move(props));
}
const std::string& MQMessage::getTransactionId() const { return impl_->msg.transaction_id(); }
void MQMessage::setTransactionId(const std::string& id) { impl_->msg.set_transaction_id(id); }

std::string MQMessage::toString() const {
  std::ostringstream out;
  out << "Message{topic=" << getTopic() << ", flag=" << getFlag() << ", properties={";
  bool first = true;
  for (const auto& [k, v] : impl_->msg.properties()) {
    out << (first ? "" : ", ") << k << "=" << v;
    first = false;
  }
  out << "}, body=" << getBody().size() << " bytes}";
  return out.str();
}

// ---- MQMessageExt ----

MQMessageExt::MQMessageExt() { impl_->msg.ClearProperty(kPropertyWaitStoreMsgOk); }
MQMessageExt::~MQMessageExt() = default;

int MQMessageExt::getQueueId() const { return impl_->msg.queue_id(); }
void MQMessageExt::setQueueId(int id) { impl_->msg.set_queue_id(id); }
int64_t MQMessageExt::getQueueOffset() const { return impl_->msg.queue_offset(); }
void MQMessageExt::setQueueOffset(int64_t offset) { impl_->msg.set_queue_offset(offset); }
int64_t MQMessageExt::getCommitLogOffset() const { return impl_->msg.commit_log_offset(); }
void MQMessageExt::setCommitLogOffset(int64_t offset) { impl_->msg.set_commit_log_offset(offset); }
int MQMessageExt::getStoreSize() const { return impl_->msg.store_size(); }
void MQMessageExt::setStoreSize(int size) { impl_->msg.set_store_size(size); }
int MQMessage::getSysFlag() const { return impl_->msg.sys_flag(); }
void MQMessage::setSysFlag(int flag) { impl_->msg.set_sys_flag(flag); }
int MQMessageExt::getBodyCRC() const { return impl_->msg.body_crc(); }
void MQMessageExt::setBodyCRC(int crc) { impl_->msg.set_body_crc(crc); }
int MQMessageExt::getReconsumeTimes() const { return impl_->msg.reconsume_times(); }
void MQMessageExt::setReconsumeTimes(int times) { impl_->msg.set_reconsume_times(times); }
int64_t MQMessageExt::getPreparedTransactionOffset() const {
  return impl_->msg.prepared_transaction_offset();
}
void MQMessageExt::setPreparedTransactionOffset(int64_t offset) {
  impl_->msg.set_prepared_transaction_offset(offset);
}
int64_t MQMessageExt::getBornTimestamp() const { return impl_->msg.born_timestamp(); }
void MQMessageExt::setBornTimestamp(int64_t ms) { impl_->msg.set_born_timestamp(ms); }
int64_t MQMessageExt::getStoreTimestamp() const { return impl_->msg.store_timestamp(); }
void MQMessageExt::setStoreTimestamp(int64_t ms) { impl_->msg.set_store_timestamp(ms); }
std::string MQMessageExt::getBornHostString() const { return impl_->msg.born_host().ToString(); }
std::string MQMessageExt::getStoreHostString() const { return impl_->msg.store_host().ToString(); }
std::string MQMessageExt::getMsgId() const { return impl_->msg.ClientMsgId(); }
void MQMessageExt::setMsgId(const std::string& id) { impl_->msg.set_msg_id(id); }
std::string MQMessageExt::getOffsetMsgId() const { return impl_->msg.offset_msg_id(); }
void MQMessageExt::setOffsetMsgId(const std::string& id) { impl_->msg.set_offset_msg_id(id); }
std::string MQMessageExt::getBrokerName() const { return impl_->msg.broker_name(); }
void MQMessageExt::setBrokerName(const std::string& name) { impl_->msg.set_broker_name(name); }

std::string MQMessageExt::toString() const {
  std::ostringstream out;
  out << "MessageExt [brokerName=" << getBrokerName() << ", queueId=" << getQueueId()
      << ", storeSize=" << getStoreSize() << ", queueOffset=" << getQueueOffset()
      << ", sysFlag=" << getSysFlag() << ", bornTimestamp=" << getBornTimestamp()
      << ", bornHost=" << getBornHostString() << ", storeTimestamp=" << getStoreTimestamp()
      << ", storeHost=" << getStoreHostString() << ", msgId=" << getMsgId()
      << ", commitLogOffset=" << getCommitLogOffset() << ", bodyCRC=" << getBodyCRC()
      << ", reconsumeTimes=" << getReconsumeTimes()
      << ", preparedTransactionOffset=" << getPreparedTransactionOffset()
      << ", toString()=" << MQMessage::toString() << "]";
  return out.str();
}

}  // namespace rocketmq
