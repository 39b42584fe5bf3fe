// The official C++ client members of DefaultMQPushConsumer that need no access to its
// configuration (the others are in src/consumer/default_mq_push_consumer.cpp).
#include <string>
#include <vector>

#include "common/status.h"
#include "compat/legacy_options.h"
#include "rocketmq/default_mq_push_consumer.h"
#include "rocketmq/version.h"

namespace rocketmq {

namespace {

// A plain MQMessageListener (messageListenerDefaultly) consumed concurrently.
class PlainConcurrentListener : public MessageListenerConcurrently {
 public:
  explicit PlainConcurrentListener(MQMessageListener* target) : target_(target) {}
  ConsumeStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override {
    return target_->consumeMessage(msgs);
  }
  MessageListenerType getMessageListenerType() override {
    return target_->getMessageListenerType();
  }

 private:
  MQMessageListener* target_;
};

// An MQMessageListener that says messageListenerOrderly without deriving from
// MessageListenerOrderly.
class PlainOrderlyListener : public MessageListenerOrderly {
 public:
  explicit PlainOrderlyListener(MQMessageListener* target) : target_(target) {}
  ConsumeStatus consumeMessage(const std::vector<MQMessageExt>& msgs) override {
    return target_->consumeMessage(msgs);
  }

 private:
  MQMessageListener* target_;
};

}  // namespace

std::string DefaultMQPushConsumer::version() const { return Version(); }

void DefaultMQPushConsumer::registerMessageListener(MQMessageListener* listener) {
  if (listener == nullptr) throw MQClientException("the listener is null", kCodeInvalidArgument);
  if (listener->getMessageListenerType() == messageListenerOrderly) {
    if (auto* orderly = dynamic_cast<MessageListenerOrderly*>(listener)) {
      registerMessageListener(orderly);
      listener_adapter_.reset();
      return;
    }
    auto adapter = std::make_unique<PlainOrderlyListener>(listener);
    registerMessageListener(adapter.get());
    listener_adapter_ = std::move(adapter);
    return;
  }
  if (auto* concurrently = dynamic_cast<MessageListenerConcurrently*>(listener)) {
    registerMessageListener(concurrently);
    listener_adapter_.reset();
    return;
  }
  auto adapter = std::make_unique<PlainConcurrentListener>(listener);
  registerMessageListener(adapter.get());
  listener_adapter_ = std::move(adapter);
}

void DefaultMQPushConsumer::setMaxCacheMsgSizePerQueue(int max_cache_size) {
  if (max_cache_size < 1 || max_cache_size > 65535) {
    throw MQClientException("maxCacheMsgSizePerQueue must be in [1, 65535]", kCodeInvalidArgument);
  }
  setPullThresholdForQueue(max_cache_size);
}

void DefaultMQPushConsumer::setNamesrvDomain(const std::string& domain) {
  compat::CheckNamesrvDomain(domain);
  legacy_.namesrv_domain = domain;
}

void DefaultMQPushConsumer::setLogLevel(elogLevel level) { compat::SetLegacyLogLevel(level); }

elogLevel DefaultMQPushConsumer::getLogLevel() { return compat::GetLegacyLogLevel(); }

void DefaultMQPushConsumer::setLogFileSizeAndNum(int file_num, long per_file_size_mb) {
  compat::SetLogFileSizeAndNum(&legacy_, file_num, per_file_size_mb);
}

void DefaultMQPushConsumer::setMessageTrace(bool message_trace) {
  compat::SetMessageTrace(&legacy_, message_trace, getGroupName());
}

}  // namespace rocketmq
