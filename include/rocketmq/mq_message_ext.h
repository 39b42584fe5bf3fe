// MQMessageExt: a message as stored by a broker (Java MessageExt): an MQMessage plus where and
// when it was stored. Consumers receive these; queryMessage/viewMessage return them.
#pragma once

#include <cstdint>
#include <string>

#include "mq_message.h"

namespace rocketmq {

class MQMessageExt : public MQMessage {
 public:
  MQMessageExt();
  ~MQMessageExt() override;
  MQMessageExt(const MQMessageExt& other) = default;
  MQMessageExt& operator=(const MQMessageExt& other) = default;
  MQMessageExt(MQMessageExt&& other) noexcept = default;
  MQMessageExt& operator=(MQMessageExt&& other) noexcept = default;

  int getQueueId() const;
  void setQueueId(int id);
  // Logical offset inside the consume queue.
  int64_t getQueueOffset() const;
  void setQueueOffset(int64_t offset);
  // Physical offset of the record in the broker's CommitLog.
  int64_t getCommitLogOffset() const;
  void setCommitLogOffset(int64_t offset);
  // Size of the stored record, bytes.
  int getStoreSize() const;
  void setStoreSize(int size);
  int getBodyCRC() const;
  void setBodyCRC(int crc);
  int getReconsumeTimes() const;
  void setReconsumeTimes(int times);
  int64_t getPreparedTransactionOffset() const;
  void setPreparedTransactionOffset(int64_t offset);
  // Producer clock when sent, epoch ms.
  int64_t getBornTimestamp() const;
  void setBornTimestamp(int64_t ms);
  // Broker clock when stored, epoch ms.
  int64_t getStoreTimestamp() const;
  void setStoreTimestamp(int64_t ms);
  // "ip:port" of the producer / of the broker that stored the message.
  std::string getBornHostString() const;
  std::string getStoreHostString() const;
  // The client id (UNIQ_KEY) when present, else the offset message id (Java getMsgId()).
  std::string getMsgId() const;
  void setMsgId(const std::string& id);
  // The broker's id of the stored record: store host + CommitLog offset, 32 hex chars (IPv4).
  std::string getOffsetMsgId() const;
  void setOffsetMsgId(const std::string& id);
  // Broker group the message was read from ("" when unknown).
  std::string getBrokerName() const;
  void setBrokerName(const std::string& name);

  std::string toString() const;
};

}  // namespace rocketmq
