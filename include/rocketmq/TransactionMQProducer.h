// Source compatibility with the official C++ client (rocketmq-client-cpp 2.2.0): this header
// has that client's name and contents; see docs/migration.md.
#pragma once

#include <memory>
#include <string>

#include "MQClient.h"
#include "MQMessage.h"
#include "MQMessageExt.h"
#include "SessionCredentials.h"
#include "TransactionListener.h"
#include "TransactionSendResult.h"
#include "transaction_mq_producer.h"
