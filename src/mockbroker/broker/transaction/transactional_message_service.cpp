#include "mockbroker/broker/transaction/transactional_message_service.h"

#include <algorithm>
#include <map>
#include <vector>

#include "common/logging.h"
#include "common/message_const.h"
#include "common/response_code.h"
#include "common/string_util.h"
#include "common/time_util.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

namespace {

constexpr int32_t kPullMsgRetryNumber = 1;         // half messages read one at a time
constexpr int64_t kMaxProcessTimeLimitMs = 60000;  // per queue and scan
constexpr int32_t kMaxRetryCountWhenHalfNull = 1;  // unreadable offsets tolerated per scan
constexpr int32_t kOpMessagesPerPull = 32;

// Java getLong / getInt: Long.valueOf / Integer.valueOf, logging and answering -1 when they fail.
int64_t GetLong(const std::string& s) {
  int64_t v = -1;
  if (!ParseJavaInteger(s, &v)) RMQ_LOG(kError) << "GetLong error: " << s;
  return v;
}

int32_t GetInt(const std::string& s) {
  int32_t v = -1;
  if (!ParseJavaInteger(s, &v)) RMQ_LOG(kError) << "GetInt error: " << s;
  return v;
}

// The immunity of a message with CHECK_IMMUNITY_TIME_IN_SECONDS (seconds → ms; unparsable: the
// broker's transaction timeout).
int64_t GetImmunityTime(const std::string& seconds, int64_t transaction_timeout_ms) {
  int64_t v = GetLong(seconds);
  return v == -1 ? transaction_timeout_ms : v * 1000;
}

// The op queue offset up to which every op record has been used.
int64_t CalculateOpOffset(std::vector<int64_t> done, int64_t old_offset) {
  std::sort(done.begin(), done.end());
  int64_t next = old_offset;
  for (int64_t d : done) {
    if (d != next) break;
    ++next;
  }
  return next;
}

// Java fillOpRemoveMap: reads up to 32 op records from `pull_offset`; each names a half offset
// that is done. Those below `mini_offset` were already passed by the half offset (their op
// offsets are simply done); the others go to `remove_map` (half offset → op offset).
TransPullResult FillOpRemoveMap(TransactionalMessageBridge* bridge,
                                std::map<int64_t, int64_t>* remove_map, int32_t queue_id,
                                int64_t pull_offset, int64_t mini_offset,
                                std::vector<int64_t>* done) {
  TransPullResult pull = bridge->GetOpMessage(queue_id, pull_offset, kOpMessagesPerPull);
  if (pull.status == TransPullStatus::kOffsetIllegal ||
      pull.status == TransPullStatus::kNoMatchedMsg) {
    RMQ_LOG(kDebug) << "The miss op offset=" << pull_offset << " in queue=" << queue_id
                    << " is illegal, next=" << pull.next_begin_offset;
    bridge->UpdateConsumeOffset(kTransOpHalfTopic, queue_id, pull.next_begin_offset);
    return pull;
  }
  if (pull.status == TransPullStatus::kNoNewMsg) return pull;
  for (const MessageExt& op : pull.msgs) {
    const int64_t half_offset = GetLong(op.body());
    if (op.tags() == kTransRemoveTag) {
      if (half_offset < mini_offset) {
        done->push_back(op.queue_offset());
      } else {
        (*remove_map)[half_offset] = op.queue_offset();
      }
    } else {
      RMQ_LOG(kError) << "Found a illegal tag in op message, queueOffset=" << op.queue_offset()
                      << " tags=" << op.tags();
    }
  }
  return pull;
}

}  // namespace

TransactionalMessageService::TransactionalMessageService(BrokerController* controller)
    : controller_(controller), bridge_(controller) {}

HalfMessageLookup TransactionalMessageService::GetHalfMessageByOffset(int64_t commit_log_offset) {
  HalfMessageLookup r;
  Result<MessageExt> msg = bridge_.LookMessageByOffset(commit_log_offset);
  if (msg.ok()) {
    r.code = ResponseCode::kSuccess;
    r.prepare_message = std::move(*msg);
  } else {
    r.code = ResponseCode::kSystemError;
    r.remark = "Find prepared transaction message failed";
  }
  return r;
}

bool TransactionalMessageService::DeletePrepareMessage(const MessageExt& half) {
  if (bridge_.PutOpMessage(half)) return true;
  RMQ_LOG(kError) << "Transaction op message write failed. messageId is " << half.msg_id()
                  << ", queueId is " << half.queue_id();
  return false;
}

void TransactionalMessageService::Check(int64_t transaction_timeout_ms,
                                        int32_t transaction_check_max,
                                        TransactionCheckListener* listener) {
  std::vector<int32_t> queues = bridge_.FetchMessageQueues(kTransHalfTopic);
  if (queues.empty()) {
    RMQ_LOG(kWarn) << "The queue of topic is empty :" << kTransHalfTopic;
    return;
  }
  for (int32_t queue_id : queues) {
    if (stopping_) return;
    CheckQueue(queue_id, transaction_timeout_ms, transaction_check_max, listener);
  }
}

