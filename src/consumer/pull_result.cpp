#include "consumer/pull_result.h"

#include <algorithm>

#include "common/message_const.h"
#include "common/message_decoder.h"

namespace rocketmq::consumer {

Status ProcessPullResult(const MessageQueue& mq, const SubscriptionData& subscription,
                         PullResult* result) {
  std::string binary = std::move(result->message_binary);
  result->message_binary.clear();
  if (result->status != PullStatus::kFound) return Status::OK();
  MessageDecodeOptions options;
  options.decompress_body = true;
  Result<std::vector<MessageExt>> decoded = DecodeStoredMessages(binary, options);
  if (!decoded.ok()) return decoded.status();
  const bool filter = !subscription.tags_set.empty() && !subscription.class_filter_mode;
  const std::string min = std::to_string(result->min_offset);
  const std::string max = std::to_string(result->max_offset);
  result->msg_found_list.clear();
  result->msg_found_list.reserve(decoded->size());
  for (MessageExt& msg : *decoded) {
    if (filter) {
      const std::string tags = msg.tags();
      if (tags.empty() || std::find(subscription.tags_set.begin(), subscription.tags_set.end(),
                                    tags) == subscription.tags_set.end()) {
        continue;
      }
    }
    if (msg.transaction_prepared()) msg.set_transaction_id(msg.unique_key());
    msg.PutProperty(kPropertyMinOffset, min);
    msg.PutProperty(kPropertyMaxOffset, max);
    msg.set_broker_name(mq.broker_name);
    msg.set_msg_id(msg.ClientMsgId());
    result->msg_found_list.push_back(std::make_shared<MessageExt>(std::move(msg)));
  }
  return Status::OK();
}

}  // namespace rocketmq::consumer
