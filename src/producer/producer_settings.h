// The string-keyed settings of DefaultMQProducer and TransactionMQProducer (Java field names),
// on top of the shared client keys. See client/settings_registry.h.
#pragma once

#include "client/settings_registry.h"
#include "producer/producer_config.h"

namespace rocketmq::producer {

// Client keys plus producerGroup, sendMsgTimeout, retryTimesWhenSendFailed, ...
const client::SettingsRegistry<ProducerConfig>& ProducerSettings();
// ProducerSettings() plus checkThreadPoolMinSize, checkThreadPoolMaxSize, checkRequestHoldMax.
const client::SettingsRegistry<ProducerConfig>& TransactionProducerSettings();

// Cross-field checks run at start(): InvalidArgument when checkThreadPoolMinSize >
// checkThreadPoolMaxSize.
Status CheckTransactionSettings(const ProducerConfig& config);

}  // namespace rocketmq::producer
