// DefaultMQPullConsumer (include/rocketmq/default_mq_pull_consumer.h): the official C++ client's
// pull consumer as a thin layer over DefaultLitePullConsumer's low-level pull API, plus an
// in-memory offset table and one callback thread for the asynchronous pulls.
//
// Threads: configuration and start()/shutdown() from one application thread; pull(),
// fetchSubscribeMessageQueues() and the offset calls from any thread; `worker` runs the
// asynchronous pulls in order and calls their PullCallbacks.
#include "rocketmq/default_mq_pull_consumer.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "common/logging.h"
#include "common/status.h"
#include "compat/legacy_options.h"
#include "rocketmq/default_lite_pull_consumer.h"
#include "rocketmq/version.h"

namespace rocketmq {

class DefaultMQPullConsumer::Impl {
 public:
  explicit Impl(const std::string& group) : group_name(group) {}

  // Settings until start() (the lite consumer takes them then).
  std::string namesrv_addr;
  std::string group_name;
  std::string instance_name = "DEFAULT";
  std::string name_space;
  SessionCredentials credentials;
  bool use_tls = false;
  LegacyClientOptions legacy;
  std::map<std::string, MQueueListener*> topic_listeners;

  std::unique_ptr<DefaultLitePullConsumer> lite;  // set by start()
  bool shut_down = false;

  std::mutex offsets_mu;
  std::map<MQMessageQueue, int64_t> offsets;  // guarded by offsets_mu

  std::mutex tasks_mu;
  std::condition_variable tasks_cv;
  std::deque<std::function<void()>> tasks;  // guarded by tasks_mu
  bool stopping = false;                    // guarded by tasks_mu
  std::thread worker;

  DefaultLitePullConsumer& Running() {
    if (!lite) {
      throw MQClientException(shut_down ? "the pull consumer was shut down"
                                        : "the pull consumer is not started; call start()",
                              kCodeInvalidArgument);
    }
    return *lite;
  }

  void CheckNotStarted() const {
    if (lite || shut_down) {
      throw MQClientException("the pull consumer configuration cannot change after start()",
                              kCodeInvalidArgument);
    }
  }

  // A pull whose timeout becomes a BROKER_TIMEOUT result, as the official client reports it.
  PullResult Pull(const MQMessageQueue& mq, const std::string& expression, int64_t offset,
                  int max_nums, bool block) {
    DefaultLitePullConsumer& c = Running();
    try {
      return block ? c.pullBlockIfNotFound(mq, expression, offset, max_nums)
                   : c.pull(mq, expression, offset, max_nums);
    } catch (const MQClientException& e) {
      if (e.getResponseCode() == kCodeTimeout) return PullResult(BROKER_TIMEOUT);
      throw;
    }
  }

  void PullAsync(const MQMessageQueue& mq, const std::string& expression, int64_t offset,
                 int max_nums, bool block, PullCallback* callback) {
    if (callback == nullptr) {
      throw MQClientException("the pull callback is null", kCodeInvalidArgument);
    }
    Running();
    std::lock_guard<std::mutex> lock(tasks_mu);
    tasks.push_back([this, mq, expression, offset, max_nums, block, callback]() {
      MQMessageQueue queue = mq;
      try {
        PullResult r = Pull(mq, expression, offset, max_nums, block);
        try {
          callback->onSuccess(queue, r, false);
        } catch (...) {
          // A callback that throws must not end the callback thread.
        }
      } catch (MQException& e) {
        try {
          callback->onException(e);
        } catch (...) {
        }
      }
    });
    tasks_cv.notify_one();
  }

  void RunTasks() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(tasks_mu);
        tasks_cv.wait(lock, [this] { return stopping || !tasks.empty(); });
        if (tasks.empty()) return;
        task = std::move(tasks.front());
        tasks.pop_front();
      }
      task();
    }
  }

  void TellListener(const std::string& topic, MQueueListener* listener) {
    if (listener == nullptr) return;
    std::vector<MQMessageQueue> all;
    try {
      all = Running().fetchMessageQueues(topic);
    } catch (const MQException& e) {
      RMQ_LOG(kWarn) << "pull consumer " << group_name << ": the queues of topic " << topic
                     << " are unknown, its MQueueListener is not called: " << e.what();
      return;
    }
    std::vector<MQMessageQueue> divided = all;
    listener->messageQueueChanged(topic, all, divided);
  }

  void Persist(const std::map<MQMessageQueue, int64_t>& table) {
    if (!table.empty()) Running().commitSync(table);
  }
};

