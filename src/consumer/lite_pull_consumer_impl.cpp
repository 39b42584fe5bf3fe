#include "consumer/lite_pull_consumer_impl.h"

#include "client/topic_publish_info.h"
#include "common/logging.h"
#include "common/time_util.h"
#include "consumer/client_remoting_processor.h"
#include "consumer/local_file_offset_store.h"
#include "consumer/remote_broker_offset_store.h"

namespace rocketmq::consumer {

LitePullConsumerImpl::LitePullConsumerImpl(LitePullConsumerConfig config)
    : config_(std::move(config)) {}

LitePullConsumerImpl::~LitePullConsumerImpl() { Shutdown(); }

std::string LitePullConsumerImpl::client_id() const {
  return instance_ ? instance_->client_id() : std::string();
}

std::string LitePullConsumerImpl::MessageModel() const {
  return MessageModelName(config_.message_model);
}

std::string LitePullConsumerImpl::ConsumeFromWhere() const {
  return ConsumeFromWhereName(config_.consume_from_where);
}

Status LitePullConsumerImpl::Start() {
  std::lock_guard<std::mutex> lock(lifecycle_mu_);
  if (shut_down_) return Status::InvalidArgument("the consumer was shut down; create a new one");
  if (started_) return Status::OK();
  if (config_.group.empty()) return Status::InvalidArgument("consumerGroup is empty");
  if (config_.pull_batch_size < 1 || config_.pull_batch_size > 1024) {
    return Status::InvalidArgument("pullBatchSize out of range [1, 1024]");
  }
  if (config_.pull_thread_nums < 1) return Status::InvalidArgument("pullThreadNums must be >= 1");
  ROCKETMQ_RETURN_IF_ERROR(client::ValidateStatisticsOptions(config_.statistics));
  if (config_.consume_timestamp.empty()) {
    config_.consume_timestamp = ConsumerBrokerOps::FormatTimestamp(NowMillis() - 30 * 60 * 1000);
  } else if (ConsumerBrokerOps::ParseTimestamp(config_.consume_timestamp) < 0) {
    return Status::InvalidArgument("consumeTimestamp must be yyyyMMddHHmmss");
  }
  Result<std::shared_ptr<AllocateMessageQueueStrategy>> strategy =
      MakeAllocateStrategy(config_.allocate_strategy);
  if (!strategy.ok()) return strategy.status();
  if (config_.message_model == CLUSTERING) config_.client.ChangeInstanceNameToPid();

  registry_ = &client::ClientInstanceRegistry::Default();
  instance_ = registry_->Acquire(config_.client);
  broker_ops_ = std::make_unique<ConsumerBrokerOps>(
      instance_.get(), config_.group, config_.consume_from_where, config_.consume_timestamp,
      config_.client.mq_client_api_timeout_ms);
  if (config_.message_model == CLUSTERING) {
    offset_store_ = std::make_unique<RemoteBrokerOffsetStore>(config_.group, broker_ops_.get());
  } else {
    offset_store_ = std::make_unique<LocalFileOffsetStore>(config_.offset_store_dir,
                                                           instance_->client_id(), config_.group);
  }
  broker_ops_->set_offset_store(offset_store_.get());
  rebalance_ = std::make_unique<RebalanceImpl>(config_.group, config_.message_model == CLUSTERING,
                                               instance_.get(), *strategy, this);
  pull_api_ = std::make_unique<PullApiWrapper>(instance_.get(), config_.group);
  auto fail = [this](Status st) {
    registry_->Release(instance_);
    instance_.reset();
    return st;
  };
  Status st = offset_store_->Load();
  if (!st.ok()) return fail(st);
  {
    std::lock_guard<std::mutex> state(mu_);
    const int64_t now = NowMillis();
    for (const auto& [topic, expression] : subscriptions_) {
      rebalance_->SetSubscription(SubscriptionData::Build(topic, expression, now));
    }
    next_auto_commit_ms_ = SteadyMillis() + config_.auto_commit_interval_ms;
  }
  if (!instance_->RegisterConsumer(config_.group, shared_from_this()).ok()) {
    return fail(Status::InvalidArgument("The consumer group[" + config_.group +
                                        "] has been created before, specify another name please."));
  }
  st = instance_->Start();
  if (!st.ok()) {
    instance_->UnregisterConsumer(config_.group);
    return fail(st);
  }
  // Java's ClientRemotingProcessor serves every consumer of the instance: a group change
  // (NOTIFY_CONSUMER_IDS_CHANGED) rebalances a subscribing lite-pull consumer at once too.
  RegisterConsumerProcessors(instance_.get());
  pull_pool_ =
      std::make_unique<ThreadPool>("LitePull", static_cast<size_t>(config_.pull_thread_nums));
  scheduler_.Start();
  start_timestamp_ = NowMillis();
  running_ = true;
  started_ = true;
  for (const auto& [topic, sd] : rebalance_->Subscriptions()) {
    (void)sd;
    instance_->UpdateTopicRouteInfoFromNameServer(topic);
  }
  instance_->SendHeartbeatToAllBrokers();
  std::weak_ptr<LitePullConsumerImpl> weak = weak_from_this();
  instance_->scheduler().Schedule(
      [weak] {
        if (auto self = weak.lock()) self->DoRebalance();
      },
      0);
  StartStatistics();
  return Status::OK();
}

void LitePullConsumerImpl::StartStatistics() {
  if (config_.statistics.interval_ms <= 0) return;
  queue_stats_.Enable();
  instance_->statistics()->AddUser();
  stats_reporter_ = std::make_unique<client::StatisticsReporter>(
      config_.statistics, "rmq-lite-stats", instance_->statistics(),
      [this](client::StatisticsDocument* doc) {
        doc->type = "lite_pull_consumer";
        doc->client_id = instance_->client_id();
        doc->group = config_.group;
        doc->consumer_queues = StatisticsRows();
      });
  stats_reporter_->Start();
}

std::vector<client::ConsumerQueueRow> LitePullConsumerImpl::StatisticsRows() {
  std::map<MessageQueue, client::ConsumerQueueRow> rows;
  queue_stats_.ForEach([&](const MessageQueue& mq, const client::ConsumerQueueCounters& c) {
    client::ConsumerQueueRow& row = rows[mq];
    row.pulled = c.pulled.load(std::memory_order_relaxed);
    row.consumed = c.consumed.load(std::memory_order_relaxed);
    row.max_offset = c.max_offset.load(std::memory_order_relaxed);
  });
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [mq, q] : queues_) {
      client::ConsumerQueueRow& row = rows[mq];
      row.process_queue_msgs = q.owned.pq->msg_count();
      row.process_queue_bytes = q.owned.pq->msg_size();
    }
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

std::string LitePullConsumerImpl::StatisticsJson() {
  std::lock_guard<std::mutex> lock(lifecycle_mu_);
  return stats_reporter_ && !shut_down_ ? stats_reporter_->Report() : std::string();
}

void LitePullConsumerImpl::Shutdown() {
  std::lock_guard<std::mutex> lock(lifecycle_mu_);
  if (shut_down_) return;
  shut_down_ = true;
  if (!started_) return;
  if (stats_reporter_) {
    stats_reporter_->Stop();
    instance_->statistics()->RemoveUser();
  }
  if (config_.auto_commit) {
    Status st = CommitAll(false);
    if (!st.ok()) RMQ_LOG(kWarn) << "commit at shutdown failed: " << st.ToString();
  }
  running_ = false;
  cache_cv_.notify_all();
  scheduler_.Shutdown();
  pull_pool_->Shutdown();
  offset_store_->PersistAll(AssignedQueues());
  rebalance_->Destroy();
  instance_->UnregisterConsumer(config_.group);
  registry_->Release(instance_);
}

// ---- subscribe / assign ----

Status LitePullConsumerImpl::Subscribe(const std::string& topic, const std::string& expression) {
  if (topic.empty()) return Status::InvalidArgument("topic can not be null or empty");
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (mode_ == Mode::kAssign) {
      return Status::InvalidArgument("Subscribe and assign are mutually exclusive.");
    }
    mode_ = Mode::kSubscribe;
    subscriptions_[topic] = expression;
  }
  if (running_) {
    rebalance_->SetSubscription(SubscriptionData::Build(topic, expression, NowMillis()));
    instance_->UpdateTopicRouteInfoFromNameServer(topic);
    instance_->SendHeartbeatToAllBrokers();
    DoRebalance();
  }
  return Status::OK();
}

