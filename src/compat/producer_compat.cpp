// The official C++ client members of DefaultMQProducer (include/rocketmq/default_mq_producer.h,
// "official C++ client" section).
#include <algorithm>
#include <string>
#include <vector>

#include "compat/legacy_options.h"
#include "producer/producer_shell.h"
#include "rocketmq/version.h"

namespace rocketmq {

std::string DefaultMQProducer::version() const { return Version(); }

SendResult DefaultMQProducer::sendSelectingActiveBroker(MQMessage& msg, bool) { return send(msg); }

void DefaultMQProducer::sendSelectingActiveBroker(MQMessage& msg, SendCallback* callback, bool) {
  send(msg, callback);
}

void DefaultMQProducer::sendOneway(MQMessage& msg, bool) { sendOneway(msg); }

SendResult DefaultMQProducer::send(MQMessage& msg, MessageQueueSelector* selector, void* arg,
                                   int auto_retry_times, bool) {
  if (selector == nullptr) throw MQClientException("the selector is null", kCodeInvalidArgument);
  if (auto_retry_times < 0) {
    throw MQClientException("autoRetryTimes must be >= 0", kCodeInvalidArgument);
  }
  std::vector<MQMessageQueue> mqs = fetchPublishMessageQueues(msg.getTopic());
  // The order the selector sees in send(msg, selector, arg): broker name, then queue id.
  std::sort(mqs.begin(), mqs.end(), [](const MQMessageQueue& a, const MQMessageQueue& b) {
    if (a.getBrokerName() != b.getBrokerName()) return a.getBrokerName() < b.getBrokerName();
    return a.getQueueId() < b.getQueueId();
  });
  MQMessageQueue mq = selector->select(mqs, msg, arg);
  size_t index = 0;
  for (size_t i = 0; i < mqs.size(); ++i) {
    if (mqs[i] == mq) index = i;
  }
  for (int attempt = 0;; ++attempt) {
    const bool last = attempt == auto_retry_times;
    try {
      SendResult r = send(msg, mq);
      if (r.getSendStatus() == SEND_OK || last) return r;
    } catch (const MQException&) {
      if (last) throw;
    }
    // As the official client: the next attempt goes to the queue after the last one.
    index = (index + 1) % mqs.size();
    mq = mqs[index];
  }
}

const std::string& DefaultMQProducer::getUnitName() const { return impl_->config.client.unit_name; }

int DefaultMQProducer::getCompressLevel() const { return impl_->config.compress_level; }

void DefaultMQProducer::setNamesrvDomain(const std::string& domain) {
  compat::CheckNamesrvDomain(domain);
  legacy_.namesrv_domain = domain;
}

void DefaultMQProducer::setLogLevel(elogLevel level) { compat::SetLegacyLogLevel(level); }

elogLevel DefaultMQProducer::getLogLevel() { return compat::GetLegacyLogLevel(); }

void DefaultMQProducer::setLogFileSizeAndNum(int file_num, long per_file_size_mb) {
  compat::SetLogFileSizeAndNum(&legacy_, file_num, per_file_size_mb);
}

void DefaultMQProducer::setMessageTrace(bool message_trace) {
  compat::SetMessageTrace(&legacy_, message_trace, getGroupName());
}

}  // namespace rocketmq
