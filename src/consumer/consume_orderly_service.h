// ConsumeOrderlyService: runs a MessageListenerOrderly one batch at a time per queue, in queue
// order (Java ConsumeMessageOrderlyService). In clustering mode a queue is consumed only while
// this client holds its broker lock (LOCK_BATCH_MQ, renewed every 20 s); a batch answered
// SUSPEND_CURRENT_QUEUE_A_MOMENT is put back and retried after suspendCurrentQueueTimeMillis,
// until maxReconsumeTimes, when it is published to %RETRY%<group> (and so reaches the DLQ).
//
// Owned by PushConsumerImpl. Thread-safe: one consume task per queue runs at a time (a per-queue
// mutex), on a pool of consumeThreadMin threads.
#pragma once

#include <map>
#include <memory>
#include <mutex>

#include "common/thread_pool.h"
#include "consumer/consume_message_service.h"
#include "rocketmq/message_listener.h"

namespace rocketmq::consumer {

class PushConsumerImpl;

class ConsumeOrderlyService : public ConsumeMessageService {
 public:
  explicit ConsumeOrderlyService(PushConsumerImpl* consumer);
  ~ConsumeOrderlyService() override;

  void Start() override;
  void Shutdown() override;
  void SubmitConsumeRequest(const std::vector<MessageExtPtr>& msgs, const OwnedQueue& owned,
                            const MessageQueue& mq, bool dispatch) override;
  ConsumeMessageDirectlyResult ConsumeMessageDirectly(MessageExtPtr msg,
                                                      const std::string& broker_name) override;
  int CorePoolSize() const override;

 private:
  void Submit(const OwnedQueue& owned, const MessageQueue& mq);
  void SubmitLater(const OwnedQueue& owned, const MessageQueue& mq, int64_t delay_ms);
  void TryLockLaterAndReconsume(const OwnedQueue& owned, const MessageQueue& mq, int64_t delay_ms);
  void Consume(const OwnedQueue& owned, const MessageQueue& mq);
  // Java processConsumeResult; true to go on with the next batch.
  bool ProcessConsumeResult(std::vector<MessageExtPtr>& msgs, ConsumeOrderlyStatus status,
                            int64_t suspend_ms, const OwnedQueue& owned, const MessageQueue& mq);
  // Java checkReconsumeTimes: true when the batch must be retried locally.
  bool CheckReconsumeTimes(std::vector<MessageExtPtr>& msgs);
  std::shared_ptr<std::mutex> QueueLock(const MessageQueue& mq);

  PushConsumerImpl* const consumer_;
  std::unique_ptr<ThreadPool> pool_;
  uint64_t lock_job_ = 0;
  std::mutex locks_mu_;
  std::map<MessageQueue, std::shared_ptr<std::mutex>> queue_locks_;  // guarded by locks_mu_
};

}  // namespace rocketmq::consumer
