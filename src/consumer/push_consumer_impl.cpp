#include "consumer/push_consumer_impl.h"

#include <climits>

#include "client/message_access.h"
#include "client/namespace_util.h"
#include "client/topic_publish_info.h"
#include "common/logging.h"
#include "common/message_const.h"
#include "common/message_id.h"
#include "common/response_code.h"
#include "common/time_util.h"
#include "consumer/consume_concurrently_service.h"
#include "consumer/consume_orderly_service.h"
#include "consumer/local_file_offset_store.h"
#include "remoting/remoting_command.h"

namespace rocketmq::consumer {

namespace {

constexpr int64_t kSendBackTimeoutMs = 5000;

}  // namespace

PushConsumerImpl::PushConsumerImpl(PushConsumerConfig config,
                                   MessageListenerConcurrently* concurrently,
                                   MessageListenerOrderly* orderly)
    : config_(std::move(config)),
      concurrently_listener_(concurrently),
      orderly_listener_(orderly) {}

PushConsumerImpl::~PushConsumerImpl() { Shutdown(); }

std::string PushConsumerImpl::client_id() const {
  return instance_ ? instance_->client_id() : std::string();
}

int PushConsumerImpl::MaxReconsumeTimes() const {
  if (config_.max_reconsume_times != -1) return config_.max_reconsume_times;
  return orderly() ? INT_MAX : 16;
}

std::string PushConsumerImpl::MessageModel() const {
  return MessageModelName(config_.message_model);
}

std::string PushConsumerImpl::ConsumeFromWhere() const {
  return ConsumeFromWhereName(config_.consume_from_where);
}

Status PushConsumerImpl::Start() {
  std::lock_guard<std::mutex> lock(lifecycle_mu_);
  if (shut_down_) return Status::InvalidArgument("the consumer was shut down; create a new one");
  if (started_) return Status::OK();
  if (config_.group.empty()) return Status::InvalidArgument("consumerGroup is empty");
  if (config_.group == "DEFAULT_CONSUMER") {
    return Status::InvalidArgument(
        "consumerGroup can not equal DEFAULT_CONSUMER, please specify another one.");
  }
  if ((concurrently_listener_ == nullptr) == (orderly_listener_ == nullptr)) {
    return Status::InvalidArgument("messageListener must be registered (exactly one)");
  }
  if (config_.subscriptions.empty()) return Status::InvalidArgument("no subscription");
  ROCKETMQ_RETURN_IF_ERROR(client::ValidateStatisticsOptions(config_.statistics));
  if (config_.consume_thread_min < 1 || config_.consume_thread_min > 1000 ||
      config_.consume_thread_max < config_.consume_thread_min ||
      config_.consume_thread_max > 1000) {
    return Status::InvalidArgument("consumeThreadMin/Max out of range [1, 1000]");
  }
  if (config_.consume_message_batch_max_size < 1 || config_.consume_message_batch_max_size > 1024) {
    return Status::InvalidArgument("consumeMessageBatchMaxSize out of range [1, 1024]");
  }
  if (config_.pull_batch_size < 1 || config_.pull_batch_size > 1024) {
    return Status::InvalidArgument("pullBatchSize out of range [1, 1024]");
  }
  if (config_.consume_timestamp.empty()) {
    config_.consume_timestamp = ConsumerBrokerOps::FormatTimestamp(NowMillis() - 30 * 60 * 1000);
  } else if (ConsumerBrokerOps::ParseTimestamp(config_.consume_timestamp) < 0) {
    return Status::InvalidArgument("consumeTimestamp must be yyyyMMddHHmmss: " +
                                   config_.consume_timestamp);
  }
  Result<std::shared_ptr<AllocateMessageQueueStrategy>> strategy =
      MakeAllocateStrategy(config_.allocate_strategy);
  if (!strategy.ok()) return strategy.status();
  if (clustering()) config_.client.ChangeInstanceNameToPid();

  registry_ = &client::ClientInstanceRegistry::Default();
  instance_ = registry_->Acquire(config_.client);
  rebalance_ = std::make_unique<RebalanceImpl>(config_.group, clustering(), instance_.get(),
                                               *strategy, this);
  const int64_t now = NowMillis();
  for (const auto& [topic, expression] : config_.subscriptions) {
    rebalance_->SetSubscription(SubscriptionData::Build(topic, expression, now));
  }
  if (clustering()) {
    rebalance_->SetSubscription(
        SubscriptionData::Build(kRetryGroupTopicPrefix + config_.group, "*", now));
  }
  pull_api_ = std::make_unique<PullApiWrapper>(instance_.get(), config_.group);
  broker_ops_ = std::make_unique<ConsumerBrokerOps>(
      instance_.get(), config_.group, config_.consume_from_where, config_.consume_timestamp,
      config_.client.mq_client_api_timeout_ms);
  if (clustering()) {
    offset_store_ = std::make_unique<RemoteBrokerOffsetStore>(config_.group, broker_ops_.get());
  } else {
    offset_store_ = std::make_unique<LocalFileOffsetStore>(config_.offset_store_dir,
                                                           instance_->client_id(), config_.group);
  }
  broker_ops_->set_offset_store(offset_store_.get());
  Status st = offset_store_->Load();
  if (!st.ok()) {
    registry_->Release(instance_);
    instance_.reset();
    return st;
  }
  if (orderly()) {
    consume_service_ = std::make_unique<ConsumeOrderlyService>(this);
  } else {
    consume_service_ = std::make_unique<ConsumeConcurrentlyService>(this);
  }
  st = instance_->RegisterConsumer(config_.group, shared_from_this());
  if (!st.ok()) {
    registry_->Release(instance_);
    instance_.reset();
    return Status::InvalidArgument("The consumer group[" + config_.group +
                                   "] has been created before, specify another name please.");
  }
  st = instance_->Start();
  if (!st.ok()) {
    instance_->UnregisterConsumer(config_.group);
    registry_->Release(instance_);
    instance_.reset();
    return st;
  }
  RegisterConsumerProcessors(instance_.get());
  start_timestamp_ = NowMillis();
  running_ = true;
  pull_scheduler_.Start();
  consume_scheduler_.Start();
  consume_service_->Start();
  started_ = true;
  for (const auto& [topic, sd] : rebalance_->Subscriptions()) {
    (void)sd;
    instance_->UpdateTopicRouteInfoFromNameServer(topic);
  }
  instance_->SendHeartbeatToAllBrokers();
  // The heartbeat made the broker create %RETRY%<group>; fetch the routes still missing now
  // rather than at the next periodic refresh.
  for (const auto& [topic, sd] : rebalance_->Subscriptions()) {
    (void)sd;
    if (!rebalance_->TopicSubscribeInfo(topic))
      instance_->UpdateTopicRouteInfoFromNameServer(topic);
  }
  StartStatistics();
  RebalanceImmediately();
  return Status::OK();
}

void PushConsumerImpl::StartStatistics() {
  if (config_.statistics.interval_ms <= 0) return;
  queue_stats_.Enable();
  instance_->statistics()->AddUser();
  stats_reporter_ = std::make_unique<client::StatisticsReporter>(
      config_.statistics, "rmq-push-stats", instance_->statistics(),
      [this](client::StatisticsDocument* doc) {
        doc->type = "push_consumer";
        doc->client_id = instance_->client_id();
        doc->group = config_.group;
        doc->consumer_queues = StatisticsRows();
      });
  stats_reporter_->Start();
}

std::vector<client::ConsumerQueueRow> PushConsumerImpl::StatisticsRows() {
  std::map<MessageQueue, client::ConsumerQueueRow> rows;
  queue_stats_.ForEach([&](const MessageQueue& mq, const client::ConsumerQueueCounters& c) {
    client::ConsumerQueueRow& row = rows[mq];
    row.pulled = c.pulled.load(std::memory_order_relaxed);
    row.consumed = c.consumed.load(std::memory_order_relaxed);
    row.consume_failed = c.consume_failed.load(std::memory_order_relaxed);
    row.max_offset = c.max_offset.load(std::memory_order_relaxed);
  });
  for (const auto& [mq, owned] : rebalance_->ProcessQueueTable()) {
    client::ConsumerQueueRow& row = rows[mq];
    row.process_queue_msgs = owned.pq->msg_count();
    row.process_queue_bytes = owned.pq->msg_size();
  }
  std::vector<client::ConsumerQueueRow> out;
  out.reserve(rows.size());
  for (auto& [mq, row] : rows) {
    row.mq = mq;
    row.consumed_offset = offset_store_->ReadOffset(mq, ReadOffsetType::kReadFromMemory);
    out.push_back(std::move(row));
  }
  return out;
}

void PushConsumerImpl::CountConsumed(const MessageQueue& mq, int64_t ok, int64_t failed) {
  if (!queue_stats_.enabled()) return;
  client::ConsumerQueueCounters& c = queue_stats_.For(mq);
  if (ok > 0) c.consumed.fetch_add(static_cast<uint64_t>(ok), std::memory_order_relaxed);
  if (failed > 0)
    c.consume_failed.fetch_add(static_cast<uint64_t>(failed), std::memory_order_relaxed);
}

std::string PushConsumerImpl::StatisticsJson() {
  std::lock_guard<std::mutex> lock(lifecycle_mu_);
  return stats_reporter_ && !shut_down_ ? stats_reporter_->Report() : std::string();
}

void PushConsumerImpl::Shutdown() {
  std::lock_guard<std::mutex> lock(lifecycle_mu_);
  if (shut_down_) return;
  shut_down_ = true;
  if (!started_) return;
  running_ = false;
  if (stats_reporter_) {
    stats_reporter_->Stop();
    instance_->statistics()->RemoveUser();
  }
  pull_scheduler_.Shutdown();
  consume_service_->Shutdown();
  consume_scheduler_.Shutdown();
  std::set<MessageQueue> mqs;
  for (const auto& [mq, owned] : rebalance_->ProcessQueueTable()) {
    (void)owned;
    mqs.insert(mq);
  }
  offset_store_->PersistAll(mqs);
  if (orderly() && clustering()) rebalance_->UnlockAll(false);
  rebalance_->Destroy();
  instance_->UnregisterConsumer(config_.group);
  registry_->Release(instance_);
}

// ---- client::ConsumerInner ----

std::vector<SubscriptionData> PushConsumerImpl::Subscriptions() const {
  std::vector<SubscriptionData> out;
  if (!rebalance_) return out;
  for (auto& [topic, sd] : rebalance_->Subscriptions()) {
    (void)topic;
    out.push_back(sd);
  }
  return out;
}

void PushConsumerImpl::DoRebalance() {
  if (!running_) return;
  rebalance_->DoRebalance(orderly());
}

std::map<MessageQueue, int64_t> PushConsumerImpl::ConsumerStatus(const std::string& topic) {
  return offset_store_->CloneOffsetTable(topic);
}

void PushConsumerImpl::RebalanceImmediately() {
  if (!running_ || instance_ == nullptr) return;
  std::weak_ptr<PushConsumerImpl> weak = weak_from_this();
  instance_->scheduler().Schedule(
      [weak] {
        if (auto self = weak.lock()) self->DoRebalance();
      },
      0);
}

void PushConsumerImpl::PersistConsumerOffset() {
  if (!running_) return;
  std::set<MessageQueue> mqs;
  for (const auto& [mq, owned] : rebalance_->ProcessQueueTable()) {
    (void)owned;
    mqs.insert(mq);
  }
  offset_store_->PersistAll(mqs);
}

void PushConsumerImpl::UpdateTopicSubscribeInfo(const std::string& topic,
                                                const std::set<MessageQueue>& info) {
  if (rebalance_ && rebalance_->Subscription(topic)) rebalance_->SetTopicSubscribeInfo(topic, info);
}

bool PushConsumerImpl::IsSubscribeTopicNeedUpdate(const std::string& topic) const {
  return rebalance_ && rebalance_->Subscription(topic) && !rebalance_->TopicSubscribeInfo(topic);
}

// ---- RebalanceHooks ----

int64_t PushConsumerImpl::ComputePullFromWhere(const MessageQueue& mq) {
  {
    std::lock_guard<std::mutex> lock(reset_mu_);
    auto it = reset_offsets_.find(mq);
    if (it != reset_offsets_.end()) {
      const PendingReset pending = it->second;
      reset_offsets_.erase(it);
      if (SteadyMillis() - pending.at_ms < 60000) return pending.offset;
    }
  }
  return broker_ops_->ComputePullFromWhere(mq);
}

void PushConsumerImpl::DispatchPullRequests(const std::vector<NewQueue>& queues) {
  for (const NewQueue& q : queues) {
    auto request = std::make_shared<PullRequest>();
    request->mq = q.mq;
    request->owned = q.owned;
    request->next_offset = q.next_offset;
    ExecutePullRequestImmediately(std::move(request));
  }
}

bool PushConsumerImpl::RemoveUnnecessaryMessageQueue(const MessageQueue& mq, ProcessQueue& pq) {
  offset_store_->Persist(mq);
  offset_store_->RemoveOffset(mq);
  if (!(orderly() && clustering())) return true;
  // Orderly: unlock only between two listener calls, so another consumer never starts the queue
  // while this one is in the middle of a batch.
  if (!pq.consume_lock().try_lock_for(std::chrono::milliseconds(1000))) {
    pq.IncTryUnlockTimes();
    RMQ_LOG(kWarn) << "[WRONG]mq is consuming, so can not unlock it, " << mq.ToString();
    return false;
  }
  std::lock_guard<ConsumeLock> consume(pq.consume_lock(), std::adopt_lock);
  if (pq.HasTempMessage()) {
    // Java unlockDelay: give in-flight messages 20 s before the broker lock goes.
    std::weak_ptr<PushConsumerImpl> weak = weak_from_this();
    instance_->scheduler().Schedule(
        [weak, mq] {
          if (auto self = weak.lock()) self->rebalance_->Unlock(mq, true);
        },
        20000);
  } else {
    rebalance_->Unlock(mq, true);
  }
  return true;
}

void PushConsumerImpl::RemoveDirtyOffset(const MessageQueue& mq) {
  offset_store_->RemoveOffset(mq);
}

void PushConsumerImpl::MessageQueueChanged(const std::string&, const std::set<MessageQueue>&,
                                           const std::set<MessageQueue>&) {
  instance_->SendHeartbeatToAllBrokers();
}

void PushConsumerImpl::UpdateConsumeOffset(const MessageQueue& mq, int64_t offset) {
  offset_store_->UpdateOffset(mq, offset, false);
}

// ---- retry ----

void PushConsumerImpl::ResetRetryAndNamespace(std::vector<MessageExtPtr>& msgs) const {
  const std::string retry_topic = kRetryGroupTopicPrefix + config_.group;
  for (MessageExtPtr& msg : msgs) {
    const std::string original = msg->GetProperty(kPropertyRetryTopic);
    if (!original.empty() && msg->topic() == retry_topic) msg->set_topic(original);
    if (!config_.client.name_space.empty()) {
      msg->set_topic(client::WithoutNamespace(msg->topic(), config_.client.name_space));
    }
  }
}

Status PushConsumerImpl::SendMessageBack(const MessageExt& msg, int delay_level,
                                         const std::string& broker_name) {
  std::string addr = broker_name.empty() ? msg.store_host().ToString()
                                         : instance_->FindBrokerAddressInPublish(broker_name);
  Status st = Status::NotFound("no master for broker " + broker_name);
  if (!addr.empty()) {
    client::ConsumerSendMsgBackRequestHeader header;
    header.offset = msg.commit_log_offset();
    header.group = client::WrapNamespace(config_.client.name_space, config_.group);
    header.delay_level = delay_level;
    header.origin_msg_id = msg.msg_id();
    header.origin_topic = client::WrapNamespace(config_.client.name_space, msg.topic());
    header.unit_mode = false;
    header.max_reconsume_times = MaxReconsumeTimes();
    header.broker_name = broker_name;
    st = instance_->api().ConsumerSendMessageBack(addr, header, kSendBackTimeoutMs);
    if (st.ok()) return st;
  }
  RMQ_LOG(kWarn) << "sendMessageBack of " << msg.msg_id() << " to " << addr
                 << " failed, re-sending it to the retry topic: " << st.ToString();
  return SendToRetryTopic(msg, 3 + msg.reconsume_times());
}

Status PushConsumerImpl::SendToRetryTopic(const MessageExt& msg, int delay_level) {
  const std::string retry_topic =
      client::WrapNamespace(config_.client.name_space, kRetryGroupTopicPrefix + config_.group);
  Message out(retry_topic, msg.body());
  out.set_properties(msg.properties());
  out.set_flag(msg.flag());
  const std::string origin = msg.GetProperty(kPropertyOriginMessageId);
  out.PutProperty(kPropertyOriginMessageId, origin.empty() ? msg.msg_id() : origin);
  out.PutProperty(kPropertyRetryTopic,
                  client::WrapNamespace(config_.client.name_space, msg.topic()));
  out.PutProperty(kPropertyReconsumeTime, std::to_string(msg.reconsume_times() + 1));
  out.PutProperty(kPropertyMaxReconsumeTimes, std::to_string(MaxReconsumeTimes()));
  out.ClearProperty(kPropertyTransactionPrepared);
  out.set_delay_time_level(delay_level);
  if (out.unique_key().empty()) out.set_unique_key(UniqueIdGenerator::Default().Next());

  std::optional<TopicRouteData> route = instance_->GetTopicRoute(retry_topic);
  if (!route) {
    instance_->UpdateTopicRouteInfoFromNameServer(retry_topic);
    route = instance_->GetTopicRoute(retry_topic);
  }
  if (!route) return Status(ResponseCode::kTopicNotExist, "no route for " + retry_topic);
  client::TopicPublishInfo info = client::RouteToPublishInfo(retry_topic, *route);
  const MessageQueue* mq = info.SelectOneMessageQueue();
  if (mq == nullptr) return Status(ResponseCode::kTopicNotExist, "no queue for " + retry_topic);
  const std::string addr = instance_->FindBrokerAddressInPublish(mq->broker_name);
  if (addr.empty()) return Status::NotFound("no master for broker " + mq->broker_name);

  client::SendMessageRequestHeader header;
  header.producer_group = client::kClientInnerProducerGroup;
  header.topic = retry_topic;
  header.queue_id = mq->queue_id;
  header.born_timestamp = NowMillis();
  header.flag = out.flag();
  header.properties = out.properties().Encode();
  header.reconsume_times = msg.reconsume_times() + 1;
  header.max_reconsume_times = MaxReconsumeTimes();
  header.broker_name = mq->broker_name;
  client::SentMessageInfo sent{retry_topic, config_.client.name_space, mq->broker_name,
                               out.unique_key()};
  Result<SendResult> r = instance_->api().SendMessageSync(
      addr, sent, client::ClientApi::BuildSendRequest(out, header), kSendBackTimeoutMs);
  if (!r.ok()) {
    RMQ_LOG(kWarn) << "re-send of " << msg.msg_id() << " to " << retry_topic
                   << " failed: " << r.status().ToString();
    return r.status();
  }
  return Status::OK();
}

// ---- pull loop ----

void PushConsumerImpl::ExecutePullRequestImmediately(std::shared_ptr<PullRequest> request) {
  ExecutePullRequestLater(std::move(request), 0);
}

void PushConsumerImpl::ExecutePullRequestLater(std::shared_ptr<PullRequest> request,
                                               int64_t delay_ms) {
  if (!running_) return;
  std::weak_ptr<PushConsumerImpl> weak = weak_from_this();
  pull_scheduler_.Schedule(
      [weak, request = std::move(request)]() mutable {
        if (auto self = weak.lock()) self->PullMessage(std::move(request));
      },
      delay_ms);
}

void PushConsumerImpl::PullMessage(std::shared_ptr<PullRequest> request) {
  if (!running_ || !rebalance_->IsCurrent(request->mq, request->owned.generation)) return;
  ProcessQueue& pq = *request->owned.pq;
  pq.set_last_pull_timestamp(NowMillis());

  // Flow control.
  if (pq.msg_count() > config_.pull_threshold_for_queue ||
      pq.msg_size() / (1024 * 1024) > config_.pull_threshold_size_for_queue_mib) {
    ExecutePullRequestLater(std::move(request), config_.pull_delay_when_flow_control_ms);
    return;
  }
  if (!orderly()) {
    if (pq.MaxSpan() > config_.consume_concurrently_max_span) {
      ExecutePullRequestLater(std::move(request), config_.pull_delay_when_flow_control_ms);
      return;
    }
  } else if (clustering()) {
    if (!pq.locked()) {
      ExecutePullRequestLater(std::move(request), config_.pull_delay_when_exception_ms);
      return;
    }
    if (!request->previously_locked) {
      // Right after taking the lock: resume from the committed offset, which another consumer
      // may have moved while it held the queue.
      const int64_t offset = ComputePullFromWhere(request->mq);
      if (offset < 0) {
        ExecutePullRequestLater(std::move(request), config_.pull_delay_when_exception_ms);
        return;
      }
      request->previously_locked = true;
      request->next_offset = offset;
    }
  }

  std::optional<SubscriptionData> sd = rebalance_->Subscription(request->mq.topic);
  if (!sd) {
    ExecutePullRequestLater(std::move(request), config_.pull_delay_when_exception_ms);
    return;
  }
  PullParams params;
  params.mq = request->mq;
  int64_t commit_offset = 0;
  bool commit = false;
  if (clustering()) {
    commit_offset = offset_store_->ReadOffset(request->mq, ReadOffsetType::kReadFromMemory);
    commit = commit_offset > 0;
  }
  const bool post_sub = config_.post_subscription_when_pull && !sd->class_filter_mode;
  params.has_subscription = post_sub;
  params.sub_expression = sd->sub_string;
  params.expression_type = sd->expression_type;
  params.sub_version = sd->sub_version;
  params.offset = request->next_offset;
  params.max_nums = config_.pull_batch_size;
  params.sys_flag = client::BuildPullSysFlag(commit, true, post_sub, sd->class_filter_mode);
  params.commit_offset = commit ? commit_offset : 0;
  params.broker_suspend_max_time_ms = config_.broker_suspend_max_time_ms;
  params.timeout_ms = config_.consumer_timeout_when_suspend_ms;
  request->pull_start_ms = SteadyMillis();
  std::weak_ptr<PushConsumerImpl> weak = weak_from_this();
  pull_api_->PullAsync(params, [weak, request, sd = *sd](Result<PullResult> r) mutable {
    if (auto self = weak.lock()) self->OnPullResult(std::move(request), sd, std::move(r));
  });
}

void PushConsumerImpl::OnPullResult(std::shared_ptr<PullRequest> request,
                                    const SubscriptionData& sd, Result<PullResult> result) {
  if (!running_) return;
  if (!result.ok()) {
    if (!IsRetryTopic(request->mq.topic)) {
      RMQ_LOG(kWarn) << "pull " << request->mq.ToString() << " at offset " << request->next_offset
                     << " failed: " << result.status().ToString();
    }
    ExecutePullRequestLater(std::move(request), config_.pull_delay_when_exception_ms);
    return;
  }
  Status st = pull_api_->ProcessPullResult(request->mq, sd, &*result);
  if (!st.ok()) {
    RMQ_LOG(kWarn) << "bad pull response for " << request->mq.ToString() << ": " << st.ToString();
    ExecutePullRequestLater(std::move(request), config_.pull_delay_when_exception_ms);
    return;
  }
  if (!rebalance_->IsCurrent(request->mq, request->owned.generation)) return;  // stale
  ProcessQueue& pq = *request->owned.pq;
  if (queue_stats_.enabled() && result->status != PullStatus::kOffsetIllegal) {
    client::ConsumerQueueCounters& c = queue_stats_.For(request->mq);
    c.max_offset.store(result->max_offset, std::memory_order_relaxed);
    c.pulled.fetch_add(result->msg_found_list.size(), std::memory_order_relaxed);
  }
  switch (result->status) {
    case PullStatus::kFound: {
      request->next_offset = result->next_begin_offset;
      stats_.AddPull(request->mq.topic, static_cast<int64_t>(result->msg_found_list.size()),
                     SteadyMillis() - request->pull_start_ms);
      if (result->msg_found_list.empty()) {
        ExecutePullRequestImmediately(std::move(request));
        return;
      }
      const bool dispatch = pq.PutMessages(result->msg_found_list);
      consume_service_->SubmitConsumeRequest(result->msg_found_list, request->owned, request->mq,
                                             dispatch);
      if (config_.pull_interval_ms > 0) {
        ExecutePullRequestLater(std::move(request), config_.pull_interval_ms);
      } else {
        ExecutePullRequestImmediately(std::move(request));
      }
      return;
    }
    case PullStatus::kNoNewMsg:
    case PullStatus::kNoMatchedMsg:
      request->next_offset = result->next_begin_offset;
      // Java correctTagsOffset: with nothing cached, the consumed offset can move forward.
      if (pq.msg_count() == 0) {
        offset_store_->UpdateOffset(request->mq, request->next_offset, true);
      }
      ExecutePullRequestImmediately(std::move(request));
      return;
    case PullStatus::kOffsetIllegal: {
      RMQ_LOG(kWarn) << "the pull request offset illegal, " << request->mq.ToString() << " offset "
                     << request->next_offset << " -> " << result->next_begin_offset;
      request->next_offset = result->next_begin_offset;
      pq.set_dropped(true);
      offset_store_->UpdateOffset(request->mq, request->next_offset, false);
      offset_store_->Persist(request->mq);
      rebalance_->RemoveProcessQueue(request->mq);
      RebalanceImmediately();
      return;
    }
  }
}

// ---- broker-initiated requests ----

ConsumerRunningInfo PushConsumerImpl::RunningInfo(bool jstack) {
  ConsumerRunningInfo info;
  auto& p = info.properties;
  p["consumerGroup"] = config_.group;
  p["messageModel"] = MessageModel();
  p["consumeFromWhere"] = ConsumeFromWhere();
  p["consumeTimestamp"] = config_.consume_timestamp;
  p["allocateMessageQueueStrategy"] = rebalance_->strategy().Name();
  p["consumeThreadMin"] = std::to_string(config_.consume_thread_min);
  p["consumeThreadMax"] = std::to_string(config_.consume_thread_max);
  p["consumeConcurrentlyMaxSpan"] = std::to_string(config_.consume_concurrently_max_span);
  p["pullThresholdForQueue"] = std::to_string(config_.pull_threshold_for_queue);
  p["pullThresholdSizeForQueue"] = std::to_string(config_.pull_threshold_size_for_queue_mib);
  p["pullInterval"] = std::to_string(config_.pull_interval_ms);
  p["consumeMessageBatchMaxSize"] = std::to_string(config_.consume_message_batch_max_size);
  p["pullBatchSize"] = std::to_string(config_.pull_batch_size);
  p["postSubscriptionWhenPull"] = config_.post_subscription_when_pull ? "true" : "false";
  p["maxReconsumeTimes"] = std::to_string(config_.max_reconsume_times);
  p["suspendCurrentQueueTimeMillis"] = std::to_string(config_.suspend_current_queue_time_millis);
  p["consumeTimeout"] = std::to_string(config_.consume_timeout_minutes);
  p["unitMode"] = config_.client.unit_mode ? "true" : "false";
  p["namesrvAddr"] = config_.client.namesrv_addr;
  p["clientIP"] = config_.client.client_ip;
  p["instanceName"] = config_.client.instance_name;
  p["pollNameServerInterval"] = std::to_string(config_.client.poll_name_server_interval_ms);
  p["heartbeatBrokerInterval"] = std::to_string(config_.client.heartbeat_broker_interval_ms);
  p["persistConsumerOffsetInterval"] =
      std::to_string(config_.client.persist_consumer_offset_interval_ms);
  p[ConsumerRunningInfo::kPropConsumeOrderly] = orderly() ? "true" : "false";
  p[ConsumerRunningInfo::kPropThreadpoolCoreSize] =
      std::to_string(consume_service_->CorePoolSize());
  p[ConsumerRunningInfo::kPropConsumerStartTimestamp] = std::to_string(start_timestamp_);
  p[ConsumerRunningInfo::kPropNamesrvAddr] = config_.client.namesrv_addr;
  p[ConsumerRunningInfo::kPropConsumeType] = ConsumeType();
  p[ConsumerRunningInfo::kPropClientVersion] = kClientVersionDesc;
  info.subscription_set = Subscriptions();
  for (const auto& [mq, owned] : rebalance_->ProcessQueueTable()) {
    ProcessQueueInfo pq;
    pq.commit_offset = offset_store_->ReadOffset(mq, ReadOffsetType::kMemoryFirstThenStore);
    owned.pq->FillProcessQueueInfo(&pq);
    info.mq_table[mq] = pq;
  }
  for (const SubscriptionData& sd : info.subscription_set) {
    info.status_table[sd.topic] = stats_.Status(sd.topic);
  }
  if (jstack) info.jstack = "C++ client: thread dumps are not available";
  return info;
}

std::optional<ConsumeMessageDirectlyResult> PushConsumerImpl::ConsumeMessageDirectly(
    MessageExtPtr msg, const std::string& broker) {
  if (!running_) return std::nullopt;
  return consume_service_->ConsumeMessageDirectly(std::move(msg), broker);
}

void PushConsumerImpl::ResetOffset(const std::string& topic,
                                   const std::map<MessageQueue, int64_t>& offsets) {
  // Every queue of the table restarts from its reset offset when the rebalance (re-)adds it,
  // including one that an earlier reset removed and the rebalance has not added back yet.
  {
    std::lock_guard<std::mutex> lock(reset_mu_);
    for (const auto& [mq, offset] : offsets) {
      if (mq.topic == topic) reset_offsets_[mq] = PendingReset{offset, SteadyMillis()};
    }
  }
  // Stop the affected queues first so no pull or consume result moves them afterwards.
  std::vector<std::pair<MessageQueue, OwnedQueue>> affected;
  for (const auto& [mq, owned] : rebalance_->ProcessQueueTable()) {
    if (mq.topic != topic || offsets.count(mq) == 0) continue;
    owned.pq->set_dropped(true);
    owned.pq->Clear();
    affected.emplace_back(mq, owned);
  }
  for (const auto& [mq, owned] : affected) {
    (void)owned;
    const int64_t offset = offsets.at(mq);
    offset_store_->UpdateOffset(mq, offset, false);
    Status st = offset_store_->UpdateConsumeOffsetToBroker(mq, offset, /*oneway=*/false);
    if (!st.ok()) {
      RMQ_LOG(kWarn) << "reset offset of " << mq.ToString() << " to " << offset
                     << " not stored at the broker: " << st.ToString();
    }
    rebalance_->RemoveProcessQueue(mq);
  }
  RMQ_LOG(kInfo) << "reset offsets of " << topic << " for group " << config_.group << ": "
                 << affected.size() << " queues";
  RebalanceImmediately();
}

}  // namespace rocketmq::consumer
