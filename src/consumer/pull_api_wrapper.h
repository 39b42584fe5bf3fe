// PullApiWrapper: sends PULL_MESSAGE for a consumer (Java PullAPIWrapper): picks the broker node
// to read each queue from - the node the last pull response suggested (suggestWhichBrokerId),
// a slave when the master is absent from the route (protocol.md §8.2) - clears the commit-offset
// flag when that node is a slave, and turns responses into PullResults (decoding, client-side tag
// filter, MIN/MAX_OFFSET properties).
//
// Thread-safe. Owned by one consumer; borrows the ClientInstance.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "client/client_instance.h"
#include "consumer/pull_result.h"

namespace rocketmq::consumer {

// One pull's parameters (the PullMessageRequestHeader fields the caller chooses).
struct PullParams {
  MessageQueue mq;
  std::string sub_expression;  // sent only when has_subscription
  bool has_subscription = false;
  std::string expression_type = kExpressionTypeTag;
  int64_t sub_version = 0;
  int64_t offset = 0;
  int32_t max_nums = 32;
  int32_t sys_flag = 0;
  int64_t commit_offset = 0;
  int64_t broker_suspend_max_time_ms = 0;
  int64_t timeout_ms = 0;
};

class PullApiWrapper {
 public:
  using Callback = std::function<void(Result<PullResult>)>;

  PullApiWrapper(client::ClientInstance* instance, std::string consumer_group);

  // The broker id to read `mq` from next (0 = master until a response suggests otherwise).
  int64_t RecalculatePullFromWhichNode(const MessageQueue& mq) const;
  void UpdatePullFromWhichNode(const MessageQueue& mq, int64_t broker_id);

  // Sends the pull; `callback` runs once on a remoting callback thread (or at once on a local
  // error such as an unknown broker). The result is not yet processed (see ProcessPullResult).
  void PullAsync(const PullParams& params, Callback callback);
  // The same, blocking.
  Result<PullResult> PullSync(const PullParams& params);

  // ProcessPullResult plus remembering the suggested node.
  Status ProcessPullResult(const MessageQueue& mq, const SubscriptionData& subscription,
                           PullResult* result);

 private:
  // The address and the request header for `params`; NotFound when the broker is unknown.
  Result<std::string> Prepare(const PullParams& params, client::PullMessageRequestHeader* header);

  client::ClientInstance* const instance_;
  const std::string group_;
  mutable std::mutex mu_;
  std::map<MessageQueue, int64_t> pull_from_which_node_;  // guarded by mu_
};

}  // namespace rocketmq::consumer
