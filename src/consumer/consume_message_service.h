// ConsumeMessageService: runs the listener over pulled messages (Java ConsumeMessageService),
// concurrently (ConsumeMessageConcurrentlyService) or in queue order
// (ConsumeMessageOrderlyService). Owned by the push consumer; the pull path submits work from
// remoting callback threads, the listener runs on the service's consume pool.
#pragma once

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "common/model/consumer_running_info.h"
#include "common/time_util.h"
#include "consumer/process_queue.h"
#include "consumer/rebalance_impl.h"

namespace rocketmq::consumer {

class ConsumeMessageService {
 public:
  virtual ~ConsumeMessageService() = default;
  virtual void Start() = 0;
  // Stops accepting work and waits for running listener calls.
  virtual void Shutdown() = 0;
  // Pulled messages of `mq` were cached in `owned.pq`; `dispatch` is PutMessages()'s answer.
  virtual void SubmitConsumeRequest(const std::vector<MessageExtPtr>& msgs, const OwnedQueue& owned,
                                    const MessageQueue& mq, bool dispatch) = 0;
  // CONSUME_MESSAGE_DIRECTLY: runs the listener on one message outside the normal flow.
  virtual ConsumeMessageDirectlyResult ConsumeMessageDirectly(MessageExtPtr msg,
                                                              const std::string& broker_name) = 0;
  virtual int CorePoolSize() const = 0;
};

// CONSUME_MESSAGE_DIRECTLY for either service: runs `listen` (which returns the CMResult of the
// listener's status), timing it and turning an exception into CR_THROW_EXCEPTION with its text.
template <typename Listen>
ConsumeMessageDirectlyResult RunConsumeMessageDirectly(bool order, Listen listen) {
  ConsumeMessageDirectlyResult result;
  result.order = order;
  result.auto_commit = true;
  const int64_t begin = NowMillis();
  try {
    result.consume_result = listen();
  } catch (const std::exception& e) {
    result.consume_result = kCMResultThrowException;
    result.remark = e.what();
  } catch (...) {
    result.consume_result = kCMResultThrowException;
    result.remark = "unknown exception";
  }
  result.spent_time_mills = NowMillis() - begin;
  return result;
}

}  // namespace rocketmq::consumer
