// Custom headers of the requests the client sends, as plain structs with their exact wire field
// names (protocol.md §2.4-§2.9). Each Encode() writes the fields into a request's extFields the
// way Java's CommandCustomHeader serialization does: every non-null field as a string, booleans
// as "true"/"false", absent optional fields omitted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "remoting/remoting_command.h"

namespace rocketmq::client {

// SendMessageRequestHeader (long names, SEND_MESSAGE) and its V2 short-name form
// (SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE): a..n.
struct SendMessageRequestHeader {
  std::string producer_group;                  // a
  std::string topic;                           // b
  std::string default_topic = "TBW102";        // c
  int32_t default_topic_queue_nums = 4;        // d
  int32_t queue_id = 0;                        // e
  int32_t sys_flag = 0;                        // f
  int64_t born_timestamp = 0;                  // g
  int32_t flag = 0;                            // h
  std::string properties;                      // i
  int32_t reconsume_times = 0;                 // j
  bool unit_mode = false;                      // k
  std::optional<int32_t> max_reconsume_times;  // l
  bool batch = false;                          // m
  std::string broker_name;                     // n ("bname"); omitted when empty

  void EncodeV1(remoting::RemotingCommand& request) const;
  void EncodeV2(remoting::RemotingCommand& request) const;
};

struct PullMessageRequestHeader {
  std::string consumer_group;
  std::string topic;
  int32_t queue_id = 0;
  int64_t queue_offset = 0;
  int32_t max_msg_nums = 32;
  int32_t sys_flag = 0;
  int64_t commit_offset = 0;
  int64_t suspend_timeout_millis = 0;
  std::optional<std::string> subscription;
  int64_t sub_version = 0;
  std::optional<std::string> expression_type;
  std::string broker_name;  // "bname" (4.9.8 sends it); omitted when empty

  void Encode(remoting::RemotingCommand& request) const;
};

// PullSysFlag bits (protocol.md §2.5).
inline constexpr int32_t kPullFlagCommitOffset = 0x1;
inline constexpr int32_t kPullFlagSuspend = 0x2;
inline constexpr int32_t kPullFlagSubscription = 0x4;
inline constexpr int32_t kPullFlagClassFilter = 0x8;
inline constexpr int32_t kPullFlagLitePull = 0x10;
int32_t BuildPullSysFlag(bool commit_offset, bool suspend, bool subscription, bool class_filter);

struct EndTransactionRequestHeader {
  std::string topic;  // 5.x; omitted when empty
  std::string producer_group;
  int64_t tran_state_table_offset = 0;
  int64_t commit_log_offset = 0;
  int32_t commit_or_rollback = 0;  // kSysFlagTransaction{Commit,Rollback,Not}Type
  bool from_transaction_check = false;
  std::string msg_id;
  std::string transaction_id;  // omitted when empty

  void Encode(remoting::RemotingCommand& request) const;
};

// CHECK_TRANSACTION_STATE (broker -> producer). 4.9.x sends the first five fields; 5.x adds
// topic and bname.
struct CheckTransactionStateRequestHeader {
  int64_t tran_state_table_offset = 0;  // required
  int64_t commit_log_offset = 0;        // required
  std::string msg_id;
  std::string transaction_id;
  std::string offset_msg_id;
  std::string topic;
  std::string broker_name;  // "bname"

  // InvalidArgument when a required field is missing or not a number.
  static Result<CheckTransactionStateRequestHeader> Decode(
      const remoting::RemotingCommand& request);
};

struct ConsumerSendMsgBackRequestHeader {
  int64_t offset = 0;
  std::string group;
  int32_t delay_level = 0;
  std::string origin_msg_id;
  std::string origin_topic;
  bool unit_mode = false;
  std::optional<int32_t> max_reconsume_times;
  std::string broker_name;  // "bname" (4.9.8 sends it); omitted when empty

  void Encode(remoting::RemotingCommand& request) const;
};

}  // namespace rocketmq::client
