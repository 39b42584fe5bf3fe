// DefaultMQProducer: sends messages to RocketMQ brokers (Java DefaultMQProducer / official C++
// client DefaultMQProducer). Configure, start(), send from any number of threads, shutdown().
//
//   rocketmq::DefaultMQProducer producer("my_group");
//   producer.setNamesrvAddr("127.0.0.1:9876");
//   producer.start();
//   rocketmq::MQMessage msg("TopicTest", "TagA", "hello");
//   rocketmq::SendResult r = producer.send(msg);
//   producer.shutdown();
//
// Threads: every method is thread-safe once started. Blocking calls throw MQClientException or
// MQBrokerException. Asynchronous sends return at once and report exactly once through their
// callback, on a callback thread of the library; a callback must not call shutdown().
// Producers (and consumers) of one process with the same client id (`clientIP@instanceName`) share
// one connection set, route cache and heartbeat thread, released by the last one to shut down.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "legacy_client_options.h"
#include "message_queue_selector.h"
#include "mq_exception.h"
#include "mq_message.h"
#include "mq_message_queue.h"
#include "request_callback.h"
#include "send_callback.h"
#include "send_result.h"
#include "session_credentials.h"
#include "statistics.h"

namespace rocketmq {

class DefaultMQProducer {
 public:
  // `group_name`: the producer group (letters, digits, '%', '_', '-'; at most 255 characters).
  explicit DefaultMQProducer(const std::string& group_name = "");
  // Calls shutdown().
  virtual ~DefaultMQProducer();
  DefaultMQProducer(const DefaultMQProducer&) = delete;
  DefaultMQProducer& operator=(const DefaultMQProducer&) = delete;

  // ---- lifecycle ----
  // Validates the configuration, joins (or creates) the shared client instance and starts
  // heartbeats. Throws MQClientException on a bad configuration or when called after shutdown().
  // Calling it again while running does nothing.
  void start();
  // Waits for in-flight asynchronous sends (at most sendMsgTimeout), unregisters the group from
  // the brokers and releases the client instance. Idempotent; a shut-down producer cannot be
  // restarted.
  void shutdown();

  // ---- configuration (before start()) ----
  // NameServer addresses "host:port;host:port".
  void setNamesrvAddr(const std::string& addr);
  const std::string& getNamesrvAddr() const;
  void setGroupName(const std::string& group);
  const std::string& getGroupName() const;
  // Instance name (default "DEFAULT", replaced at start by "<pid>#<nanotime>"); producers with
  // the same instance name and client IP share one client instance.
  void setInstanceName(const std::string& name);
  const std::string& getInstanceName() const;
  // The address put in the client id (default: this host's first non-loopback address).
  void setClientIP(const std::string& ip);
  const std::string& getClientIP() const;
  void setUnitName(const std::string& unit);
  // Namespace: topics and the group are sent as "<namespace>%<name>" (Java NamespaceUtil).
  void setNamespace(const std::string& name_space);
  const std::string& getNamespace() const;
  // ACL credentials: when valid, every request is signed (ACL 1.0 HMAC-SHA1).
  void setSessionCredentials(const SessionCredentials& credentials);
  void setSessionCredentials(const std::string& access_key, const std::string& secret_key,
                             const std::string& auth_channel = "ALIYUN");
  const SessionCredentials& getSessionCredentials() const;
  // TLS to every server (no certificate verification unless configured by the library).
  void setUseTLS(bool use_tls);
  bool isUseTLS() const;
  void setTlsEnable(bool enable) { setUseTLS(enable); }

  // Route refresh period, ms (default 30000).
  void setPollNameServerInterval(int ms);
  // Heartbeat period, ms (default 30000).
  void setHeartbeatBrokerInterval(int ms);
  // Timeout of the client's own requests (routes, heartbeats), ms (default 3000).
  void setMqClientApiTimeout(int ms);

