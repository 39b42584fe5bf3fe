#include "client/client_instance.h"

#include <algorithm>
#include <random>

#include "client/producer_processors.h"
#include "common/logging.h"
#include "common/time_util.h"
#include "remoting/acl_rpc_hook.h"
#include "remoting/request_code.h"

namespace rocketmq::client {

namespace {

remoting::RemotingClientOptions RemotingOptions(const ClientConfig& config,
                                                std::shared_ptr<ClientStatistics> statistics) {
  remoting::RemotingClientOptions options;
  options.call_observer = std::move(statistics);
  options.callback_threads = config.EffectiveCallbackThreads();
  options.use_tls = config.use_tls;
  return options;
}

void SortRoute(TopicRouteData* route) {
  std::stable_sort(
      route->queue_datas.begin(), route->queue_datas.end(),
      [](const QueueData& a, const QueueData& b) { return a.broker_name < b.broker_name; });
  std::stable_sort(
      route->broker_datas.begin(), route->broker_datas.end(),
      [](const BrokerData& a, const BrokerData& b) { return a.broker_name < b.broker_name; });
}

}  // namespace

ClientInstance::ClientInstance(ClientConfig config, std::string client_id)
    : config_(std::move(config)),
      client_id_(std::move(client_id)),
      statistics_(std::make_shared<ClientStatistics>()),
      remoting_(std::make_unique<remoting::RemotingClient>(RemotingOptions(config_, statistics_))),
      api_(std::make_unique<ClientApi>(remoting_.get(), config_.NamesrvAddrList())),
      scheduler_("rmq-client-sched") {
  if (config_.HasCredentials()) {
    remoting_->RegisterRpcHook(std::make_shared<remoting::AclRpcHook>(config_.credentials));
  }
  remoting_->RegisterProcessor(remoting::RequestCode::kCheckTransactionState,
                               MakeCheckTransactionStateProcessor(this));
  remoting_->RegisterProcessor(remoting::RequestCode::kPushReplyMessageToClient,
                               MakeReplyMessageProcessor(this));
}

ClientInstance::~ClientInstance() { Shutdown(); }

Status ClientInstance::Start() {
  std::lock_guard<std::mutex> lock(lifecycle_mu_);
  if (shut_down_)
    return Status::ShutdownInProgress("client instance " + client_id_ + " is shut down");
  if (started_) return Status::OK();
  ROCKETMQ_RETURN_IF_ERROR(remoting_->Start());
  scheduler_.Start();
  scheduler_.Schedule([this] { UpdateAllTopicRoutes(); }, 10, config_.poll_name_server_interval_ms);
  scheduler_.Schedule(
      [this] {
        CleanOfflineBrokers();
        SendHeartbeatToAllBrokers();
      },
      1000, config_.heartbeat_broker_interval_ms);
  // Java RebalanceService: the first round after one interval (start() and
  // NOTIFY_CONSUMER_IDS_CHANGED trigger the immediate ones), then every interval.
  scheduler_.Schedule([this] { DoRebalanceAll(); }, config_.rebalance_interval_ms,
                      config_.rebalance_interval_ms);
  // Java persists first after 10 s; an instance configured to persist more often than that
  // starts at its own interval (tests and tools that read committed offsets soon after start).
  scheduler_.Schedule([this] { PersistAllConsumerOffsets(); },
                      std::min<int64_t>(10000, config_.persist_consumer_offset_interval_ms),
                      config_.persist_consumer_offset_interval_ms);
  // Java RequestFutureHolder: expired requests fail every second (first after 3 s).
  scheduler_.Schedule([this] { request_futures_.ScanExpired(SteadyMillis()); }, 3000, 1000);
  started_ = true;
  RMQ_LOG(kInfo) << "client instance " << client_id_ << " started";
  return Status::OK();
}

void ClientInstance::Shutdown() {
  std::lock_guard<std::mutex> lock(lifecycle_mu_);
  if (shut_down_) return;
  shut_down_ = true;
  if (!started_) return;
  scheduler_.Shutdown();
  request_futures_.FailAll(
      Status::ShutdownInProgress("client instance " + client_id_ + " shut down"));
  // Java unregisters the internal producer group as the last act of a client instance.
  for (const auto& [name, addrs] : BrokerAddrTable()) {
    for (const auto& [id, addr] : addrs) {
      Status st = api_->UnregisterClient(addr, client_id_, kClientInnerProducerGroup, "",
                                         config_.mq_client_api_timeout_ms);
      if (!st.ok()) {
        RMQ_LOG(kDebug) << "unregister " << kClientInnerProducerGroup << " from " << addr << ": "
                        << st.ToString();
      }
    }
  }
  remoting_->Shutdown();
  started_ = false;
  RMQ_LOG(kInfo) << "client instance " << client_id_ << " shut down";
}

void ClientInstance::RegisterProcessor(int32_t code,
                                       std::shared_ptr<remoting::RequestProcessor> processor) {
  remoting_->RegisterProcessor(code, std::move(processor));
}

// ---- groups ----

Status ClientInstance::RegisterProducer(const std::string& group,
                                        std::shared_ptr<ProducerInner> producer) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!producers_.emplace(group, std::move(producer)).second) {
    return Status::InvalidArgument("The producer group[" + group +
                                   "] has been created before, specify another name please.");
  }
  return Status::OK();
}

