#include "mockbroker/broker/broker_controller.h"

#include "common/time_util.h"

#include <algorithm>
#include <chrono>
#include <fstream>

#include "common/logging.h"
#include "common/response_code.h"
#include "mockbroker/broker/admin_broker_processor.h"
#include "mockbroker/broker/client_manage_processor.h"
#include "mockbroker/broker/consumer_manage_processor.h"
#include "mockbroker/broker/consumer_send_msg_back_processor.h"
#include "mockbroker/broker/end_transaction_processor.h"
#include "mockbroker/broker/pull_message_processor.h"
#include "mockbroker/broker/query_message_processor.h"
#include "mockbroker/broker/reply_message_processor.h"
#include "mockbroker/broker/send_message_processor.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// How often the ACL files are checked for changes (Java's AclFileWatchService polls every 5 s;
// a tenth of that makes an edited plain_acl.yml take effect sooner for the cost of a few stats).
constexpr int64_t kAclWatchIntervalMs = 500;
constexpr int64_t kStatsTickMs = 10000;  // BrokerStatsManager's finest sampling period

// Refuses requests (SYSTEM_BUSY "[REJECTREQUEST]...") until the broker serves, and holds them
// while the broker is paused.
class GatedProcessor : public remoting::RequestProcessor {
 public:
  GatedProcessor(std::shared_ptr<remoting::RequestProcessor> inner, const std::atomic<bool>* open,
                 RequestGate* gate)
      : inner_(std::move(inner)), open_(open), gate_(gate) {}
  std::optional<RemotingCommand> ProcessRequest(const std::shared_ptr<remoting::Channel>& channel,
                                                RemotingCommand& request) override {
    if (!gate_->Wait()) return std::nullopt;  // stopped while paused: never answered
    return inner_->ProcessRequest(channel, request);
  }
  bool RejectRequest() const override { return !open_->load(); }
  // A paused broker's requests wait on the pool threads, never on the loop (which keeps
  // reading; one paused at the very moment of the check may hold its loop until Resume()).
  bool RunsInLoop(const RemotingCommand& request) const override {
    return !gate_->paused() && inner_->RunsInLoop(request);
  }

 private:
  std::shared_ptr<remoting::RequestProcessor> inner_;
  const std::atomic<bool>* open_;
  RequestGate* gate_;
};

// Forgets a client's producer/consumer registrations as soon as its connection closes.
class ClientHousekeeping : public remoting::ChannelEventListener {
 public:
  ClientHousekeeping(ConsumerManager* consumers, ProducerManager* producers)
      : consumers_(consumers), producers_(producers) {}
  void OnChannelClose(const std::string& /*addr*/,
                      const std::shared_ptr<remoting::Channel>& channel) override {
    producers_->DoChannelCloseEvent(channel->id());
    consumers_->DoChannelCloseEvent(channel->id());
  }

 private:
  ConsumerManager* consumers_;
  ProducerManager* producers_;
};

}  // namespace

void RequestGate::Pause() {
  std::lock_guard<std::mutex> lock(mu_);
  paused_ = true;
}

void RequestGate::Resume() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    paused_ = false;
  }
  cv_.notify_all();
}

bool RequestGate::paused() const {
  std::lock_guard<std::mutex> lock(mu_);
  return paused_;
}

bool RequestGate::Wait() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return !paused_ || closed_; });
  return !closed_;
}

void RequestGate::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
  }
  cv_.notify_all();
}

BrokerController::BrokerController(std::shared_ptr<BrokerConfiguration> configuration,
                                   BrokerControllerOptions options)
    : configuration_(std::move(configuration)), options_(options) {}

BrokerController::~BrokerController() { Shutdown(); }

std::string BrokerController::broker_addr() const {
  return broker_config_.brokerIP1 + ":" + std::to_string(port_);
}

std::string BrokerController::BootSuccessLine() const {
  std::string line = "The broker[" + broker_config_.brokerName + ", " + broker_addr() +
                     "] boot success. serializeType=JSON";
  if (!broker_config_.namesrvAddr.empty()) {
    line += " and name server is " + broker_config_.namesrvAddr;
  }
  return line;
}

