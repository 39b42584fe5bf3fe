#include "consumer/consume_concurrently_service.h"

#include <exception>

#include "client/message_access.h"
#include "common/logging.h"
#include "common/message_const.h"
#include "common/time_util.h"
#include "consumer/message_wrap.h"
#include "consumer/push_consumer_impl.h"

namespace rocketmq::consumer {

namespace {
constexpr int64_t kSubmitLaterDelayMs = 5000;
constexpr int64_t kCleanExpiredIntervalMs = 15 * 60 * 1000;

}  // namespace

ConsumeConcurrentlyService::ConsumeConcurrentlyService(PushConsumerImpl* consumer)
    : consumer_(consumer) {}

ConsumeConcurrentlyService::~ConsumeConcurrentlyService() { Shutdown(); }

int ConsumeConcurrentlyService::CorePoolSize() const {
  return consumer_->config().consume_thread_min;
}

void ConsumeConcurrentlyService::Start() {
  pool_ = std::make_unique<ThreadPool>("ConsumeMessage",
                                       static_cast<size_t>(consumer_->config().consume_thread_min));
  clean_job_ = consumer_->consume_scheduler().Schedule(
      [this] { CleanExpiredMessages(); }, kCleanExpiredIntervalMs, kCleanExpiredIntervalMs);
}

void ConsumeConcurrentlyService::Shutdown() {
  if (clean_job_ != 0) consumer_->consume_scheduler().Cancel(clean_job_);
  clean_job_ = 0;
  if (pool_) pool_->Shutdown();
}

void ConsumeConcurrentlyService::SubmitConsumeRequest(const std::vector<MessageExtPtr>& msgs,
                                                      const OwnedQueue& owned,
                                                      const MessageQueue& mq, bool) {
  const size_t batch = static_cast<size_t>(consumer_->config().consume_message_batch_max_size);
  for (size_t i = 0; i < msgs.size(); i += batch) {
    const size_t end = std::min(msgs.size(), i + batch);
    Submit(std::vector<MessageExtPtr>(msgs.begin() + i, msgs.begin() + end), owned, mq);
  }
}

void ConsumeConcurrentlyService::Submit(std::vector<MessageExtPtr> msgs, const OwnedQueue& owned,
                                        const MessageQueue& mq) {
  if (!pool_->Submit([this, msgs, owned, mq]() mutable { Consume(std::move(msgs), owned, mq); })) {
    SubmitLater(std::move(msgs), owned, mq);
  }
}

void ConsumeConcurrentlyService::SubmitLater(std::vector<MessageExtPtr> msgs,
                                             const OwnedQueue& owned, const MessageQueue& mq) {
  consumer_->consume_scheduler().Schedule(
      [this, msgs = std::move(msgs), owned, mq]() mutable { Submit(std::move(msgs), owned, mq); },
      kSubmitLaterDelayMs);
}

void ConsumeConcurrentlyService::Consume(std::vector<MessageExtPtr> msgs, const OwnedQueue& owned,
                                         const MessageQueue& mq) {
  ProcessQueue& pq = *owned.pq;
  if (pq.dropped()) return;
  consumer_->ResetRetryAndNamespace(msgs);
  const std::string start = std::to_string(NowMillis());
  for (MessageExtPtr& m : msgs) m->PutProperty(kPropertyConsumeStartTimestamp, start);
  ConsumeConcurrentlyContext context(ToPublic(mq));
  ConsumeConcurrentlyStatus status = RECONSUME_LATER;
  const int64_t begin = SteadyMillis();
  try {
    status = consumer_->concurrently_listener()->consumeMessage(WrapAll(msgs), context);
  } catch (const std::exception& e) {
    RMQ_LOG(kWarn) << "consumeMessage exception: " << e.what() << " group " << consumer_->group()
                   << " " << mq.ToString();
    status = RECONSUME_LATER;
  } catch (...) {
    RMQ_LOG(kWarn) << "consumeMessage threw a non-standard exception, group " << consumer_->group()
                   << " " << mq.ToString();
    status = RECONSUME_LATER;
  }
  const int64_t rt = SteadyMillis() - begin;
  if (pq.dropped()) {
    RMQ_LOG(kInfo) << "processQueue is dropped without process consume result, " << mq.ToString();
    return;
  }
  // Java processConsumeResult.
  const int size = static_cast<int>(msgs.size());
  int ack_index = context.getAckIndex();
  if (status == CONSUME_SUCCESS) {
    if (ack_index >= size) ack_index = size - 1;
    consumer_->stats().AddConsumeOk(mq.topic, ack_index + 1, rt);
    if (size - ack_index - 1 > 0)
      consumer_->stats().AddConsumeFailed(mq.topic, size - ack_index - 1);
    consumer_->CountConsumed(mq, ack_index + 1, size - ack_index - 1);
  } else {
    ack_index = -1;
    consumer_->stats().AddConsumeFailed(mq.topic, size);
    consumer_->CountConsumed(mq, 0, size);
  }
  std::vector<MessageExtPtr> failed_back;
  if (ack_index + 1 < size) {
    if (!consumer_->clustering()) {
      for (int i = ack_index + 1; i < size; ++i) {
        RMQ_LOG(kWarn) << "BROADCASTING, the message consume failed, drop it, "
                       << msgs[i]->msg_id();
      }
    } else {
      std::vector<MessageExtPtr> done;
      for (int i = 0; i < size; ++i) {
        if (i <= ack_index) {
          done.push_back(msgs[i]);
          continue;
        }
        Status st = consumer_->SendMessageBack(*msgs[i], context.getDelayLevelWhenNextConsume(),
                                               mq.broker_name);
        if (st.ok()) {
          done.push_back(msgs[i]);
        } else {
          msgs[i]->set_reconsume_times(msgs[i]->reconsume_times() + 1);
          failed_back.push_back(msgs[i]);
        }
      }
      msgs.swap(done);
    }
  }
  const int64_t offset = pq.RemoveMessages(msgs);
  if (offset >= 0 && !pq.dropped()) consumer_->offset_store().UpdateOffset(mq, offset, true);
  if (!failed_back.empty()) SubmitLater(std::move(failed_back), owned, mq);
}

ConsumeMessageDirectlyResult ConsumeConcurrentlyService::ConsumeMessageDirectly(
    MessageExtPtr msg, const std::string& broker_name) {
  std::vector<MessageExtPtr> msgs{std::move(msg)};
  MessageQueue mq(msgs[0]->topic(), broker_name, msgs[0]->queue_id());
  consumer_->ResetRetryAndNamespace(msgs);
  ConsumeConcurrentlyContext context(ToPublic(mq));
  return RunConsumeMessageDirectly(/*order=*/false, [&] {
    ConsumeConcurrentlyStatus status =
        consumer_->concurrently_listener()->consumeMessage(WrapAll(msgs), context);
    return status == CONSUME_SUCCESS ? kCMResultSuccess : kCMResultLater;
  });
}

void ConsumeConcurrentlyService::CleanExpiredMessages() {
  const int64_t timeout_ms = consumer_->config().consume_timeout_minutes * 60 * 1000;
  for (const auto& [mq, owned] : consumer_->rebalance().ProcessQueueTable()) {
    for (int i = 0; i < 16; ++i) {
      MessageExtPtr msg = owned.pq->FirstExpiredMessage(timeout_ms);
      if (!msg) break;
      Status st = consumer_->SendMessageBack(*msg, 3, mq.broker_name);
      if (!st.ok()) break;
      if (owned.pq->FirstCachedOffset() == msg->queue_offset()) {
        owned.pq->RemoveMessages({msg});
      }
    }
  }
}

}  // namespace rocketmq::consumer
