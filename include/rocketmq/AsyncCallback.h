// Source compatibility with the official C++ client (rocketmq-client-cpp 2.2.0): this header
// has that client's name and contents; see docs/migration.md.
#pragma once

#include "MQClientException.h"
#include "PullResult.h"
#include "RocketMQClient.h"
#include "SendResult.h"
#include "default_mq_pull_consumer.h"  // PullCallback
#include "send_callback.h"             // AsyncCallback, SendCallback, AutoDeleteSendCallBack
