#include "rocketmq/default_mq_push_consumer.h"

#include <mutex>

#include "client/message_access.h"
#include "consumer/consumer_settings.h"
#include "consumer/push_consumer_impl.h"

namespace rocketmq {

class DefaultMQPushConsumer::Impl {
 public:
  std::mutex mu;
  consumer::PushConsumerConfig config;
  MessageListenerConcurrently* concurrently = nullptr;
  MessageListenerOrderly* orderly = nullptr;
  SessionCredentials credentials;                      // as set, for getSessionCredentials()
  std::shared_ptr<consumer::PushConsumerImpl> engine;  // set by start()
  bool shut_down = false;

  void CheckNotStarted() const {
    if (engine != nullptr || shut_down) {
      throw MQClientException("the consumer configuration cannot change after start()",
                              kCodeInvalidArgument);
    }
  }
};

DefaultMQPushConsumer::DefaultMQPushConsumer(const std::string& group_name)
    : impl_(std::make_unique<Impl>()) {
  impl_->config.group = group_name;
}

DefaultMQPushConsumer::~DefaultMQPushConsumer() { shutdown(); }

void DefaultMQPushConsumer::start() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (impl_->shut_down) {
    throw MQClientException("the consumer was shut down; create a new one", kCodeInvalidArgument);
  }
  if (impl_->engine != nullptr) return;
  auto engine = std::make_shared<consumer::PushConsumerImpl>(impl_->config, impl_->concurrently,
                                                             impl_->orderly);
  Status st = engine->Start();
  if (!st.ok()) throw MQClientException(st.message(), st.code());
  impl_->engine = std::move(engine);
}

void DefaultMQPushConsumer::shutdown() {
  std::shared_ptr<consumer::PushConsumerImpl> engine;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->shut_down = true;
    engine = std::move(impl_->engine);
  }
  if (engine) engine->Shutdown();
}

void DefaultMQPushConsumer::subscribe(const std::string& topic, const std::string& expression) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->CheckNotStarted();
  if (topic.empty()) throw MQClientException("topic is empty", kCodeInvalidArgument);
  impl_->config.subscriptions[topic] = expression;
}

void DefaultMQPushConsumer::unsubscribe(const std::string& topic) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->CheckNotStarted();
  impl_->config.subscriptions.erase(topic);
}

void DefaultMQPushConsumer::registerMessageListener(MessageListenerConcurrently* listener) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->CheckNotStarted();
  impl_->concurrently = listener;
  impl_->orderly = nullptr;
}

void DefaultMQPushConsumer::registerMessageListener(MessageListenerOrderly* listener) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->CheckNotStarted();
  impl_->orderly = listener;
  impl_->concurrently = nullptr;
}

#define RMQ_PUSH_SETTER(method, type, field)       \
  void DefaultMQPushConsumer::method(type value) { \
    std::lock_guard<std::mutex> lock(impl_->mu);   \
    impl_->CheckNotStarted();                      \
    impl_->config.field = value;                   \
  }

RMQ_PUSH_SETTER(setNamesrvAddr, const std::string&, client.namesrv_addr)
RMQ_PUSH_SETTER(setGroupName, const std::string&, group)
RMQ_PUSH_SETTER(setInstanceName, const std::string&, client.instance_name)
RMQ_PUSH_SETTER(setClientIP, const std::string&, client.client_ip)
RMQ_PUSH_SETTER(setUnitName, const std::string&, client.unit_name)
RMQ_PUSH_SETTER(setNamespace, const std::string&, client.name_space)
RMQ_PUSH_SETTER(setUseTLS, bool, client.use_tls)
RMQ_PUSH_SETTER(setPollNameServerInterval, int, client.poll_name_server_interval_ms)
RMQ_PUSH_SETTER(setHeartbeatBrokerInterval, int, client.heartbeat_broker_interval_ms)
RMQ_PUSH_SETTER(setPersistConsumerOffsetInterval, int, client.persist_consumer_offset_interval_ms)
RMQ_PUSH_SETTER(setMessageModel, MessageModel, message_model)
RMQ_PUSH_SETTER(setConsumeFromWhere, ConsumeFromWhere, consume_from_where)
RMQ_PUSH_SETTER(setConsumeTimestamp, const std::string&, consume_timestamp)
RMQ_PUSH_SETTER(setAllocateMessageQueueStrategy, const std::string&, allocate_strategy)
RMQ_PUSH_SETTER(setConsumeThreadMin, int, consume_thread_min)
RMQ_PUSH_SETTER(setConsumeThreadMax, int, consume_thread_max)
RMQ_PUSH_SETTER(setConsumeMessageBatchMaxSize, int, consume_message_batch_max_size)
RMQ_PUSH_SETTER(setPullBatchSize, int, pull_batch_size)
RMQ_PUSH_SETTER(setPullInterval, int64_t, pull_interval_ms)
RMQ_PUSH_SETTER(setPullThresholdForQueue, int, pull_threshold_for_queue)
RMQ_PUSH_SETTER(setPullThresholdSizeForQueue, int, pull_threshold_size_for_queue_mib)
RMQ_PUSH_SETTER(setConsumeConcurrentlyMaxSpan, int, consume_concurrently_max_span)
RMQ_PUSH_SETTER(setMaxReconsumeTimes, int, max_reconsume_times)
RMQ_PUSH_SETTER(setSuspendCurrentQueueTimeMillis, int64_t, suspend_current_queue_time_millis)
RMQ_PUSH_SETTER(setConsumeTimeout, int64_t, consume_timeout_minutes)
RMQ_PUSH_SETTER(setPostSubscriptionWhenPull, bool, post_subscription_when_pull)
RMQ_PUSH_SETTER(setOffsetStoreDir, const std::string&, offset_store_dir)
RMQ_PUSH_SETTER(setStatisticsOptions, const StatisticsOptions&, statistics)
#undef RMQ_PUSH_SETTER

