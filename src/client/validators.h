// Client-side checks of names and messages (Java Validators and TopicValidator), so that a bad
// request fails before it leaves the process, with Java's wording.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/message.h"
#include "common/status.h"

namespace rocketmq::client {

inline constexpr size_t kTopicMaxLength = 127;  // Validators.TOPIC_MAX_LENGTH
inline constexpr size_t kGroupMaxLength = 255;  // Validators.CHARACTER_MAX_LENGTH
inline constexpr size_t kDefaultMaxMessageSize = 4 * 1024 * 1024;

// Only characters of ^[%|a-zA-Z0-9_-]+$.
bool IsValidResourceName(std::string_view name);
// InvalidArgument when blank, longer than 127, or with characters outside ^[%|a-zA-Z0-9_-]+$.
Status CheckTopic(std::string_view topic);
// InvalidArgument when blank, longer than 255, or with illegal characters.
Status CheckGroup(std::string_view group);
// Topics a client may not send to (SCHEDULE_TOPIC_XXXX, the transaction topics, ...).
bool IsNotAllowedSendTopic(std::string_view topic);
// Java Validators.checkMessage: topic valid and allowed, body present and at most
// `max_message_size` bytes. InvalidArgument otherwise.
Status CheckMessage(const Message& msg, size_t max_message_size);

}  // namespace rocketmq::client
