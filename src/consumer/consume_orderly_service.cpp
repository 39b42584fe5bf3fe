#include "consumer/consume_orderly_service.h"

#include <algorithm>
#include <exception>

#include "client/message_access.h"
#include "common/logging.h"
#include "common/message_const.h"
#include "common/time_util.h"
#include "consumer/message_wrap.h"
#include "consumer/push_consumer_impl.h"

namespace rocketmq::consumer {

namespace {
// Java MAX_TIME_CONSUME_CONTINUOUSLY: give other queues a turn after a minute.
constexpr int64_t kMaxTimeConsumeContinuouslyMs = 60000;

}  // namespace

ConsumeOrderlyService::ConsumeOrderlyService(PushConsumerImpl* consumer) : consumer_(consumer) {}

ConsumeOrderlyService::~ConsumeOrderlyService() { Shutdown(); }

int ConsumeOrderlyService::CorePoolSize() const { return consumer_->config().consume_thread_min; }

void ConsumeOrderlyService::Start() {
  pool_ = std::make_unique<ThreadPool>("ConsumeOrderly",
                                       static_cast<size_t>(consumer_->config().consume_thread_min));
  if (consumer_->clustering()) {
    lock_job_ = consumer_->consume_scheduler().Schedule(
        [this] { consumer_->rebalance().LockAll(); }, 1000, ProcessQueue::kRebalanceLockIntervalMs);
  }
}

void ConsumeOrderlyService::Shutdown() {
  if (lock_job_ != 0) consumer_->consume_scheduler().Cancel(lock_job_);
  lock_job_ = 0;
  if (pool_) pool_->Shutdown();
}

std::shared_ptr<std::mutex> ConsumeOrderlyService::QueueLock(const MessageQueue& mq) {
  std::lock_guard<std::mutex> lock(locks_mu_);
  std::shared_ptr<std::mutex>& m = queue_locks_[mq];
  if (!m) m = std::make_shared<std::mutex>();
  return m;
}

void ConsumeOrderlyService::SubmitConsumeRequest(const std::vector<MessageExtPtr>&,
                                                 const OwnedQueue& owned, const MessageQueue& mq,
                                                 bool dispatch) {
  if (dispatch) Submit(owned, mq);
}

void ConsumeOrderlyService::Submit(const OwnedQueue& owned, const MessageQueue& mq) {
  if (!pool_->Submit([this, owned, mq] { Consume(owned, mq); })) SubmitLater(owned, mq, 100);
}

void ConsumeOrderlyService::SubmitLater(const OwnedQueue& owned, const MessageQueue& mq,
                                        int64_t delay_ms) {
  delay_ms = std::clamp<int64_t>(delay_ms, 10, 30000);
  consumer_->consume_scheduler().Schedule([this, owned, mq] { Submit(owned, mq); }, delay_ms);
}

void ConsumeOrderlyService::TryLockLaterAndReconsume(const OwnedQueue& owned,
                                                     const MessageQueue& mq, int64_t delay_ms) {
  consumer_->consume_scheduler().Schedule(
      [this, owned, mq] {
        const bool locked = consumer_->rebalance().Lock(mq);
        SubmitLater(owned, mq, locked ? 10 : 3000);
      },
      delay_ms);
}

void ConsumeOrderlyService::Consume(const OwnedQueue& owned, const MessageQueue& mq) {
  ProcessQueue& pq = *owned.pq;
  if (pq.dropped()) return;
  std::shared_ptr<std::mutex> queue_lock = QueueLock(mq);
  std::lock_guard<std::mutex> serial(*queue_lock);
  const bool clustering = consumer_->clustering();
  if (clustering && (!pq.locked() || pq.IsLockExpired())) {
    if (!pq.dropped()) TryLockLaterAndReconsume(owned, mq, 100);
    return;
  }
  const int64_t begin = SteadyMillis();
  for (bool go_on = true; go_on;) {
    if (pq.dropped()) break;
    if (clustering && (!pq.locked() || pq.IsLockExpired())) {
      TryLockLaterAndReconsume(owned, mq, 10);
      break;
    }
    if (SteadyMillis() - begin > kMaxTimeConsumeContinuouslyMs) {
      SubmitLater(owned, mq, 10);
      break;
    }
    std::vector<MessageExtPtr> msgs =
        pq.TakeMessages(consumer_->config().consume_message_batch_max_size);
    if (msgs.empty()) break;
    consumer_->ResetRetryAndNamespace(msgs);
    ConsumeOrderlyContext context(ToPublic(mq));
    ConsumeOrderlyStatus status = SUSPEND_CURRENT_QUEUE_A_MOMENT;
    const int64_t call_begin = SteadyMillis();
    {
      std::lock_guard<ConsumeLock> consuming(pq.consume_lock());
      if (pq.dropped()) break;
      try {
        status = consumer_->orderly_listener()->consumeMessage(WrapAll(msgs), context);
      } catch (const std::exception& e) {
        RMQ_LOG(kWarn) << "consumeMessage exception: " << e.what() << " group "
                       << consumer_->group() << " " << mq.ToString();
        status = SUSPEND_CURRENT_QUEUE_A_MOMENT;
      } catch (...) {
        status = SUSPEND_CURRENT_QUEUE_A_MOMENT;
      }
    }
    const int64_t rt = SteadyMillis() - call_begin;
    if (status == SUCCESS) {
      consumer_->stats().AddConsumeOk(mq.topic, static_cast<int64_t>(msgs.size()), rt);
      consumer_->CountConsumed(mq, static_cast<int64_t>(msgs.size()), 0);
    } else {
      consumer_->stats().AddConsumeFailed(mq.topic, static_cast<int64_t>(msgs.size()));
      consumer_->CountConsumed(mq, 0, static_cast<int64_t>(msgs.size()));
    }
    const int64_t suspend = context.getSuspendCurrentQueueTimeMillis() >= 0
                                ? context.getSuspendCurrentQueueTimeMillis()
                                : consumer_->config().suspend_current_queue_time_millis;
    go_on = ProcessConsumeResult(msgs, status, suspend, owned, mq);
  }
}

bool ConsumeOrderlyService::ProcessConsumeResult(std::vector<MessageExtPtr>& msgs,
                                                 ConsumeOrderlyStatus status, int64_t suspend_ms,
                                                 const OwnedQueue& owned, const MessageQueue& mq) {
  ProcessQueue& pq = *owned.pq;
  bool go_on = true;
  int64_t commit_offset = -1;
  if (status == SUCCESS) {
    commit_offset = pq.Commit();
  } else if (CheckReconsumeTimes(msgs)) {
    pq.MakeMessagesToConsumeAgain(msgs);
    SubmitLater(owned, mq, suspend_ms);
    go_on = false;
  } else {
    commit_offset = pq.Commit();
  }
  if (commit_offset >= 0 && !pq.dropped()) {
    consumer_->offset_store().UpdateOffset(mq, commit_offset, false);
  }
  return go_on;
}

bool ConsumeOrderlyService::CheckReconsumeTimes(std::vector<MessageExtPtr>& msgs) {
  bool suspend = false;
  const int max = consumer_->MaxReconsumeTimes();
  for (MessageExtPtr& msg : msgs) {
    if (msg->reconsume_times() >= max) {
      msg->PutProperty(kPropertyReconsumeTime, std::to_string(msg->reconsume_times()));
      if (!consumer_->SendToRetryTopic(*msg, 3 + msg->reconsume_times()).ok()) {
        suspend = true;
        msg->set_reconsume_times(msg->reconsume_times() + 1);
      }
    } else {
      suspend = true;
      msg->set_reconsume_times(msg->reconsume_times() + 1);
    }
  }
  return suspend;
}

ConsumeMessageDirectlyResult ConsumeOrderlyService::ConsumeMessageDirectly(
    MessageExtPtr msg, const std::string& broker_name) {
  std::vector<MessageExtPtr> msgs{std::move(msg)};
  MessageQueue mq(msgs[0]->topic(), broker_name, msgs[0]->queue_id());
  consumer_->ResetRetryAndNamespace(msgs);
  ConsumeOrderlyContext context(ToPublic(mq));
  return RunConsumeMessageDirectly(/*order=*/true, [&] {
    ConsumeOrderlyStatus status =
        consumer_->orderly_listener()->consumeMessage(WrapAll(msgs), context);
    return status == SUCCESS ? kCMResultSuccess : kCMResultLater;
  });
}

}  // namespace rocketmq::consumer
