// Source compatibility with the official C++ client (rocketmq-client-cpp 2.2.0): this header
// has that client's name and contents; see docs/migration.md.
#pragma once

#include <set>
#include <string>

#include "AsyncCallback.h"
#include "ConsumeType.h"
#include "MQClient.h"
#include "MQMessage.h"
#include "MQMessageExt.h"
#include "MQMessageQueue.h"
#include "MQueueListener.h"
#include "PullResult.h"
#include "RocketMQClient.h"
#include "SessionCredentials.h"
#include "default_mq_pull_consumer.h"