void LitePullConsumerImpl::Unsubscribe(const std::string& topic) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    subscriptions_.erase(topic);
  }
  if (running_) {
    rebalance_->RemoveSubscription(topic);
    DoRebalance();
  }
}

Status LitePullConsumerImpl::Assign(const std::set<MessageQueue>& mqs) {
  if (mqs.empty()) return Status::InvalidArgument("Message queues can not be null or empty.");
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (mode_ == Mode::kSubscribe) {
      return Status::InvalidArgument("Subscribe and assign are mutually exclusive.");
    }
    mode_ = Mode::kAssign;
  }
  if (!running_) return Status::InvalidArgument("assign() needs a started consumer");
  rebalance_->AssignQueues(mqs);
  return Status::OK();
}

Result<std::set<MessageQueue>> LitePullConsumerImpl::FetchMessageQueues(const std::string& topic) {
  std::optional<TopicRouteData> route = instance_->GetTopicRoute(topic);
  if (!route) {
    instance_->UpdateTopicRouteInfoFromNameServer(topic);
    route = instance_->GetTopicRoute(topic);
  }
  if (!route) return Status::NotFound("Can not find Message Queue for this topic, " + topic);
  return client::RouteToSubscribeInfo(topic, *route);
}

SubscriptionData LitePullConsumerImpl::SubscriptionFor(const std::string& topic) const {
  if (std::optional<SubscriptionData> sd = rebalance_->Subscription(topic)) return *sd;
  return SubscriptionData::Build(topic, kSubAll, 0);  // assign mode reads everything
}