  // One deadline for a send, covering every retry, ms (default 3000).
  void setSendMsgTimeout(int ms);
  int getSendMsgTimeout() const;
  // Extra attempts of a synchronous send on another broker (default 2).
  void setRetryTimesWhenSendFailed(int times);
  int getRetryTimesWhenSendFailed() const;
  void setRetryTimes(int times) { setRetryTimesWhenSendFailed(times); }
  int getRetryTimes() const { return getRetryTimesWhenSendFailed(); }
  // Extra attempts of an asynchronous send after a transport failure (default 2).
  void setRetryTimesWhenSendAsyncFailed(int times);
  int getRetryTimesWhenSendAsyncFailed() const;
  void setRetryTimes4Async(int times) { setRetryTimesWhenSendAsyncFailed(times); }
  // Retry on another broker when the status is not SEND_OK (default false).
  void setRetryAnotherBrokerWhenNotStoreOK(bool retry);
  // Bodies at least this long are zlib-compressed (default 4096 bytes).
  void setCompressMsgBodyOverHowmuch(int bytes);
  int getCompressMsgBodyOverHowmuch() const;
  // zlib level 0..9 (default 5).
  void setCompressLevel(int level);
  // Largest body accepted, bytes (default 4 MiB).
  void setMaxMessageSize(int bytes);
  int getMaxMessageSize() const;
  // Avoid brokers that were slow or failed for a while (default false; Java 4.x tables).
  void setSendLatencyFaultEnable(bool enable);
  bool isSendLatencyFaultEnable() const;
  // Template topic for topics the broker auto-creates (default "TBW102").
  void setCreateTopicKey(const std::string& key);
  // Queue count asked for an auto-created topic (default 4).
  void setDefaultTopicQueueNums(int nums);
  // Threads running asynchronous sends and their callbacks (default: CPU count, at least 2).
  void setCallbackThreads(int threads);
  // Periodic statistics document (statistics.h, docs/statistics.md): per broker calls and RTT,
  // per queue sent / acknowledged / failed. Off by default. Before start(); start() throws
  // MQClientException for a negative interval or an interval without a callback.
  void setStatisticsOptions(const StatisticsOptions& options);
  // The statistics document as of now (what the callback would get); empty before start() or
  // when statistics are off.
  std::string getStatistics() const;

  // ---- settings by name (before start()) ----
  // Sets the setting `key` (its Java name, e.g. "sendMsgTimeout") from text ("3000"); the keys,
  // types and ranges are listed in docs/settings.md. Throws MQClientException for an unknown key,
  // a value of the wrong type or out of range, or after start().
  void set(const std::string& key, const std::string& value);
  // The current value of `key` as text. Throws MQClientException for an unknown key.
  std::string get(const std::string& key) const;

  // The client id "clientIP@instanceName" (valid after start()).
  std::string getClientId() const;

  // ---- synchronous sends: return the result or throw ----
  // To a queue chosen round-robin over the topic's writable master queues, retrying on another
  // broker on failure.
  SendResult send(MQMessage& msg);
  SendResult send(MQMessage& msg, long timeout_ms);
  // To the given queue (no retry elsewhere).
  SendResult send(MQMessage& msg, const MQMessageQueue& mq);
  SendResult send(MQMessage& msg, const MQMessageQueue& mq, long timeout_ms);
  // To the queue `selector` picks; no retry elsewhere.
  SendResult send(MQMessage& msg, MessageQueueSelector* selector, void* arg);
  SendResult send(MQMessage& msg, MessageQueueSelector* selector, void* arg, long timeout_ms);
  // One batch (same topic, no delay level, not a retry topic, at most 4 MiB in total): stored
  // as consecutive messages of one queue.
  SendResult send(std::vector<MQMessage>& msgs);
  SendResult send(std::vector<MQMessage>& msgs, long timeout_ms);
  SendResult send(std::vector<MQMessage>& msgs, const MQMessageQueue& mq);
  SendResult send(std::vector<MQMessage>& msgs, const MQMessageQueue& mq, long timeout_ms);

  // ---- asynchronous sends: `callback` is not owned and must stay valid until it was called ----
  // Errors detected before anything was sent (bad message, not started) are reported through
  // the callback too.
  void send(MQMessage& msg, SendCallback* callback);
  void send(MQMessage& msg, SendCallback* callback, long timeout_ms);
  void send(MQMessage& msg, const MQMessageQueue& mq, SendCallback* callback);
  void send(MQMessage& msg, const MQMessageQueue& mq, SendCallback* callback, long timeout_ms);
  void send(MQMessage& msg, MessageQueueSelector* selector, void* arg, SendCallback* callback);
  void send(MQMessage& msg, MessageQueueSelector* selector, void* arg, SendCallback* callback,
            long timeout_ms);
  void send(std::vector<MQMessage>& msgs, SendCallback* callback);
  void send(std::vector<MQMessage>& msgs, SendCallback* callback, long timeout_ms);
  // Lambda form of send(msg, callback, timeout).
  using SuccessFunction = std::function<void(SendResult&)>;
  using ExceptionFunction = std::function<void(MQException&)>;
  void send(MQMessage& msg, SuccessFunction on_success, ExceptionFunction on_exception,
            long timeout_ms = -1);

