// SendResult and SendStatus: what a successful send returns (Java SendResult).
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "mq_message_queue.h"

namespace rocketmq {

// The message is stored on the master in every status; the non-OK ones say what did not
// happen in time (flush to disk, replication to the slave).
enum SendStatus {
  SEND_OK = 0,
  SEND_FLUSH_DISK_TIMEOUT = 1,
  SEND_FLUSH_SLAVE_TIMEOUT = 2,
  SEND_SLAVE_NOT_AVAILABLE = 3,
  // Java names of the same values.
  FLUSH_DISK_TIMEOUT = SEND_FLUSH_DISK_TIMEOUT,
  FLUSH_SLAVE_TIMEOUT = SEND_FLUSH_SLAVE_TIMEOUT,
  SLAVE_NOT_AVAILABLE = SEND_SLAVE_NOT_AVAILABLE,
};

// "SEND_OK", "FLUSH_DISK_TIMEOUT", "FLUSH_SLAVE_TIMEOUT", "SLAVE_NOT_AVAILABLE".
const char* SendStatusName(SendStatus status);

class SendResult {
 public:
  SendResult() = default;
  SendResult(SendStatus status, std::string msg_id, std::string offset_msg_id, MQMessageQueue queue,
             int64_t queue_offset)
      : status_(status),
        msg_id_(std::move(msg_id)),
        offset_msg_id_(std::move(offset_msg_id)),
        queue_(std::move(queue)),
        queue_offset_(queue_offset) {}
  // With the broker's region (official C++ client).
  SendResult(SendStatus status, std::string msg_id, std::string offset_msg_id, MQMessageQueue queue,
             int64_t queue_offset, std::string region_id)
      : SendResult(status, std::move(msg_id), std::move(offset_msg_id), std::move(queue),
                   queue_offset) {
    region_id_ = std::move(region_id);
  }

  SendStatus getSendStatus() const { return status_; }
  // The client-side unique id (UNIQ_KEY); for a batch, the ids of its messages joined by ','.
  const std::string& getMsgId() const { return msg_id_; }
  // The broker's offset message id(s), joined by ',' for a batch.
  const std::string& getOffsetMsgId() const { return offset_msg_id_; }
  // The queue the message went to (topic without namespace).
  const MQMessageQueue& getMessageQueue() const { return queue_; }
  // Logical offset of the (first) message in that queue.
  int64_t getQueueOffset() const { return queue_offset_; }
  // Transaction id the broker reported (5.x brokers: the UNIQ_KEY), "" otherwise.
  const std::string& getTransactionId() const { return transaction_id_; }
  void setTransactionId(const std::string& id) { transaction_id_ = id; }
  // The broker's region (MSG_REGION), "DefaultRegion" when it sent none.
  const std::string& getRegionId() const { return region_id_; }
  void setRegionId(const std::string& id) { region_id_ = id; }
  // The broker's TRACE_ON flag (true unless it said "false").
  bool isTraceOn() const { return trace_on_; }
  void setTraceOn(bool on) { trace_on_ = on; }

  // Java's format: "SendResult [sendStatus=SEND_OK, msgId=..., offsetMsgId=...,
  // messageQueue=MessageQueue [...], queueOffset=0]".
  std::string toString() const;

 private:
  SendStatus status_ = SEND_OK;
  std::string msg_id_;
  std::string offset_msg_id_;
  MQMessageQueue queue_;
  int64_t queue_offset_ = 0;
  std::string transaction_id_;
  std::string region_id_ = "DefaultRegion";
  bool trace_on_ = true;
};

}  // namespace rocketmq
