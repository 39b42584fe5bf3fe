// TransactionalMessageBridge: how the transaction machinery reads and writes the store (Java
// TransactionalMessageBridge, 4.9.x). Half messages live in RMQ_SYS_TRANS_HALF_TOPIC, the "op"
// records that mark a half message done (tag "d", body = its queue offset) in
// RMQ_SYS_TRANS_OP_HALF_TOPIC under the same queue id, and the check progress of both is kept as
// consumer offsets of the system group CID_SYS_RMQ_TRANS.
//
// Every record is built with the fields and the property order (java.util.HashMap) the Java
// broker writes. Owned by TransactionalMessageService; stateless apart from the controller
// pointer, so any thread may call it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/message_ext.h"
#include "common/status.h"
#include "mockbroker/store/store_types.h"

namespace rocketmq::broker {

class BrokerController;

inline constexpr char kTransConsumerGroup[] = "CID_SYS_RMQ_TRANS";
inline constexpr char kTransRemoveTag[] = "d";

// Java PullStatus, as the bridge maps a store read.
enum class TransPullStatus { kFound, kNoNewMsg, kNoMatchedMsg, kOffsetIllegal };

// Java PullResult of a bridge read.
struct TransPullResult {
  TransPullStatus status = TransPullStatus::kNoNewMsg;
  int64_t next_begin_offset = 0;
  int64_t min_offset = 0;
  int64_t max_offset = 0;
  std::vector<MessageExt> msgs;  // empty unless kFound (Java: msgFoundList == null)
};

class TransactionalMessageBridge {
 public:
  explicit TransactionalMessageBridge(BrokerController* controller) : controller_(controller) {}

  // The check progress of a half/op queue: the CID_SYS_RMQ_TRANS offset, or the queue's min
  // offset when none was committed yet.
  int64_t FetchConsumeOffset(const std::string& topic, int32_t queue_id);
  void UpdateConsumeOffset(const std::string& topic, int32_t queue_id, int64_t offset);
  // Queue ids 0..readQueueNums-1 of `topic`, creating the topic (1 queue, read-write) if absent.
  std::vector<int32_t> FetchMessageQueues(const std::string& topic);

  // Up to `nums` records of a half / op queue from `offset`, decoded (bodies as stored).
  TransPullResult GetHalfMessage(int32_t queue_id, int64_t offset, int32_t nums);
  TransPullResult GetOpMessage(int32_t queue_id, int64_t offset, int32_t nums);

  // The record at a CommitLog offset; NotFound / Corruption when there is none.
  Result<MessageExt> LookMessageByOffset(int64_t commit_log_offset);

  // Java renewHalfMessageInner: a copy of a half message to append again at the queue's end
  // (topic, queue, body, sysFlag, born time/host kept; flag and reconsumeTimes reset to 0;
  // properties re-encoded in HashMap order).
  store::PutMessageResult PutBackHalfMessage(const MessageExt& half);
  // Java renewImmunityHalfMessageInner + putMessage: as PutBackHalfMessage, with
  // TRAN_PREPARED_QUEUE_OFFSET set to the first queue offset of the half message (added to
  // `half` too, as Java's shared property map does). True on PUT_OK.
  bool PutImmunityHalfMessageBack(MessageExt* half);
  // Java putOpMessage(REMOVETAG): appends the op record that marks `half` done. True on PUT_OK.
  bool PutOpMessage(const MessageExt& half);

  // Appends `msg` with `raw_properties` as its stored properties string, without waiting for a
  // flush (Java's waitStoreMsgOK=false).
  store::PutMessageResult PutRaw(MessageExt msg, std::string raw_properties);

 private:
  TransPullResult GetMessage(const std::string& topic, int32_t queue_id, int64_t offset,
                             int32_t nums);

  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
