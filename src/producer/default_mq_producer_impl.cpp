#include "producer/default_mq_producer_impl.h"

#include <chrono>

#include "client/namespace_util.h"
#include "client/validators.h"
#include "common/compression.h"
#include "common/logging.h"
#include "common/message_const.h"
#include "common/message_decoder.h"
#include "common/message_id.h"
#include "remoting/request_code.h"

namespace rocketmq::producer {

using client::TopicPublishInfo;

namespace {

constexpr char kFaqSuffix[] = "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

int64_t WallNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Restores a message's topic when a send returns (Java's finally in sendKernelImpl).
class TopicRestorer {
 public:
  TopicRestorer(Message* msg, std::string wrapped) : msg_(msg), original_(msg->topic()) {
    msg_->set_topic(std::move(wrapped));
  }
  ~TopicRestorer() { msg_->set_topic(original_); }

 private:
  Message* msg_;
  std::string original_;
};

}  // namespace

struct DefaultMQProducerImpl::AsyncState {
  remoting::RemotingCommand request;
  client::SentMessageInfo sent;
  std::string addr;
  MessageQueue mq;                               // of the current attempt (statistics)
  std::shared_ptr<const TopicPublishInfo> info;  // null: retries stay on the same broker
  int times = 0;
  int times_total = 0;
  int64_t deadline = 0;  // steady ms
  int64_t attempt_begin = 0;
  bool v2 = true;
  SendOutcomeCallback callback;
};

DefaultMQProducerImpl::DefaultMQProducerImpl(ProducerConfig config,
                                             client::ClientInstanceRegistry* registry)
    : config_(std::move(config)),
      registry_(registry != nullptr ? registry : &client::ClientInstanceRegistry::Default()) {}

DefaultMQProducerImpl::~DefaultMQProducerImpl() { Shutdown(); }

std::string DefaultMQProducerImpl::client_id() const {
  return instance_ ? instance_->client_id() : config_.client.BuildClientId();
}

std::string DefaultMQProducerImpl::Wrap(const std::string& resource) const {
  return client::WrapNamespace(config_.client.name_space, resource);
}

Status DefaultMQProducerImpl::CheckAccepting() const {
  if (state_ == State::kRunning) return Status::OK();
  return Status::ShutdownInProgress(
      state_ == State::kCreated
          ? std::string("The producer service state not OK, CREATE_JUST") + kFaqSuffix
          : std::string("The producer service state not OK, SHUTDOWN_ALREADY") + kFaqSuffix);
}

Status DefaultMQProducerImpl::MakeSureStateOK() const {
  if (state_ == State::kDraining) return Status::OK();
  return CheckAccepting();
}

// ---- lifecycle ----

Status DefaultMQProducerImpl::Start() {
  std::lock_guard<std::mutex> lock(state_mu_);
  if (state_ == State::kRunning) return Status::OK();
  if (state_ != State::kCreated) {
    return Status::ShutdownInProgress(
        "The producer service state not OK, maybe started once, SHUTDOWN_ALREADY");
  }
  ROCKETMQ_RETURN_IF_ERROR(client::CheckGroup(config_.group));
  ROCKETMQ_RETURN_IF_ERROR(client::ValidateStatisticsOptions(config_.statistics));
  if (config_.group == kDefaultProducerGroup) {
    return Status::InvalidArgument(
        "producerGroup can not equal DEFAULT_PRODUCER, please specify another one.");
  }
  config_.group = Wrap(config_.group);
  config_.client.ChangeInstanceNameToPid();
  fault_strategy_.set_enabled(config_.send_latency_fault_enable);

  instance_ = registry_->Acquire(config_.client);
  Status st = instance_->RegisterProducer(config_.group, shared_from_this());
  if (st.ok()) st = instance_->Start();
  if (!st.ok()) {
    instance_->UnregisterProducer(config_.group);
    registry_->Release(instance_);
    instance_.reset();
    return st;
  }
  {
    std::lock_guard<std::mutex> table_lock(table_mu_);
    publish_info_.emplace(config_.create_topic_key, std::make_shared<TopicPublishInfo>());
  }
  async_pool_ = std::make_unique<ThreadPool>("rmq-async-send",
                                             config_.client.EffectiveCallbackThreads(), 50000);
  state_ = State::kRunning;
  StartStatistics();
  instance_->SendHeartbeatToAllBrokers();
  RMQ_LOG(kInfo) << "producer " << config_.group << " started as " << instance_->client_id();
  return Status::OK();
}

