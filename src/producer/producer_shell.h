// DefaultMQProducer::Impl: the state behind the public DefaultMQProducer (settings until start(),
// then the engine), and the helpers that turn engine outcomes into exceptions. Shared by the
// .cpp files of DefaultMQProducer and TransactionMQProducer.
#pragma once

#include <functional>
#include <memory>
#include <mutex>

#include "client/settings_registry.h"
#include "producer/default_mq_producer_impl.h"
#include "producer/producer_settings.h"
#include "rocketmq/default_mq_producer.h"

namespace rocketmq {

class TransactionListener;

// TransactionMQProducer's listener, shared with the engine's check threads, which may read it
// while the application replaces it.
struct TransactionListenerBox {
  std::mutex mu;
  TransactionListener* listener = nullptr;  // guarded by mu

  TransactionListener* Get() {
    std::lock_guard<std::mutex> lock(mu);
    return listener;
  }
};

class DefaultMQProducer::Impl {
 public:
  using EngineFactory =
      std::function<std::shared_ptr<producer::DefaultMQProducerImpl>(producer::ProducerConfig)>;

  producer::ProducerConfig config;
  SessionCredentials credentials;
  std::shared_ptr<producer::DefaultMQProducerImpl> engine;  // created by start()
  bool shut_down = false;
  std::mutex mu;
  // The keys set()/get() accept (TransactionMQProducer adds its own).
  const client::SettingsRegistry<producer::ProducerConfig>* settings =
      &producer::ProducerSettings();
  // Builds the engine at start(); null: a plain DefaultMQProducerImpl.
  EngineFactory make_engine;
  // TransactionMQProducer only.
  std::shared_ptr<TransactionListenerBox> transaction_listener;

  producer::DefaultMQProducerImpl& Engine() {
    if (!engine) {
      throw MQClientException("The producer service state not OK, CREATE_JUST", kCodeShutdown);
    }
    return *engine;
  }
  int64_t Timeout(long timeout_ms) const {
    return timeout_ms < 0 ? config.send_msg_timeout_ms : timeout_ms;
  }
};

namespace producer {

// Throws the MQBrokerException / MQClientException an outcome stands for.
[[noreturn]] void ThrowOutcome(const SendOutcome& o);
// Throws MQClientException(st) unless OK.
void ThrowIfError(const Status& st);
// A QueueSelectFunction calling the public selector (an exception in it selects nothing).
QueueSelectFunction AdaptSelector(MessageQueueSelector* selector, void* arg);

}  // namespace producer
}  // namespace rocketmq
