// The string-keyed settings of DefaultMQPushConsumer and DefaultLitePullConsumer (Java field
// names of DefaultMQPushConsumer / DefaultLitePullConsumer and ClientConfig), on top of the
// shared client keys. See client/settings_registry.h. The registries are built once and then only
// read; any thread may use them.
#pragma once

#include "client/settings_registry.h"
#include "consumer/lite_pull_consumer_impl.h"
#include "consumer/push_consumer_config.h"

namespace rocketmq::consumer {

// Client keys plus consumerGroup, messageModel, consumeFromWhere, consumeTimestamp,
// allocateMessageQueueStrategy, consumeThreadMin, consumeThreadMax, pullBatchSize, ...
const client::SettingsRegistry<PushConsumerConfig>& PushConsumerSettings();
// Client keys plus consumerGroup, messageModel, ..., autoCommit, autoCommitIntervalMillis,
// pullThreadNums, pullThresholdForAll, consumeMaxSpan, pollTimeoutMillis,
// brokerSuspendMaxTimeMillis, consumerTimeoutMillisWhenSuspend, consumerPullTimeoutMillis.
const client::SettingsRegistry<LitePullConsumerConfig>& LitePullConsumerSettings();

// The cross-field check of the lite pull consumer's start(), with Java's wording:
// InvalidArgument when consumerTimeoutMillisWhenSuspend < brokerSuspendMaxTimeMillis. (The push
// consumer's consumeThreadMin <= consumeThreadMax is checked by PushConsumerImpl::Start.)
Status CheckLitePullConsumerSettings(const LitePullConsumerConfig& config);

}  // namespace rocketmq::consumer
