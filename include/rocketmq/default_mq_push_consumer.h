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
// the brokers, failed messages come back through `%RETRY%<group>`. Broadcasting: every instance
// gets every message, offsets are kept in `~/.rocketmq_offsets/<clientId>/<group>/offsets.json`.
//
// Threads: configure before start(); start()/shutdown() from one thread. Blocking calls throw
// MQClientException. The listener runs on the consumer's consume threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "consumer_types.h"
#include "legacy_client_options.h"
#include "message_listener.h"
#include "mq_exception.h"
#include "mq_message_ext.h"
#include "session_credentials.h"
#include "statistics.h"

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
  // Periodic statistics document (statistics.h, docs/statistics.md): per broker calls and RTT,
  // per queue pulled / consumed / lag / process-queue size. Off by default. Before start();
  // start() throws MQClientException for a negative interval or an interval without a callback.
  void setStatisticsOptions(const StatisticsOptions& options);
  // The statistics document as of now (what the callback would get); empty before start(),
  // after shutdown() or when statistics are off.
  std::string getStatistics() const;

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

  // ---- official C++ client (rocketmq-client-cpp 2.x) names; docs/migration.md ----
  // This library's version, e.g. "0.1.0".
  std::string version() const;
  // Any MQMessageListener: MessageListenerOrderly ones (getMessageListenerType() ==
  // messageListenerOrderly) are consumed orderly, every other one concurrently. Not owned.
  void registerMessageListener(MQMessageListener* listener);
  // The type of the registered listener (messageListenerDefaultly when none).
  MessageListenerType getMessageListenerType();
  const std::string& getNameSpace() const;
  void setNameSpace(const std::string& name_space) { setNamespace(name_space); }
  const std::string& getUnitName() const;
  const SessionCredentials& getSessionCredentials() const;
  void setEnableSsl(bool enable) { setUseTLS(enable); }
  bool getEnableSsl() const;
  int getConsumeThreadCount() const;
  // Flow control per queue: maps to setPullThresholdForQueue (official range 1..65535).
  void setMaxCacheMsgSizePerQueue(int max_cache_size);
  int getMaxCacheMsgSizePerQueue() const;
  // Settings without effect here, stored and returned (legacy_client_options.h).
  // An empty domain is accepted; a non-empty one throws MQClientException (use setNamesrvAddr).
  void setNamesrvDomain(const std::string& domain);
  const std::string& getNamesrvDomain() const { return legacy_.namesrv_domain; }
  // Process-wide log level of the library (legacy_client_options.h).
  void setLogLevel(elogLevel level);
  elogLevel getLogLevel();
  void setLogPath(const std::string& path) { legacy_.log_path = path; }
  void setLogFileSizeAndNum(int file_num, long per_file_size_mb);
  void setPullMsgThreadPoolCount(int threads) { legacy_.pull_msg_thread_pool_count = threads; }
  int getPullMsgThreadPoolCount() const { return legacy_.pull_msg_thread_pool_count; }
  void setTcpTransportPullThreadNum(int num) { legacy_.tcp_transport_pull_thread_num = num; }
  int getTcpTransportPullThreadNum() const { return legacy_.tcp_transport_pull_thread_num; }
  void setTcpTransportConnectTimeout(uint64_t ms) { legacy_.tcp_transport_connect_timeout_ms = ms; }
  uint64_t getTcpTransportConnectTimeout() const {
    return legacy_.tcp_transport_connect_timeout_ms;
  }
  void setTcpTransportTryLockTimeout(uint64_t ms) {
    legacy_.tcp_transport_try_lock_timeout_ms = ms;
  }
  uint64_t getTcpTransportTryLockTimeout() const {
    return legacy_.tcp_transport_try_lock_timeout_ms;
  }
  // Pulls are always asynchronous here; the switch is kept.
  void setAsyncPull(bool async_pull) { legacy_.async_pull = async_pull; }
  // Message traces are not produced: true logs a WARN and is kept.
  void setMessageTrace(bool message_trace);
  bool getMessageTrace() const { return legacy_.message_trace; }
  void setSslPropertyFile(const std::string& file) { legacy_.ssl_property_file = file; }
  const std::string& getSslPropertyFile() const { return legacy_.ssl_property_file; }

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
  LegacyClientOptions legacy_;
  // Wraps a listener registered as a plain MQMessageListener.
  std::unique_ptr<MQMessageListener> listener_adapter_;
};

}  // namespace rocketmq
