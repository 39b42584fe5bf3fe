// PushConsumerConfig: every setting of a push consumer (Java DefaultMQPushConsumer fields and
// their defaults, protocol.md §9.5). A plain value copied into the consumer at start().
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "client/client_config.h"
#include "rocketmq/consumer_types.h"
#include "rocketmq/statistics.h"

namespace rocketmq::consumer {

struct PushConsumerConfig {
  client::ClientConfig client;
  std::string group;
  MessageModel message_model = CLUSTERING;
  ConsumeFromWhere consume_from_where = CONSUME_FROM_LAST_OFFSET;
  std::string consume_timestamp;  // yyyyMMddHHmmss; empty: 30 minutes before start
  std::string allocate_strategy = "AVG";
  std::map<std::string, std::string> subscriptions;  // topic -> expression
  int consume_thread_min = 20;
  int consume_thread_max = 20;
  int consume_concurrently_max_span = 2000;
  int pull_threshold_for_queue = 1000;
  int pull_threshold_size_for_queue_mib = 100;
  int64_t pull_interval_ms = 0;
  int consume_message_batch_max_size = 1;
  int pull_batch_size = 32;
  bool post_subscription_when_pull = false;
  int max_reconsume_times = -1;  // -1: 16 concurrently, unlimited orderly
  int64_t suspend_current_queue_time_millis = 1000;
  int64_t consume_timeout_minutes = 15;
  std::string offset_store_dir;  // broadcasting offsets; empty: ~/.rocketmq_offsets

  // Long polling (Java BROKER_SUSPEND_MAX_TIME_MILLIS / CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND).
  int64_t broker_suspend_max_time_ms = 15000;
  int64_t consumer_timeout_when_suspend_ms = 30000;
  // Delays of the pull loop (Java PULL_TIME_DELAY_MILLS_WHEN_EXCEPTION and flow control).
  int64_t pull_delay_when_exception_ms = 3000;
  int64_t pull_delay_when_flow_control_ms = 50;
  int64_t pull_delay_when_suspend_ms = 1000;
  // Periodic statistics document (off by default).
  StatisticsOptions statistics;
};

}  // namespace rocketmq::consumer
