// What the send-type processors share (Java AbstractSendMessageProcessor, 4.9.x): the
// SendMessageRequestHeader read from either its long (V1) or its short (V2) field names, and
// msgCheck, the topic checks and auto-creation done before a message is built. Used by
// SendMessageProcessor (10/310/320) and ReplyMessageProcessor (324/325). Stateless functions,
// safe on any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/model/topic_config.h"
#include "common/status.h"
#include "remoting/channel.h"
#include "remoting/remoting_command.h"

namespace rocketmq::broker {

class BrokerController;

// SendMessageRequestHeader.
struct SendHeader {
  std::string producer_group;
  std::string topic;
  std::string default_topic;
  int32_t default_topic_queue_nums = 0;
  int32_t queue_id = 0;
  int32_t sys_flag = 0;
  int64_t born_timestamp = 0;
  int32_t flag = 0;
  std::string properties;
  std::optional<int32_t> reconsume_times;  // absent on the wire: nullopt (Java null)
  bool unit_mode = false;
  std::optional<int32_t> max_reconsume_times;
  bool batch = false;
};

// Reads the header of a SEND_MESSAGE-type request: short names for SEND_MESSAGE_V2,
// SEND_BATCH_MESSAGE and SEND_REPLY_MESSAGE_V2, long names otherwise. InvalidArgument with
// Java's "the custom field <name> is null" when a required field is missing or malformed.
Result<SendHeader> ParseSendHeader(const remoting::RemotingCommand& request);

// Outcome of MsgCheck: code SUCCESS with the topic's config, or Java's code and remark.
struct MsgCheckResult {
  int32_t code = 0;
  std::string remark;
  std::optional<TopicConfig> topic_config;
  bool ok() const { return code == 0; }
};

// Java msgCheck: broker write permission on ordered topics, topic name validity, topics clients
// may not send to, auto-creation through the default topic (or as a retry topic), and the queue
// id bound.
MsgCheckResult MsgCheck(BrokerController* controller,
                        const std::shared_ptr<remoting::Channel>& channel,
                        const SendHeader& header);

}  // namespace rocketmq::broker