BrokerIdentity BrokerController::Identity() const {
  // Read live, as Java's registerBrokerAll does: an UPDATE_BROKER_CONFIG shows at the next one.
  const BrokerConfig live = configuration_->broker();
  BrokerIdentity id;
  id.cluster_name = live.brokerClusterName;
  id.broker_addr = live.brokerIP1 + ":" + std::to_string(port_);
  id.broker_name = live.brokerName;
  id.broker_id = live.brokerId;
  const int32_t ha_port = live.haListenPort >= 0 ? live.haListenPort : port_ + 1;
  id.ha_server_addr = live.brokerIP2 + ":" + std::to_string(ha_port);
  return id;
}

Status BrokerController::Start() {
  if (started_) return Status::OK();
  broker_config_ = configuration_->broker();
  store_config_ = configuration_->store();
  const std::string config_dir = store_config_.RootDir() + "/config";
  auto clock = [] { return NowMillis(); };

  topics_ =
      std::make_unique<TopicConfigManager>(broker_config_, config_dir + "/topics.json", clock);
  groups_ = std::make_unique<SubscriptionGroupManager>(
      config_dir + "/subscriptionGroup.json", broker_config_.autoCreateSubscriptionGroup, clock);
  offsets_ = std::make_unique<ConsumerOffsetManager>(config_dir + "/consumerOffset.json");
  consumers_ = std::make_unique<ConsumerManager>(broker_config_.notifyConsumerIdsChangedEnable);
  stats_ = std::make_unique<BrokerStatsManager>(broker_config_.brokerClusterName, clock);
  ROCKETMQ_RETURN_IF_ERROR(topics_->Load());
  ROCKETMQ_RETURN_IF_ERROR(groups_->Load());
  ROCKETMQ_RETURN_IF_ERROR(offsets_->Load());
  if (broker_config_.aclEnable) {
    acl_ = std::make_unique<acl::PlainPermissionManager>(broker_config_.rocketmqHome, clock);
    ROCKETMQ_RETURN_IF_ERROR(acl_->Load());
    acl_->StartWatching(kAclWatchIntervalMs);
  }

  remoting::RemotingServerOptions server_options;
  server_options.listen_port = broker_config_.listenPort;
  server_options.worker_threads = 4;
  server_options.tls_mode = options_.tls_mode;
  server_options.channel_max_idle_seconds = broker_config_.serverChannelMaxIdleTimeSeconds;
  server_ = std::make_unique<remoting::RemotingServer>(server_options);
  server_->SetChannelEventListener(
      std::make_shared<ClientHousekeeping>(consumers_.get(), &producers_));
  RegisterProcessors();
  if (acl_) {
    // Java BrokerController.initialAcl: every request is checked before its processor runs.
    server_->SetRequestValidator(std::make_shared<acl::PlainAccessValidator>(acl_.get()));
  }
  Status st = server_->Start();
  if (!st.ok()) {
    server_.reset();
    return st;
  }
  port_ = server_->port();
  configuration_->SetBoundPort(port_);
  broker_config_ = configuration_->broker();

  Result<SocketAddress> host = SocketAddress::Parse(broker_addr());
  if (host.ok()) store_config_.storeHost = *host;
  store_host_ = store_config_.storeHost;
  store_ = std::make_unique<store::MessageStore>(store_config_);
  schedule_ =
      std::make_unique<ScheduleMessageService>(store_.get(), config_dir + "/delayOffset.json");
  st = store_->Load();
  if (st.ok()) st = schedule_->Load();
  if (st.ok()) st = store_->Start();
  if (st.ok()) {
    replication_ = std::make_unique<BrokerReplication>(this, options_.slave_sync_delay_ms,
                                                       options_.slave_sync_interval_ms);
    st = replication_->Start();
    if (!st.ok()) replication_.reset();
    broker_config_ = configuration_->broker();  // the bound haListenPort
  }
  if (!st.ok()) {
    server_->Shutdown();
    server_.reset();
    schedule_.reset();
    store_.reset();
    port_ = 0;
    return st;
  }
  if (store_config_.brokerRole != store::BrokerRole::kSlave) schedule_->Start();

  transactions_ = std::make_unique<TransactionalMessageService>(this);

  auto pull = std::make_shared<PullMessageProcessor>(this);
  hold_ = std::make_unique<PullRequestHoldService>(
      store_.get(),
      [this, pull](HeldPullRequest req) {
        auto shared = std::make_shared<HeldPullRequest>(std::move(req));
        bool queued = pull_pool_->Submit([pull, shared] {
          std::optional<RemotingCommand> resp =
              pull->Process(shared->channel, shared->request, /*allow_suspend=*/false);
          if (resp) {
            Status s = shared->channel->SendResponse(std::move(*resp));
            if (!s.ok()) {
              RMQ_LOG(kWarn) << "answer held pull to " << shared->channel->RemoteAddress()
                             << " failed: " << s.ToString();
            }
          }
        });
        if (!queued) RMQ_LOG(kWarn) << "pull pool full: dropped a woken pull";
      },
      broker_config_.longPollingEnable ? options_.hold_check_interval_ms
                                       : broker_config_.shortPollingTimeMills);
  store_->SetMessageArrivingListener([this](const store::DispatchRequest& req) {
    hold_->NotifyMessageArriving(req.topic, req.queue_id, req.consume_queue_offset + 1,
                                 req.tags_code);
  });
  hold_->Start();

  ROCKETMQ_RETURN_IF_ERROR(outer_api_.Start());
  outer_api_.UpdateNameServerAddressList(broker_config_.namesrvAddr);
  topics_->SetChangeListener([this] { RegisterBrokerAll(); });
  serving_ = true;
  started_ = true;
  if (store_config_.brokerRole != store::BrokerRole::kSlave) {
    transaction_check_ = std::make_unique<TransactionCheckService>(this, transactions_.get());
    transaction_check_->Start();
  }
  RegisterBrokerAll();
  scheduler_ = std::thread([this] { SchedulerLoop(); });
  // No log record of BootSuccessLine() here: mqbroker prints it on stdout once, as Java's
  // BrokerStartup does; a second copy through the stderr log confused readers of the output.
  return Status::OK();
}

