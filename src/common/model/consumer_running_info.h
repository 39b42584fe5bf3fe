// Bodies a consumer produces for the broker-forwarded admin requests:
//   GET_CONSUMER_RUNNING_INFO (307) response  ConsumerRunningInfo
//     {"jstack":..?,"mqTable":{{mq}:ProcessQueueInfo},"properties":{"k":"v"},
//      "statusTable":{"topic":TopicConsumeStatus},"subscriptionSet":[SubscriptionData...]}
//   CONSUME_MESSAGE_DIRECTLY (309) response   ConsumeMessageDirectlyResult
//     {"autoCommit":true,"consumeResult":"CR_SUCCESS","order":false,"remark":..?,
//      "spentTimeMills":3}
// mqTable is a TreeMap keyed by MessageQueue objects (fastjson object keys, MessageQueue order),
// subscriptionSet a TreeSet ordered by "topic@subString", statusTable a TreeMap by topic.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/message_queue.h"
#include "common/model/heartbeat_data.h"
#include "common/status.h"

namespace rocketmq {

// One queue of ConsumerRunningInfo.mqTable (Java ProcessQueueInfo).
struct ProcessQueueInfo {
  int64_t commit_offset = 0;
  int64_t cached_msg_min_offset = 0;
  int64_t cached_msg_max_offset = 0;
  int32_t cached_msg_count = 0;
  int32_t cached_msg_size_in_mib = 0;
  int64_t transaction_msg_min_offset = 0;
  int64_t transaction_msg_max_offset = 0;
  int32_t transaction_msg_count = 0;
  bool locked = false;
  int64_t try_unlock_times = 0;
  int64_t last_lock_timestamp = 0;
  bool droped = false;  // sic: the Java field name
  int64_t last_pull_timestamp = 0;
  int64_t last_consume_timestamp = 0;

  static Result<ProcessQueueInfo> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
};

// Per-topic consume statistics (Java ConsumeStatus): rates per second, RTs in ms.
struct TopicConsumeStatus {
  double pull_rt = 0;
  double pull_tps = 0;
  double consume_rt = 0;
  double consume_ok_tps = 0;
  double consume_failed_tps = 0;
  int64_t consume_failed_msgs = 0;

  static Result<TopicConsumeStatus> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
};

struct ConsumerRunningInfo {
  // Property keys Java sets besides the consumer's own settings.
  static constexpr const char* kPropNamesrvAddr = "PROP_NAMESERVER_ADDR";
  static constexpr const char* kPropThreadpoolCoreSize = "PROP_THREADPOOL_CORE_SIZE";
  static constexpr const char* kPropConsumeOrderly = "PROP_CONSUMEORDERLY";
  static constexpr const char* kPropConsumeType = "PROP_CONSUME_TYPE";
  static constexpr const char* kPropClientVersion = "PROP_CLIENT_VERSION";
  static constexpr const char* kPropConsumerStartTimestamp = "PROP_CONSUMER_START_TIMESTAMP";

  std::map<std::string, std::string> properties;
  std::vector<SubscriptionData> subscription_set;  // written in Java TreeSet order
  std::map<MessageQueue, ProcessQueueInfo> mq_table;
  std::map<std::string, TopicConsumeStatus> status_table;
  std::optional<std::string> jstack;  // thread dump, when asked for

  static Result<ConsumerRunningInfo> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

// Java CMResult names.
inline constexpr const char* kCMResultSuccess = "CR_SUCCESS";
inline constexpr const char* kCMResultLater = "CR_LATER";
inline constexpr const char* kCMResultRollback = "CR_ROLLBACK";
inline constexpr const char* kCMResultCommit = "CR_COMMIT";
inline constexpr const char* kCMResultThrowException = "CR_THROW_EXCEPTION";
inline constexpr const char* kCMResultReturnNull = "CR_RETURN_NULL";

struct ConsumeMessageDirectlyResult {
  bool order = false;
  bool auto_commit = true;
  std::string consume_result;  // kCMResult*
  std::optional<std::string> remark;
  int64_t spent_time_mills = 0;

  static Result<ConsumeMessageDirectlyResult> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  std::string ToJson() const;
};

}  // namespace rocketmq
