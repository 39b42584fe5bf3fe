#include "client/validators.h"

#include <string>

namespace rocketmq::client {

bool IsValidResourceName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '%' || c == '|' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

namespace {
bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos; }
}  // namespace

Status CheckTopic(std::string_view topic) {
  if (IsBlank(topic)) return Status::InvalidArgument("The specified topic is blank");
  if (topic.size() > kTopicMaxLength) {
    return Status::InvalidArgument("The specified topic is longer than topic max length " +
                                   std::to_string(kTopicMaxLength) + ".");
  }
  if (!IsValidResourceName(topic)) {
    return Status::InvalidArgument("The specified topic[" + std::string(topic) +
                                   "] contains illegal characters, allowing only "
                                   "^[%|a-zA-Z0-9_-]+$");
  }
  return Status::OK();
}

Status CheckGroup(std::string_view group) {
  if (IsBlank(group)) return Status::InvalidArgument("the specified group is blank");
  if (group.size() > kGroupMaxLength) {
    return Status::InvalidArgument("the specified group is longer than group max length 255.");
  }
  if (!IsValidResourceName(group)) {
    return Status::InvalidArgument("the specified group[" + std::string(group) +
                                   "] contains illegal characters, allowing only "
                                   "^[%|a-zA-Z0-9_-]+$");
  }
  return Status::OK();
}

bool IsNotAllowedSendTopic(std::string_view topic) {
  static constexpr std::string_view kNotAllowed[] = {
      "SCHEDULE_TOPIC_XXXX",        "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRANS_OP_HALF_TOPIC",
      "TRANS_CHECK_MAX_TIME_TOPIC", "SELF_TEST_TOPIC",          "OFFSET_MOVED_EVENT",
  };
  for (std::string_view t : kNotAllowed) {
    if (t == topic) return true;
  }
  return false;
}

Status CheckMessage(const Message& msg, size_t max_message_size) {
  ROCKETMQ_RETURN_IF_ERROR(CheckTopic(msg.topic()));
  if (IsNotAllowedSendTopic(msg.topic())) {
    return Status::InvalidArgument("Sending message to topic[" + msg.topic() + "] is forbidden.");
  }
  if (msg.body().empty()) return Status::InvalidArgument("the message body length is zero");
  if (msg.body().size() > max_message_size) {
    return Status::InvalidArgument("the message body size over max value, MAX: " +
                                   std::to_string(max_message_size));
  }
  return Status::OK();
}

}  // namespace rocketmq::client
