// BrokerController: one running broker (Java BrokerController, 4.9.x, master role). Wires the
// configuration, the message store, the topic / subscription-group / consumer-offset managers
// (JSON under <storePathRootDir>/config/), the client tables, the request processors on a
// RemotingServer, long polling, and the NameServer registration (at start, every
// registerNameServerPeriod clamped to 10..60 s, and at once when topics change; unregistration
// at shutdown).
//
// Threads: the remoting server's loop/worker threads and the processor pools (send, pull,
// query, admin, client, end-transaction, reply), the pull-hold thread, the transaction check
// thread (masters), one scheduler thread (registration, offset flush
// every flushConsumerOffsetInterval, client-channel expiry scan and stats sampling every 10 s)
// and the store's threads. Start/Shutdown are called from one owner thread; Shutdown() is
// idempotent and run by the destructor.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/socket_address.h"
#include "common/status.h"
#include "common/thread_pool.h"
#include "mockbroker/broker/acl/plain_access_validator.h"
#include "mockbroker/broker/acl/plain_permission_manager.h"
#include "mockbroker/broker/broker_config.h"
#include "mockbroker/broker/broker_outer_api.h"
#include "mockbroker/broker/broker_replication.h"
#include "mockbroker/broker/broker_stats_manager.h"
#include "mockbroker/broker/consumer_manager.h"
#include "mockbroker/broker/consumer_offset_manager.h"
#include "mockbroker/broker/producer_manager.h"
#include "mockbroker/broker/pull_request_hold_service.h"
#include "mockbroker/broker/rebalance_lock_manager.h"
#include "mockbroker/broker/schedule_message_service.h"
#include "mockbroker/broker/subscription_group_manager.h"
#include "mockbroker/broker/topic_config_manager.h"
#include "mockbroker/broker/transaction/transaction_check_service.h"
#include "mockbroker/broker/transaction/transactional_message_service.h"
#include "mockbroker/store/message_store.h"
#include "remoting/remoting_server.h"

namespace rocketmq::broker {

struct BrokerControllerOptions {
  int64_t client_scan_interval_ms = 10000;  // producer/consumer channel expiry scan
  int64_t hold_check_interval_ms = 5000;    // long-polling re-check of every held pull
  // Java's tls.server.mode system property: permissive serves TLS and plain text alike.
  remoting::TlsMode tls_mode = remoting::TlsMode::kPermissive;
  int64_t slave_sync_delay_ms = 3000;      // SLAVE: first metadata sync from the master
  int64_t slave_sync_interval_ms = 10000;  // SLAVE: metadata sync period
};

// Holds requests while a broker is paused (fault injection for in-process tests, see
// BrokerController::Pause). Thread-safe; Wait() runs on the processor pool threads.
class RequestGate {
 public:
  void Pause();
  void Resume();
  bool paused() const;
  // Blocks while paused. False once Close() was called: the request must then go unanswered.
  bool Wait();
  // Releases every waiter for good (the broker is stopping).
  void Close();

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool paused_ = false;  // guarded by mu_
  bool closed_ = false;  // guarded by mu_
};

class BrokerController {
 public:
  explicit BrokerController(std::shared_ptr<BrokerConfiguration> configuration,
                            BrokerControllerOptions options = BrokerControllerOptions());
  ~BrokerController();  // Shutdown()
  BrokerController(const BrokerController&) = delete;
  BrokerController& operator=(const BrokerController&) = delete;

  // Loads the config files and the store, binds the port (listenPort 0: ephemeral, then
  // reflected in the config), starts serving and registers with every NameServer. Fails and
  // leaves nothing running when the store or a config file cannot be loaded or the port is taken.
  Status Start();
  // Unregisters from the NameServers, stops serving, persists the offsets and shuts the store
  // down (flush, checkpoint, abort file removed). Idempotent.
  void Shutdown();
  // The in-process model of a crash (kill -9) for tests: every connection closes at once (the
  // NameServer forgets the broker when its connection drops, as when the process dies; no
  // unregistration), nothing more is answered, held and paused requests are dropped, the consumer
  // offsets are not persisted (the last periodic flush stands), and the store's abort file stays
  // so the next Start() runs the abnormal recovery. Data already written is kept, as a killed
  // process's page cache is. Idempotent; Shutdown() afterwards does nothing.
  void Kill();
  // Fault injection for tests: while paused the broker accepts connections and reads requests but
  // answers none (they wait on their processor threads; clients time out). Resume() processes the
  // waiting requests and answers them late. The broker's own jobs (NameServer registration, HA)
  // go on. Shutdown()/Kill() drop the waiting requests unanswered.
  void Pause() { gate_.Pause(); }
  void Resume() { gate_.Resume(); }
  bool paused() const { return gate_.paused(); }

