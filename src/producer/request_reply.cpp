#include "producer/request_reply.h"

#include <cstdio>
#include <mutex>
#include <random>

#include "client/namespace_util.h"
#include "common/logging.h"
#include "common/message_const.h"
#include "common/time_util.h"

namespace rocketmq::producer {

namespace {

constexpr char kReplyTopicPostfix[] = "REPLY_TOPIC";  // Java MixAll.REPLY_TOPIC_POSTFIX

// The send error of a request, written by a send callback thread and read by the requester.
class SendFailure {
 public:
  void Set(SendOutcome o) {
    std::lock_guard<std::mutex> lock(mu_);
    outcome_ = std::move(o);
  }
  SendOutcome Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    return outcome_;
  }

 private:
  mutable std::mutex mu_;
  SendOutcome outcome_;  // guarded by mu_; OK status = no failure
};

// Sets the request properties and makes sure the broker knows this client (Java
// prepareSendRequest): without a heartbeat the broker cannot push the reply.
Status PrepareSendRequest(DefaultMQProducerImpl& producer, Message& msg, int64_t timeout_ms) {
  if (!producer.running()) {
    return Status::ShutdownInProgress("The producer service state not OK, not running");
  }
  client::ClientInstance* instance = producer.instance();
  msg.PutProperty(kPropertyCorrelationId, CreateCorrelationId());
  msg.PutProperty(kPropertyMessageReplyToClient, instance->client_id());
  msg.PutProperty(kPropertyMessageTtl, std::to_string(timeout_ms));
  const std::string topic = client::WrapNamespace(producer.config().client.name_space, msg.topic());
  if (!instance->GetTopicRoute(topic)) {
    const int64_t begin = SteadyMillis();
    producer.TryToFindTopicPublishInfo(topic);
    instance->SendHeartbeatToAllBrokers();
    const int64_t cost = SteadyMillis() - begin;
    if (cost > 500) RMQ_LOG(kWarn) << "prepare send request for <" << topic << "> cost " << cost;
  }
  return Status::OK();
}

}  // namespace

std::string CreateCorrelationId() {
  thread_local std::mt19937_64 rng(std::random_device{}() ^ static_cast<uint64_t>(SteadyMillis())
                                                                << 20);
  uint64_t hi = rng();
  uint64_t lo = rng();
  hi = (hi & ~0xF000ull) | 0x4000ull;                  // version 4
  lo = (lo & ~(0xC000ull << 48)) | (0x8000ull << 48);  // IETF variant
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
  return buf;
}

RequestOutcome Request(DefaultMQProducerImpl& producer, Message& msg, const MessageQueue* mq,
                       const QueueSelectFunction* selector, int64_t timeout_ms) {
  RequestOutcome out;
  const int64_t begin = SteadyMillis();
  out.status = PrepareSendRequest(producer, msg, timeout_ms);
  if (!out.status.ok()) return out;
  const std::string correlation_id = msg.GetProperty(kPropertyCorrelationId);
  client::RequestFutureTable& table = producer.instance()->request_futures();
  auto future =
      std::make_shared<client::RequestResponseFuture>(correlation_id, timeout_ms, nullptr);
  table.Add(future);
  auto failure = std::make_shared<SendFailure>();  // written before the future completes
  const int64_t cost = SteadyMillis() - begin;
  Status st =
      producer.SendAsync(msg, mq, selector, timeout_ms - cost, [future, failure](SendOutcome o) {
        if (o.ok()) {
          future->set_send_ok(true);
          return;
        }
        failure->Set(o);
        future->set_send_ok(false);
        future->Complete(o.status);
      });
  if (!st.ok()) {
    failure->Set(SendOutcome::ClientError(st));
    future->Complete(st);
  }
  std::optional<Result<MessageExt>> got = future->Wait(timeout_ms - cost);
  table.Remove(correlation_id);
  if (got && got->ok()) {
    out.reply = std::move(*got).value();
    return out;
  }
  const SendOutcome failed = failure->Get();
  if (failed.status.ok() && future->send_ok()) {
    out.reply_timeout = true;
    out.status = Status::Timeout("send request message to <" + msg.topic() +
                                 "> OK, but wait reply message timeout, " +
                                 std::to_string(timeout_ms) + " ms.");
    return out;
  }
  // Java: the send failed, or had not even completed when the time was up.
  const Status& cause = failed.status;
  out.broker_error = failed.broker_error;
  out.broker_addr = failed.broker_addr;
  std::string text = "send request message to <" + msg.topic() + "> fail";
  if (!cause.ok()) text += ": " + cause.message();
  out.status = Status(cause.ok() ? kCodeTimeout : cause.code(), text);
  return out;
}