void DefaultMQProducerImpl::Shutdown() {
  std::lock_guard<std::mutex> lock(state_mu_);
  if (state_ != State::kRunning) {
    state_ = State::kShutdown;
    return;
  }
  state_ = State::kDraining;
  {
    std::unique_lock<std::mutex> inflight_lock(inflight_mu_);
    bool drained = inflight_cv_.wait_for(
        inflight_lock, std::chrono::milliseconds(config_.send_msg_timeout_ms + 2000),
        [this] { return inflight_ == 0; });
    if (!drained) {
      RMQ_LOG(kWarn) << "producer " << config_.group << ": " << inflight_
                     << " async send(s) still pending at shutdown";
    }
  }
  async_pool_->Shutdown();
  state_ = State::kShutdown;
  StopStatistics();
  instance_->UnregisterProducer(config_.group);
  registry_->Release(instance_);
  instance_.reset();
  RMQ_LOG(kInfo) << "producer " << config_.group << " shut down";
}

void DefaultMQProducerImpl::StartStatistics() {
  if (config_.statistics.interval_ms <= 0) return;
  queue_stats_.Enable();
  instance_->statistics()->AddUser();
  stats_reporter_ = std::make_unique<client::StatisticsReporter>(
      config_.statistics, "rmq-prod-stats", instance_->statistics(),
      [this](client::StatisticsDocument* doc) {
        doc->type = "producer";
        doc->client_id = instance_->client_id();
        doc->group = config_.group;
        doc->producer_queues = &queue_stats_;
      });
  stats_reporter_->Start();
}

void DefaultMQProducerImpl::StopStatistics() {
  if (!stats_reporter_) return;
  stats_reporter_->Stop();
  stats_reporter_.reset();
  instance_->statistics()->RemoveUser();
}

std::string DefaultMQProducerImpl::StatisticsJson() {
  std::lock_guard<std::mutex> lock(state_mu_);
  return stats_reporter_ ? stats_reporter_->Report() : std::string();
}

// ---- ProducerInner ----

std::set<std::string> DefaultMQProducerImpl::GetPublishTopicList() const {
  std::lock_guard<std::mutex> lock(table_mu_);
  std::set<std::string> out;
  for (const auto& [topic, info] : publish_info_) out.insert(topic);
  return out;
}

bool DefaultMQProducerImpl::IsPublishTopicNeedUpdate(const std::string& topic) const {
  std::lock_guard<std::mutex> lock(table_mu_);
  auto it = publish_info_.find(topic);
  return it == publish_info_.end() || !it->second->ok();
}

void DefaultMQProducerImpl::UpdateTopicPublishInfo(const std::string& topic,
                                                   std::shared_ptr<const TopicPublishInfo> info) {
  if (!info) return;
  auto mine = std::make_shared<TopicPublishInfo>(*info);
  std::lock_guard<std::mutex> lock(table_mu_);
  auto it = publish_info_.find(topic);
  // Keep the round robin position across route updates.
  if (it != publish_info_.end()) mine->send_which_queue = it->second->send_which_queue;
  publish_info_[topic] = std::move(mine);
}

std::shared_ptr<const TopicPublishInfo> DefaultMQProducerImpl::TryToFindTopicPublishInfo(
    const std::string& topic) {
  auto get = [&]() -> std::shared_ptr<const TopicPublishInfo> {
    std::lock_guard<std::mutex> lock(table_mu_);
    auto it = publish_info_.find(topic);
    return it == publish_info_.end() ? nullptr : it->second;
  };
  std::shared_ptr<const TopicPublishInfo> info = get();
  if (!info || !info->ok()) {
    {
      std::lock_guard<std::mutex> lock(table_mu_);
      publish_info_.emplace(topic, std::make_shared<TopicPublishInfo>());
    }
    instance_->UpdateTopicRouteInfoFromNameServer(topic);
    info = get();
  }
  if (info && (info->have_topic_router_info || info->ok())) return info;
  // Unknown to the NameServer: send through the brokers serving TBW102, which create the topic.
  instance_->UpdateTopicRouteInfoFromDefault(topic, config_.create_topic_key,
                                             config_.default_topic_queue_nums);
  return get();
}

