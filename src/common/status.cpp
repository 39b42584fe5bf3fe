#include "common/status.h"

#include "common/response_code.h"

namespace rocketmq {

bool Status::IsRetriable() const {
  switch (code()) {
    case kCodeNotConnected:
    case kCodeSendFailed:
    case kCodeTimeout:
    case ResponseCode::kSystemError:
    case ResponseCode::kSystemBusy:
    case ResponseCode::kServiceNotAvailable:
    case ResponseCode::kTopicNotExist:
    case ResponseCode::kNoPermission:
      return true;
    default:
      return false;
  }
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string name = ResponseCodeName(code());
  return name + ": " + message();
}

}  // namespace rocketmq
