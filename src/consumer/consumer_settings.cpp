#include "consumer/consumer_settings.h"

#include <utility>
#include <vector>

#include "client/client_settings.h"
#include "client/validators.h"
#include "consumer/consumer_broker_ops.h"

namespace rocketmq::consumer {

using client::kMaxInt32Setting;
using client::SettingsRegistry;

namespace {

Status CheckGroupSetting(const std::string& value) {
  Status st = client::CheckGroup(value);
  if (st.ok()) return st;
  return Status::InvalidArgument("setting consumerGroup: " + st.message());
}

// Empty keeps the default (30 minutes before start()).
Status CheckTimestampSetting(const std::string& value) {
  if (value.empty() || ConsumerBrokerOps::ParseTimestamp(value) >= 0) return Status::OK();
  return Status::InvalidArgument("setting consumeTimestamp: \"" + value +
                                 "\" is not yyyyMMddHHmmss");
}

std::vector<std::pair<std::string, MessageModel>> MessageModels() {
  return {{MessageModelName(BROADCASTING), BROADCASTING},
          {MessageModelName(CLUSTERING), CLUSTERING}};
}

std::vector<std::pair<std::string, ConsumeFromWhere>> ConsumeFromWheres() {
  std::vector<std::pair<std::string, ConsumeFromWhere>> out;
  for (ConsumeFromWhere w :
       {CONSUME_FROM_LAST_OFFSET, CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST,
        CONSUME_FROM_MIN_OFFSET, CONSUME_FROM_MAX_OFFSET, CONSUME_FROM_FIRST_OFFSET,
        CONSUME_FROM_TIMESTAMP}) {
    out.emplace_back(ConsumeFromWhereName(w), w);
  }
  return out;
}

// The keys both consumers share, in Java's field order; Config is PushConsumerConfig or
// LitePullConsumerConfig (same member names).
template <typename Config>
void AddCommonConsumerKeys(SettingsRegistry<Config>& r, const char* section) {
  r.Include(client::ClientSettings(), RMQ_SETTING(client));
  r.Section(section);
  r.String("consumerGroup", RMQ_SETTING(group),
           "Consumer group: letters, digits, `%`, `_`, `-`; at most 255 characters.", nullptr,
           CheckGroupSetting);
  r.template Enum<MessageModel>("messageModel", RMQ_SETTING(message_model), MessageModels(),
                                "`CLUSTERING`: the group's queues are split among its instances; "
                                "`BROADCASTING`: every instance reads every message.");
  r.template Enum<ConsumeFromWhere>(
      "consumeFromWhere", RMQ_SETTING(consume_from_where), ConsumeFromWheres(),
      "Where a queue without a committed offset starts (the two `MIN`/`MAX` names and "
      "`..._WHEN_BOOT_FIRST` are Java's deprecated aliases of `CONSUME_FROM_LAST_OFFSET`).");
  r.String("consumeTimestamp", RMQ_SETTING(consume_timestamp),
           "Start of `CONSUME_FROM_TIMESTAMP`, `yyyyMMddHHmmss` local time.",
           "(30 minutes before start)", CheckTimestampSetting);
  r.Choice("allocateMessageQueueStrategy", RMQ_SETTING(allocate_strategy),
           {"AVG", "AVG_BY_CIRCLE", "CONSISTENT_HASH"},
           "How a clustering group splits queues (the Java strategies' getName()).");
  r.Int("pullThresholdForQueue", RMQ_SETTING(pull_threshold_for_queue), 1, 65535,
        "Flow control: a queue stops being pulled above this many cached messages.");
  r.Int("pullThresholdSizeForQueue", RMQ_SETTING(pull_threshold_size_for_queue_mib), 1, 1024,
        "Flow control: ... or above this many cached MiB.");
  r.String("offsetStoreDir", RMQ_SETTING(offset_store_dir),
           "Broadcasting offset files go to `<dir>/<clientId>/<group>/offsets.json` (Java "
           "property rocketmq.client.localOffsetStoreDir).",
           "(~/.rocketmq_offsets)");
}

SettingsRegistry<PushConsumerConfig> BuildPush() {
  SettingsRegistry<PushConsumerConfig> r("DefaultMQPushConsumer");
  AddCommonConsumerKeys(r, "Consumer (push and lite pull)");
  r.Section("DefaultMQPushConsumer");
  r.Int("pullBatchSize", RMQ_SETTING(pull_batch_size), 1, 1024, "Messages asked for by one pull.");
  r.Int("consumeThreadMin", RMQ_SETTING(consume_thread_min), 1, 1000,
        "Consume threads (the pool has this many, as Java's); at most consumeThreadMax.");
  r.Int("consumeThreadMax", RMQ_SETTING(consume_thread_max), 1, 1000,
        "Upper bound of the consume threads.");
  r.Int("consumeConcurrentlyMaxSpan", RMQ_SETTING(consume_concurrently_max_span), 1, 65535,
        "Flow control of concurrent consumers: offset span between the oldest and newest cached "
        "message of a queue.");
  r.Int("pullInterval", RMQ_SETTING(pull_interval_ms), 0, 65535,
        "Pause between two pulls of one queue, ms.");
  r.Int("consumeMessageBatchMaxSize", RMQ_SETTING(consume_message_batch_max_size), 1, 1024,
        "Messages per listener call.");
  r.Bool("postSubscriptionWhenPull", RMQ_SETTING(post_subscription_when_pull),
         "Send the subscription expression with every pull.");
  r.Int("maxReconsumeTimes", RMQ_SETTING(max_reconsume_times), -1, kMaxInt32Setting,
        "Deliveries before a message goes to the dead-letter queue; -1: 16 for concurrent, "
        "unlimited for orderly consumers.");
  r.Int("suspendCurrentQueueTimeMillis", RMQ_SETTING(suspend_current_queue_time_millis), 0,
        kMaxInt32Setting, "Orderly: pause of a queue after SUSPEND_CURRENT_QUEUE_A_MOMENT, ms.");
  r.Int("consumeTimeout", RMQ_SETTING(consume_timeout_minutes), 1, kMaxInt32Setting,
        "A message whose listener call started longer ago is sent back for retry, minutes.");
  return r;
}

SettingsRegistry<LitePullConsumerConfig> BuildLitePull() {
  SettingsRegistry<LitePullConsumerConfig> r("DefaultLitePullConsumer");
  AddCommonConsumerKeys(r, "Consumer (push and lite pull)");
  r.Section("DefaultLitePullConsumer");
  r.Int("pullBatchSize", RMQ_SETTING(pull_batch_size), 1, 1024,
        "Messages asked for by one pull, and the most one poll() returns.");
  r.Bool("autoCommit", RMQ_SETTING(auto_commit),
         "poll() commits the consumed offsets every autoCommitIntervalMillis.");
  r.Int("autoCommitIntervalMillis", RMQ_SETTING(auto_commit_interval_ms), 1000, kMaxInt32Setting,
        "Period of the automatic commits, ms (Java's minimum is 1000).");
  r.Int("pullThreadNums", RMQ_SETTING(pull_thread_nums), 1, 1024,
        "Threads looking up the start offsets of newly assigned queues and running pulls.");
  r.Int("pullThresholdForAll", RMQ_SETTING(pull_threshold_for_all), 1, kMaxInt32Setting,
        "Flow control: pulling stops above this many cached messages over all queues.");
  r.Int("consumeMaxSpan", RMQ_SETTING(consume_max_span), 1, 65535,
        "Flow control: offset span between the oldest and newest cached message of a queue.");
  r.Int("pollTimeoutMillis", RMQ_SETTING(poll_timeout_ms), 0, kMaxInt32Setting,
        "How long poll() without an argument waits, ms.");
  r.Int("brokerSuspendMaxTimeMillis", RMQ_SETTING(broker_suspend_max_time_ms), 0, kMaxInt32Setting,
        "Long polling: how long the broker holds a pull with no message, ms.");
  r.Int("consumerTimeoutMillisWhenSuspend", RMQ_SETTING(pull_timeout_when_suspend_ms), 1,
        kMaxInt32Setting,
        "Long polling: timeout of a held pull, ms; at least brokerSuspendMaxTimeMillis.");
  r.Int("consumerPullTimeoutMillis", RMQ_SETTING(pull_timeout_ms), 1, kMaxInt32Setting,
        "Timeout of a pull the broker answers at once (the low-level pull()), ms.");
  return r;
}

}  // namespace

const SettingsRegistry<PushConsumerConfig>& PushConsumerSettings() {
  static const SettingsRegistry<PushConsumerConfig> registry = BuildPush();
  return registry;
}

const SettingsRegistry<LitePullConsumerConfig>& LitePullConsumerSettings() {
  static const SettingsRegistry<LitePullConsumerConfig> registry = BuildLitePull();
  return registry;
}

Status CheckLitePullConsumerSettings(const LitePullConsumerConfig& config) {
  if (config.pull_timeout_when_suspend_ms < config.broker_suspend_max_time_ms) {
    return Status::InvalidArgument(
        "Long polling mode, the consumer consumerTimeoutMillisWhenSuspend must greater than "
        "brokerSuspendMaxTimeMillis");
  }
  return Status::OK();
}

}  // namespace rocketmq::consumer