// ---- the send paths ----

SendOutcome DefaultMQProducerImpl::SendKernelImpl(const Outgoing& out, const MessageQueue& mq,
                                                  Mode mode,
                                                  std::shared_ptr<const TopicPublishInfo> info,
                                                  int64_t timeout_ms,
                                                  SendOutcomeCallback* async_cb) {
  const int64_t begin = SteadyNowMs();
  std::string addr = instance_->FindBrokerAddressInPublish(mq.broker_name);
  if (addr.empty()) {
    TryToFindTopicPublishInfo(mq.topic);
    addr = instance_->FindBrokerAddressInPublish(mq.broker_name);
  }
  if (addr.empty()) {
    return SendOutcome::ClientError(
        Status(kCodeNotFound, "The broker[" + mq.broker_name + "] not exist"));
  }
  Message& msg = *out.msg;
  if (!out.batch && msg.unique_key().empty()) {
    msg.set_unique_key(UniqueIdGenerator::Default().Next());
  }
  const std::string& ns = config_.client.name_space;
  if (!ns.empty()) msg.PutProperty(kPropertyInstanceId, ns);

  client::SendMessageRequestHeader header;
  header.producer_group = config_.group;
  header.topic = msg.topic();
  header.default_topic = config_.create_topic_key;
  header.default_topic_queue_nums = config_.default_topic_queue_nums;
  header.queue_id = mq.queue_id;
  header.born_timestamp = WallNowMs();
  header.flag = msg.flag();
  header.unit_mode = config_.client.unit_mode;
  header.batch = out.batch;
  header.broker_name = mq.broker_name;

  const std::string* body = &msg.body();
  std::string compressed;
  if (!out.batch && msg.body().size() >= config_.compress_msg_body_over_howmuch) {
    Result<std::string> z = ZlibCompress(msg.body(), config_.compress_level);
    if (z.ok()) {
      compressed = std::move(z).value();
      body = &compressed;
      // 4.9.8 producers mark the compression type too (0x300 | 0x1 = 769).
      header.sys_flag |= kSysFlagCompressed | kSysFlagCompressionZlib;
    } else {
      RMQ_LOG(kWarn) << "compression failed, sending uncompressed: " << z.status().ToString();
    }
  }
  if (msg.transaction_prepared()) header.sys_flag |= kSysFlagTransactionPreparedType;

  MessageProperties props = msg.properties();
  if (IsRetryTopic(header.topic)) {
    if (const std::string* v = props.Find(kPropertyReconsumeTime)) {
      header.reconsume_times = std::atoi(v->c_str());
      props.Erase(kPropertyReconsumeTime);
    }
    if (const std::string* v = props.Find(kPropertyMaxReconsumeTimes)) {
      header.max_reconsume_times = std::atoi(v->c_str());
      props.Erase(kPropertyMaxReconsumeTimes);
    }
  }
  header.properties = props.Encode();

  remoting::RemotingCommand request = client::ClientApi::BuildSendRequest(
      header, msg.GetProperty(kPropertyMessageType) == kReplyMessageFlag, config_.send_smart_msg);
  request.set_body(*body);
  client::SentMessageInfo sent{msg.topic(), ns, mq.broker_name,
                               out.batch ? out.batch_ids : msg.unique_key()};

  const int64_t cost = SteadyNowMs() - begin;
  if (timeout_ms < cost)
    return SendOutcome::ClientError(Status::Timeout("sendKernelImpl call timeout"));
  client::ClientApi& api = instance_->api();
  client::ProducerQueueCounters* counters =
      queue_stats_.enabled() && mode != Mode::kAsync ? &queue_stats_.For(mq) : nullptr;
  if (counters != nullptr) counters->sent.fetch_add(1, std::memory_order_relaxed);
  switch (mode) {
    case Mode::kOneway: {
      Status st = api.SendMessageOneway(addr, std::move(request));
      if (counters != nullptr && !st.ok()) counters->failed.fetch_add(1, std::memory_order_relaxed);
      return st.ok() ? SendOutcome::Ok(SendResult()) : SendOutcome::ClientError(st);
    }
    case Mode::kSync: {
      Result<SendResult> r = api.SendMessageSync(addr, sent, std::move(request), timeout_ms - cost);
      if (counters != nullptr) {
        (r.ok() ? counters->acknowledged : counters->failed)
            .fetch_add(1, std::memory_order_relaxed);
      }
      if (r.ok()) return SendOutcome::Ok(std::move(r).value());
      SendOutcome o = SendOutcome::ClientError(r.status());
      o.broker_error = r.status().code() >= 0;
      o.broker_addr = addr;
      return o;
    }
    case Mode::kAsync: {
      auto state = std::make_shared<AsyncState>();
      state->request = std::move(request);
      state->sent = std::move(sent);
      state->addr = addr;
      state->mq = mq;
      state->info = std::move(info);
      state->times_total = config_.retry_times_when_send_async_failed;
      state->deadline = SteadyNowMs() + (timeout_ms - cost);
      state->v2 = config_.send_smart_msg;
      state->callback = *async_cb;
      AsyncAttempt(std::move(state));
      return SendOutcome::Ok(SendResult());
    }
  }
  return SendOutcome::ClientError(Status::InvalidArgument("unknown send mode"));
}

