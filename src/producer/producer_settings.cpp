#include "producer/producer_settings.h"

#include "client/client_settings.h"

namespace rocketmq::producer {

using client::kMaxInt32Setting;
using client::SettingsRegistry;

namespace {

void AddProducerKeys(SettingsRegistry<ProducerConfig>& r) {
  r.Include(client::ClientSettings(), RMQ_SETTING(client));
  r.Section("Producer");
  r.String("producerGroup", RMQ_SETTING(group),
           "Producer group: letters, digits, `%`, `_`, `-`; at most 255 characters.");
  r.Int("sendMsgTimeout", RMQ_SETTING(send_msg_timeout_ms), 1, kMaxInt32Setting,
        "One deadline for a send, covering every retry, ms.");
  r.Int("retryTimesWhenSendFailed", RMQ_SETTING(retry_times_when_send_failed), 0, 1000,
        "Extra attempts of a synchronous send, on another broker when there is one.");
  r.Int("retryTimesWhenSendAsyncFailed", RMQ_SETTING(retry_times_when_send_async_failed), 0, 1000,
        "Extra attempts of an asynchronous send after a transport failure.");
  r.Bool("retryAnotherBrokerWhenNotStoreOK", RMQ_SETTING(retry_another_broker_when_not_store_ok),
         "Retry on another broker when the status is not SEND_OK.");
  r.Int("compressMsgBodyOverHowmuch", RMQ_SETTING(compress_msg_body_over_howmuch), 0,
        kMaxInt32Setting, "Bodies at least this long are zlib-compressed, bytes.");
  r.Int("compressLevel", RMQ_SETTING(compress_level), 0, 9,
        "zlib level of compressed bodies (Java property rocketmq.message.compressLevel).");
  r.Int("maxMessageSize", RMQ_SETTING(max_message_size), 1, kMaxInt32Setting,
        "Largest body accepted, bytes.");
  r.Bool("sendLatencyFaultEnable", RMQ_SETTING(send_latency_fault_enable),
         "Avoid brokers that were slow or failed for a while.");
  r.String("createTopicKey", RMQ_SETTING(create_topic_key),
           "Template topic for topics the broker creates on first send.");
  r.Int("defaultTopicQueueNums", RMQ_SETTING(default_topic_queue_nums), 1, 1024,
        "Queue count asked for an auto-created topic.");
  r.Bool("sendSmartMsg", RMQ_SETTING(send_smart_msg),
         "Short V2 send headers (Java property org.apache.rocketmq.client.sendSmartMsg).");
}

SettingsRegistry<ProducerConfig> BuildProducer() {
  SettingsRegistry<ProducerConfig> r("DefaultMQProducer");
  AddProducerKeys(r);
  return r;
}

SettingsRegistry<ProducerConfig> BuildTransaction() {
  SettingsRegistry<ProducerConfig> r("TransactionMQProducer");
  AddProducerKeys(r);
  r.Section("TransactionMQProducer");
  r.Int("checkThreadPoolMinSize", RMQ_SETTING(check_thread_pool_min_size), 1, 1024,
        "Threads answering the brokers' transaction checks.");
  r.Int("checkThreadPoolMaxSize", RMQ_SETTING(check_thread_pool_max_size), 1, 1024,
        "Upper bound of those threads: extra ones start while the check queue is full.");
  r.Int("checkRequestHoldMax", RMQ_SETTING(check_request_hold_max), 1, kMaxInt32Setting,
        "Transaction checks waiting for a thread; later ones are dropped (the broker asks again).");
  return r;
}

}  // namespace

const SettingsRegistry<ProducerConfig>& ProducerSettings() {
  static const SettingsRegistry<ProducerConfig> registry = BuildProducer();
  return registry;
}

const SettingsRegistry<ProducerConfig>& TransactionProducerSettings() {
  static const SettingsRegistry<ProducerConfig> registry = BuildTransaction();
  return registry;
}

Status CheckTransactionSettings(const ProducerConfig& config) {
  if (config.check_thread_pool_min_size > config.check_thread_pool_max_size) {
    return Status::InvalidArgument("checkThreadPoolMinSize (" +
                                   std::to_string(config.check_thread_pool_min_size) +
                                   ") is larger than checkThreadPoolMaxSize (" +
                                   std::to_string(config.check_thread_pool_max_size) + ")");
  }
  return Status::OK();
}

}  // namespace rocketmq::producer
