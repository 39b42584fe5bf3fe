// ConsumeConcurrentlyService: runs a MessageListenerConcurrently over pulled messages in batches
// of consumeMessageBatchMaxSize on a pool of consumeThreadMin threads (Java
// ConsumeMessageConcurrentlyService). After each call it removes the batch from the ProcessQueue
// and moves the queue's offset to the oldest message still cached; failed messages of a
// clustering group are sent back for retry (re-tried locally 5 s later when even that fails).
// Every 15 minutes it sends back messages stuck in the listener longer than consumeTimeout.
//
// Owned by PushConsumerImpl. Thread-safe.
#pragma once

#include <memory>

#include "common/thread_pool.h"
#include "consumer/consume_message_service.h"

namespace rocketmq::consumer {

class PushConsumerImpl;

class ConsumeConcurrentlyService : public ConsumeMessageService {
 public:
  explicit ConsumeConcurrentlyService(PushConsumerImpl* consumer);
  ~ConsumeConcurrentlyService() override;

  void Start() override;
  void Shutdown() override;
  void SubmitConsumeRequest(const std::vector<MessageExtPtr>& msgs, const OwnedQueue& owned,
                            const MessageQueue& mq, bool dispatch) override;
  ConsumeMessageDirectlyResult ConsumeMessageDirectly(MessageExtPtr msg,
                                                      const std::string& broker_name) override;
  int CorePoolSize() const override;

 private:
  void Submit(std::vector<MessageExtPtr> msgs, const OwnedQueue& owned, const MessageQueue& mq);
  void SubmitLater(std::vector<MessageExtPtr> msgs, const OwnedQueue& owned,
                   const MessageQueue& mq);
  void Consume(std::vector<MessageExtPtr> msgs, const OwnedQueue& owned, const MessageQueue& mq);
  void CleanExpiredMessages();

  PushConsumerImpl* const consumer_;
  std::unique_ptr<ThreadPool> pool_;
  uint64_t clean_job_ = 0;
};

}  // namespace rocketmq::consumer