std::string DefaultMQPushConsumer::getStatistics() const {
  std::shared_ptr<consumer::PushConsumerImpl> engine;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    engine = impl_->engine;
  }
  return engine ? engine->StatisticsJson() : std::string();
}

const std::string& DefaultMQPushConsumer::getNamesrvAddr() const {
  return impl_->config.client.namesrv_addr;
}
const std::string& DefaultMQPushConsumer::getGroupName() const { return impl_->config.group; }
const std::string& DefaultMQPushConsumer::getInstanceName() const {
  return impl_->config.client.instance_name;
}
MessageModel DefaultMQPushConsumer::getMessageModel() const { return impl_->config.message_model; }
ConsumeFromWhere DefaultMQPushConsumer::getConsumeFromWhere() const {
  return impl_->config.consume_from_where;
}
const std::string& DefaultMQPushConsumer::getConsumeTimestamp() const {
  return impl_->config.consume_timestamp;
}
int DefaultMQPushConsumer::getConsumeMessageBatchMaxSize() const {
  return impl_->config.consume_message_batch_max_size;
}
int DefaultMQPushConsumer::getMaxReconsumeTimes() const {
  return impl_->config.max_reconsume_times;
}

void DefaultMQPushConsumer::setSessionCredentials(const SessionCredentials& credentials) {
  setSessionCredentials(credentials.getAccessKey(), credentials.getSecretKey(),
                        credentials.getAuthChannel());
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->config.client.credentials.security_token = credentials.getSecurityToken();
  impl_->credentials.setSecurityToken(credentials.getSecurityToken());
}

void DefaultMQPushConsumer::setSessionCredentials(const std::string& access_key,
                                                  const std::string& secret_key,
                                                  const std::string& auth_channel) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->CheckNotStarted();
  impl_->config.client.credentials.access_key = access_key;
  impl_->config.client.credentials.secret_key = secret_key;
  impl_->credentials = SessionCredentials(access_key, secret_key, auth_channel);
}

void DefaultMQPushConsumer::set(const std::string& key, const std::string& value) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (impl_->engine != nullptr || impl_->shut_down) {
    throw MQClientException("setting " + key + ": settings can only change before start()",
                            kCodeInvalidArgument);
  }
  Status st = consumer::PushConsumerSettings().Set(impl_->config, key, value);
  if (!st.ok()) throw MQClientException(st.message(), st.code());
}

std::string DefaultMQPushConsumer::get(const std::string& key) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  Result<std::string> v = consumer::PushConsumerSettings().Get(impl_->config, key);
  if (!v.ok()) throw MQClientException(v.status().message(), v.status().code());
  return *v;
}

std::string DefaultMQPushConsumer::getClientId() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->engine ? impl_->engine->client_id() : impl_->config.client.BuildClientId();
}

void DefaultMQPushConsumer::sendMessageBack(const MQMessageExt& msg, int delay_level) {
  std::shared_ptr<consumer::PushConsumerImpl> engine;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    engine = impl_->engine;
  }
  if (!engine) throw MQClientException("the consumer is not running", kCodeInvalidArgument);
  const MessageExt& m = MQMessageAccess::Get(msg);
  Status st = engine->SendMessageBack(m, delay_level, m.broker_name());
  if (!st.ok()) throw MQClientException(st.message(), st.code());
}

// ---- official C++ client names that read the configuration (the rest: src/compat) ----

MessageListenerType DefaultMQPushConsumer::getMessageListenerType() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (impl_->orderly != nullptr) return impl_->orderly->getMessageListenerType();
  if (impl_->concurrently != nullptr) return impl_->concurrently->getMessageListenerType();
  return messageListenerDefaultly;
}
const std::string& DefaultMQPushConsumer::getNameSpace() const {
  return impl_->config.client.name_space;
}
const std::string& DefaultMQPushConsumer::getUnitName() const {
  return impl_->config.client.unit_name;
}
const SessionCredentials& DefaultMQPushConsumer::getSessionCredentials() const {
  return impl_->credentials;
}
bool DefaultMQPushConsumer::getEnableSsl() const { return impl_->config.client.use_tls; }
int DefaultMQPushConsumer::getConsumeThreadCount() const {
  return impl_->config.consume_thread_min;
}
int DefaultMQPushConsumer::getMaxCacheMsgSizePerQueue() const {
  return impl_->config.pull_threshold_for_queue;
}

}  // namespace rocketmq
