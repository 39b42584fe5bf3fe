#include "consumer/consumer_broker_ops.h"

#include <ctime>

#include "common/logging.h"

namespace rocketmq::consumer {

ConsumerBrokerOps::ConsumerBrokerOps(client::ClientInstance* instance, std::string group,
                                     ConsumeFromWhere consume_from_where,
                                     std::string consume_timestamp, int64_t timeout_ms)
    : instance_(instance),
      group_(std::move(group)),
      consume_from_where_(consume_from_where),
      consume_timestamp_(std::move(consume_timestamp)),
      timeout_ms_(timeout_ms) {}

int64_t ConsumerBrokerOps::ParseTimestamp(const std::string& text) {
  std::tm tm{};
  if (text.size() != 14 || strptime(text.c_str(), "%Y%m%d%H%M%S", &tm) == nullptr) return -1;
  tm.tm_isdst = -1;
  const time_t t = mktime(&tm);
  return t < 0 ? -1 : static_cast<int64_t>(t) * 1000;
}

std::string ConsumerBrokerOps::FormatTimestamp(int64_t epoch_ms) {
  const time_t t = static_cast<time_t>(epoch_ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof(buf), "%Y%m%d%H%M%S", &tm);
  return buf;
}

Result<std::string> ConsumerBrokerOps::Address(const MessageQueue& mq, bool only_master_first) {
  std::optional<client::FindBrokerResult> found =
      instance_->FindBrokerAddressInSubscribe(mq.broker_name, 0, only_master_first);
  if (!found) {
    instance_->UpdateTopicRouteInfoFromNameServer(mq.topic);
    found = instance_->FindBrokerAddressInSubscribe(mq.broker_name, 0, false);
  }
  if (!found) return Status::NotFound("The broker[" + mq.broker_name + "] not exist");
  return found->broker_addr;
}

Result<int64_t> ConsumerBrokerOps::QueryConsumerOffset(const std::string& group,
                                                       const MessageQueue& mq) {
  Result<std::string> addr = Address(mq, true);
  if (!addr.ok()) return addr.status();
  return instance_->api().QueryConsumerOffset(*addr, group, mq, timeout_ms_);
}

Status ConsumerBrokerOps::UpdateConsumerOffset(const std::string& group, const MessageQueue& mq,
                                               int64_t offset, bool oneway) {
  Result<std::string> addr = Address(mq, false);
  if (!addr.ok()) return addr.status();
  if (oneway) return instance_->api().UpdateConsumerOffsetOneway(*addr, group, mq, offset);
  return instance_->api().UpdateConsumerOffset(*addr, group, mq, offset, timeout_ms_);
}

Result<int64_t> ConsumerBrokerOps::MaxOffset(const MessageQueue& mq) {
  Result<std::string> addr = Address(mq, false);
  if (!addr.ok()) return addr.status();
  return instance_->api().GetMaxOffset(*addr, mq, timeout_ms_);
}

Result<int64_t> ConsumerBrokerOps::MinOffset(const MessageQueue& mq) {
  Result<std::string> addr = Address(mq, false);
  if (!addr.ok()) return addr.status();
  return instance_->api().GetMinOffset(*addr, mq, timeout_ms_);
}

Result<int64_t> ConsumerBrokerOps::SearchOffset(const MessageQueue& mq, int64_t timestamp_ms) {
  Result<std::string> addr = Address(mq, false);
  if (!addr.ok()) return addr.status();
  return instance_->api().SearchOffset(*addr, mq, timestamp_ms, timeout_ms_);
}

int64_t ConsumerBrokerOps::ComputePullFromWhere(const MessageQueue& mq) {
  const int64_t last = offset_store_->ReadOffset(mq, ReadOffsetType::kReadFromStore);
  if (last >= 0) return last;
  if (last != -1) return -1;  // the store could not be asked: try again next round
  Result<int64_t> offset = 0;
  switch (consume_from_where_) {
    case CONSUME_FROM_FIRST_OFFSET:
      return 0;
    case CONSUME_FROM_TIMESTAMP:
      offset = IsRetryTopic(mq.topic) ? MaxOffset(mq)
                                      : SearchOffset(mq, ParseTimestamp(consume_timestamp_));
      break;
    default:  // CONSUME_FROM_LAST_OFFSET and its deprecated aliases
      if (IsRetryTopic(mq.topic)) return 0;
      offset = MaxOffset(mq);
      break;
  }
  if (!offset.ok()) {
    RMQ_LOG(kWarn) << "compute pull offset of " << mq.ToString() << " for group " << group_
                   << " failed: " << offset.status().ToString();
    return -1;
  }
  return *offset;
}

}  // namespace rocketmq::consumer
