// Source compatibility with the official C++ client (rocketmq-client-cpp 2.2.0): this header
// has that client's name and contents; see docs/migration.md.
#pragma once

#include <string.h>

#include <exception>
#include <ostream>
#include <sstream>
#include <string>

#include "RocketMQClient.h"
#include "mq_exception.h"

// Defines an exception class `name` deriving from MQException, with the official
// (message, error, file, line) constructor and GetType() returning "name".
#define DEFINE_MQCLIENTEXCEPTION(name)                                  \
  class name : public ::rocketmq::MQException {                         \
   public:                                                              \
    name(const std::string& msg, int error, const char* file, int line) \
        : ::rocketmq::MQException(msg, error, file, line) {}            \
    const char* GetType() const noexcept override { return #name; }     \
  };

namespace rocketmq {
// MQClientException and MQBrokerException come from mq_exception.h; these are thrown by the
// official client only and never by this library.
DEFINE_MQCLIENTEXCEPTION(InterruptedException)
DEFINE_MQCLIENTEXCEPTION(RemotingException)
DEFINE_MQCLIENTEXCEPTION(UnknownHostException)
}  // namespace rocketmq

#define THROW_MQEXCEPTION(e, msg, err) throw e(msg, err, __FILE__, __LINE__)
#define NEW_MQEXCEPTION(e, msg, err) e(msg, err, __FILE__, __LINE__)
