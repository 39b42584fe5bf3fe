// DefaultLitePullConsumer: the application pulls messages when it wants them (Java
// DefaultLitePullConsumer). Either subscribe() to topics and let the group's rebalance assign
// queues, or assign() queues yourself; background threads keep a bounded cache of pulled
// messages per queue and poll() returns the next batch. Offsets are committed automatically
// every autoCommitIntervalMillis (default) or with commitSync().
//
//   rocketmq::DefaultLitePullConsumer consumer("my_group");
//   consumer.setNamesrvAddr("127.0.0.1:9876");
//   consumer.subscribe("TopicTest", "*");
//   consumer.start();
//   for (;;) { auto msgs = consumer.poll(1000); ... }
//   consumer.shutdown();
//
// Also a low-level pull API for tools: pull() / pullBlockIfNotFound() read any queue at any
// offset without touching the group's offsets.
//
// Threads: poll() and the other calls are meant for one application thread (as Java's); pulls
// run on the consumer's own threads. Blocking calls throw MQClientException / MQBrokerException.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "consumer_types.h"
#include "mq_exception.h"
#include "mq_message_ext.h"
#include "mq_message_queue.h"
#include "pull_result.h"
#include "session_credentials.h"
#include "statistics.h"

namespace rocketmq {

class DefaultLitePullConsumer {
 public:
  explicit DefaultLitePullConsumer(const std::string& group_name = "");
  // Calls shutdown().
  virtual ~DefaultLitePullConsumer();
  DefaultLitePullConsumer(const DefaultLitePullConsumer&) = delete;
  DefaultLitePullConsumer& operator=(const DefaultLitePullConsumer&) = delete;

  // ---- lifecycle ----
  // Throws MQClientException on a bad configuration or after shutdown().
  void start();
  // Stops pulling, commits offsets (when auto commit is on) and unregisters. Idempotent.
  void shutdown();

  // ---- what to read ----
  // Subscribe mode: the group's rebalance assigns queues. Before or after start().
  void subscribe(const std::string& topic, const std::string& sub_expression);
  void unsubscribe(const std::string& topic);
  // Assign mode: exactly these queues (no rebalance). After start() too.
  void assign(const std::vector<MQMessageQueue>& mqs);
  // The readable queues of `topic` (from its route).
  std::vector<MQMessageQueue> fetchMessageQueues(const std::string& topic);

  // ---- reading ----
  // The next cached batch (at most pullBatchSize messages of one queue), waiting up to
  // `timeout_ms`; empty when nothing arrived. Offsets of returned messages count as consumed.
  std::vector<MQMessageExt> poll(int64_t timeout_ms);
  // The same with pollTimeoutMillis (default 5000).
  std::vector<MQMessageExt> poll();
  // Continue `mq` from `offset` (between its min and max offset), dropping what is cached.
  void seek(const MQMessageQueue& mq, int64_t offset);
  void seekToBegin(const MQMessageQueue& mq);
  void seekToEnd(const MQMessageQueue& mq);
  // Stop / restart pulling these queues (poll() returns what is already cached).
  void pause(const std::vector<MQMessageQueue>& mqs);
  void resume(const std::vector<MQMessageQueue>& mqs);

  // ---- offsets ----
  // Stores the consumed offsets of every assigned queue (at the brokers in clustering mode,
  // waiting for their answers; in the local file in broadcasting mode). Throws on failure.
  void commitSync();
  // Stores the given offsets (any queues, e.g. after low-level pulls), Java 5.x
  // commitSync(offsetMap, persist=true).
  void commitSync(const std::map<MQMessageQueue, int64_t>& offsets);
  // The committed offset of `mq` as stored (-1 when none).
  int64_t committed(const MQMessageQueue& mq);
  // The offset of the first message stored at or after `timestamp_ms`.
  int64_t offsetForTimestamp(const MQMessageQueue& mq, int64_t timestamp_ms);

  // ---- low-level pull (no cache, no offsets) ----
  // Reads up to `max_nums` messages of `mq` from `offset` matching the tag expression; returns
  // at once when nothing is there.
  PullResult pull(const MQMessageQueue& mq, const std::string& sub_expression, int64_t offset,
                  int max_nums);
  // The same, but the broker holds the request up to 20 s until a message arrives.
  PullResult pullBlockIfNotFound(const MQMessageQueue& mq, const std::string& sub_expression,
                                 int64_t offset, int max_nums);

  // ---- configuration (before start()) ----
  void setNamesrvAddr(const std::string& addr);
  const std::string& getNamesrvAddr() const;
  void setGroupName(const std::string& group);
  const std::string& getGroupName() const;
  void setConsumerGroup(const std::string& group) { setGroupName(group); }
  void setInstanceName(const std::string& name);
  void setClientIP(const std::string& ip);
  void setNamespace(const std::string& name_space);
  void setSessionCredentials(const SessionCredentials& credentials);
  void setUseTLS(bool use_tls);
  void setMessageModel(MessageModel model);
  void setConsumeFromWhere(ConsumeFromWhere where);
  // "yyyyMMddHHmmss" (CONSUME_FROM_TIMESTAMP; default 30 minutes ago).
  void setConsumeTimestamp(const std::string& timestamp);
  // "AVG" (default), "AVG_BY_CIRCLE", "CONSISTENT_HASH".
  void setAllocateMessageQueueStrategy(const std::string& name);
  // Commit consumed offsets every autoCommitIntervalMillis during poll() (default true, 5000).
  void setAutoCommit(bool auto_commit);
  bool isAutoCommit() const;
  void setAutoCommitIntervalMillis(int64_t ms);
  // Messages per pull and at most per poll() batch (default 10).
  void setPullBatchSize(int size);
  // Pulling threads (default 20).
  void setPullThreadNums(int threads);
  // Flow control per queue: cached messages (default 1000) and MiB (default 100); all queues:
  // cached messages (default 10000); offset span (default 2000).
  void setPullThresholdForQueue(int messages);
  void setPullThresholdSizeForQueue(int mib);
  void setPullThresholdForAll(int messages);
  void setConsumeMaxSpan(int span);
  // Default timeout of poll(), ms (default 5000); may change after start().
  void setPollTimeoutMillis(int64_t ms);
  int64_t getPollTimeoutMillis() const;
  // Base directory of the broadcasting offset files (default ~/.rocketmq_offsets).
  void setOffsetStoreDir(const std::string& dir);
  // Periodic statistics document (statistics.h, docs/statistics.md): per broker calls and RTT,
  // per queue pulled / polled ("consumed") / lag / cached messages. Off by default. Before
  // start(); start() throws MQClientException for a negative interval or an interval without a
  // callback.
  void setStatisticsOptions(const StatisticsOptions& options);
  // The statistics document as of now; empty before start(), after shutdown() or when
  // statistics are off.
  std::string getStatistics() const;

  // ---- settings by name (before start()) ----
  // Sets any setting by its Java name ("pullBatchSize" -> "32", "autoCommit" -> "false"); keys,
  // types and ranges are listed in docs/settings.md. Throws MQClientException for an unknown
  // key, a bad value or after start().
  void set(const std::string& key, const std::string& value);
  // The current value of a setting as text. Throws MQClientException for an unknown key.
  std::string get(const std::string& key) const;

  std::string getClientId() const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace rocketmq
