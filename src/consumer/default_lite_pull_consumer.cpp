#include "rocketmq/default_lite_pull_consumer.h"

#include <mutex>

#include "client/message_access.h"
#include "consumer/consumer_settings.h"
#include "consumer/lite_pull_consumer_impl.h"
#include "consumer/message_wrap.h"

namespace rocketmq {

namespace {

[[noreturn]] void Throw(const Status& st) {
  if (st.code() >= 0) throw MQBrokerException(st.code(), st.message());
  throw MQClientException(st.message(), st.code());
}

}  // namespace

class DefaultLitePullConsumer::Impl {
 public:
  std::mutex mu;
  consumer::LitePullConsumerConfig config;
  std::map<std::string, std::string> subscriptions;  // before start()
  std::shared_ptr<consumer::LitePullConsumerImpl> engine;
  bool shut_down = false;

  std::shared_ptr<consumer::LitePullConsumerImpl> Running() {
    std::lock_guard<std::mutex> lock(mu);
    if (!engine) throw MQClientException("The consumer is not running", kCodeInvalidArgument);
    return engine;
  }
  void CheckNotStarted() const {
    if (engine != nullptr || shut_down) {
      throw MQClientException("the consumer configuration cannot change after start()",
                              kCodeInvalidArgument);
    }
  }
};

DefaultLitePullConsumer::DefaultLitePullConsumer(const std::string& group_name)
    : impl_(std::make_unique<Impl>()) {
  impl_->config.group = group_name;
}

DefaultLitePullConsumer::~DefaultLitePullConsumer() { shutdown(); }

void DefaultLitePullConsumer::start() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (impl_->shut_down) {
    throw MQClientException("the consumer was shut down; create a new one", kCodeInvalidArgument);
  }
  if (impl_->engine) return;
  Status checked = consumer::CheckLitePullConsumerSettings(impl_->config);
  if (!checked.ok()) Throw(checked);
  auto engine = std::make_shared<consumer::LitePullConsumerImpl>(impl_->config);
  for (const auto& [topic, expression] : impl_->subscriptions) {
    Status st = engine->Subscribe(topic, expression);
    if (!st.ok()) Throw(st);
  }
  Status st = engine->Start();
  if (!st.ok()) Throw(st);
  impl_->engine = std::move(engine);
}

void DefaultLitePullConsumer::shutdown() {
  std::shared_ptr<consumer::LitePullConsumerImpl> engine;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->shut_down = true;
    engine = std::move(impl_->engine);
  }
  if (engine) engine->Shutdown();
}

void DefaultLitePullConsumer::subscribe(const std::string& topic, const std::string& expression) {
  std::shared_ptr<consumer::LitePullConsumerImpl> engine;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    if (!impl_->engine) {
      if (topic.empty()) throw MQClientException("topic is empty", kCodeInvalidArgument);
      impl_->subscriptions[topic] = expression;
      return;
    }
    engine = impl_->engine;
  }
  Status st = engine->Subscribe(topic, expression);
  if (!st.ok()) Throw(st);
}

void DefaultLitePullConsumer::unsubscribe(const std::string& topic) {
  std::shared_ptr<consumer::LitePullConsumerImpl> engine;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    if (!impl_->engine) {
      impl_->subscriptions.erase(topic);
      return;
    }
    engine = impl_->engine;
  }
  engine->Unsubscribe(topic);
}

void DefaultLitePullConsumer::assign(const std::vector<MQMessageQueue>& mqs) {
  std::set<MessageQueue> set;
  for (const auto& mq : mqs) set.insert(ToInternal(mq));
  Status st = impl_->Running()->Assign(set);
  if (!st.ok()) Throw(st);
}

std::vector<MQMessageQueue> DefaultLitePullConsumer::fetchMessageQueues(const std::string& topic) {
  Result<std::set<MessageQueue>> mqs = impl_->Running()->FetchMessageQueues(topic);
  if (!mqs.ok()) Throw(mqs.status());
  std::vector<MQMessageQueue> out;
  for (const auto& mq : *mqs) out.push_back(ToPublic(mq));
  return out;
}