void BrokerController::RegisterProcessors() {
  send_pool_ = std::make_shared<ThreadPool>(
      "SendMessageThr", std::max(1, broker_config_.sendMessageThreadPoolNums), 10000);
  pull_pool_ = std::make_shared<ThreadPool>(
      "PullMessageThr", std::min(8, std::max(1, broker_config_.pullMessageThreadPoolNums)), 100000);
  query_pool_ = std::make_shared<ThreadPool>("QueryMessageThr", 2, 20000);
  admin_pool_ = std::make_shared<ThreadPool>("AdminBrokerThr", 2, 10000);
  client_pool_ = std::make_shared<ThreadPool>("ClientManageThr", 2, 1000000);
  end_transaction_pool_ = std::make_shared<ThreadPool>("EndTransactionThr", 2, 100000);
  reply_pool_ = std::make_shared<ThreadPool>("ProcessReplyMsgThr", 4, 10000);

  auto gate = [this](std::shared_ptr<remoting::RequestProcessor> p) {
    return std::make_shared<GatedProcessor>(std::move(p), &serving_, &gate_);
  };
  auto send = gate(std::make_shared<SendMessageProcessor>(this));
  for (int32_t code :
       {RequestCode::kSendMessage, RequestCode::kSendMessageV2, RequestCode::kSendBatchMessage}) {
    server_->RegisterProcessor(code, send, send_pool_);
  }
  server_->RegisterProcessor(RequestCode::kConsumerSendMsgBack,
                             gate(std::make_shared<ConsumerSendMsgBackProcessor>(this)),
                             send_pool_);
  server_->RegisterProcessor(RequestCode::kEndTransaction,
                             gate(std::make_shared<EndTransactionProcessor>(this)),
                             end_transaction_pool_);
  auto reply = gate(std::make_shared<ReplyMessageProcessor>(this));
  server_->RegisterProcessor(RequestCode::kSendReplyMessage, reply, reply_pool_);
  server_->RegisterProcessor(RequestCode::kSendReplyMessageV2, reply, reply_pool_);
  server_->RegisterProcessor(RequestCode::kPullMessage,
                             gate(std::make_shared<PullMessageProcessor>(this)), pull_pool_);
  auto query = gate(std::make_shared<QueryMessageProcessor>(this));
  server_->RegisterProcessor(RequestCode::kQueryMessage, query, query_pool_);
  server_->RegisterProcessor(RequestCode::kViewMessageById, query, query_pool_);
  auto client = gate(std::make_shared<ClientManageProcessor>(this));
  server_->RegisterProcessor(RequestCode::kHeartBeat, client, client_pool_);
  server_->RegisterProcessor(RequestCode::kUnregisterClient, client, client_pool_);
  auto consumer = gate(std::make_shared<ConsumerManageProcessor>(this));
  for (int32_t code : {RequestCode::kQueryConsumerOffset, RequestCode::kUpdateConsumerOffset,
                       RequestCode::kGetConsumerListByGroup}) {
    server_->RegisterProcessor(code, consumer, client_pool_);
  }
  auto admin = gate(std::make_shared<AdminBrokerProcessor>(this));
  for (int32_t code : {RequestCode::kUpdateBrokerConfig,
                       RequestCode::kUpdateAndCreateTopic,
                       RequestCode::kDeleteTopicInBroker,
                       RequestCode::kGetAllTopicConfig,
                       RequestCode::kUpdateAndCreateSubscriptionGroup,
                       RequestCode::kDeleteSubscriptionGroup,
                       RequestCode::kGetAllSubscriptionGroupConfig,
                       RequestCode::kGetAllConsumerOffset,
                       RequestCode::kGetBrokerConfig,
                       RequestCode::kGetBrokerRuntimeInfo,
                       RequestCode::kQueryTopicConsumeByWho,
                       RequestCode::kGetMaxOffset,
                       RequestCode::kGetMinOffset,
                       RequestCode::kSearchOffsetByTimestamp,
                       RequestCode::kGetEarliestMsgStoretime,
                       RequestCode::kLockBatchMq,
                       RequestCode::kUnlockBatchMq,
                       RequestCode::kGetTopicStatsInfo,
                       RequestCode::kGetConsumeStats,
                       RequestCode::kGetConsumerConnectionList,
                       RequestCode::kGetProducerConnectionList,
                       RequestCode::kGetAllDelayOffset,
                       RequestCode::kGetSystemTopicListFromBroker,
                       RequestCode::kInvokeBrokerToResetOffset,
                       RequestCode::kInvokeBrokerToGetConsumerStatus,
                       RequestCode::kQueryConsumeTimeSpan,
                       RequestCode::kGetConsumerRunningInfo,
                       RequestCode::kConsumeMessageDirectly,
                       RequestCode::kCloneGroupOffset,
                       RequestCode::kViewBrokerStatsData,
                       RequestCode::kGetBrokerConsumeStats,
                       RequestCode::kGetAllProducerInfo}) {
    server_->RegisterProcessor(code, admin, admin_pool_);
  }
  for (int32_t code : {RequestCode::kCleanExpiredConsumequeue, RequestCode::kCleanUnusedTopic,
                       RequestCode::kQueryConsumeQueue, RequestCode::kDeleteExpiredCommitlog}) {
    server_->RegisterProcessor(code, admin, admin_pool_);  // admin_broker_maintenance.cpp
  }
  for (int32_t code :
       {RequestCode::kUpdateAndCreateAclConfig, RequestCode::kDeleteAclConfig,
        RequestCode::kGetBrokerClusterAclInfo, RequestCode::kUpdateGlobalWhiteAddrsConfig,
        RequestCode::kGetBrokerClusterAclConfig}) {
    server_->RegisterProcessor(code, admin, admin_pool_);  // admin_broker_acl.cpp
  }
}

