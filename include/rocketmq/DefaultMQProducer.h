// Source compatibility with the official C++ client (rocketmq-client-cpp 2.2.0): this header
// has that client's name and contents; see docs/migration.md.
#pragma once

#include "AsyncCallback.h"
#include "MQClient.h"
#include "MQMessageQueue.h"
#include "MQSelector.h"
#include "RocketMQClient.h"
#include "SendResult.h"
#include "SessionCredentials.h"
#include "default_mq_producer.h"