std::set<MessageQueue> LitePullConsumerImpl::AssignedQueues() const {
  std::set<MessageQueue> out;
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [mq, state] : queues_) {
    (void)state;
    out.insert(mq);
  }
  return out;
}

// ---- the pull tasks ----

void LitePullConsumerImpl::SchedulePull(const MessageQueue& mq, uint64_t generation, uint64_t epoch,
                                        int64_t delay_ms) {
  if (!running_) return;
  std::weak_ptr<LitePullConsumerImpl> weak = weak_from_this();
  auto submit = [weak, mq, generation, epoch] {
    auto self = weak.lock();
    if (!self || !self->running_) return;
    self->pull_pool_->Submit([weak, mq, generation, epoch] {
      if (auto s = weak.lock()) s->RunPull(mq, generation, epoch);
    });
  };
  if (delay_ms <= 0) {
    submit();
  } else {
    scheduler_.Schedule(submit, delay_ms);
  }
}

void LitePullConsumerImpl::RunPull(const MessageQueue& mq, uint64_t generation, uint64_t epoch) {
  if (!running_ || !rebalance_->IsCurrent(mq, generation)) return;
  OwnedQueue owned;
  int64_t offset = -1;
  bool flow_control = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = queues_.find(mq);
    if (it == queues_.end() || it->second.owned.generation != generation ||
        it->second.epoch != epoch) {
      return;  // a newer loop owns the queue
    }
    if (it->second.paused) {
      SchedulePull(mq, generation, epoch, config_.delay_when_paused_ms);
      return;
    }
    owned = it->second.owned;
    offset = it->second.pull_offset;
    flow_control = cached_messages_ > config_.pull_threshold_for_all;
  }
  ProcessQueue& pq = *owned.pq;
  if (flow_control || pq.msg_count() > config_.pull_threshold_for_queue ||
      pq.msg_size() / (1024 * 1024) > config_.pull_threshold_size_for_queue_mib ||
      pq.MaxSpan() > config_.consume_max_span) {
    SchedulePull(mq, generation, epoch, config_.delay_when_flow_control_ms);
    return;
  }
  if (offset < 0) {
    offset = broker_ops_->ComputePullFromWhere(mq);
    if (offset < 0) {
      SchedulePull(mq, generation, epoch, config_.delay_when_exception_ms);
      return;
    }
    std::lock_guard<std::mutex> lock(mu_);
    auto it = queues_.find(mq);
    if (it == queues_.end() || it->second.epoch != epoch) return;
    it->second.pull_offset = offset;
    if (it->second.consume_offset < 0) it->second.consume_offset = offset;
  }
  pq.set_last_pull_timestamp(NowMillis());
  const SubscriptionData sd = SubscriptionFor(mq.topic);
  PullParams params;
  params.mq = mq;
  params.has_subscription = true;
  params.sub_expression = sd.sub_string;
  params.expression_type = sd.expression_type;
  params.sub_version = sd.sub_version;
  params.offset = offset;
  params.max_nums = config_.pull_batch_size;
  params.sys_flag = client::BuildPullSysFlag(false, true, true, false) | client::kPullFlagLitePull;
  params.broker_suspend_max_time_ms = config_.broker_suspend_max_time_ms;
  params.timeout_ms = config_.pull_timeout_when_suspend_ms;
  std::weak_ptr<LitePullConsumerImpl> weak = weak_from_this();
  pull_api_->PullAsync(params, [weak, mq, generation, epoch, offset, sd](Result<PullResult> r) {
    auto self = weak.lock();
    if (!self || !self->running_) return;
    if (r.ok()) {
      Status st = self->pull_api_->ProcessPullResult(mq, sd, &*r);
      if (!st.ok()) r = st;
    }
    self->OnPulled(mq, generation, epoch, offset, std::move(r));
  });
}