void ClientInstance::UnregisterProducer(const std::string& group) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (producers_.erase(group) == 0) return;
  }
  for (const auto& [name, addrs] : BrokerAddrTable()) {
    for (const auto& [id, addr] : addrs) {
      Status st =
          api_->UnregisterClient(addr, client_id_, group, "", config_.mq_client_api_timeout_ms);
      if (!st.ok()) {
        RMQ_LOG(kWarn) << "unregister producer " << group << " from " << addr << ": "
                       << st.ToString();
      }
    }
  }
}

Status ClientInstance::RegisterConsumer(const std::string& group,
                                        std::shared_ptr<ConsumerInner> consumer) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!consumers_.emplace(group, std::move(consumer)).second) {
    return Status::InvalidArgument("The consumer group[" + group +
                                   "] has been created before, specify another name please.");
  }
  return Status::OK();
}

void ClientInstance::UnregisterConsumer(const std::string& group) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (consumers_.erase(group) == 0) return;
  }
  for (const auto& [name, addrs] : BrokerAddrTable()) {
    for (const auto& [id, addr] : addrs) {
      Status st =
          api_->UnregisterClient(addr, client_id_, "", group, config_.mq_client_api_timeout_ms);
      if (!st.ok()) {
        RMQ_LOG(kWarn) << "unregister consumer " << group << " from " << addr << ": "
                       << st.ToString();
      }
    }
  }
}

std::shared_ptr<ProducerInner> ClientInstance::SelectProducer(const std::string& group) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = producers_.find(group);
  return it == producers_.end() ? nullptr : it->second;
}

std::shared_ptr<ConsumerInner> ClientInstance::SelectConsumer(const std::string& group) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = consumers_.find(group);
  return it == consumers_.end() ? nullptr : it->second;
}

// ---- routes ----

bool ClientInstance::UpdateTopicRouteInfoFromNameServer(const std::string& topic) {
  std::lock_guard<std::mutex> serial(route_mu_);
  Result<TopicRouteData> route =
      api_->GetTopicRouteInfoFromNameServer(topic, config_.mq_client_api_timeout_ms);
  if (!route.ok()) {
    RMQ_LOG(kDebug) << "route of " << topic << ": " << route.status().ToString();
    return false;
  }
  return ApplyRoute(topic, std::move(route).value());
}

bool ClientInstance::UpdateTopicRouteInfoFromDefault(const std::string& topic,
                                                     const std::string& default_topic,
                                                     int32_t default_queue_nums) {
  std::lock_guard<std::mutex> serial(route_mu_);
  Result<TopicRouteData> route =
      api_->GetTopicRouteInfoFromNameServer(default_topic, config_.mq_client_api_timeout_ms);
  if (!route.ok()) {
    RMQ_LOG(kWarn) << "default route " << default_topic << " for " << topic << ": "
                   << route.status().ToString();
    return false;
  }
  for (QueueData& qd : route->queue_datas) {
    int32_t nums = std::min(default_queue_nums, qd.read_queue_nums);
    qd.read_queue_nums = nums;
    qd.write_queue_nums = nums;
  }
  return ApplyRoute(topic, std::move(route).value());
}