void BrokerController::RegisterBrokerAll() {
  if (!started_ && !serving_) return;
  std::lock_guard<std::mutex> lock(register_mu_);
  const BrokerConfig live = configuration_->broker();
  TopicConfigSerializeWrapper topics = topics_->BuildSerializeWrapper();
  if (!PermIsWriteable(live.brokerPermission) || !PermIsReadable(live.brokerPermission)) {
    for (auto& [name, tc] : topics.topic_config_table) tc.perm &= live.brokerPermission;
  }
  RegisterBrokerResult result;
  std::vector<Status> answers = outer_api_.RegisterBrokerAll(
      Identity(), topics, live.compressedRegister, live.registerBrokerTimeoutMills, &result);
  const bool accepted =
      std::any_of(answers.begin(), answers.end(), [](const Status& st) { return st.ok(); });
  if (accepted && replication_) replication_->OnRegisterResult(result);
}

void BrokerController::SchedulerLoop() {
  const int64_t register_period =
      std::min<int64_t>(60000, std::max<int64_t>(10000, broker_config_.registerNameServerPeriod));
  const int64_t start = NowMillis();
  int64_t next_register = start + 10000;
  int64_t next_flush = start + 10000 + broker_config_.flushConsumerOffsetInterval;
  int64_t next_scan = start + options_.client_scan_interval_ms;
  int64_t next_stats = start + kStatsTickMs;
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    const int64_t wake = std::min({next_register, next_flush, next_scan, next_stats});
    const int64_t now = NowMillis();
    if (wake > now) {
      cv_.wait_for(lock, std::chrono::milliseconds(wake - now));
      continue;
    }
    lock.unlock();
    if (now >= next_register) {
      RegisterBrokerAll();
      next_register = now + register_period;
    }
    if (now >= next_flush) {
      (void)offsets_->Persist();
      next_flush = now + broker_config_.flushConsumerOffsetInterval;
    }
    if (now >= next_scan) {
      producers_.ScanNotActiveChannel(now);
      consumers_->ScanNotActiveChannel(now);
      next_scan = now + options_.client_scan_interval_ms;
    }
    if (now >= next_stats) {
      stats_->Tick(now);
      next_stats = now + kStatsTickMs;
    }
    lock.lock();
  }
}