void DefaultMQProducerImpl::AsyncAttempt(std::shared_ptr<AsyncState> state) {
  state->attempt_begin = SteadyNowMs();
  const int64_t remaining = state->deadline - state->attempt_begin;
  if (remaining <= 0) {
    state->callback(SendOutcome::ClientError(Status::Timeout("send call timeout")));
    return;
  }
  auto self = shared_from_this();
  client::ProducerQueueCounters* counters =
      queue_stats_.enabled() ? &queue_stats_.For(state->mq) : nullptr;
  if (counters != nullptr) counters->sent.fetch_add(1, std::memory_order_relaxed);
  instance_->api().SendMessageAsync(
      state->addr, state->sent, state->request, remaining,
      [self, state, counters](Result<SendResult> r) {
        if (counters != nullptr) {
          (r.ok() ? counters->acknowledged : counters->failed)
              .fetch_add(1, std::memory_order_relaxed);
        }
        const std::string broker = state->sent.broker_name;
        const int64_t latency = SteadyNowMs() - state->attempt_begin;
        if (r.ok()) {
          self->fault_strategy_.UpdateFaultItem(broker, latency, false);
          state->callback(SendOutcome::Ok(std::move(r).value()));
          return;
        }
        self->fault_strategy_.UpdateFaultItem(broker, latency, true);
        SendOutcome failed = SendOutcome::ClientError(r.status());
        if (r.status().code() >= 0) {  // the broker answered: Java does not retry
          failed.broker_error = true;
          failed.broker_addr = state->addr;
          state->callback(std::move(failed));
          return;
        }
        if (++state->times <= state->times_total) {
          std::string retry_broker = broker;
          int32_t queue_id = -1;
          if (state->info) {
            std::optional<MessageQueue> mq =
                self->fault_strategy_.SelectOneMessageQueue(*state->info, broker);
            if (mq) {
              retry_broker = mq->broker_name;
              queue_id = mq->queue_id;
            }
          }
          std::string addr = self->instance_->FindBrokerAddressInPublish(retry_broker);
          if (!addr.empty()) {
            RMQ_LOG(kInfo) << "async send to " << broker << " failed (" << r.status().ToString()
                           << "), retry " << state->times << " on " << retry_broker;
            if (queue_id >= 0) {
              state->request.SetExtField(state->v2 ? "e" : "queueId", std::to_string(queue_id));
              state->request.SetExtField(state->v2 ? "n" : "bname", retry_broker);
            }
            state->sent.broker_name = retry_broker;
            state->addr = addr;
            state->mq.broker_name = retry_broker;
            if (queue_id >= 0) state->mq.queue_id = queue_id;
            self->instance_->statistics()->OnRetry(addr);
            self->AsyncAttempt(state);
            return;
          }
        }
        state->callback(std::move(failed));
      });
}

