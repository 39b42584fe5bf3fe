// DefaultMQProducerImpl: the producer engine behind the public DefaultMQProducer (Java
// DefaultMQProducerImpl): validation, route lookup (with the TBW102 fallback for new topics),
// queue choice with retries and latency fault tolerance, compression, UNIQ_KEY, namespaces,
// batches, and the three send modes. Errors are SendOutcome/Status values; the public class turns
// them into exceptions.
//
// Threads: any number of application threads send concurrently. Asynchronous sends run on the
// producer's async pool (route lookups may block there) and complete on the remoting callback
// pool, where the user callback runs. The client instance's scheduler calls the ProducerInner
// methods. Shutdown() must not run on a callback thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "client/client_inner.h"
#include "client/client_instance.h"
#include "client/client_instance_registry.h"
#include "client/queue_statistics.h"
#include "client/statistics_reporter.h"
#include "common/message.h"
#include "common/message_queue.h"
#include "common/thread_pool.h"
#include "producer/mq_fault_strategy.h"
#include "producer/producer_config.h"
#include "rocketmq/send_result.h"

namespace rocketmq::producer {

// The outcome of a send: OK with a result, or an error that came from a broker (a response code,
// MQBrokerException) or from the client (MQClientException).
struct SendOutcome {
  Status status;
  SendResult result;
  bool broker_error = false;
  std::string broker_addr;

  bool ok() const { return status.ok(); }
  static SendOutcome Ok(SendResult r) {
    SendOutcome o;
    o.result = std::move(r);
    return o;
  }
  static SendOutcome ClientError(Status st) {
    SendOutcome o;
    o.status = std::move(st);
    return o;
  }
};

using SendOutcomeCallback = std::function<void(SendOutcome)>;
// Picks a queue from the topic's writable queues (topic names without namespace).
using QueueSelectFunction = std::function<std::optional<MessageQueue>(
    const std::vector<MessageQueue>& mqs, const Message& msg)>;

class DefaultMQProducerImpl : public client::ProducerInner,
                              public std::enable_shared_from_this<DefaultMQProducerImpl> {
 public:
  // `registry` must outlive the producer; null means ClientInstanceRegistry::Default().
  explicit DefaultMQProducerImpl(ProducerConfig config,
                                 client::ClientInstanceRegistry* registry = nullptr);
  ~DefaultMQProducerImpl() override;

  ProducerConfig& config() { return config_; }  // change only before Start()
  const ProducerConfig& config() const { return config_; }

  // Virtual so TransactionMQProducerImpl can start and stop its check pool around them.
  virtual Status Start();
  virtual void Shutdown();
  bool running() const { return state_ == State::kRunning; }
  std::string client_id() const;
  client::ClientInstance* instance() const { return instance_.get(); }
  // One statistics document now (empty when statistics are off); tests and mqbench.
  std::string StatisticsJson();
  MQFaultStrategy& fault_strategy() { return fault_strategy_; }

  // ---- sync ----
  SendOutcome Send(Message& msg, int64_t timeout_ms);
  SendOutcome Send(Message& msg, const MessageQueue& mq, int64_t timeout_ms);
  SendOutcome Send(Message& msg, const QueueSelectFunction& selector, int64_t timeout_ms);
  // Batch: `msgs` all get UNIQ_KEYs; one SEND_BATCH_MESSAGE. `mq` null = default selection.
  SendOutcome SendBatch(std::vector<Message>& msgs, const MessageQueue* mq, int64_t timeout_ms);

  // ---- async: `callback` runs once, on a library thread. Non-OK only when the send could not
  // be queued at all (then the callback is not called). ----
  Status SendAsync(Message& msg, const MessageQueue* mq, const QueueSelectFunction* selector,
                   int64_t timeout_ms, SendOutcomeCallback callback);
  Status SendBatchAsync(std::vector<Message>& msgs, const MessageQueue* mq, int64_t timeout_ms,
                        SendOutcomeCallback callback);

  // ---- oneway ----
  Status SendOneway(Message& msg);
  Status SendOneway(Message& msg, const MessageQueue& mq);
  Status SendOneway(Message& msg, const QueueSelectFunction& selector);

  // The writable queues of `topic` (namespace stripped).
  Result<std::vector<MessageQueue>> FetchPublishMessageQueues(const std::string& topic);

  // Java tryToFindTopicPublishInfo (topic with namespace).
  std::shared_ptr<const client::TopicPublishInfo> TryToFindTopicPublishInfo(
      const std::string& topic);

  // ---- ProducerInner ----
  std::set<std::string> GetPublishTopicList() const override;
  bool IsPublishTopicNeedUpdate(const std::string& topic) const override;
  void UpdateTopicPublishInfo(const std::string& topic,
                              std::shared_ptr<const client::TopicPublishInfo> info) override;

 private:
  // kDraining: shutting down, no new sends accepted, in-flight async sends still completing.
  enum class State { kCreated, kRunning, kDraining, kShutdown };
  enum class Mode { kSync, kAsync, kOneway };
  struct AsyncState;
  // A message ready to go: either one message or an encoded batch.
  struct Outgoing {
    Message* msg = nullptr;  // the message (batch: the MessageBatch carrying the encoded body)
    bool batch = false;
    std::string batch_ids;  // inner UNIQ_KEYs joined by ',' (batch only)
  };

  Status CheckAccepting() const;   // entry points: running
  Status MakeSureStateOK() const;  // inner steps: running or draining
  std::string Wrap(const std::string& resource) const;
  SendOutcome SendDefaultImpl(Outgoing out, Mode mode, int64_t timeout_ms,
                              SendOutcomeCallback* async_cb);
  SendOutcome SendSelectImpl(Outgoing out, const QueueSelectFunction& selector, Mode mode,
                             int64_t timeout_ms, SendOutcomeCallback* async_cb);
  SendOutcome SendToQueueImpl(Outgoing out, const MessageQueue& mq, Mode mode, int64_t timeout_ms,
                              SendOutcomeCallback* async_cb);
  // One attempt. For Mode::kAsync the result is delivered to *async_cb (and the returned
  // outcome is OK) unless the request could not even be built.
  SendOutcome SendKernelImpl(const Outgoing& out, const MessageQueue& mq, Mode mode,
                             std::shared_ptr<const client::TopicPublishInfo> info,
                             int64_t timeout_ms, SendOutcomeCallback* async_cb);
  void AsyncAttempt(std::shared_ptr<AsyncState> state);
  Result<Message> MakeBatch(std::vector<Message>& msgs, std::string* ids);
  Status RunAsync(std::function<void()> task);
  void AsyncDone();
  void StartStatistics();  // with state_mu_ held, once running
  void StopStatistics();   // with state_mu_ held, before the instance is released

  ProducerConfig config_;
  client::ClientInstanceRegistry* const registry_;
  std::shared_ptr<client::ClientInstance> instance_;
  std::unique_ptr<ThreadPool> async_pool_;
  MQFaultStrategy fault_strategy_;
  std::mutex state_mu_;
  std::atomic<State> state_{State::kCreated};

  mutable std::mutex table_mu_;
  // topic -> queues, guarded by table_mu_
  std::map<std::string, std::shared_ptr<const client::TopicPublishInfo>> publish_info_;

  std::mutex inflight_mu_;
  std::condition_variable inflight_cv_;
  int64_t inflight_ = 0;  // guarded by inflight_mu_: async sends not yet completed

  client::ProducerQueueStatistics queue_stats_;                 // counts while statistics are on
  std::unique_ptr<client::StatisticsReporter> stats_reporter_;  // guarded by state_mu_
};

}  // namespace rocketmq::producer
