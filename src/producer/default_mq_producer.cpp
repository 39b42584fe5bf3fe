// The public DefaultMQProducer (include/rocketmq/default_mq_producer.h): a thin shell that keeps
// the settings until start(), forwards to DefaultMQProducerImpl, and turns its outcomes into
// exceptions (blocking calls) or callback invocations (asynchronous calls).
#include "rocketmq/default_mq_producer.h"

#include "client/message_access.h"
#include "producer/default_mq_producer_impl.h"
#include "producer/producer_shell.h"

namespace rocketmq {

using producer::DefaultMQProducerImpl;
using producer::SendOutcome;

namespace producer {

void ThrowOutcome(const SendOutcome& o) {
  if (o.broker_error) throw MQBrokerException(o.status.code(), o.status.message(), o.broker_addr);
  throw MQClientException(o.status.message(), o.status.code());
}

void ThrowIfError(const Status& st) {
  if (!st.ok()) throw MQClientException(st.message(), st.code());
}

QueueSelectFunction AdaptSelector(MessageQueueSelector* selector, void* arg) {
  return [selector, arg](const std::vector<MessageQueue>& mqs,
                         const Message& msg) -> std::optional<MessageQueue> {
    std::vector<MQMessageQueue> pub;
    pub.reserve(mqs.size());
    for (const MessageQueue& q : mqs) pub.push_back(ToPublic(q));
    MQMessageExt view = MQMessageAccess::Wrap(MessageExt());
    static_cast<Message&>(MQMessageAccess::Get(view)) = msg;
    try {
      return ToInternal(selector->select(pub, view, arg));
    } catch (...) {
      return std::nullopt;
    }
  };
}

}  // namespace producer

namespace {

using producer::ThrowIfError;

SendResult Unwrap(const SendOutcome& o) {
  if (!o.ok()) producer::ThrowOutcome(o);
  return o.result;
}

// Runs the public callback for an outcome, exceptions included (never lets one escape), then
// deletes a callback that asked for it (the official C++ client's AutoDeleteSendCallBack).
void Deliver(SendCallback* cb, SendOutcome o) {
  // A callback that throws must not kill a library thread; Java ignores it too.
  try {
    if (o.ok()) {
      cb->onSuccess(o.result);
    } else if (o.broker_error) {
      MQBrokerException e(o.status.code(), o.status.message(), o.broker_addr);
      cb->onException(e);
    } else {
      MQClientException e(o.status.message(), o.status.code());
      cb->onException(e);
    }
  } catch (...) {
  }
  if (cb->getSendCallbackType() == autoDeleteSendCallback) delete cb;
}

producer::QueueSelectFunction Adapt(MessageQueueSelector* selector, void* arg) {
  return producer::AdaptSelector(selector, arg);
}

std::vector<Message> ToInternal(const std::vector<MQMessage>& msgs) {
  std::vector<Message> out;
  out.reserve(msgs.size());
  for (const MQMessage& m : msgs) out.push_back(MQMessageAccess::Get(m));
  return out;
}

// Writes the ids the batch assigned back into the caller's messages.
void CopyIdsBack(const std::vector<Message>& internal, std::vector<MQMessage>& msgs) {
  for (size_t i = 0; i < msgs.size() && i < internal.size(); ++i) {
    MQMessageAccess::Get(msgs[i]).set_unique_key(internal[i].unique_key());
  }
}

}  // namespace

DefaultMQProducer::DefaultMQProducer(const std::string& group_name)
    : impl_(std::make_unique<Impl>()) {
  impl_->config.group = group_name;
}

DefaultMQProducer::~DefaultMQProducer() { shutdown(); }

void DefaultMQProducer::start() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (impl_->engine && impl_->engine->running()) return;
  if (impl_->shut_down) {
    throw MQClientException(
        "The producer service state not OK, maybe started once, SHUTDOWN_ALREADY", kCodeShutdown);
  }
  producer::ProducerConfig config = impl_->config;
  config.client.credentials.access_key = impl_->credentials.getAccessKey();
  config.client.credentials.secret_key = impl_->credentials.getSecretKey();
  config.client.credentials.security_token = impl_->credentials.getSecurityToken();
  std::shared_ptr<DefaultMQProducerImpl> engine =
      impl_->make_engine ? impl_->make_engine(std::move(config))
                         : std::make_shared<DefaultMQProducerImpl>(std::move(config));
  ThrowIfError(engine->Start());
  impl_->engine = std::move(engine);
}

void DefaultMQProducer::shutdown() {
  std::shared_ptr<DefaultMQProducerImpl> engine;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->shut_down = true;
    engine = impl_->engine;
  }
  if (engine) engine->Shutdown();
}

// ---- configuration ----