SendOutcome DefaultMQProducerImpl::SendDefaultImpl(Outgoing out, Mode mode, int64_t timeout_ms,
                                                   SendOutcomeCallback* async_cb) {
  Status st = MakeSureStateOK();
  if (st.ok()) st = client::CheckMessage(*out.msg, config_.max_message_size);
  if (!st.ok()) return SendOutcome::ClientError(st);
  const std::string topic = out.msg->topic();
  const int64_t begin_first = SteadyNowMs();
  std::shared_ptr<const TopicPublishInfo> info = TryToFindTopicPublishInfo(topic);
  if (!info || !info->ok()) {
    return SendOutcome::ClientError(
        Status(kCodeNotFound, "No route info of this topic: " + topic + kFaqSuffix));
  }
  const int times_total = mode == Mode::kSync ? 1 + config_.retry_times_when_send_failed : 1;
  std::vector<std::string> brokers_sent(static_cast<size_t>(times_total), "null");
  std::string last_broker;
  SendOutcome last_error;
  std::optional<SendOutcome> kept_result;
  bool call_timeout = false;
  int times = 0;
  for (; times < times_total; ++times) {
    std::optional<MessageQueue> mq = fault_strategy_.SelectOneMessageQueue(*info, last_broker);
    if (!mq) break;
    last_broker = mq->broker_name;
    brokers_sent[static_cast<size_t>(times)] = mq->broker_name;
    if (times > 0 && instance_->statistics()->enabled()) {
      instance_->statistics()->OnRetry(instance_->FindBrokerAddressInPublish(mq->broker_name));
    }
    const int64_t begin_prev = SteadyNowMs();
    const int64_t cost = begin_prev - begin_first;
    if (timeout_ms < cost) {
      call_timeout = true;
      break;
    }
    SendOutcome o = SendKernelImpl(out, *mq, mode, info, timeout_ms - cost, async_cb);
    const int64_t latency = SteadyNowMs() - begin_prev;
    if (o.ok()) {
      fault_strategy_.UpdateFaultItem(mq->broker_name, latency, false);
      if (mode == Mode::kSync && o.result.getSendStatus() != SEND_OK &&
          config_.retry_another_broker_when_not_store_ok) {
        kept_result = std::move(o);
        continue;
      }
      return o;
    }
    fault_strategy_.UpdateFaultItem(mq->broker_name, latency, true);
    RMQ_LOG(kDebug) << "send to " << mq->ToString() << " failed: " << o.status.ToString();
    if (o.broker_error && config_.retry_response_codes.count(o.status.code()) == 0) {
      if (kept_result) return *kept_result;
      return o;
    }
    last_error = std::move(o);
  }
  if (kept_result) return *kept_result;
  if (call_timeout)
    return SendOutcome::ClientError(Status::Timeout("sendDefaultImpl call timeout"));
  std::string joined;
  for (size_t i = 0; i < brokers_sent.size(); ++i) joined += (i ? ", " : "") + brokers_sent[i];
  std::string text = "Send [" + std::to_string(times) + "] times, still failed, cost [" +
                     std::to_string(SteadyNowMs() - begin_first) + "]ms, Topic: " + topic +
                     ", BrokersSent: [" + joined + "]" + kFaqSuffix;
  if (!last_error.status.ok()) text += "\ncause: " + last_error.status.ToString();
  int32_t code = last_error.status.ok() ? kCodeUnknown : last_error.status.code();
  return SendOutcome::ClientError(Status(code, text));
}