DefaultMQPullConsumer::DefaultMQPullConsumer(const std::string& group_name)
    : impl_(std::make_unique<Impl>(group_name)) {}

DefaultMQPullConsumer::~DefaultMQPullConsumer() {
  try {
    shutdown();
  } catch (const MQException& e) {
    RMQ_LOG(kWarn) << "pull consumer " << impl_->group_name
                   << ": offsets not stored at shutdown: " << e.what();
  }
}

void DefaultMQPullConsumer::start() {
  if (impl_->shut_down) {
    throw MQClientException("the pull consumer was shut down; create a new one",
                            kCodeInvalidArgument);
  }
  if (impl_->lite) return;
  auto lite = std::make_unique<DefaultLitePullConsumer>(impl_->group_name);
  lite->setNamesrvAddr(impl_->namesrv_addr);
  lite->setInstanceName(impl_->instance_name);
  if (!impl_->name_space.empty()) lite->setNamespace(impl_->name_space);
  lite->setSessionCredentials(impl_->credentials);
  lite->setUseTLS(impl_->use_tls);
  lite->setAutoCommit(false);  // offsets move only through updateConsumeOffset/persist
  lite->start();
  impl_->lite = std::move(lite);
  {
    std::lock_guard<std::mutex> lock(impl_->tasks_mu);
    impl_->stopping = false;
  }
  impl_->worker = std::thread([impl = impl_.get()] { impl->RunTasks(); });
  for (const auto& [topic, listener] : impl_->topic_listeners) impl_->TellListener(topic, listener);
}

void DefaultMQPullConsumer::shutdown() {
  if (impl_->shut_down) return;
  impl_->shut_down = true;
  if (!impl_->lite) return;
  {
    std::lock_guard<std::mutex> lock(impl_->tasks_mu);
    impl_->stopping = true;
  }
  impl_->tasks_cv.notify_all();
  if (impl_->worker.joinable()) impl_->worker.join();
  std::map<MQMessageQueue, int64_t> table;
  {
    std::lock_guard<std::mutex> lock(impl_->offsets_mu);
    table = impl_->offsets;
  }
  std::unique_ptr<DefaultLitePullConsumer> lite = std::move(impl_->lite);
  try {
    if (!table.empty()) lite->commitSync(table);
  } catch (...) {
    lite->shutdown();
    throw;
  }
  lite->shutdown();
}

std::string DefaultMQPullConsumer::version() { return Version(); }

// ---- configuration ----

const std::string& DefaultMQPullConsumer::getNamesrvAddr() const { return impl_->namesrv_addr; }
void DefaultMQPullConsumer::setNamesrvAddr(const std::string& addr) {
  impl_->CheckNotStarted();
  impl_->namesrv_addr = addr;
}
void DefaultMQPullConsumer::setSessionCredentials(const std::string& access_key,
                                                  const std::string& secret_key,
                                                  const std::string& auth_channel) {
  impl_->CheckNotStarted();
  impl_->credentials = SessionCredentials(access_key, secret_key, auth_channel);
}
const SessionCredentials& DefaultMQPullConsumer::getSessionCredentials() const {
  return impl_->credentials;
}
void DefaultMQPullConsumer::setNamesrvDomain(const std::string& domain) {
  compat::CheckNamesrvDomain(domain);
  impl_->legacy.namesrv_domain = domain;
}
const std::string& DefaultMQPullConsumer::getNamesrvDomain() const {
  return impl_->legacy.namesrv_domain;
}
const std::string& DefaultMQPullConsumer::getInstanceName() const { return impl_->instance_name; }
void DefaultMQPullConsumer::setInstanceName(const std::string& name) {
  impl_->CheckNotStarted();
  impl_->instance_name = name;
}
const std::string& DefaultMQPullConsumer::getNameSpace() const { return impl_->name_space; }
void DefaultMQPullConsumer::setNameSpace(const std::string& name_space) {
  impl_->CheckNotStarted();
  impl_->name_space = name_space;
}
const std::string& DefaultMQPullConsumer::getGroupName() const { return impl_->group_name; }
void DefaultMQPullConsumer::setGroupName(const std::string& group) {
  impl_->CheckNotStarted();
  impl_->group_name = group;
}
void DefaultMQPullConsumer::setEnableSsl(bool enable) {
  impl_->CheckNotStarted();
  impl_->use_tls = enable;
}
bool DefaultMQPullConsumer::getEnableSsl() const { return impl_->use_tls; }
void DefaultMQPullConsumer::setSslPropertyFile(const std::string& file) {
  impl_->legacy.ssl_property_file = file;
}
const std::string& DefaultMQPullConsumer::getSslPropertyFile() const {
  return impl_->legacy.ssl_property_file;
}
void DefaultMQPullConsumer::setLogLevel(elogLevel level) { compat::SetLegacyLogLevel(level); }
elogLevel DefaultMQPullConsumer::getLogLevel() { return compat::GetLegacyLogLevel(); }
void DefaultMQPullConsumer::setLogPath(const std::string& path) { impl_->legacy.log_path = path; }
void DefaultMQPullConsumer::setLogFileSizeAndNum(int file_num, long per_file_size_mb) {
  compat::SetLogFileSizeAndNum(&impl_->legacy, file_num, per_file_size_mb);
}

