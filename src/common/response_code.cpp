#include "common/response_code.h"

#include "common/status.h"

namespace rocketmq {

std::string ResponseCodeName(int32_t code) {
  switch (code) {
    case 0: return "SUCCESS";
    case 1: return "SYSTEM_ERROR";
    case 2: return "SYSTEM_BUSY";
    case 3: return "REQUEST_CODE_NOT_SUPPORTED";
    case 4: return "TRANSACTION_FAILED";
    case 10: return "FLUSH_DISK_TIMEOUT";
    case 11: return "SLAVE_NOT_AVAILABLE";
    case 12: return "FLUSH_SLAVE_TIMEOUT";
    case 13: return "MESSAGE_ILLEGAL";
    case 14: return "SERVICE_NOT_AVAILABLE";
    case 15: return "VERSION_NOT_SUPPORTED";
    case 16: return "NO_PERMISSION";
    case 17: return "TOPIC_NOT_EXIST";
    case 18: return "TOPIC_EXIST_ALREADY";
    case 19: return "PULL_NOT_FOUND";
    case 20: return "PULL_RETRY_IMMEDIATELY";
    case 21: return "PULL_OFFSET_MOVED";
    case 22: return "QUERY_NOT_FOUND";
    case 23: return "SUBSCRIPTION_PARSE_FAILED";
    case 24: return "SUBSCRIPTION_NOT_EXIST";
    case 25: return "SUBSCRIPTION_NOT_LATEST";
    case 26: return "SUBSCRIPTION_GROUP_NOT_EXIST";
    case 27: return "FILTER_DATA_NOT_EXIST";
    case 28: return "FILTER_DATA_NOT_LATEST";
    case 29: return "INVALID_PARAMETER";
    case 200: return "TRANSACTION_SHOULD_COMMIT";
    case 201: return "TRANSACTION_SHOULD_ROLLBACK";
    case 202: return "TRANSACTION_STATE_UNKNOW";
    case 203: return "TRANSACTION_STATE_GROUP_WRONG";
    case 204: return "NO_BUYER_ID";
    case 205: return "NOT_IN_CURRENT_UNIT";
    case 206: return "CONSUMER_NOT_ONLINE";
    case 207: return "CONSUME_MSG_TIMEOUT";
    case 208: return "NO_MESSAGE";
    case 209: return "UPDATE_AND_CREATE_ACL_CONFIG_FAILED";
    case 210: return "DELETE_ACL_CONFIG_FAILED";
    case 211: return "UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED";
    case kCodeUnknown: return "UNKNOWN";
    case kCodeNotConnected: return "NOT_CONNECTED";
    case kCodeSendFailed: return "SEND_FAILED";
    case kCodeTimeout: return "TIMEOUT";
    case kCodeInvalidArgument: return "INVALID_ARGUMENT";
    case kCodeCorruption: return "CORRUPTION";
    case kCodeIOError: return "IO_ERROR";
    case kCodeShutdown: return "SHUTDOWN";
    case kCodeNotFound: return "NOT_FOUND";
    default: return std::to_string(code);
  }
}

}  // namespace rocketmq
