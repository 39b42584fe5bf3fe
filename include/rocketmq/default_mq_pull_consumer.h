// DefaultMQPullConsumer: the official C++ client's (and Java 4.x's) low-level pull consumer. The
// application reads any queue from any offset and keeps its own offsets; the consumer only sends
// the pulls and stores offsets it is given. Built on DefaultLitePullConsumer's pull API; new code
// should use DefaultLitePullConsumer (assign/seek/poll/commitSync) directly.
//
//   rocketmq::DefaultMQPullConsumer consumer("my_group");
//   consumer.setNamesrvAddr("127.0.0.1:9876");
//   consumer.start();
//   std::vector<rocketmq::MQMessageQueue> mqs;
//   consumer.fetchSubscribeMessageQueues("TopicTest", mqs);
//   rocketmq::PullResult r = consumer.pull(mqs[0], "*", 0, 32);
//
// Threads: the blocking calls may come from any thread once started; asynchronous pulls run one
// after another on the consumer's own callback thread, which calls the PullCallback.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "consumer_types.h"
#include "legacy_client_options.h"
#include "mq_exception.h"
#include "mq_message_ext.h"
#include "mq_message_queue.h"
#include "pull_result.h"
#include "send_callback.h"
#include "session_credentials.h"

namespace rocketmq {

// Receives the outcome of an asynchronous pull, once, on the consumer's callback thread.
class PullCallback : public AsyncCallback {
 public:
  virtual ~PullCallback() = default;
  // `produce_pull_request` is always false here (it drove the official client's own push
  // consumer).
  virtual void onSuccess(MQMessageQueue& mq, PullResult& result, bool produce_pull_request) = 0;
  // The pull failed (not a timeout: that is a BROKER_TIMEOUT result).
  virtual void onException(MQException& e) = 0;
};

// Told which queues a topic has (official C++ client MQueueListener).
class MQueueListener {
 public:
  virtual ~MQueueListener() = default;
  // `mq_all`: every queue of `topic`; `mq_divided`: the ones for this consumer (here: all of
  // them, since a pull consumer reads what it chooses).
  virtual void messageQueueChanged(const std::string& topic, std::vector<MQMessageQueue>& mq_all,
                                   std::vector<MQMessageQueue>& mq_divided) = 0;
};

class DefaultMQPullConsumer {
 public:
  explicit DefaultMQPullConsumer(const std::string& group_name = "");
  // Calls shutdown().
  virtual ~DefaultMQPullConsumer();
  DefaultMQPullConsumer(const DefaultMQPullConsumer&) = delete;
  DefaultMQPullConsumer& operator=(const DefaultMQPullConsumer&) = delete;

  // Joins the shared client instance and registers the group; then tells each registered
  // MQueueListener its topic's queues. Throws MQClientException on a bad configuration.
  virtual void start();
  // Finishes the pending asynchronous pulls, stores the offsets given to updateConsumeOffset()
  // at the brokers (throws MQClientException when that fails; the consumer is shut down anyway)
  // and unregisters. Idempotent.
  virtual void shutdown();
  // This library's version, e.g. "0.1.0".
  virtual std::string version();

  // ---- configuration (before start()) ----
  const std::string& getNamesrvAddr() const;
  void setNamesrvAddr(const std::string& addr);
  void setSessionCredentials(const std::string& access_key, const std::string& secret_key,
                             const std::string& auth_channel);
  const SessionCredentials& getSessionCredentials() const;
  // An empty domain is accepted; a non-empty one throws MQClientException (use setNamesrvAddr).
  void setNamesrvDomain(const std::string& domain);
  const std::string& getNamesrvDomain() const;
  const std::string& getInstanceName() const;
  void setInstanceName(const std::string& name);
  const std::string& getNameSpace() const;
  void setNameSpace(const std::string& name_space);
  const std::string& getGroupName() const;
  void setGroupName(const std::string& group);
  void setEnableSsl(bool enable);
  bool getEnableSsl() const;
  // Kept, not used (legacy_client_options.h).
  void setSslPropertyFile(const std::string& file);
  const std::string& getSslPropertyFile() const;
  // Process-wide log level of the library; the file settings are kept, not used.
  void setLogLevel(elogLevel level);
  elogLevel getLogLevel();
  void setLogPath(const std::string& path);
  void setLogFileSizeAndNum(int file_num, long per_file_size_mb);

  // ---- reading (after start()) ----
  // The topic's queues (fetching its route). Throws MQClientException when it has none.
  virtual void fetchSubscribeMessageQueues(const std::string& topic,
                                           std::vector<MQMessageQueue>& mqs);
  // Reads up to `max_nums` messages of `mq` from `offset`, filtered by `sub_expression` ("*",
  // "TagA || TagB"); answers at once when there is nothing (NO_NEW_MSG). A timeout gives a
  // BROKER_TIMEOUT result; other failures throw MQClientException / MQBrokerException.
  virtual PullResult pull(const MQMessageQueue& mq, const std::string& sub_expression,
                          int64_t offset, int max_nums);
  // The same, asynchronously: `callback` (not owned; valid until called) gets the result.
  virtual void pull(const MQMessageQueue& mq, const std::string& sub_expression, int64_t offset,
                    int max_nums, PullCallback* callback);
  // As pull(), but the broker holds the request up to 20 s until a message arrives.
  virtual PullResult pullBlockIfNotFound(const MQMessageQueue& mq,
                                         const std::string& sub_expression, int64_t offset,
                                         int max_nums);
  virtual void pullBlockIfNotFound(const MQMessageQueue& mq, const std::string& sub_expression,
                                   int64_t offset, int max_nums, PullCallback* callback);

  // ---- offsets: kept in memory until persisted ----
  void updateConsumeOffset(const MQMessageQueue& mq, int64_t offset);
  void removeConsumeOffset(const MQMessageQueue& mq);
  // The offset given to updateConsumeOffset() (unless `from_store`), else the broker's
  // committed offset; -1 when there is none.
  int64_t fetchConsumeOffset(const MQMessageQueue& mq, bool from_store);
  // Sends every kept offset / the one of `mq` to the brokers. Throws MQClientException.
  void persistConsumerOffset();
  void persistConsumerOffset4PullConsumer(const MQMessageQueue& mq);

  // Remembers `topic`; `listener` (may be null; not owned) is told the topic's queues at
  // start(), or at once when already started.
  void registerMessageQueueListener(const std::string& topic, MQueueListener* listener);
  // Where a new group starts (CONSUME_FROM_LAST_OFFSET; a pull consumer passes offsets itself).
  ConsumeFromWhere getConsumeFromWhere();

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace rocketmq