  // ---- oneway sends: written to the socket, no answer awaited; throws on local errors ----
  void sendOneway(MQMessage& msg);
  void sendOneway(MQMessage& msg, const MQMessageQueue& mq);
  void sendOneway(MQMessage& msg, MessageQueueSelector* selector, void* arg);

  // ---- request-reply: the message gets CORRELATION_ID, REPLY_TO_CLIENT and TTL; a consumer
  // answers with createReplyMessage() (rocketmq/reply_message.h) ----
  // Sends `msg` and waits up to `timeout_ms` for its reply. Throws RequestTimeoutException when
  // the request was stored but no reply came, MQClientException when it could not be sent.
  MQMessage request(MQMessage& msg, long timeout_ms);
  MQMessage request(MQMessage& msg, const MQMessageQueue& mq, long timeout_ms);
  MQMessage request(MQMessage& msg, MessageQueueSelector* selector, void* arg, long timeout_ms);
  // Asynchronous forms: `callback` (not owned; valid until called) gets the reply or the error.
  void request(MQMessage& msg, RequestCallback* callback, long timeout_ms);
  void request(MQMessage& msg, const MQMessageQueue& mq, RequestCallback* callback,
               long timeout_ms);
  void request(MQMessage& msg, MessageQueueSelector* selector, void* arg, RequestCallback* callback,
               long timeout_ms);

  // The writable queues of `topic` (fetching its route when needed); topic names without
  // namespace. Throws MQClientException when the topic has no route.
  std::vector<MQMessageQueue> fetchPublishMessageQueues(const std::string& topic);

  // ---- official C++ client (rocketmq-client-cpp 2.x) names; docs/migration.md ----
  // This library's version, e.g. "0.1.0".
  std::string version() const;
  // Sends as send(msg); `select_active_broker` is accepted for source compatibility: a retry
  // always goes to another broker than the failed attempt's here. (A template so that an integer
  // second argument still selects send(msg, timeout_ms).)
  template <typename B, std::enable_if_t<std::is_same_v<B, bool>, int> = 0>
  SendResult send(MQMessage& msg, B select_active_broker) {
    return sendSelectingActiveBroker(msg, select_active_broker);
  }
  template <typename B, std::enable_if_t<std::is_same_v<B, bool>, int> = 0>
  void send(MQMessage& msg, SendCallback* callback, B select_active_broker) {
    sendSelectingActiveBroker(msg, callback, select_active_broker);
  }
  void sendOneway(MQMessage& msg, bool select_active_broker);
  // Official semantics of an `int` fourth argument: the queue `selector` picks first, then up to
  // `auto_retry_times` more attempts on the following queues of the topic when a send fails or
  // is not SEND_OK. (send(msg, selector, arg, long timeout_ms) above takes a long.)
  SendResult send(MQMessage& msg, MessageQueueSelector* selector, void* arg, int auto_retry_times,
                  bool select_active_broker = false);
  const std::string& getNameSpace() const { return getNamespace(); }
  void setNameSpace(const std::string& name_space) { setNamespace(name_space); }
  const std::string& getUnitName() const;
  int getCompressLevel() const;
  int getRetryTimes4Async() const { return getRetryTimesWhenSendAsyncFailed(); }
  void setEnableSsl(bool enable) { setUseTLS(enable); }
  bool getEnableSsl() const { return isUseTLS(); }
  // Settings without effect here, stored and returned (legacy_client_options.h).
  // An empty domain is accepted; a non-empty one throws MQClientException (use setNamesrvAddr).
  void setNamesrvDomain(const std::string& domain);
  const std::string& getNamesrvDomain() const { return legacy_.namesrv_domain; }
  // Process-wide log level of the library (legacy_client_options.h).
  void setLogLevel(elogLevel level);
  elogLevel getLogLevel();
  void setLogPath(const std::string& path) { legacy_.log_path = path; }
  void setLogFileSizeAndNum(int file_num, long per_file_size_mb);
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
  // Message traces are not produced: true logs a WARN and is kept.
  void setMessageTrace(bool message_trace);
  bool getMessageTrace() const { return legacy_.message_trace; }
  void setSslPropertyFile(const std::string& file) { legacy_.ssl_property_file = file; }
  const std::string& getSslPropertyFile() const { return legacy_.ssl_property_file; }

  class Impl;

 protected:
  // For TransactionMQProducer.
  Impl& impl() const { return *impl_; }

 private:
  SendResult sendSelectingActiveBroker(MQMessage& msg, bool select_active_broker);
  void sendSelectingActiveBroker(MQMessage& msg, SendCallback* callback, bool select_active_broker);

  std::unique_ptr<Impl> impl_;
  LegacyClientOptions legacy_;
};

}  // namespace rocketmq
