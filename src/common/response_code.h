// RocketMQ response codes (protocol.md §1.8, §2.2): wire values of RemotingCommand.code in responses.
#pragma once

#include <cstdint>
#include <string>

namespace rocketmq {

struct ResponseCode {
  static constexpr int32_t kSuccess = 0;
  static constexpr int32_t kSystemError = 1;
  static constexpr int32_t kSystemBusy = 2;
  static constexpr int32_t kRequestCodeNotSupported = 3;
  static constexpr int32_t kTransactionFailed = 4;
  static constexpr int32_t kFlushDiskTimeout = 10;
  static constexpr int32_t kSlaveNotAvailable = 11;
  static constexpr int32_t kFlushSlaveTimeout = 12;
  static constexpr int32_t kMessageIllegal = 13;
  static constexpr int32_t kServiceNotAvailable = 14;
  static constexpr int32_t kVersionNotSupported = 15;
  static constexpr int32_t kNoPermission = 16;
  static constexpr int32_t kTopicNotExist = 17;
  static constexpr int32_t kTopicExistAlready = 18;
  static constexpr int32_t kPullNotFound = 19;
  static constexpr int32_t kPullRetryImmediately = 20;
  static constexpr int32_t kPullOffsetMoved = 21;
  static constexpr int32_t kQueryNotFound = 22;
  static constexpr int32_t kSubscriptionParseFailed = 23;
  static constexpr int32_t kSubscriptionNotExist = 24;
  static constexpr int32_t kSubscriptionNotLatest = 25;
  static constexpr int32_t kSubscriptionGroupNotExist = 26;
  static constexpr int32_t kFilterDataNotExist = 27;
  static constexpr int32_t kFilterDataNotLatest = 28;
  static constexpr int32_t kInvalidParameter = 29;
  static constexpr int32_t kTransactionShouldCommit = 200;
  static constexpr int32_t kTransactionShouldRollback = 201;
  static constexpr int32_t kTransactionStateUnknow = 202;
  static constexpr int32_t kTransactionStateGroupWrong = 203;
  static constexpr int32_t kNoBuyerId = 204;
  static constexpr int32_t kNotInCurrentUnit = 205;
  static constexpr int32_t kConsumerNotOnline = 206;
  static constexpr int32_t kConsumeMsgTimeout = 207;
  static constexpr int32_t kNoMessage = 208;
  static constexpr int32_t kUpdateAndCreateAclConfigFailed = 209;
  static constexpr int32_t kDeleteAclConfigFailed = 210;
  static constexpr int32_t kUpdateGlobalWhiteAddrsConfigFailed = 211;
};

// The Java name of a response code ("TOPIC_NOT_EXIST"), or of a local code ("TIMEOUT"),
// or the decimal number when unknown.
std::string ResponseCodeName(int32_t code);

}  // namespace rocketmq