SendOutcome DefaultMQProducerImpl::SendSelectImpl(Outgoing out, const QueueSelectFunction& selector,
                                                  Mode mode, int64_t timeout_ms,
                                                  SendOutcomeCallback* async_cb) {
  const int64_t begin = SteadyNowMs();
  Status st = MakeSureStateOK();
  if (st.ok()) st = client::CheckMessage(*out.msg, config_.max_message_size);
  if (!st.ok()) return SendOutcome::ClientError(st);
  const std::string& ns = config_.client.name_space;
  std::shared_ptr<const TopicPublishInfo> info = TryToFindTopicPublishInfo(out.msg->topic());
  if (!info || !info->ok()) {
    return SendOutcome::ClientError(
        Status(kCodeNotFound, "No route info for this topic, " + out.msg->topic() + kFaqSuffix));
  }
  std::vector<MessageQueue> queues = info->message_queue_list;
  for (MessageQueue& q : queues) q.topic = client::WithoutNamespace(q.topic, ns);
  Message user_msg = *out.msg;
  user_msg.set_topic(client::WithoutNamespace(user_msg.topic(), ns));
  std::optional<MessageQueue> mq = selector(queues, user_msg);
  if (!mq) {
    return SendOutcome::ClientError(
        Status(kCodeInvalidArgument, "select message queue return null."));
  }
  mq->topic = Wrap(mq->topic);
  const int64_t cost = SteadyNowMs() - begin;
  if (timeout_ms < cost)
    return SendOutcome::ClientError(Status::Timeout("sendSelectImpl call timeout"));
  return SendKernelImpl(out, *mq, mode, nullptr, timeout_ms - cost, async_cb);
}

SendOutcome DefaultMQProducerImpl::SendToQueueImpl(Outgoing out, const MessageQueue& mq, Mode mode,
                                                   int64_t timeout_ms,
                                                   SendOutcomeCallback* async_cb) {
  const int64_t begin = SteadyNowMs();
  Status st = MakeSureStateOK();
  if (st.ok()) st = client::CheckMessage(*out.msg, config_.max_message_size);
  if (!st.ok()) return SendOutcome::ClientError(st);
  MessageQueue target = mq;
  target.topic = Wrap(mq.topic);
  if (out.msg->topic() != target.topic) {
    return SendOutcome::ClientError(
        Status(kCodeInvalidArgument, "message's topic not equal mq's topic"));
  }
  const int64_t cost = SteadyNowMs() - begin;
  if (timeout_ms < cost) return SendOutcome::ClientError(Status::Timeout("call timeout"));
  return SendKernelImpl(out, target, mode, nullptr, timeout_ms - cost, async_cb);
}

// ---- public entry points ----

SendOutcome DefaultMQProducerImpl::Send(Message& msg, int64_t timeout_ms) {
  Status st = CheckAccepting();
  if (!st.ok()) return SendOutcome::ClientError(st);
  TopicRestorer restore(&msg, Wrap(msg.topic()));
  return SendDefaultImpl(Outgoing{&msg, false, ""}, Mode::kSync, timeout_ms, nullptr);
}

SendOutcome DefaultMQProducerImpl::Send(Message& msg, const MessageQueue& mq, int64_t timeout_ms) {
  Status st = CheckAccepting();
  if (!st.ok()) return SendOutcome::ClientError(st);
  TopicRestorer restore(&msg, Wrap(msg.topic()));
  return SendToQueueImpl(Outgoing{&msg, false, ""}, mq, Mode::kSync, timeout_ms, nullptr);
}

SendOutcome DefaultMQProducerImpl::Send(Message& msg, const QueueSelectFunction& selector,
                                        int64_t timeout_ms) {
  Status st = CheckAccepting();
  if (!st.ok()) return SendOutcome::ClientError(st);
  TopicRestorer restore(&msg, Wrap(msg.topic()));
  return SendSelectImpl(Outgoing{&msg, false, ""}, selector, Mode::kSync, timeout_ms, nullptr);
}