// ---- reading ----

void DefaultMQPullConsumer::fetchSubscribeMessageQueues(const std::string& topic,
                                                        std::vector<MQMessageQueue>& mqs) {
  mqs = impl_->Running().fetchMessageQueues(topic);
}

PullResult DefaultMQPullConsumer::pull(const MQMessageQueue& mq, const std::string& sub_expression,
                                       int64_t offset, int max_nums) {
  return impl_->Pull(mq, sub_expression, offset, max_nums, false);
}

void DefaultMQPullConsumer::pull(const MQMessageQueue& mq, const std::string& sub_expression,
                                 int64_t offset, int max_nums, PullCallback* callback) {
  impl_->PullAsync(mq, sub_expression, offset, max_nums, false, callback);
}

PullResult DefaultMQPullConsumer::pullBlockIfNotFound(const MQMessageQueue& mq,
                                                      const std::string& sub_expression,
                                                      int64_t offset, int max_nums) {
  return impl_->Pull(mq, sub_expression, offset, max_nums, true);
}

void DefaultMQPullConsumer::pullBlockIfNotFound(const MQMessageQueue& mq,
                                                const std::string& sub_expression, int64_t offset,
                                                int max_nums, PullCallback* callback) {
  impl_->PullAsync(mq, sub_expression, offset, max_nums, true, callback);
}

// ---- offsets ----

void DefaultMQPullConsumer::updateConsumeOffset(const MQMessageQueue& mq, int64_t offset) {
  if (offset < 0) throw MQClientException("offset must be >= 0", kCodeInvalidArgument);
  std::lock_guard<std::mutex> lock(impl_->offsets_mu);
  impl_->offsets[mq] = offset;
}

void DefaultMQPullConsumer::removeConsumeOffset(const MQMessageQueue& mq) {
  std::lock_guard<std::mutex> lock(impl_->offsets_mu);
  impl_->offsets.erase(mq);
}

int64_t DefaultMQPullConsumer::fetchConsumeOffset(const MQMessageQueue& mq, bool from_store) {
  if (!from_store) {
    std::lock_guard<std::mutex> lock(impl_->offsets_mu);
    auto it = impl_->offsets.find(mq);
    if (it != impl_->offsets.end()) return it->second;
  }
  return impl_->Running().committed(mq);
}

void DefaultMQPullConsumer::persistConsumerOffset() {
  std::map<MQMessageQueue, int64_t> table;
  {
    std::lock_guard<std::mutex> lock(impl_->offsets_mu);
    table = impl_->offsets;
  }
  impl_->Persist(table);
}

void DefaultMQPullConsumer::persistConsumerOffset4PullConsumer(const MQMessageQueue& mq) {
  std::map<MQMessageQueue, int64_t> table;
  {
    std::lock_guard<std::mutex> lock(impl_->offsets_mu);
    auto it = impl_->offsets.find(mq);
    if (it == impl_->offsets.end()) return;
    table.emplace(*it);
  }
  impl_->Persist(table);
}

void DefaultMQPullConsumer::registerMessageQueueListener(const std::string& topic,
                                                         MQueueListener* listener) {
  if (topic.empty()) throw MQClientException("topic is empty", kCodeInvalidArgument);
  impl_->topic_listeners[topic] = listener;
  if (impl_->lite) impl_->TellListener(topic, listener);
}

ConsumeFromWhere DefaultMQPullConsumer::getConsumeFromWhere() { return CONSUME_FROM_LAST_OFFSET; }

}  // namespace rocketmq
