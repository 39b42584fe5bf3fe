// The settings every client object shares (Java ClientConfig), as a SettingsRegistry that the
// producer and consumer registries include.
#pragma once

#include "client/client_config.h"
#include "client/settings_registry.h"

namespace rocketmq::client {

// Keys: namesrvAddr, clientIP, instanceName, unitName, unitMode, namespace, useTLS,
// pollNameServerInterval, heartbeatBrokerInterval, persistConsumerOffsetInterval,
// mqClientApiTimeout, clientCallbackExecutorThreads, accessKey, secretKey, securityToken.
const SettingsRegistry<ClientConfig>& ClientSettings();

}  // namespace rocketmq::client