Result<Message> DefaultMQProducerImpl::MakeBatch(std::vector<Message>& msgs, std::string* ids) {
  if (msgs.empty()) return Status::InvalidArgument("the batch is empty");
  const Message& first = msgs.front();
  for (const Message& m : msgs) {
    if (m.delay_time_level() > 0) {
      return Status::InvalidArgument("TimeDelayLevel is not supported for batching");
    }
    if (IsRetryTopic(m.topic())) {
      return Status::InvalidArgument("Retry Group is not supported for batching");
    }
    if (m.topic() != first.topic()) {
      return Status::InvalidArgument("The topic of the messages in one batch should be the same");
    }
    if (m.wait_store_msg_ok() != first.wait_store_msg_ok()) {
      return Status::InvalidArgument(
          "The waitStoreMsgOK of the messages in one batch should the same");
    }
  }
  ids->clear();
  std::vector<Message> wire;
  wire.reserve(msgs.size());
  for (Message& m : msgs) {
    ROCKETMQ_RETURN_IF_ERROR(client::CheckMessage(m, config_.max_message_size));
    if (m.unique_key().empty()) m.set_unique_key(UniqueIdGenerator::Default().Next());
    *ids += (ids->empty() ? "" : ",") + m.unique_key();
    wire.push_back(m);
    wire.back().set_topic(Wrap(m.topic()));
  }
  Result<std::string> body = EncodeBatchMessages(wire);
  if (!body.ok()) return body.status();
  Message batch;
  batch.set_topic(Wrap(first.topic()));
  batch.set_wait_store_msg_ok(first.wait_store_msg_ok());
  batch.set_body(std::move(body).value());
  return batch;
}

SendOutcome DefaultMQProducerImpl::SendBatch(std::vector<Message>& msgs, const MessageQueue* mq,
                                             int64_t timeout_ms) {
  Status st = CheckAccepting();
  if (!st.ok()) return SendOutcome::ClientError(st);
  std::string ids;
  Result<Message> batch = MakeBatch(msgs, &ids);
  if (!batch.ok()) return SendOutcome::ClientError(batch.status());
  Outgoing out{&batch.value(), true, ids};
  if (mq != nullptr) return SendToQueueImpl(out, *mq, Mode::kSync, timeout_ms, nullptr);
  return SendDefaultImpl(out, Mode::kSync, timeout_ms, nullptr);
}

Status DefaultMQProducerImpl::RunAsync(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(inflight_mu_);
    ++inflight_;
  }
  if (async_pool_->Submit(std::move(task))) return Status::OK();
  AsyncDone();
  return Status(ResponseCode::kSystemBusy, "executor rejected: too many pending async sends");
}

void DefaultMQProducerImpl::AsyncDone() {
  std::lock_guard<std::mutex> lock(inflight_mu_);
  if (--inflight_ == 0) inflight_cv_.notify_all();
}

Status DefaultMQProducerImpl::SendAsync(Message& msg, const MessageQueue* mq,
                                        const QueueSelectFunction* selector, int64_t timeout_ms,
                                        SendOutcomeCallback callback) {
  Status st = CheckAccepting();
  if (!st.ok()) {
    callback(SendOutcome::ClientError(st));
    return Status::OK();
  }
  if (msg.unique_key().empty()) msg.set_unique_key(UniqueIdGenerator::Default().Next());
  auto self = shared_from_this();
  auto done = std::make_shared<std::atomic<bool>>(false);
  SendOutcomeCallback once = [self, done, cb = std::move(callback)](SendOutcome o) {
    if (done->exchange(true)) return;
    cb(std::move(o));
    self->AsyncDone();
  };
  auto copy = std::make_shared<Message>(msg);
  std::optional<MessageQueue> target;
  if (mq != nullptr) target = *mq;
  std::optional<QueueSelectFunction> select;
  if (selector != nullptr) select = *selector;
  const int64_t begin = SteadyNowMs();
  return RunAsync([self, once, copy, target, select, begin, timeout_ms]() mutable {
    const int64_t cost = SteadyNowMs() - begin;
    if (timeout_ms <= cost) {
      once(SendOutcome::ClientError(Status::Timeout("DEFAULT ASYNC send call timeout")));
      return;
    }
    copy->set_topic(self->Wrap(copy->topic()));
    Outgoing out{copy.get(), false, ""};
    SendOutcome o =
        target   ? self->SendToQueueImpl(out, *target, Mode::kAsync, timeout_ms - cost, &once)
        : select ? self->SendSelectImpl(out, *select, Mode::kAsync, timeout_ms - cost, &once)
                 : self->SendDefaultImpl(out, Mode::kAsync, timeout_ms - cost, &once);
    if (!o.ok()) once(std::move(o));
  });
}

