// DefaultMQPushConsumer: receives messages pushed to a listener (Java DefaultMQPushConsumer /
// official C++ client DefaultMQPushConsumer). The consumer long-polls the brokers for the queues
// the group's rebalance gives it and calls the listener from its consume threads.
//
//   rocketmq::DefaultMQPushConsumer consumer("my_group");
//   consumer.setNamesrvAddr("127.0.0.1:9876");
//   consumer.subscribe("TopicTest", "TagA || TagB");
//   consumer.registerMessageListener(&my_listener);   // not owned
//   consumer.start();
//   ...
//   consumer.shutdown();
//
// Clustering (default): the group's queues are split among its instances, offsets are stored by
// the brokers, failed messages come back through %RETRY%<group>. Broadcasting: every instance gets
// every message, offsets are kept in ~/.rocketmq_offsets/<clientId>/<group>/offsets.json.
//
// Threads: configure before start(); start()/shutdown() from one thread. Blocking calls throw
// MQClientException. The listener runs on the consumer's consume threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "rocketmq/consumer_types.h"
#include "rocketmq/message_listener.h"
#include "rocketmq/mq_exception.h"
#include "rocketmq/mq_message_ext.h"
#include "rocketmq/session_credentials.h"

namespace rocketmq {

class DefaultMQPushConsumer {
 public:
  // `group_name`: the consumer group (letters, digits, '%', '_', '-'; at most 255 characters).
  explicit DefaultMQPushConsumer(const std::string& group_name = "");
  // Calls shutdown().
  virtual ~DefaultMQPushConsumer();
  DefaultMQPushConsumer(const DefaultMQPushConsumer&) = delete;
  DefaultMQPushConsumer& operator=(const DefaultMQPushConsumer&) = delete;

  // ---- lifecycle ----
  // Validates the configuration (a listener and at least one subscription are required), joins
  // the shared client instance, and starts pulling once the first rebalance assigned queues.
  // Throws MQClientException on a bad configuration or after shutdown().
  void start();
  // Stops pulling, waits for running listener calls, persists the offsets, unlocks orderly
  // queues and unregisters the group from the brokers. Idempotent; cannot be restarted.
  void shutdown();

  // ---- subscription and listener (before start()) ----
  // Subscribes `topic` with a tag expression: "*" (all), "TagA", "TagA || TagB".
  void subscribe(const std::string& topic, const std::string& sub_expression);
  void unsubscribe(const std::string& topic);
  // Exactly one listener; not owned: it must outlive the consumer.
  void registerMessageListener(MessageListenerConcurrently* listener);
  void registerMessageListener(MessageListenerOrderly* listener);

  // ---- client configuration (before start()), as DefaultMQProducer ----
  void setNamesrvAddr(const std::string& addr);
  const std::string& getNamesrvAddr() const;
  void setGroupName(const std::string& group);
  const std::string& getGroupName() const;
  void setConsumerGroup(const std::string& group) { setGroupName(group); }
  void setInstanceName(const std::string& name);
  const std::string& getInstanceName() const;
  void setClientIP(const std::string& ip);
  void setUnitName(const std::string& unit);
  void setNamespace(const std::string& name_space);
  void setSessionCredentials(const SessionCredentials& credentials);
  void setSessionCredentials(const std::string& access_key, const std::string& secret_key,
                             const std::string& auth_channel = "ALIYUN");
  void setUseTLS(bool use_tls);
  void setPollNameServerInterval(int ms);
  void setHeartbeatBrokerInterval(int ms);
  // How often cached offsets are sent to the brokers, ms (default 5000).
  void setPersistConsumerOffsetInterval(int ms);

  // ---- consumer configuration (before start()) ----
  void setMessageModel(MessageModel model);
  MessageModel getMessageModel() const;
  void setConsumeFromWhere(ConsumeFromWhere where);
  ConsumeFromWhere getConsumeFromWhere() const;
  // For CONSUME_FROM_TIMESTAMP: "yyyyMMddHHmmss", local time (default: 30 minutes ago).
  void setConsumeTimestamp(const std::string& timestamp);
  const std::string& getConsumeTimestamp() const;
  // Queue allocation: "AVG" (default), "AVG_BY_CIRCLE" or "CONSISTENT_HASH".
  void setAllocateMessageQueueStrategy(const std::string& name);
  // Consume threads (default 20 / 20; the pool has consumeThreadMin threads, as Java's).
  void setConsumeThreadMin(int threads);
  void setConsumeThreadMax(int threads);
  void setConsumeThreadCount(int threads) { setConsumeThreadMin(threads); }
  // Messages per listener call (default 1).
  void setConsumeMessageBatchMaxSize(int size);
  int getConsumeMessageBatchMaxSize() const;
  // Messages per pull (default 32).
  void setPullBatchSize(int size);
  // Delay between pulls of a queue, ms (default 0).
  void setPullInterval(int64_t ms);
  // Flow control: stop pulling a queue above this many cached messages (default 1000) ...
  void setPullThresholdForQueue(int messages);
  // ... or cached MiB (default 100) ...
  void setPullThresholdSizeForQueue(int mib);
  // ... or (concurrent consumers) this offset span between oldest and newest cached message
  // (default 2000).
  void setConsumeConcurrentlyMaxSpan(int span);
  // Attempts before a message goes to the dead-letter queue; -1 (default): 16 concurrently,
  // unlimited orderly.
  void setMaxReconsumeTimes(int times);
  int getMaxReconsumeTimes() const;
  // Orderly: pause of SUSPEND_CURRENT_QUEUE_A_MOMENT, ms (default 1000).
  void setSuspendCurrentQueueTimeMillis(int64_t ms);
  // A message whose listener call started longer ago than this is sent back for retry,
  // minutes (default 15).
  void setConsumeTimeout(int64_t minutes);
  // Send the subscription expression with every pull (default false).
  void setPostSubscriptionWhenPull(bool post);
  // Base directory of the broadcasting offset files (default ~/.rocketmq_offsets).
  void setOffsetStoreDir(const std::string& dir);

  // ---- settings by name (before start()) ----
  // Sets any setting by its Java name ("consumeThreadMin" -> "10", "messageModel" ->
  // "BROADCASTING"); keys, types and ranges are listed in docs/settings.md. Throws
  // MQClientException for an unknown key, a bad value or after start().
  void set(const std::string& key, const std::string& value);
  // The current value of a setting as text. Throws MQClientException for an unknown key.
  std::string get(const std::string& key) const;

  // The client id "clientIP@instanceName" (valid after start()).
  std::string getClientId() const;

  // Sends a consumed message back for redelivery through the retry topic (Java
  // sendMessageBack): `delay_level` 0 lets the broker choose. Throws MQClientException.
  void sendMessageBack(const MQMessageExt& msg, int delay_level);

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace rocketmq