void DefaultMQProducer::setNamesrvAddr(const std::string& addr) {
  impl_->config.client.namesrv_addr = addr;
}
const std::string& DefaultMQProducer::getNamesrvAddr() const {
  return impl_->config.client.namesrv_addr;
}
void DefaultMQProducer::setGroupName(const std::string& group) { impl_->config.group = group; }
const std::string& DefaultMQProducer::getGroupName() const { return impl_->config.group; }
void DefaultMQProducer::setInstanceName(const std::string& name) {
  impl_->config.client.instance_name = name;
}
const std::string& DefaultMQProducer::getInstanceName() const {
  return impl_->config.client.instance_name;
}
void DefaultMQProducer::setClientIP(const std::string& ip) { impl_->config.client.client_ip = ip; }
const std::string& DefaultMQProducer::getClientIP() const { return impl_->config.client.client_ip; }
void DefaultMQProducer::setUnitName(const std::string& unit) {
  impl_->config.client.unit_name = unit;
}
void DefaultMQProducer::setNamespace(const std::string& name_space) {
  impl_->config.client.name_space = name_space;
}
const std::string& DefaultMQProducer::getNamespace() const {
  return impl_->config.client.name_space;
}
void DefaultMQProducer::setSessionCredentials(const SessionCredentials& credentials) {
  impl_->credentials = credentials;
}
void DefaultMQProducer::setSessionCredentials(const std::string& access_key,
                                              const std::string& secret_key,
                                              const std::string& auth_channel) {
  impl_->credentials = SessionCredentials(access_key, secret_key, auth_channel);
}
const SessionCredentials& DefaultMQProducer::getSessionCredentials() const {
  return impl_->credentials;
}
void DefaultMQProducer::setUseTLS(bool use_tls) { impl_->config.client.use_tls = use_tls; }
bool DefaultMQProducer::isUseTLS() const { return impl_->config.client.use_tls; }
void DefaultMQProducer::setPollNameServerInterval(int ms) {
  impl_->config.client.poll_name_server_interval_ms = ms;
}
void DefaultMQProducer::setHeartbeatBrokerInterval(int ms) {
  impl_->config.client.heartbeat_broker_interval_ms = ms;
}
void DefaultMQProducer::setMqClientApiTimeout(int ms) {
  impl_->config.client.mq_client_api_timeout_ms = ms;
}
void DefaultMQProducer::setSendMsgTimeout(int ms) { impl_->config.send_msg_timeout_ms = ms; }
int DefaultMQProducer::getSendMsgTimeout() const {
  return static_cast<int>(impl_->config.send_msg_timeout_ms);
}
void DefaultMQProducer::setRetryTimesWhenSendFailed(int times) {
  impl_->config.retry_times_when_send_failed = times;
}
int DefaultMQProducer::getRetryTimesWhenSendFailed() const {
  return impl_->config.retry_times_when_send_failed;
}
void DefaultMQProducer::setRetryTimesWhenSendAsyncFailed(int times) {
  impl_->config.retry_times_when_send_async_failed = times;
}
int DefaultMQProducer::getRetryTimesWhenSendAsyncFailed() const {
  return impl_->config.retry_times_when_send_async_failed;
}
void DefaultMQProducer::setRetryAnotherBrokerWhenNotStoreOK(bool retry) {
  impl_->config.retry_another_broker_when_not_store_ok = retry;
}
void DefaultMQProducer::setCompressMsgBodyOverHowmuch(int bytes) {
  impl_->config.compress_msg_body_over_howmuch = static_cast<size_t>(std::max(0, bytes));
}
int DefaultMQProducer::getCompressMsgBodyOverHowmuch() const {
  return static_cast<int>(impl_->config.compress_msg_body_over_howmuch);
}
void DefaultMQProducer::setCompressLevel(int level) { impl_->config.compress_level = level; }
void DefaultMQProducer::setMaxMessageSize(int bytes) {
  impl_->config.max_message_size = static_cast<size_t>(std::max(0, bytes));
}
int DefaultMQProducer::getMaxMessageSize() const {
  return static_cast<int>(impl_->config.max_message_size);
}
void DefaultMQProducer::setSendLatencyFaultEnable(bool enable) {
  impl_->config.send_latency_fault_enable = enable;
}
bool DefaultMQProducer::isSendLatencyFaultEnable() const {
  return impl_->config.send_latency_fault_enable;
}
void DefaultMQProducer::setCreateTopicKey(const std::string& key) {
  impl_->config.create_topic_key = key;
}
void DefaultMQProducer::setDefaultTopicQueueNums(int nums) {
  impl_->config.default_topic_queue_nums = nums;
}
void DefaultMQProducer::setCallbackThreads(int threads) {
  impl_->config.client.callback_threads = static_cast<size_t>(std::max(0, threads));
}
void DefaultMQProducer::setStatisticsOptions(const StatisticsOptions& options) {
  impl_->config.statistics = options;
}
std::string DefaultMQProducer::getStatistics() const {
  std::shared_ptr<producer::DefaultMQProducerImpl> engine;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    engine = impl_->engine;
  }
  return engine ? engine->StatisticsJson() : std::string();
}
void DefaultMQProducer::set(const std::string& key, const std::string& value) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (impl_->engine || impl_->shut_down) {
    throw MQClientException("setting " + key + ": settings can only change before start()",
                            kCodeInvalidArgument);
  }
  // The credentials live in the public SessionCredentials until start().
  producer::ProducerConfig& config = impl_->config;
  config.client.credentials.access_key = impl_->credentials.getAccessKey();
  config.client.credentials.secret_key = impl_->credentials.getSecretKey();
  config.client.credentials.security_token = impl_->credentials.getSecurityToken();
  ThrowIfError(impl_->settings->Set(config, key, value));
  impl_->credentials.setAccessKey(config.client.credentials.access_key);
  impl_->credentials.setSecretKey(config.client.credentials.secret_key);
  impl_->credentials.setSecurityToken(config.client.credentials.security_token);
}

