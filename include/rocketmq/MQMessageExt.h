// Source compatibility with the official C++ client (rocketmq-client-cpp 2.2.0): this header
// has that client's name and contents; see docs/migration.md.
#pragma once

#include "MQMessage.h"
#include "RocketMQClient.h"
#include "mq_message_ext.h"