Status RequestAsync(DefaultMQProducerImpl& producer, Message& msg, const MessageQueue* mq,
                    const QueueSelectFunction* selector, int64_t timeout_ms,
                    RequestOutcomeCallback callback) {
  const int64_t begin = SteadyMillis();
  ROCKETMQ_RETURN_IF_ERROR(PrepareSendRequest(producer, msg, timeout_ms));
  const std::string correlation_id = msg.GetProperty(kPropertyCorrelationId);
  auto failure = std::make_shared<SendFailure>();
  auto future = std::make_shared<client::RequestResponseFuture>(
      correlation_id, timeout_ms, [failure, callback = std::move(callback)](Result<MessageExt> r) {
        RequestOutcome out;
        const SendOutcome failed = failure->Get();
        if (r.ok()) {
          out.reply = std::move(r).value();
        } else if (!failed.status.ok()) {
          out.status = failed.status;
          out.broker_error = failed.broker_error;
          out.broker_addr = failed.broker_addr;
        } else {
          out.status = r.status();
          out.reply_timeout = r.status().IsTimeout();
        }
        callback(std::move(out));
      });
  client::RequestFutureTable* table = &producer.instance()->request_futures();
  table->Add(future);
  const int64_t cost = SteadyMillis() - begin;
  // The table belongs to the client instance, which outlives every producer using it; a send
  // callback still running after the instance went away finds the future already failed.
  std::weak_ptr<client::RequestResponseFuture> weak = future;
  Status st = producer.SendAsync(msg, mq, selector, timeout_ms - cost,
                                 [weak, failure, correlation_id, table](SendOutcome o) {
                                   std::shared_ptr<client::RequestResponseFuture> f = weak.lock();
                                   if (!f) return;
                                   if (o.ok()) {
                                     f->set_send_ok(true);
                                     return;
                                   }
                                   failure->Set(o);
                                   // Java requestFail: only the caller that removes the future
                                   // completes it.
                                   if (table->Remove(correlation_id) != nullptr)
                                     f->Complete(o.status);
                                 });
  if (!st.ok()) {
    failure->Set(SendOutcome::ClientError(st));
    if (table->Remove(correlation_id) != nullptr) future->Complete(st);
  }
  return Status::OK();
}

Result<Message> CreateReplyMessage(const Message& request, std::string body) {
  const std::string cluster = request.GetProperty(kPropertyCluster);
  if (cluster.empty()) {
    return Status::InvalidArgument(std::string("create reply message fail, requestMessage error, "
                                               "property[") +
                                   kPropertyCluster + "] is null.");
  }
  Message reply;
  reply.set_body(std::move(body));
  reply.set_topic(cluster + "_" + kReplyTopicPostfix);
  reply.PutProperty(kPropertyMessageType, kReplyMessageFlag);
  reply.PutProperty(kPropertyCorrelationId, request.GetProperty(kPropertyCorrelationId));
  reply.PutProperty(kPropertyMessageReplyToClient,
                    request.GetProperty(kPropertyMessageReplyToClient));
  reply.PutProperty(kPropertyMessageTtl, request.GetProperty(kPropertyMessageTtl));
  return reply;
}

}  // namespace rocketmq::producer