std::string DefaultMQProducer::get(const std::string& key) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  producer::ProducerConfig config = impl_->config;
  config.client.credentials.access_key = impl_->credentials.getAccessKey();
  config.client.credentials.secret_key = impl_->credentials.getSecretKey();
  config.client.credentials.security_token = impl_->credentials.getSecurityToken();
  Result<std::string> v = impl_->settings->Get(config, key);
  ThrowIfError(v.status());
  return *v;
}

std::string DefaultMQProducer::getClientId() const {
  return impl_->engine ? impl_->engine->client_id() : impl_->config.client.BuildClientId();
}

// ---- sync ----

SendResult DefaultMQProducer::send(MQMessage& msg) { return send(msg, -1L); }
SendResult DefaultMQProducer::send(MQMessage& msg, long timeout_ms) {
  return Unwrap(impl_->Engine().Send(MQMessageAccess::Get(msg), impl_->Timeout(timeout_ms)));
}
SendResult DefaultMQProducer::send(MQMessage& msg, const MQMessageQueue& mq) {
  return send(msg, mq, -1L);
}
SendResult DefaultMQProducer::send(MQMessage& msg, const MQMessageQueue& mq, long timeout_ms) {
  return Unwrap(
      impl_->Engine().Send(MQMessageAccess::Get(msg), ToInternal(mq), impl_->Timeout(timeout_ms)));
}
SendResult DefaultMQProducer::send(MQMessage& msg, MessageQueueSelector* selector, void* arg) {
  return send(msg, selector, arg, -1L);
}
SendResult DefaultMQProducer::send(MQMessage& msg, MessageQueueSelector* selector, void* arg,
                                   long timeout_ms) {
  if (selector == nullptr) throw MQClientException("the selector is null", kCodeInvalidArgument);
  return Unwrap(impl_->Engine().Send(MQMessageAccess::Get(msg), Adapt(selector, arg),
                                     impl_->Timeout(timeout_ms)));
}
SendResult DefaultMQProducer::send(std::vector<MQMessage>& msgs) { return send(msgs, -1L); }
SendResult DefaultMQProducer::send(std::vector<MQMessage>& msgs, long timeout_ms) {
  std::vector<Message> internal = ToInternal(msgs);
  SendOutcome o = impl_->Engine().SendBatch(internal, nullptr, impl_->Timeout(timeout_ms));
  CopyIdsBack(internal, msgs);
  return Unwrap(o);
}
SendResult DefaultMQProducer::send(std::vector<MQMessage>& msgs, const MQMessageQueue& mq) {
  return send(msgs, mq, -1L);
}
SendResult DefaultMQProducer::send(std::vector<MQMessage>& msgs, const MQMessageQueue& mq,
                                   long timeout_ms) {
  std::vector<Message> internal = ToInternal(msgs);
  MessageQueue target = ToInternal(mq);
  SendOutcome o = impl_->Engine().SendBatch(internal, &target, impl_->Timeout(timeout_ms));
  CopyIdsBack(internal, msgs);
  return Unwrap(o);
}

// ---- async ----

namespace {
producer::SendOutcomeCallback ToOutcomeCallback(SendCallback* cb) {
  return [cb](SendOutcome o) { Deliver(cb, std::move(o)); };
}
}  // namespace