bool ClientInstance::ApplyRoute(const std::string& topic, TopicRouteData route) {
  SortRoute(&route);
  std::vector<std::shared_ptr<ProducerInner>> producers;
  std::vector<std::shared_ptr<ConsumerInner>> consumers;
  bool changed;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto old = topic_routes_.find(topic);
    changed = old == topic_routes_.end() || !(old->second == route);
    for (const auto& [g, p] : producers_) producers.push_back(p);
    for (const auto& [g, c] : consumers_) consumers.push_back(c);
  }
  if (!changed) {
    for (const auto& p : producers) changed = changed || p->IsPublishTopicNeedUpdate(topic);
    for (const auto& c : consumers) changed = changed || c->IsSubscribeTopicNeedUpdate(topic);
  }
  if (!changed) return false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const BrokerData& bd : route.broker_datas) broker_addrs_[bd.broker_name] = bd.broker_addrs;
  }
  if (!producers.empty()) {
    auto info = std::make_shared<TopicPublishInfo>(RouteToPublishInfo(topic, route));
    info->have_topic_router_info = true;
    for (const auto& p : producers) p->UpdateTopicPublishInfo(topic, info);
  }
  if (!consumers.empty()) {
    std::set<MessageQueue> sub = RouteToSubscribeInfo(topic, route);
    for (const auto& c : consumers) c->UpdateTopicSubscribeInfo(topic, sub);
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    topic_routes_[topic] = std::move(route);
  }
  RMQ_LOG(kDebug) << "route of " << topic << " updated";
  return true;
}

void ClientInstance::UpdateAllTopicRoutes() {
  std::set<std::string> topics;
  std::vector<std::shared_ptr<ProducerInner>> producers;
  std::vector<std::shared_ptr<ConsumerInner>> consumers;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [g, p] : producers_) producers.push_back(p);
    for (const auto& [g, c] : consumers_) consumers.push_back(c);
  }
  for (const auto& p : producers) {
    for (const std::string& t : p->GetPublishTopicList()) topics.insert(t);
  }
  for (const auto& c : consumers) {
    for (const SubscriptionData& sd : c->Subscriptions()) topics.insert(sd.topic);
  }
  for (const std::string& topic : topics) UpdateTopicRouteInfoFromNameServer(topic);
}

std::optional<TopicRouteData> ClientInstance::GetTopicRoute(const std::string& topic) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = topic_routes_.find(topic);
  if (it == topic_routes_.end()) return std::nullopt;
  return it->second;
}

// ---- broker addresses ----

std::string ClientInstance::FindBrokerAddressInPublish(const std::string& broker_name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = broker_addrs_.find(broker_name);
  if (it == broker_addrs_.end()) return "";
  auto master = it->second.find(kMasterBrokerId);
  return master == it->second.end() ? "" : master->second;
}

std::optional<FindBrokerResult> ClientInstance::FindBrokerAddressInSubscribe(
    const std::string& broker_name, int64_t broker_id, bool only_this_broker) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = broker_addrs_.find(broker_name);
  if (it == broker_addrs_.end() || it->second.empty()) return std::nullopt;
  const auto& addrs = it->second;
  FindBrokerResult result;
  auto found = addrs.find(broker_id);
  result.slave = broker_id != kMasterBrokerId;
  if (found == addrs.end() && result.slave) found = addrs.find(broker_id + 1);
  if (found == addrs.end()) {
    if (only_this_broker) return std::nullopt;
    found = addrs.begin();
    result.slave = found->first != kMasterBrokerId;
  }
  result.broker_addr = found->second;
  auto v = broker_versions_.find(result.broker_addr);
  result.broker_version = v == broker_versions_.end() ? 0 : v->second;
  return result;
}

std::optional<FindBrokerResult> ClientInstance::FindBrokerAddressInAdmin(
    const std::string& broker_name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = broker_addrs_.find(broker_name);
  if (it == broker_addrs_.end() || it->second.empty()) return std::nullopt;
  FindBrokerResult result;
  result.broker_addr = it->second.begin()->second;
  result.slave = it->second.begin()->first != kMasterBrokerId;
  return result;
}

