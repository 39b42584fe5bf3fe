// Constants of the RocketMQ message format (protocol.md §3): well-known property keys
// (Java MessageConst), the properties-string separators, the SYSFLAG bits (MessageSysFlag) and the
// CommitLog record magic codes. Shared by every reader and writer of messages.
#pragma once

#include <cstdint>
#include <string_view>

namespace rocketmq {

// ---- System topic prefixes (Java MixAll). ----
inline constexpr char kRetryGroupTopicPrefix[] = "%RETRY%";
inline constexpr char kDlqGroupTopicPrefix[] = "%DLQ%";
inline bool IsRetryTopic(std::string_view topic) {
  return topic.substr(0, sizeof(kRetryGroupTopicPrefix) - 1) == kRetryGroupTopicPrefix;
}
inline bool IsDlqTopic(std::string_view topic) {
  return topic.substr(0, sizeof(kDlqGroupTopicPrefix) - 1) == kDlqGroupTopicPrefix;
}

// ---- Property keys (protocol.md §3.2). ----
inline constexpr char kPropertyKeys[] = "KEYS";
inline constexpr char kPropertyTags[] = "TAGS";
inline constexpr char kPropertyWaitStoreMsgOk[] = "WAIT";
inline constexpr char kPropertyDelayTimeLevel[] = "DELAY";
inline constexpr char kPropertyRetryTopic[] = "RETRY_TOPIC";
inline constexpr char kPropertyRealTopic[] = "REAL_TOPIC";
inline constexpr char kPropertyRealQueueId[] = "REAL_QID";
inline constexpr char kPropertyTransactionPrepared[] = "TRAN_MSG";
inline constexpr char kPropertyProducerGroup[] = "PGROUP";
inline constexpr char kPropertyMinOffset[] = "MIN_OFFSET";
inline constexpr char kPropertyMaxOffset[] = "MAX_OFFSET";
inline constexpr char kPropertyBuyerId[] = "BUYER_ID";
inline constexpr char kPropertyOriginMessageId[] = "ORIGIN_MESSAGE_ID";
inline constexpr char kPropertyTransferFlag[] = "TRANSFER_FLAG";
inline constexpr char kPropertyCorrectionFlag[] = "CORRECTION_FLAG";
inline constexpr char kPropertyMq2Flag[] = "MQ2_FLAG";
inline constexpr char kPropertyReconsumeTime[] = "RECONSUME_TIME";
inline constexpr char kPropertyMsgRegion[] = "MSG_REGION";
inline constexpr char kPropertyTraceSwitch[] = "TRACE_ON";
inline constexpr char kPropertyUniqClientMessageIdKeyIdx[] = "UNIQ_KEY";
inline constexpr char kPropertyExtendUniqInfo[] = "EXTEND_UNIQ_INFO";
inline constexpr char kPropertyMaxReconsumeTimes[] = "MAX_RECONSUME_TIMES";
inline constexpr char kPropertyConsumeStartTimestamp[] = "CONSUME_START_TIME";
inline constexpr char kPropertyInnerNum[] = "INNER_NUM";
inline constexpr char kPropertyInnerBase[] = "INNER_BASE";
inline constexpr char kPropertyTransactionPreparedQueueOffset[] = "TRAN_PREPARED_QUEUE_OFFSET";
inline constexpr char kPropertyTransactionId[] = "__transactionId__";
inline constexpr char kPropertyTransactionCheckTimes[] = "TRANSACTION_CHECK_TIMES";
inline constexpr char kPropertyCheckImmunityTimeInSeconds[] = "CHECK_IMMUNITY_TIME_IN_SECONDS";
inline constexpr char kPropertyInstanceId[] = "INSTANCE_ID";
inline constexpr char kPropertyCorrelationId[] = "CORRELATION_ID";
inline constexpr char kPropertyMessageReplyToClient[] = "REPLY_TO_CLIENT";
inline constexpr char kPropertyMessageTtl[] = "TTL";
inline constexpr char kPropertyReplyMessageArriveTime[] = "ARRIVE_TIME";
inline constexpr char kPropertyPushReplyTime[] = "PUSH_REPLY_TIME";
inline constexpr char kPropertyCluster[] = "CLUSTER";
inline constexpr char kPropertyMessageType[] = "MSG_TYPE";
inline constexpr char kPropertyShardingKey[] = "__SHARDINGKEY";

// Value of kPropertyMessageType on reply messages.
inline constexpr char kReplyMessageFlag[] = "reply";

// Separates the keys inside the KEYS property.
inline constexpr char kKeySeparator[] = " ";

// Properties string: key kNameValueSeparator value, pairs joined by kPropertySeparator.
inline constexpr char kNameValueSeparator = '\x01';
inline constexpr char kPropertySeparator = '\x02';

// Properties that the client or broker manages; Message::PutUserProperty refuses them
// (Java MessageConst.STRING_HASH_SET).
inline constexpr std::string_view kSystemPropertyKeys[] = {
    kPropertyTraceSwitch,
    kPropertyMsgRegion,
    kPropertyKeys,
    kPropertyTags,
    kPropertyWaitStoreMsgOk,
    kPropertyDelayTimeLevel,
    kPropertyRetryTopic,
    kPropertyRealTopic,
    kPropertyRealQueueId,
    kPropertyTransactionPrepared,
    kPropertyProducerGroup,
    kPropertyMinOffset,
    kPropertyMaxOffset,
    kPropertyBuyerId,
    kPropertyOriginMessageId,
    kPropertyTransferFlag,
    kPropertyCorrectionFlag,
    kPropertyMq2Flag,
    kPropertyReconsumeTime,
    kPropertyUniqClientMessageIdKeyIdx,
    kPropertyMaxReconsumeTimes,
    kPropertyConsumeStartTimestamp,
    kPropertyInnerNum,
    kPropertyInnerBase,
    kPropertyTransactionPreparedQueueOffset,
    kPropertyTransactionCheckTimes,
    kPropertyCheckImmunityTimeInSeconds,
    kPropertyInstanceId,
    kPropertyCorrelationId,
    kPropertyMessageReplyToClient,
    kPropertyMessageTtl,
    kPropertyReplyMessageArriveTime,
    kPropertyPushReplyTime,
    kPropertyCluster,
    kPropertyMessageType,
    kPropertyShardingKey,
    kPropertyExtendUniqInfo,
    kPropertyTransactionId,
};

// True when `key` is one of kSystemPropertyKeys.
inline bool IsSystemPropertyKey(std::string_view key) {
  for (std::string_view k : kSystemPropertyKeys) {
    if (k == key) return true;
  }
  return false;
}

// ---- SYSFLAG bits (protocol.md §3.1, Java MessageSysFlag). ----
inline constexpr int32_t kSysFlagCompressed = 0x1;
inline constexpr int32_t kSysFlagMultiTags = 0x2;
inline constexpr int32_t kSysFlagTransactionNotType = 0x0;
inline constexpr int32_t kSysFlagTransactionPreparedType = 0x4;
inline constexpr int32_t kSysFlagTransactionCommitType = 0x8;
inline constexpr int32_t kSysFlagTransactionRollbackType = 0xC;
inline constexpr int32_t kSysFlagTransactionMask = 0xC;
inline constexpr int32_t kSysFlagBornHostV6 = 0x10;
inline constexpr int32_t kSysFlagStoreHostV6 = 0x20;
inline constexpr int32_t kSysFlagNeedUnwrap = 0x40;
inline constexpr int32_t kSysFlagInnerBatch = 0x80;
// Compression type, bits 8-10. 0 means ZLIB (producers before 4.9.7 never set these bits; the
// 4.9.8 Java producer sends 0x300 | kSysFlagCompressed = 769).
inline constexpr int32_t kSysFlagCompressionTypeMask = 0x700;
inline constexpr int32_t kSysFlagCompressionLz4 = 0x100;
inline constexpr int32_t kSysFlagCompressionZstd = 0x200;
inline constexpr int32_t kSysFlagCompressionZlib = 0x300;

// The transaction type bits of a sysflag (one of the kSysFlagTransaction*Type values).
inline constexpr int32_t TransactionType(int32_t sys_flag) {
  return sys_flag & kSysFlagTransactionMask;
}
// `sys_flag` with its transaction type bits replaced by `type`.
inline constexpr int32_t ResetTransactionType(int32_t sys_flag, int32_t type) {
  return (sys_flag & ~kSysFlagTransactionMask) | type;
}

// ---- CommitLog record magic codes (protocol.md §3.1). ----
inline constexpr uint32_t kMessageMagicCodeV1 = 0xDAA320A7;  // 1-byte topic length
inline constexpr uint32_t kMessageMagicCodeV2 = 0xDAA320AB;  // 2-byte topic length
inline constexpr uint32_t kBlankMagicCode = 0xCBD43194;      // end-of-file filler

// Byte positions of fixed fields inside a stored record (protocol.md §3.1). Positions from
// kMessageStoreTimestampPosition on hold only when the born host is IPv4.
inline constexpr size_t kMessageMagicCodePosition = 4;
inline constexpr size_t kMessageBodyCrcPosition = 8;
inline constexpr size_t kMessageQueueIdPosition = 12;
inline constexpr size_t kMessageFlagPosition = 16;
inline constexpr size_t kMessageQueueOffsetPosition = 20;
inline constexpr size_t kMessagePhysicOffsetPosition = 28;
inline constexpr size_t kMessageSysFlagPosition = 36;
inline constexpr size_t kMessageBornTimestampPosition = 40;
inline constexpr size_t kMessageBornHostPosition = 48;
inline constexpr size_t kMessageStoreTimestampPosition = 56;

// Longest topic a V1 record can carry; longer topics need V2.
inline constexpr size_t kMaxV1TopicLength = 127;
// Longest properties string (bytes): its length field is a signed short.
inline constexpr size_t kMaxPropertiesLength = 32767;

}  // namespace rocketmq