Status DefaultMQProducerImpl::SendBatchAsync(std::vector<Message>& msgs, const MessageQueue* mq,
                                             int64_t timeout_ms, SendOutcomeCallback callback) {
  Status st = CheckAccepting();
  if (!st.ok()) {
    callback(SendOutcome::ClientError(st));
    return Status::OK();
  }
  std::string ids;
  Result<Message> batch = MakeBatch(msgs, &ids);
  if (!batch.ok()) {
    callback(SendOutcome::ClientError(batch.status()));
    return Status::OK();
  }
  auto self = shared_from_this();
  auto done = std::make_shared<std::atomic<bool>>(false);
  SendOutcomeCallback once = [self, done, cb = std::move(callback)](SendOutcome o) {
    if (done->exchange(true)) return;
    cb(std::move(o));
    self->AsyncDone();
  };
  auto copy = std::make_shared<Message>(std::move(batch).value());
  std::optional<MessageQueue> target;
  if (mq != nullptr) target = *mq;
  const int64_t begin = SteadyNowMs();
  return RunAsync([self, once, copy, target, ids, begin, timeout_ms]() mutable {
    const int64_t cost = SteadyNowMs() - begin;
    if (timeout_ms <= cost) {
      once(SendOutcome::ClientError(Status::Timeout("DEFAULT ASYNC send call timeout")));
      return;
    }
    Outgoing out{copy.get(), true, ids};
    SendOutcome o =
        target ? self->SendToQueueImpl(out, *target, Mode::kAsync, timeout_ms - cost, &once)
               : self->SendDefaultImpl(out, Mode::kAsync, timeout_ms - cost, &once);
    if (!o.ok()) once(std::move(o));
  });
}

Status DefaultMQProducerImpl::SendOneway(Message& msg) {
  ROCKETMQ_RETURN_IF_ERROR(CheckAccepting());
  TopicRestorer restore(&msg, Wrap(msg.topic()));
  return SendDefaultImpl(Outgoing{&msg, false, ""}, Mode::kOneway, config_.send_msg_timeout_ms,
                         nullptr)
      .status;
}

Status DefaultMQProducerImpl::SendOneway(Message& msg, const MessageQueue& mq) {
  ROCKETMQ_RETURN_IF_ERROR(CheckAccepting());
  TopicRestorer restore(&msg, Wrap(msg.topic()));
  return SendToQueueImpl(Outgoing{&msg, false, ""}, mq, Mode::kOneway, config_.send_msg_timeout_ms,
                         nullptr)
      .status;
}

Status DefaultMQProducerImpl::SendOneway(Message& msg, const QueueSelectFunction& selector) {
  ROCKETMQ_RETURN_IF_ERROR(CheckAccepting());
  TopicRestorer restore(&msg, Wrap(msg.topic()));
  return SendSelectImpl(Outgoing{&msg, false, ""}, selector, Mode::kOneway,
                        config_.send_msg_timeout_ms, nullptr)
      .status;
}

Result<std::vector<MessageQueue>> DefaultMQProducerImpl::FetchPublishMessageQueues(
    const std::string& topic) {
  ROCKETMQ_RETURN_IF_ERROR(CheckAccepting());
  const std::string wrapped = Wrap(topic);
  Result<TopicRouteData> route = instance_->api().GetTopicRouteInfoFromNameServer(
      wrapped, config_.client.mq_client_api_timeout_ms);
  if (!route.ok()) return route.status();
  TopicPublishInfo info = client::RouteToPublishInfo(wrapped, *route);
  if (!info.ok()) {
    return Status(kCodeNotFound,
                  "Unknow why, Can not find Message Queue for this topic, " + wrapped);
  }
  std::vector<MessageQueue> out = info.message_queue_list;
  for (MessageQueue& q : out)
    q.topic = client::WithoutNamespace(q.topic, config_.client.name_space);
  return out;
}

}  // namespace rocketmq::producer
