// Umbrella header: the whole public API of librocketmq.
#pragma once

#include "rocketmq/consumer_types.h"
#include "rocketmq/default_lite_pull_consumer.h"
#include "rocketmq/default_mq_producer.h"
#include "rocketmq/default_mq_push_consumer.h"
#include "rocketmq/message_listener.h"
#include "rocketmq/message_queue_selector.h"
#include "rocketmq/mq_exception.h"
#include "rocketmq/mq_message.h"
#include "rocketmq/mq_message_ext.h"
#include "rocketmq/mq_message_queue.h"
#include "rocketmq/pull_result.h"
#include "rocketmq/send_callback.h"
#include "rocketmq/send_result.h"
#include "rocketmq/session_credentials.h"
#include "rocketmq/version.h"