void LitePullConsumerImpl::OnPulled(const MessageQueue& mq, uint64_t generation, uint64_t epoch,
                                    int64_t offset, Result<PullResult> r) {
  if (!r.ok()) {
    RMQ_LOG(kWarn) << "lite pull " << mq.ToString() << " at " << offset
                   << " failed: " << r.status().ToString();
    SchedulePull(mq, generation, epoch, config_.delay_when_exception_ms);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = queues_.find(mq);
    if (it == queues_.end() || it->second.owned.generation != generation ||
        it->second.epoch != epoch) {
      return;  // unassigned or seek()ed meanwhile: the result is void
    }
    if (r->status == PullStatus::kOffsetIllegal) {
      RMQ_LOG(kWarn) << "lite pull offset illegal, " << mq.ToString() << " " << offset << " -> "
                     << r->next_begin_offset;
    }
    it->second.pull_offset = r->next_begin_offset;
    if (queue_stats_.enabled() && r->status != PullStatus::kOffsetIllegal) {
      client::ConsumerQueueCounters& c = queue_stats_.For(mq);
      c.max_offset.store(r->max_offset, std::memory_order_relaxed);
      c.pulled.fetch_add(r->msg_found_list.size(), std::memory_order_relaxed);
    }
    if (r->status == PullStatus::kFound && !r->msg_found_list.empty()) {
      it->second.owned.pq->PutMessages(r->msg_found_list);
      cached_messages_ += static_cast<int64_t>(r->msg_found_list.size());
      cache_.push_back(CachedBatch{std::move(r->msg_found_list), mq, it->second.owned});
      cache_cv_.notify_one();
    }
  }
  SchedulePull(mq, generation, epoch, 0);
}

Result<PullResult> LitePullConsumerImpl::Pull(const MessageQueue& mq, const std::string& expression,
                                              int64_t offset, int max_nums, bool block) {
  if (!running_) return Status::InvalidArgument("The consumer is not running");
  if (offset < 0) return Status::InvalidArgument("offset < 0");
  if (max_nums <= 0) return Status::InvalidArgument("maxNums <= 0");
  SubscriptionData sd = SubscriptionData::Build(mq.topic, expression, 0);
  PullParams params;
  params.mq = mq;
  params.has_subscription = true;
  params.sub_expression = sd.sub_string;
  params.expression_type = sd.expression_type;
  params.sub_version = 0;
  params.offset = offset;
  params.max_nums = max_nums;
  params.sys_flag = client::BuildPullSysFlag(false, block, true, false) | client::kPullFlagLitePull;
  params.broker_suspend_max_time_ms = block ? config_.broker_suspend_max_time_ms : 0;
  params.timeout_ms = block ? config_.pull_timeout_when_suspend_ms : config_.pull_timeout_ms;
  Result<PullResult> r = pull_api_->PullSync(params);
  if (!r.ok()) return r.status();
  Status st = pull_api_->ProcessPullResult(mq, sd, &*r);
  if (!st.ok()) return st;
  return r;
}

// ---- poll / seek / pause ----

