// PullRequestHoldService: long polling (Java PullRequestHoldService, protocol.md §2.5). A pull
// that found nothing new and had FLAG_SUSPEND is parked here per topic/queue; it is re-executed
// when a message for that queue is dispatched (and passes the pull's tag filter), when its hold
// time is over, or by the periodic re-check (every 5 s with long polling, every
// shortPollingTimeMills without).
//
// Threads: one hold thread (periodic re-check and deadlines). NotifyMessageArriving is called on
// the store's dispatcher thread and only hands matched pulls to the executor (never blocks).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "mockbroker/store/message_store.h"
#include "remoting/channel.h"
#include "remoting/remoting_command.h"

namespace rocketmq::broker {

struct HeldPullRequest {
  std::shared_ptr<remoting::Channel> channel;
  remoting::RemotingCommand request;
  int64_t suspend_timestamp = 0;  // epoch ms
  int64_t timeout_ms = 0;         // hold time
  int64_t pull_from_offset = 0;
  store::TagsCodeFilter filter;  // null: every message matches
};

class PullRequestHoldService {
 public:
  // Re-runs a pull without suspension and answers it (the controller submits it to the pull
  // pool). Must not block.
  using Executor = std::function<void(HeldPullRequest)>;

  PullRequestHoldService(store::MessageStore* store, Executor executor, int64_t check_interval_ms);
  ~PullRequestHoldService();  // Shutdown()
  PullRequestHoldService(const PullRequestHoldService&) = delete;
  PullRequestHoldService& operator=(const PullRequestHoldService&) = delete;

  void Start();
  // Stops the thread; parked pulls are dropped (their connections are closing anyway).
  void Shutdown();

  void SuspendPullRequest(const std::string& topic, int32_t queue_id, HeldPullRequest request);
  // `max_offset` is the queue's new max offset; `tags_code` the arriving message's tag hash
  // (nullopt: unknown, every held pull with an older offset is re-run).
  void NotifyMessageArriving(const std::string& topic, int32_t queue_id, int64_t max_offset,
                             std::optional<int64_t> tags_code);
  size_t HeldCount() const;

 private:
  void Run();
  void CheckHoldRequests();

  store::MessageStore* const store_;
  const Executor executor_;
  const int64_t check_interval_ms_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, std::vector<HeldPullRequest>> table_;  // "topic@queueId", guarded by mu_
  bool stopping_ = false;                                      // guarded by mu_
  bool started_ = false;
  std::thread thread_;
};

}  // namespace rocketmq::broker
