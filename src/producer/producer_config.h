// ProducerConfig: a DefaultMQProducer's settings (Java DefaultMQProducer fields) on top of the
// shared ClientConfig. Defaults as Java 4.9.x (protocol.md §9.1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "client/client_config.h"
#include "common/compression.h"
#include "common/response_code.h"
#include "rocketmq/statistics.h"

namespace rocketmq::producer {

struct ProducerConfig {
  client::ClientConfig client;
  std::string group;
  std::string create_topic_key = "TBW102";
  int32_t default_topic_queue_nums = 4;
  int64_t send_msg_timeout_ms = 3000;
  size_t compress_msg_body_over_howmuch = 4096;
  int compress_level = kDefaultZlibLevel;
  int32_t retry_times_when_send_failed = 2;
  int32_t retry_times_when_send_async_failed = 2;
  bool retry_another_broker_when_not_store_ok = false;
  size_t max_message_size = 4 * 1024 * 1024;
  bool send_latency_fault_enable = false;
  // SEND_MESSAGE_V2 short headers (Java sendSmartMsg, default true).
  bool send_smart_msg = true;
  // Broker codes a synchronous send retries on another broker (4.9.x retryResponseCodes).
  std::set<int32_t> retry_response_codes = {
      ResponseCode::kTopicNotExist, ResponseCode::kServiceNotAvailable,
      ResponseCode::kSystemError,   ResponseCode::kNoPermission,
      ResponseCode::kNoBuyerId,     ResponseCode::kNotInCurrentUnit,
  };
  // TransactionMQProducer only: the pool answering CHECK_TRANSACTION_STATE (Java defaults).
  int32_t check_thread_pool_min_size = 1;
  int32_t check_thread_pool_max_size = 1;
  int32_t check_request_hold_max = 2000;
  // Periodic statistics document (off by default).
  StatisticsOptions statistics;
};

// The Java default group name, refused as a real group.
inline constexpr char kDefaultProducerGroup[] = "DEFAULT_PRODUCER";

}  // namespace rocketmq::producer
