#include "rocketmq/consumer_types.h"

namespace rocketmq {

const char* MessageModelName(MessageModel model) {
  return model == BROADCASTING ? "BROADCASTING" : "CLUSTERING";
}

const char* ConsumeFromWhereName(ConsumeFromWhere where) {
  switch (where) {
    case CONSUME_FROM_LAST_OFFSET:
      return "CONSUME_FROM_LAST_OFFSET";
    case CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST:
      return "CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST";
    case CONSUME_FROM_MIN_OFFSET:
      return "CONSUME_FROM_MIN_OFFSET";
    case CONSUME_FROM_MAX_OFFSET:
      return "CONSUME_FROM_MAX_OFFSET";
    case CONSUME_FROM_FIRST_OFFSET:
      return "CONSUME_FROM_FIRST_OFFSET";
    case CONSUME_FROM_TIMESTAMP:
      return "CONSUME_FROM_TIMESTAMP";
  }
  return "CONSUME_FROM_LAST_OFFSET";
}

}  // namespace rocketmq