void BrokerController::Shutdown() { Stop(/*crash=*/false); }

void BrokerController::Kill() { Stop(/*crash=*/true); }

void BrokerController::Stop(bool crash) {
  if (!started_) return;
  started_ = false;
  gate_.Close();
  if (crash) {
    // What the peers see of a dead process, first: every connection drops (the NameServer's
    // included), and nothing queued or running is answered any more.
    serving_ = false;
    server_->Shutdown();
    outer_api_.Shutdown();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (scheduler_.joinable()) scheduler_.join();
  if (transaction_check_) transaction_check_->Shutdown();
  if (!crash) outer_api_.UnregisterBrokerAll(Identity(), broker_config_.registerBrokerTimeoutMills);
  serving_ = false;
  server_->Shutdown();
  hold_->Shutdown();
  for (auto* pool : {&send_pool_, &pull_pool_, &query_pool_, &admin_pool_, &client_pool_,
                     &end_transaction_pool_, &reply_pool_}) {
    if (*pool) (*pool)->Shutdown();
  }
  if (replication_) replication_->Shutdown();
  if (!crash) {
    (void)offsets_->Persist();
    (void)topics_->Persist();
    (void)groups_->Persist();
  }
  store_->SetMessageArrivingListener(nullptr);
  schedule_->Shutdown();
  store_->Shutdown();
  outer_api_.Shutdown();
  if (acl_) acl_->StopWatching();
  if (crash) {
    // A killed broker never removes its abort file: the next start recovers abnormally.
    std::ofstream abort_file(store_config_.AbortPath());
    if (!abort_file) RMQ_LOG(kError) << "kill: cannot write " << store_config_.AbortPath();
    RMQ_LOG(kInfo) << "The broker[" << broker_config_.brokerName << ", " << broker_addr()
                   << "] killed";
    return;
  }
  RMQ_LOG(kInfo) << "The broker[" << broker_config_.brokerName << ", " << broker_addr()
                 << "] shutdown OK";
}

}  // namespace rocketmq::broker