std::vector<MQMessageExt> DefaultLitePullConsumer::poll() { return poll(getPollTimeoutMillis()); }

std::vector<MQMessageExt> DefaultLitePullConsumer::poll(int64_t timeout_ms) {
  return consumer::WrapAll(impl_->Running()->Poll(timeout_ms));
}

void DefaultLitePullConsumer::seek(const MQMessageQueue& mq, int64_t offset) {
  Status st = impl_->Running()->Seek(ToInternal(mq), offset);
  if (!st.ok()) Throw(st);
}

void DefaultLitePullConsumer::seekToBegin(const MQMessageQueue& mq) {
  Status st = impl_->Running()->SeekToBegin(ToInternal(mq));
  if (!st.ok()) Throw(st);
}

void DefaultLitePullConsumer::seekToEnd(const MQMessageQueue& mq) {
  Status st = impl_->Running()->SeekToEnd(ToInternal(mq));
  if (!st.ok()) Throw(st);
}

void DefaultLitePullConsumer::pause(const std::vector<MQMessageQueue>& mqs) {
  std::vector<MessageQueue> in;
  for (const auto& mq : mqs) in.push_back(ToInternal(mq));
  impl_->Running()->Pause(in);
}

void DefaultLitePullConsumer::resume(const std::vector<MQMessageQueue>& mqs) {
  std::vector<MessageQueue> in;
  for (const auto& mq : mqs) in.push_back(ToInternal(mq));
  impl_->Running()->Resume(in);
}

void DefaultLitePullConsumer::commitSync() {
  Status st = impl_->Running()->CommitAll(true);
  if (!st.ok()) Throw(st);
}

void DefaultLitePullConsumer::commitSync(const std::map<MQMessageQueue, int64_t>& offsets) {
  std::map<MessageQueue, int64_t> in;
  for (const auto& [mq, offset] : offsets) in[ToInternal(mq)] = offset;
  Status st = impl_->Running()->CommitOffsets(in, true);
  if (!st.ok()) Throw(st);
}

int64_t DefaultLitePullConsumer::committed(const MQMessageQueue& mq) {
  Result<int64_t> r = impl_->Running()->Committed(ToInternal(mq));
  if (!r.ok()) Throw(r.status());
  return *r;
}

int64_t DefaultLitePullConsumer::offsetForTimestamp(const MQMessageQueue& mq,
                                                    int64_t timestamp_ms) {
  Result<int64_t> r = impl_->Running()->OffsetForTimestamp(ToInternal(mq), timestamp_ms);
  if (!r.ok()) Throw(r.status());
  return *r;
}

namespace {
PullResult ToPublicResult(consumer::PullResult&& r) {
  PullResult out;
  switch (r.status) {
    case consumer::PullStatus::kFound:
      out.pullStatus = FOUND;
      break;
    case consumer::PullStatus::kNoNewMsg:
      out.pullStatus = NO_NEW_MSG;
      break;
    case consumer::PullStatus::kNoMatchedMsg:
      out.pullStatus = NO_MATCHED_MSG;
      break;
    case consumer::PullStatus::kOffsetIllegal:
      out.pullStatus = OFFSET_ILLEGAL;
      break;
  }
  out.nextBeginOffset = r.next_begin_offset;
  out.minOffset = r.min_offset;
  out.maxOffset = r.max_offset;
  out.msgFoundList = consumer::WrapAll(r.msg_found_list);
  return out;
}
}  // namespace

PullResult DefaultLitePullConsumer::pull(const MQMessageQueue& mq,
                                         const std::string& sub_expression, int64_t offset,
                                         int max_nums) {
  Result<consumer::PullResult> r =
      impl_->Running()->Pull(ToInternal(mq), sub_expression, offset, max_nums, false);
  if (!r.ok()) Throw(r.status());
  return ToPublicResult(std::move(*r));
}

PullResult DefaultLitePullConsumer::pullBlockIfNotFound(const MQMessageQueue& mq,
                                                        const std::string& sub_expression,
                                                        int64_t offset, int max_nums) {
  Result<consumer::PullResult> r =
      impl_->Running()->Pull(ToInternal(mq), sub_expression, offset, max_nums, true);
  if (!r.ok()) Throw(r.status());
  return ToPublicResult(std::move(*r));
}