std::vector<MessageExtPtr> LitePullConsumerImpl::Poll(int64_t timeout_ms) {
  MaybeAutoCommit();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    for (auto b = cache_.begin(); b != cache_.end();) {
      auto it = queues_.find(b->mq);
      if (b->owned.pq->dropped() || it == queues_.end() ||
          it->second.owned.generation != b->owned.generation) {
        cached_messages_ -= static_cast<int64_t>(b->msgs.size());
        b = cache_.erase(b);
        continue;
      }
      if (it->second.paused) {
        ++b;
        continue;
      }
      CachedBatch batch = std::move(*b);
      cache_.erase(b);
      cached_messages_ -= static_cast<int64_t>(batch.msgs.size());
      const int64_t offset = batch.owned.pq->RemoveMessages(batch.msgs);
      if (offset >= 0) it->second.consume_offset = offset;
      if (queue_stats_.enabled()) {
        queue_stats_.For(batch.mq).consumed.fetch_add(batch.msgs.size(), std::memory_order_relaxed);
      }
      return std::move(batch.msgs);
    }
    if (!running_ || cache_cv_.wait_until(lock, deadline) == std::cv_status::timeout) return {};
  }
}

void LitePullConsumerImpl::ClearCache(const MessageQueue& mq) {
  for (auto it = cache_.begin(); it != cache_.end();) {
    if (it->mq == mq) {
      cached_messages_ -= static_cast<int64_t>(it->msgs.size());
      it = cache_.erase(it);
    } else {
      ++it;
    }
  }
}

Status LitePullConsumerImpl::Seek(const MessageQueue& mq, int64_t offset) {
  if (!running_) return Status::InvalidArgument("The consumer is not running");
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (queues_.count(mq) == 0) {
      return Status::InvalidArgument("The message queue is not in assigned list, message queue: " +
                                     mq.ToString());
    }
  }
  Result<int64_t> min = broker_ops_->MinOffset(mq);
  if (!min.ok()) return min.status();
  Result<int64_t> max = broker_ops_->MaxOffset(mq);
  if (!max.ok()) return max.status();
  if (offset < *min || offset > *max) {
    return Status::InvalidArgument("Seek offset illegal, seek offset = " + std::to_string(offset) +
                                   ", min offset = " + std::to_string(*min) +
                                   ", max offset = " + std::to_string(*max));
  }
  uint64_t generation = 0;
  uint64_t epoch = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = queues_.find(mq);
    if (it == queues_.end()) return Status::InvalidArgument("queue was unassigned during seek");
    ClearCache(mq);
    it->second.owned.pq->Clear();
    it->second.pull_offset = offset;
    it->second.consume_offset = offset;
    generation = it->second.owned.generation;
    epoch = ++it->second.epoch;
  }
  // A new pull loop at once; the old one's in-flight long poll is ignored when it returns.
  SchedulePull(mq, generation, epoch, 0);
  return Status::OK();
}

Status LitePullConsumerImpl::SeekToBegin(const MessageQueue& mq) {
  Result<int64_t> min = broker_ops_->MinOffset(mq);
  if (!min.ok()) return min.status();
  return Seek(mq, *min);
}

Status LitePullConsumerImpl::SeekToEnd(const MessageQueue& mq) {
  Result<int64_t> max = broker_ops_->MaxOffset(mq);
  if (!max.ok()) return max.status();
  return Seek(mq, *max);
}

void LitePullConsumerImpl::Pause(const std::vector<MessageQueue>& mqs) {
  std::lock_guard<std::mutex> lock(mu_);
  for (const MessageQueue& mq : mqs) {
    auto it = queues_.find(mq);
    if (it != queues_.end()) it->second.paused = true;
  }
}

void LitePullConsumerImpl::Resume(const std::vector<MessageQueue>& mqs) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const MessageQueue& mq : mqs) {
      auto it = queues_.find(mq);
      if (it != queues_.end()) it->second.paused = false;
    }
  }
  cache_cv_.notify_all();  // held-back batches are pollable again
}

// ---- offsets ----

void LitePullConsumerImpl::MaybeAutoCommit() {
  if (!config_.auto_commit) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (SteadyMillis() < next_auto_commit_ms_) return;
    next_auto_commit_ms_ = SteadyMillis() + config_.auto_commit_interval_ms;
  }
  Status st = CommitAll(false);
  if (!st.ok()) RMQ_LOG(kWarn) << "auto commit failed: " << st.ToString();
}

