// RocketMQ request codes (protocol.md §2.1): wire values of RemotingCommand.code in requests.
#pragma once

#include <cstdint>

namespace rocketmq::remoting {

struct RequestCode {
  static constexpr int32_t kSendMessage = 10;
  static constexpr int32_t kPullMessage = 11;
  static constexpr int32_t kQueryMessage = 12;
  static constexpr int32_t kQueryConsumerOffset = 14;
  static constexpr int32_t kUpdateConsumerOffset = 15;
  static constexpr int32_t kUpdateAndCreateTopic = 17;
  static constexpr int32_t kGetAllTopicConfig = 21;
  static constexpr int32_t kUpdateBrokerConfig = 25;
  static constexpr int32_t kGetBrokerConfig = 26;
  static constexpr int32_t kGetBrokerRuntimeInfo = 28;
  static constexpr int32_t kSearchOffsetByTimestamp = 29;
  static constexpr int32_t kGetMaxOffset = 30;
  static constexpr int32_t kGetMinOffset = 31;
  static constexpr int32_t kGetEarliestMsgStoretime = 32;
  static constexpr int32_t kViewMessageById = 33;
  static constexpr int32_t kHeartBeat = 34;
  static constexpr int32_t kUnregisterClient = 35;
  static constexpr int32_t kConsumerSendMsgBack = 36;
  static constexpr int32_t kEndTransaction = 37;
  static constexpr int32_t kGetConsumerListByGroup = 38;
  static constexpr int32_t kCheckTransactionState = 39;
  static constexpr int32_t kNotifyConsumerIdsChanged = 40;
  static constexpr int32_t kLockBatchMq = 41;
  static constexpr int32_t kUnlockBatchMq = 42;
  static constexpr int32_t kGetAllConsumerOffset = 43;
  static constexpr int32_t kGetAllDelayOffset = 45;
  static constexpr int32_t kUpdateAndCreateAclConfig = 50;
  static constexpr int32_t kDeleteAclConfig = 51;
  static constexpr int32_t kGetBrokerClusterAclInfo = 52;
  static constexpr int32_t kUpdateGlobalWhiteAddrsConfig = 53;
  static constexpr int32_t kGetBrokerClusterAclConfig = 54;
  static constexpr int32_t kPutKvConfig = 100;
  static constexpr int32_t kGetKvConfig = 101;
  static constexpr int32_t kDeleteKvConfig = 102;
  static constexpr int32_t kRegisterBroker = 103;
  static constexpr int32_t kUnregisterBroker = 104;
  static constexpr int32_t kGetRouteinfoByTopic = 105;
  static constexpr int32_t kGetBrokerClusterInfo = 106;
  static constexpr int32_t kUpdateAndCreateSubscriptionGroup = 200;
  static constexpr int32_t kGetAllSubscriptionGroupConfig = 201;
  static constexpr int32_t kGetTopicStatsInfo = 202;
  static constexpr int32_t kGetConsumerConnectionList = 203;
  static constexpr int32_t kGetProducerConnectionList = 204;
  static constexpr int32_t kWipeWritePermOfBroker = 205;
  static constexpr int32_t kGetAllTopicListFromNameServer = 206;
  static constexpr int32_t kDeleteSubscriptionGroup = 207;
  static constexpr int32_t kGetConsumeStats = 208;
  static constexpr int32_t kDeleteTopicInBroker = 215;
  static constexpr int32_t kDeleteTopicInNamesrv = 216;
  static constexpr int32_t kRegisterTopicInNamesrv = 217;
  static constexpr int32_t kGetKvlistByNamespace = 219;
  static constexpr int32_t kResetConsumerClientOffset = 220;
  static constexpr int32_t kGetConsumerStatusFromClient = 221;
  static constexpr int32_t kInvokeBrokerToResetOffset = 222;
  static constexpr int32_t kInvokeBrokerToGetConsumerStatus = 223;
  static constexpr int32_t kGetTopicsByCluster = 224;
  static constexpr int32_t kQueryTopicConsumeByWho = 300;
  static constexpr int32_t kQueryConsumeTimeSpan = 303;
  static constexpr int32_t kGetSystemTopicListFromNs = 304;
  static constexpr int32_t kGetSystemTopicListFromBroker = 305;
  static constexpr int32_t kCleanExpiredConsumequeue = 306;
  static constexpr int32_t kGetConsumerRunningInfo = 307;
  static constexpr int32_t kConsumeMessageDirectly = 309;
  static constexpr int32_t kSendMessageV2 = 310;
  static constexpr int32_t kGetUnitTopicList = 311;
  static constexpr int32_t kGetHasUnitSubTopicList = 312;
  static constexpr int32_t kGetHasUnitSubUnunitTopicList = 313;
  static constexpr int32_t kCloneGroupOffset = 314;
  static constexpr int32_t kViewBrokerStatsData = 315;
  static constexpr int32_t kCleanUnusedTopic = 316;
  static constexpr int32_t kGetBrokerConsumeStats = 317;
  static constexpr int32_t kUpdateNamesrvConfig = 318;
  static constexpr int32_t kGetNamesrvConfig = 319;
  static constexpr int32_t kSendBatchMessage = 320;
  static constexpr int32_t kQueryConsumeQueue = 321;
  static constexpr int32_t kQueryDataVersion = 322;
  static constexpr int32_t kSendReplyMessage = 324;
  static constexpr int32_t kSendReplyMessageV2 = 325;
  static constexpr int32_t kPushReplyMessageToClient = 326;
  static constexpr int32_t kAddWritePermOfBroker = 327;
  static constexpr int32_t kGetAllProducerInfo = 328;
  static constexpr int32_t kDeleteExpiredCommitlog = 329;
};

}  // namespace rocketmq::remoting
