// The requests brokers send to consumers (Java ClientRemotingProcessor, consumer half):
//   NOTIFY_CONSUMER_IDS_CHANGED (40)   -> rebalance every consumer of the instance now
//   RESET_CONSUMER_CLIENT_OFFSET (220) -> reset the group's offsets (both body forms of §2.16)
//   GET_CONSUMER_RUNNING_INFO (307)    -> ConsumerRunningInfo of the group
//   CONSUME_MESSAGE_DIRECTLY (309)     -> run the group's listener on one message
//   GET_CONSUMER_STATUS_FROM_CLIENT (221) -> the group's offsets of one topic
// Registered on the ClientInstance by each consumer at start (the same handler every time); it
// finds the consumer by group. Runs on remoting worker threads.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "client/client_instance.h"
#include "common/model/consumer_running_info.h"
#include "consumer/process_queue.h"
#include "remoting/remoting_command.h"

namespace rocketmq::consumer {

// MQVersion.getVersionDesc of remoting::kCurrentVersion (409): a running info's
// PROP_CLIENT_VERSION.
inline constexpr char kClientVersionDesc[] = "V4_9_8";
static_assert(remoting::kCurrentVersion == 409, "update kClientVersionDesc");

// Implemented by consumers that answer broker-initiated requests.
class ConsumerRequestHandler {
 public:
  virtual ~ConsumerRequestHandler() = default;
  virtual ConsumerRunningInfo RunningInfo(bool jstack) = 0;
  // nullopt when this consumer cannot consume directly (e.g. not running).
  virtual std::optional<ConsumeMessageDirectlyResult> ConsumeMessageDirectly(
      MessageExtPtr msg, const std::string& broker_name) = 0;
  virtual void ResetOffset(const std::string& topic,
                           const std::map<MessageQueue, int64_t>& offsets) = 0;
  virtual void RebalanceImmediately() = 0;
  // GET_CONSUMER_STATUS_FROM_CLIENT: the offsets this consumer holds for `topic` (all topics
  // when empty), as Java's offsetStore.cloneOffsetTable.
  virtual std::map<MessageQueue, int64_t> ConsumerStatus(const std::string& topic) = 0;
};

// Registers the five processors on `instance` (which must outlive them: they die with its
// remoting client).
void RegisterConsumerProcessors(client::ClientInstance* instance);

// Decodes a RESET_CONSUMER_CLIENT_OFFSET body in either form (ResetOffsetBody with MessageQueue
// object keys, or the array form ResetOffsetBodyForC). An empty body is an empty table.
Result<std::map<MessageQueue, int64_t>> DecodeResetOffsetBody(const std::string& body);

}  // namespace rocketmq::consumer