  // The bound port; 0 before Start().
  int port() const { return port_; }
  // brokerIP1:port.
  std::string broker_addr() const;
  // "The broker[name, ip:port] boot success. serializeType=JSON[ and name server is ...]".
  std::string BootSuccessLine() const;

  // Registers with every NameServer now.
  void RegisterBrokerAll();

  // The live broker settings (UPDATE_BROKER_CONFIG changes them; listenPort is the bound one
  // after Start()), copied under the configuration's lock.
  BrokerConfig broker_config() const { return configuration_->broker(); }
  const store::MessageStoreConfig& store_config() const { return store_config_; }
  BrokerConfiguration& configuration() { return *configuration_; }
  const SocketAddress& store_host() const { return store_host_; }

  TopicConfigManager& topic_config_manager() { return *topics_; }
  SubscriptionGroupManager& subscription_group_manager() { return *groups_; }
  ConsumerOffsetManager& consumer_offset_manager() { return *offsets_; }
  ConsumerManager& consumer_manager() { return *consumers_; }
  ProducerManager& producer_manager() { return producers_; }
  store::MessageStore& message_store() { return *store_; }
  PullRequestHoldService& pull_request_hold_service() { return *hold_; }
  BrokerOuterApi& outer_api() { return outer_api_; }
  RebalanceLockManager& rebalance_lock_manager() { return locks_; }
  // Per-topic / per-group call statistics (VIEW_BROKER_STATS_DATA); valid after Start().
  BrokerStatsManager& broker_stats_manager() { return *stats_; }
  // The request queues whose length and head wait GET_BROKER_RUNTIME_INFO reports (null before
  // Start()).
  const ThreadPool* send_pool() const { return send_pool_.get(); }
  const ThreadPool* pull_pool() const { return pull_pool_.get(); }
  const ThreadPool* query_pool() const { return query_pool_.get(); }
  // Delayed-message delivery: loaded at Start, running unless brokerRole is SLAVE.
  ScheduleMessageService& schedule_message_service() { return *schedule_; }
  TransactionalMessageService& transactional_message_service() { return *transactions_; }
  // Master/slave replication (HA port, SYNC_MASTER wait, slave sync); valid after Start().
  BrokerReplication& replication() { return *replication_; }
  // The ACL 1.0 files (conf/plain_acl.yml, conf/acl/*.yml under rocketmqHome): loaded at Start()
  // when aclEnable (then every request is checked against them by a PlainAccessValidator and the
  // files are reloaded when they change), else null.
  acl::PlainPermissionManager* plain_permission_manager() { return acl_.get(); }

 private:
  void RegisterProcessors();
  void SchedulerLoop();
  void Stop(bool crash);
  BrokerIdentity Identity() const;

  const std::shared_ptr<BrokerConfiguration> configuration_;
  const BrokerControllerOptions options_;
  BrokerConfig broker_config_;  // snapshot taken at Start(): what the running parts were built with
  store::MessageStoreConfig store_config_;
  SocketAddress store_host_;
  int port_ = 0;

  std::unique_ptr<TopicConfigManager> topics_;
  std::unique_ptr<SubscriptionGroupManager> groups_;
  std::unique_ptr<ConsumerOffsetManager> offsets_;
  std::unique_ptr<ConsumerManager> consumers_;
  std::unique_ptr<BrokerStatsManager> stats_;
  ProducerManager producers_;
  RebalanceLockManager locks_;
  std::unique_ptr<store::MessageStore> store_;
  std::unique_ptr<ScheduleMessageService> schedule_;
  std::unique_ptr<PullRequestHoldService> hold_;
  std::unique_ptr<TransactionalMessageService> transactions_;
  std::unique_ptr<TransactionCheckService> transaction_check_;  // masters only
  std::unique_ptr<BrokerReplication> replication_;
  std::unique_ptr<acl::PlainPermissionManager> acl_;  // aclEnable only
  BrokerOuterApi outer_api_;
  std::unique_ptr<remoting::RemotingServer> server_;
  std::shared_ptr<ThreadPool> send_pool_;
  std::shared_ptr<ThreadPool> pull_pool_;
  std::shared_ptr<ThreadPool> query_pool_;
  std::shared_ptr<ThreadPool> admin_pool_;
  std::shared_ptr<ThreadPool> client_pool_;
  std::shared_ptr<ThreadPool> end_transaction_pool_;
  std::shared_ptr<ThreadPool> reply_pool_;

  std::mutex register_mu_;  // one registration at a time
  std::atomic<bool> serving_{false};
  RequestGate gate_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  // Written by the owner thread; read by RegisterBrokerAll from the scheduler and from the topic
  // change listener on request threads.
  std::atomic<bool> started_{false};
  std::thread scheduler_;
};

}  // namespace rocketmq::broker