std::string ClientInstance::FindBrokerAddrByTopic(const std::string& topic) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = topic_routes_.find(topic);
  if (it == topic_routes_.end() || it->second.broker_datas.empty()) return "";
  thread_local std::mt19937 rng(std::random_device{}());
  const auto& brokers = it->second.broker_datas;
  return brokers[rng() % brokers.size()].SelectBrokerAddr();
}

std::map<std::string, std::map<int64_t, std::string>> ClientInstance::BrokerAddrTable() const {
  std::lock_guard<std::mutex> lock(mu_);
  return broker_addrs_;
}

// ---- periodic jobs ----

HeartbeatData ClientInstance::BuildHeartbeat() const {
  HeartbeatData hb;
  hb.client_id = client_id_;
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [group, producer] : producers_) {
    hb.producer_data_set.push_back(ProducerData{group});
  }
  hb.producer_data_set.push_back(ProducerData{kClientInnerProducerGroup});
  for (const auto& [group, consumer] : consumers_) {
    ConsumerData cd;
    cd.group_name = consumer->GroupName();
    cd.consume_type = consumer->ConsumeType();
    cd.message_model = consumer->MessageModel();
    cd.consume_from_where = consumer->ConsumeFromWhere();
    cd.subscription_data_set = consumer->Subscriptions();
    cd.unit_mode = consumer->IsUnitMode();
    hb.consumer_data_set.push_back(std::move(cd));
  }
  return hb;
}

void ClientInstance::SendHeartbeatToAllBrokers() {
  std::lock_guard<std::mutex> serial(heartbeat_mu_);
  bool no_consumer;
  std::map<std::string, std::map<int64_t, std::string>> brokers;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (producers_.empty() && consumers_.empty()) return;
    no_consumer = consumers_.empty();
    brokers = broker_addrs_;
  }
  const HeartbeatData hb = BuildHeartbeat();
  for (const auto& [name, addrs] : brokers) {
    for (const auto& [id, addr] : addrs) {
      if (no_consumer && id != kMasterBrokerId) continue;  // producers only talk to masters
      Result<int32_t> version = api_->SendHeartbeat(addr, hb, config_.mq_client_api_timeout_ms);
      if (!version.ok()) {
        RMQ_LOG(kWarn) << "heartbeat to " << name << "[" << id << "] " << addr
                       << " failed: " << version.status().ToString();
        continue;
      }
      std::lock_guard<std::mutex> lock(mu_);
      broker_versions_[addr] = *version;
    }
  }
  RMQ_LOG(kDebug) << "heartbeat sent to " << brokers.size() << " broker group(s)";
}

bool ClientInstance::IsBrokerAddrInRoutes(const std::string& addr) const {
  for (const auto& [topic, route] : topic_routes_) {
    for (const BrokerData& bd : route.broker_datas) {
      for (const auto& [id, a] : bd.broker_addrs) {
        if (a == addr) return true;
      }
    }
  }
  return false;
}

void ClientInstance::CleanOfflineBrokers() {
  std::lock_guard<std::mutex> serial(route_mu_);
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = broker_addrs_.begin(); it != broker_addrs_.end();) {
    for (auto a = it->second.begin(); a != it->second.end();) {
      if (IsBrokerAddrInRoutes(a->second)) {
        ++a;
      } else {
        RMQ_LOG(kInfo) << "broker " << it->first << "[" << a->first << "] " << a->second
                       << " is offline, forgetting it";
        a = it->second.erase(a);
      }
    }
    it = it->second.empty() ? broker_addrs_.erase(it) : std::next(it);
  }
}

void ClientInstance::PersistAllConsumerOffsets() {
  std::vector<std::shared_ptr<ConsumerInner>> consumers;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [g, c] : consumers_) consumers.push_back(c);
  }
  for (const auto& c : consumers) c->PersistConsumerOffset();
}

void ClientInstance::DoRebalanceAll() {
  std::vector<std::shared_ptr<ConsumerInner>> consumers;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [g, c] : consumers_) consumers.push_back(c);
  }
  for (const auto& c : consumers) c->DoRebalance();
}

}  // namespace rocketmq::client