void DefaultMQProducer::send(MQMessage& msg, SendCallback* callback) { send(msg, callback, -1L); }
void DefaultMQProducer::send(MQMessage& msg, SendCallback* callback, long timeout_ms) {
  if (callback == nullptr) throw MQClientException("the callback is null", kCodeInvalidArgument);
  ThrowIfError(impl_->Engine().SendAsync(MQMessageAccess::Get(msg), nullptr, nullptr,
                                         impl_->Timeout(timeout_ms), ToOutcomeCallback(callback)));
}
void DefaultMQProducer::send(MQMessage& msg, const MQMessageQueue& mq, SendCallback* callback) {
  send(msg, mq, callback, -1L);
}
void DefaultMQProducer::send(MQMessage& msg, const MQMessageQueue& mq, SendCallback* callback,
                             long timeout_ms) {
  if (callback == nullptr) throw MQClientException("the callback is null", kCodeInvalidArgument);
  MessageQueue target = ToInternal(mq);
  ThrowIfError(impl_->Engine().SendAsync(MQMessageAccess::Get(msg), &target, nullptr,
                                         impl_->Timeout(timeout_ms), ToOutcomeCallback(callback)));
}
void DefaultMQProducer::send(MQMessage& msg, MessageQueueSelector* selector, void* arg,
                             SendCallback* callback) {
  send(msg, selector, arg, callback, -1L);
}
void DefaultMQProducer::send(MQMessage& msg, MessageQueueSelector* selector, void* arg,
                             SendCallback* callback, long timeout_ms) {
  if (callback == nullptr) throw MQClientException("the callback is null", kCodeInvalidArgument);
  if (selector == nullptr) throw MQClientException("the selector is null", kCodeInvalidArgument);
  producer::QueueSelectFunction fn = Adapt(selector, arg);
  ThrowIfError(impl_->Engine().SendAsync(MQMessageAccess::Get(msg), nullptr, &fn,
                                         impl_->Timeout(timeout_ms), ToOutcomeCallback(callback)));
}
void DefaultMQProducer::send(std::vector<MQMessage>& msgs, SendCallback* callback) {
  send(msgs, callback, -1L);
}
void DefaultMQProducer::send(std::vector<MQMessage>& msgs, SendCallback* callback,
                             long timeout_ms) {
  if (callback == nullptr) throw MQClientException("the callback is null", kCodeInvalidArgument);
  std::vector<Message> internal = ToInternal(msgs);
  Status st = impl_->Engine().SendBatchAsync(internal, nullptr, impl_->Timeout(timeout_ms),
                                             ToOutcomeCallback(callback));
  CopyIdsBack(internal, msgs);
  ThrowIfError(st);
}

void DefaultMQProducer::send(MQMessage& msg, SuccessFunction on_success,
                             ExceptionFunction on_exception, long timeout_ms) {
  if (!on_success || !on_exception) {
    throw MQClientException("the callbacks are empty", kCodeInvalidArgument);
  }
  auto cb = [on_success = std::move(on_success),
             on_exception = std::move(on_exception)](SendOutcome o) {
    if (o.ok()) {
      try {
        on_success(o.result);
      } catch (...) {
      }
      return;
    }
    try {
      if (o.broker_error) {
        MQBrokerException e(o.status.code(), o.status.message(), o.broker_addr);
        on_exception(e);
      } else {
        MQClientException e(o.status.message(), o.status.code());
        on_exception(e);
      }
    } catch (...) {
    }
  };
  ThrowIfError(impl_->Engine().SendAsync(MQMessageAccess::Get(msg), nullptr, nullptr,
                                         impl_->Timeout(timeout_ms), std::move(cb)));
}

// ---- oneway ----

void DefaultMQProducer::sendOneway(MQMessage& msg) {
  ThrowIfError(impl_->Engine().SendOneway(MQMessageAccess::Get(msg)));
}
void DefaultMQProducer::sendOneway(MQMessage& msg, const MQMessageQueue& mq) {
  ThrowIfError(impl_->Engine().SendOneway(MQMessageAccess::Get(msg), ToInternal(mq)));
}
void DefaultMQProducer::sendOneway(MQMessage& msg, MessageQueueSelector* selector, void* arg) {
  if (selector == nullptr) throw MQClientException("the selector is null", kCodeInvalidArgument);
  ThrowIfError(impl_->Engine().SendOneway(MQMessageAccess::Get(msg), Adapt(selector, arg)));
}

std::vector<MQMessageQueue> DefaultMQProducer::fetchPublishMessageQueues(const std::string& topic) {
  Result<std::vector<MessageQueue>> r = impl_->Engine().FetchPublishMessageQueues(topic);
  ThrowIfError(r.status());
  std::vector<MQMessageQueue> out;
  for (const MessageQueue& q : *r) out.push_back(ToPublic(q));
  return out;
}

}  // namespace rocketmq
