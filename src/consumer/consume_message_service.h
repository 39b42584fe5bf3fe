// ConsumeMessageService: runs the listener over pulled messages (Java ConsumeMessageService),
// concurrently (ConsumeMessageConcurrentlyService) or in queue order
// (ConsumeMessageOrderlyService). Owned by the push consumer; the pull path submits work from
// remoting callback threads, the listener runs on the service's consume pool.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/model/consumer_running_info.h"
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

}  // namespace rocketmq::consumer