Status LitePullConsumerImpl::CommitAll(bool sync) {
  if (!offset_store_) return Status::OK();
  std::map<MessageQueue, int64_t> offsets;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [mq, state] : queues_) {
      if (state.consume_offset >= 0 && !state.owned.pq->dropped()) {
        offsets[mq] = state.consume_offset;
      }
    }
  }
  return CommitOffsets(offsets, sync);
}

Status LitePullConsumerImpl::CommitOffsets(const std::map<MessageQueue, int64_t>& offsets,
                                           bool sync) {
  for (const auto& [mq, offset] : offsets) offset_store_->UpdateOffset(mq, offset, false);
  if (sync && config_.message_model == CLUSTERING) {
    // Synchronous UPDATE_CONSUMER_OFFSET, so committed() right after sees the new values.
    for (const auto& [mq, offset] : offsets) {
      ROCKETMQ_RETURN_IF_ERROR(offset_store_->UpdateConsumeOffsetToBroker(mq, offset, false));
    }
    return Status::OK();
  }
  std::set<MessageQueue> mqs = AssignedQueues();
  for (const auto& [mq, offset] : offsets) mqs.insert(mq);
  offset_store_->PersistAll(mqs);
  return Status::OK();
}

Result<int64_t> LitePullConsumerImpl::Committed(const MessageQueue& mq) {
  if (!running_) return Status::InvalidArgument("The consumer is not running");
  return offset_store_->ReadOffset(mq, ReadOffsetType::kReadFromStore);
}

Result<int64_t> LitePullConsumerImpl::OffsetForTimestamp(const MessageQueue& mq,
                                                         int64_t timestamp_ms) {
  if (!running_) return Status::InvalidArgument("The consumer is not running");
  return broker_ops_->SearchOffset(mq, timestamp_ms);
}

// ---- client::ConsumerInner ----

std::vector<SubscriptionData> LitePullConsumerImpl::Subscriptions() const {
  std::vector<SubscriptionData> out;
  if (!rebalance_) return out;
  for (const auto& [topic, sd] : rebalance_->Subscriptions()) {
    (void)topic;
    out.push_back(sd);
  }
  return out;
}

void LitePullConsumerImpl::DoRebalance() {
  if (!running_) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (mode_ != Mode::kSubscribe) return;
  }
  rebalance_->DoRebalance(false);
}

// ---- broker-initiated requests ----

ConsumerRunningInfo LitePullConsumerImpl::RunningInfo(bool jstack) {
  ConsumerRunningInfo info;
  auto& p = info.properties;
  // DefaultLitePullConsumer's settings under Java's field names, then what MQClientInstance adds.
  p["consumerGroup"] = config_.group;
  p["brokerSuspendMaxTimeMillis"] = std::to_string(config_.broker_suspend_max_time_ms);
  p["consumerTimeoutMillisWhenSuspend"] = std::to_string(config_.pull_timeout_when_suspend_ms);
  p["consumerPullTimeoutMillis"] = std::to_string(config_.pull_timeout_ms);
  p["messageModel"] = MessageModel();
  p["allocateMessageQueueStrategy"] = config_.allocate_strategy;
  p["unitMode"] = config_.client.unit_mode ? "true" : "false";
  p["autoCommit"] = config_.auto_commit ? "true" : "false";
  p["pullThreadNums"] = std::to_string(config_.pull_thread_nums);
  p["autoCommitIntervalMillis"] = std::to_string(config_.auto_commit_interval_ms);
  p["pullBatchSize"] = std::to_string(config_.pull_batch_size);
  p["pullThresholdForAll"] = std::to_string(config_.pull_threshold_for_all);
  p["consumeMaxSpan"] = std::to_string(config_.consume_max_span);
  p["pullThresholdForQueue"] = std::to_string(config_.pull_threshold_for_queue);
  p["pullThresholdSizeForQueue"] = std::to_string(config_.pull_threshold_size_for_queue_mib);
  p["pollTimeoutMillis"] = std::to_string(config_.poll_timeout_ms);
  p["consumeFromWhere"] = ConsumeFromWhere();
  p["consumeTimestamp"] = config_.consume_timestamp;
  p["enableMsgTrace"] = "false";
  p["namesrvAddr"] = config_.client.namesrv_addr;
  p["clientIP"] = config_.client.client_ip;
  p["instanceName"] = config_.client.instance_name;
  p["pollNameServerInterval"] = std::to_string(config_.client.poll_name_server_interval_ms);
  p["heartbeatBrokerInterval"] = std::to_string(config_.client.heartbeat_broker_interval_ms);
  p["persistConsumerOffsetInterval"] =
      std::to_string(config_.client.persist_consumer_offset_interval_ms);
  p[ConsumerRunningInfo::kPropConsumerStartTimestamp] = std::to_string(start_timestamp_);
  p[ConsumerRunningInfo::kPropNamesrvAddr] = config_.client.namesrv_addr;
  p[ConsumerRunningInfo::kPropConsumeType] = ConsumeType();
  p[ConsumerRunningInfo::kPropClientVersion] = kClientVersionDesc;
  info.subscription_set = Subscriptions();
  if (jstack) info.jstack = "C++ client: thread dumps are not available";
  return info;
}

