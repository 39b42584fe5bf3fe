// The outcome of one PULL_MESSAGE (Java PullResult / PullResultExt) and how the client turns the
// raw response into messages (Java PullAPIWrapper.processPullResult, protocol.md §2.5). The
// response code mapping is ClientApi::ProcessPullResponse.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "client/client_api.h"
#include "common/message_queue.h"
#include "common/model/heartbeat_data.h"
#include "common/status.h"
#include "consumer/process_queue.h"

namespace rocketmq::consumer {

using client::PullStatus;
using client::PullStatusName;

struct PullResult {
  PullStatus status = PullStatus::kNoNewMsg;
  int64_t next_begin_offset = 0;
  int64_t min_offset = 0;
  int64_t max_offset = 0;
  std::vector<MessageExtPtr> msg_found_list;  // filled by ProcessPullResult
  // Raw response parts, consumed by ProcessPullResult.
  int64_t suggest_which_broker_id = 0;
  std::string message_binary;
};

// For a FOUND result: decodes the stored records of message_binary (decompressing bodies),
// keeps only messages whose TAGS are in the subscription's tag set (when it has one and is not
// a class filter: the broker filters by tag hash code only), and on each kept message sets
// MIN_OFFSET / MAX_OFFSET from the result, the broker name of `mq`, the transaction id (UNIQ_KEY)
// of transaction messages, and msg_id to the client message id (UNIQ_KEY when present, as Java's
// MessageClientExt). The binary is released in every case. Corruption if a record is bad.
Status ProcessPullResult(const MessageQueue& mq, const SubscriptionData& subscription,
                         PullResult* result);

}  // namespace rocketmq::consumer