#define RMQ_LITE_SETTER(method, type, field)         \
  void DefaultLitePullConsumer::method(type value) { \
    std::lock_guard<std::mutex> lock(impl_->mu);     \
    impl_->CheckNotStarted();                        \
    impl_->config.field = value;                     \
  }

RMQ_LITE_SETTER(setNamesrvAddr, const std::string&, client.namesrv_addr)
RMQ_LITE_SETTER(setGroupName, const std::string&, group)
RMQ_LITE_SETTER(setInstanceName, const std::string&, client.instance_name)
RMQ_LITE_SETTER(setClientIP, const std::string&, client.client_ip)
RMQ_LITE_SETTER(setNamespace, const std::string&, client.name_space)
RMQ_LITE_SETTER(setUseTLS, bool, client.use_tls)
RMQ_LITE_SETTER(setMessageModel, MessageModel, message_model)
RMQ_LITE_SETTER(setConsumeFromWhere, ConsumeFromWhere, consume_from_where)
RMQ_LITE_SETTER(setConsumeTimestamp, const std::string&, consume_timestamp)
RMQ_LITE_SETTER(setAllocateMessageQueueStrategy, const std::string&, allocate_strategy)
RMQ_LITE_SETTER(setAutoCommit, bool, auto_commit)
RMQ_LITE_SETTER(setAutoCommitIntervalMillis, int64_t, auto_commit_interval_ms)
RMQ_LITE_SETTER(setPullBatchSize, int, pull_batch_size)
RMQ_LITE_SETTER(setPullThreadNums, int, pull_thread_nums)
RMQ_LITE_SETTER(setPullThresholdForQueue, int, pull_threshold_for_queue)
RMQ_LITE_SETTER(setPullThresholdSizeForQueue, int, pull_threshold_size_for_queue_mib)
RMQ_LITE_SETTER(setPullThresholdForAll, int, pull_threshold_for_all)
RMQ_LITE_SETTER(setConsumeMaxSpan, int, consume_max_span)
RMQ_LITE_SETTER(setOffsetStoreDir, const std::string&, offset_store_dir)
RMQ_LITE_SETTER(setStatisticsOptions, const StatisticsOptions&, statistics)
#undef RMQ_LITE_SETTER

std::string DefaultLitePullConsumer::getStatistics() const {
  std::shared_ptr<consumer::LitePullConsumerImpl> engine;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    engine = impl_->engine;
  }
  return engine ? engine->StatisticsJson() : std::string();
}

void DefaultLitePullConsumer::setSessionCredentials(const SessionCredentials& credentials) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->CheckNotStarted();
  impl_->config.client.credentials.access_key = credentials.getAccessKey();
  impl_->config.client.credentials.secret_key = credentials.getSecretKey();
  impl_->config.client.credentials.security_token = credentials.getSecurityToken();
}

void DefaultLitePullConsumer::setPollTimeoutMillis(int64_t ms) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->config.poll_timeout_ms = ms;
}

int64_t DefaultLitePullConsumer::getPollTimeoutMillis() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->config.poll_timeout_ms;
}

void DefaultLitePullConsumer::set(const std::string& key, const std::string& value) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->CheckNotStarted();
  Status st = consumer::LitePullConsumerSettings().Set(impl_->config, key, value);
  if (!st.ok()) Throw(st);
}

std::string DefaultLitePullConsumer::get(const std::string& key) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  Result<std::string> v = consumer::LitePullConsumerSettings().Get(impl_->config, key);
  if (!v.ok()) Throw(v.status());
  return *v;
}

const std::string& DefaultLitePullConsumer::getNamesrvAddr() const {
  return impl_->config.client.namesrv_addr;
}
const std::string& DefaultLitePullConsumer::getGroupName() const { return impl_->config.group; }
bool DefaultLitePullConsumer::isAutoCommit() const { return impl_->config.auto_commit; }

std::string DefaultLitePullConsumer::getClientId() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->engine ? impl_->engine->client_id() : impl_->config.client.BuildClientId();
}

}  // namespace rocketmq