std::optional<ConsumeMessageDirectlyResult> LitePullConsumerImpl::ConsumeMessageDirectly(
    MessageExtPtr /*msg*/, const std::string& /*broker_name*/) {
  return std::nullopt;
}

void LitePullConsumerImpl::ResetOffset(const std::string& topic,
                                       const std::map<MessageQueue, int64_t>& /*offsets*/) {
  RMQ_LOG(kInfo) << "[reset-offset] " << config_.group << " is a lite-pull consumer: " << topic
                 << " is not reset here (seek() moves its queues)";
}

void LitePullConsumerImpl::RebalanceImmediately() {
  if (!running_ || instance_ == nullptr) return;
  std::weak_ptr<LitePullConsumerImpl> weak = weak_from_this();
  instance_->scheduler().Schedule(
      [weak] {
        if (auto self = weak.lock()) self->DoRebalance();
      },
      0);
}

std::map<MessageQueue, int64_t> LitePullConsumerImpl::ConsumerStatus(const std::string& topic) {
  if (!running_) return {};
  return offset_store_->CloneOffsetTable(topic);
}

void LitePullConsumerImpl::PersistConsumerOffset() {
  if (running_) offset_store_->PersistAll(AssignedQueues());
}

void LitePullConsumerImpl::UpdateTopicSubscribeInfo(const std::string& topic,
                                                    const std::set<MessageQueue>& info) {
  if (rebalance_ && rebalance_->Subscription(topic)) rebalance_->SetTopicSubscribeInfo(topic, info);
}

bool LitePullConsumerImpl::IsSubscribeTopicNeedUpdate(const std::string& topic) const {
  return rebalance_ && rebalance_->Subscription(topic) && !rebalance_->TopicSubscribeInfo(topic);
}

// ---- RebalanceHooks ----

int64_t LitePullConsumerImpl::ComputePullFromWhere(const MessageQueue&) {
  return 0;  // decided lazily by the pull task (Java nextPullOffset), so assign() never fails
}

void LitePullConsumerImpl::DispatchPullRequests(const std::vector<NewQueue>& queues) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const NewQueue& q : queues) {
      QueueState state;
      state.owned = q.owned;
      queues_[q.mq] = state;
    }
  }
  for (const NewQueue& q : queues) SchedulePull(q.mq, q.owned.generation, 0, 0);
}

bool LitePullConsumerImpl::RemoveUnnecessaryMessageQueue(const MessageQueue& mq, ProcessQueue&) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = queues_.find(mq);
    if (it != queues_.end()) {
      if (it->second.consume_offset >= 0) {
        offset_store_->UpdateOffset(mq, it->second.consume_offset, false);
      }
      ClearCache(mq);
      queues_.erase(it);
    }
  }
  offset_store_->Persist(mq);
  offset_store_->RemoveOffset(mq);
  return true;
}

void LitePullConsumerImpl::RemoveDirtyOffset(const MessageQueue& mq) {
  offset_store_->RemoveOffset(mq);
}

void LitePullConsumerImpl::MessageQueueChanged(const std::string&, const std::set<MessageQueue>&,
                                               const std::set<MessageQueue>&) {}

}  // namespace rocketmq::consumer