void TransactionalMessageService::CheckQueue(int32_t queue_id, int64_t transaction_timeout_ms,
                                             int32_t transaction_check_max,
                                             TransactionCheckListener* listener) {
  const int64_t start = NowMillis();
  const int64_t half_offset = bridge_.FetchConsumeOffset(kTransHalfTopic, queue_id);
  const int64_t op_offset = bridge_.FetchConsumeOffset(kTransOpHalfTopic, queue_id);
  if (half_offset < 0 || op_offset < 0) {
    RMQ_LOG(kError) << "MessageQueue: " << queue_id << " illegal offset read: " << half_offset
                    << ", op offset: " << op_offset << ",skip this queue";
    return;
  }
  std::vector<int64_t> done_op_offset;
  std::map<int64_t, int64_t> remove_map;
  TransPullResult pull =
      FillOpRemoveMap(&bridge_, &remove_map, queue_id, op_offset, half_offset, &done_op_offset);
  int32_t get_message_null_count = 1;
  int64_t new_offset = half_offset;
  int64_t i = half_offset;
  const int64_t file_reserved_ms =
      static_cast<int64_t>(controller_->store_config().fileReservedTime) * 3600LL * 1000LL;
  while (!stopping_) {
    if (NowMillis() - start > kMaxProcessTimeLimitMs) {
      RMQ_LOG(kInfo) << "Queue=" << queue_id
                     << " process time reach max=" << kMaxProcessTimeLimitMs;
      break;
    }
    auto removed = remove_map.find(i);
    if (removed != remove_map.end()) {
      done_op_offset.push_back(removed->second);
      remove_map.erase(removed);
    } else {
      TransPullResult got = bridge_.GetHalfMessage(queue_id, i, kPullMsgRetryNumber);
      if (got.msgs.empty()) {
        if (get_message_null_count++ > kMaxRetryCountWhenHalfNull) break;
        if (got.status == TransPullStatus::kNoNewMsg) break;
        i = got.next_begin_offset;
        new_offset = i;
        continue;
      }
      MessageExt msg = std::move(got.msgs.front());
      // needDiscard (bumps TRANSACTION_CHECK_TIMES in `msg`) || needSkip.
      int32_t check_times = 1;
      bool discard = false;
      if (const std::string* times = msg.properties().Find(kPropertyTransactionCheckTimes)) {
        check_times = GetInt(*times);
        if (check_times >= transaction_check_max) {
          discard = true;
        } else {
          ++check_times;
        }
      }
      if (!discard) msg.PutProperty(kPropertyTransactionCheckTimes, std::to_string(check_times));
      if (!discard && NowMillis() - msg.born_timestamp() > file_reserved_ms) {
        RMQ_LOG(kInfo) << "Half message exceed file reserved time ,so skip it.messageId "
                       << msg.msg_id() << ",bornTime " << msg.born_timestamp();
        discard = true;
      }
      if (discard) {
        listener->ResolveDiscardMsg(msg);
        new_offset = ++i;
        continue;
      }
      if (msg.store_timestamp() >= start) break;  // fresh: check it next time

      const int64_t age = NowMillis() - msg.born_timestamp();
      int64_t immunity = transaction_timeout_ms;
      if (const std::string* s = msg.properties().Find(kPropertyCheckImmunityTimeInSeconds)) {
        immunity = GetImmunityTime(*s, transaction_timeout_ms);
        if (age < immunity) {
          // Java checkPrepareQueueOffset: true = the message needs nothing more in this scan.
          bool skip;
          const std::string* prepared =
              msg.properties().Find(kPropertyTransactionPreparedQueueOffset);
          if (prepared == nullptr) {
            skip = bridge_.PutImmunityHalfMessageBack(&msg);
          } else {
            const int64_t prepared_offset = GetLong(*prepared);
            auto it = prepared_offset == -1 ? remove_map.end() : remove_map.find(prepared_offset);
            if (prepared_offset == -1) {
              skip = false;
            } else if (it != remove_map.end()) {
              done_op_offset.push_back(it->second);
              remove_map.erase(it);
              skip = true;
            } else {
              skip = bridge_.PutImmunityHalfMessageBack(&msg);
            }
          }
          if (skip) {
            new_offset = ++i;
            continue;
          }
        }
      } else if (age >= 0 && age < immunity) {
        break;  // new arrived: check it later
      }
      const bool ops_found = pull.status == TransPullStatus::kFound && !pull.msgs.empty();
      const bool need_check =
          (!ops_found && age > immunity) ||
          (ops_found && pull.msgs.back().born_timestamp() - start > transaction_timeout_ms) ||
          age <= -1;
      if (!need_check) {
        pull = FillOpRemoveMap(&bridge_, &remove_map, queue_id, pull.next_begin_offset, half_offset,
                               &done_op_offset);
        continue;
      }
      // putBackHalfMsgQueue: the check refers to the re-appended copy.
      store::PutMessageResult put = bridge_.PutBackHalfMessage(msg);
      if (!put.IsOk()) {
        RMQ_LOG(kError) << "PutBackToHalfQueueReturnResult write failed, topic: " << msg.topic()
                        << ", queueId: " << msg.queue_id() << ", msgId: " << msg.msg_id();
        continue;
      }
      msg.set_queue_offset(put.append.logics_offset);
      msg.set_commit_log_offset(put.append.wrote_offset);
      msg.set_msg_id(put.append.msg_id);
      msg.set_offset_msg_id(put.append.msg_id);
      listener->ResolveHalfMsg(std::move(msg));
    }
    new_offset = ++i;
  }
  if (new_offset != half_offset) {
    bridge_.UpdateConsumeOffset(kTransHalfTopic, queue_id, new_offset);
  }
  const int64_t new_op_offset = CalculateOpOffset(std::move(done_op_offset), op_offset);
  if (new_op_offset != op_offset) {
    bridge_.UpdateConsumeOffset(kTransOpHalfTopic, queue_id, new_op_offset);
  }
}

}  // namespace rocketmq::broker
