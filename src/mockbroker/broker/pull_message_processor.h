// PullMessageProcessor: PULL_MESSAGE (11) (protocol.md §2.5, Java PullMessageProcessor 4.9.x):
// group/topic/queue/subscription checks with Java's codes and remarks, tag-hash filtering,
// store-status → response-code mapping, long polling through PullRequestHoldService, and the
// piggy-backed offset commit (FLAG_COMMIT_OFFSET).
#pragma once

#include <memory>
#include <optional>

#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

// PullSysFlag bits.
inline constexpr int32_t kPullFlagCommitOffset = 0x1;
inline constexpr int32_t kPullFlagSuspend = 0x2;
inline constexpr int32_t kPullFlagSubscription = 0x4;
inline constexpr int32_t kPullFlagClassFilter = 0x8;

class PullMessageProcessor : public remoting::RequestProcessor {
 public:
  explicit PullMessageProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override {
    return Process(channel, request, /*allow_suspend=*/true);
  }

  // The pull; nullopt when it was parked for long polling (allow_suspend only).
  std::optional<remoting::RemotingCommand> Process(
      const std::shared_ptr<remoting::Channel>& channel, const remoting::RemotingCommand& request,
      bool allow_suspend);

 private:
  BrokerController* const controller_;
};

}  // namespace rocketmq::broker
