#include "mockbroker/broker/broker_replication.h"

#include <chrono>

#include "common/logging.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

BrokerReplication::BrokerReplication(BrokerController* controller, int64_t slave_sync_delay_ms,
                                     int64_t slave_sync_interval_ms)
    : controller_(controller),
      slave_sync_delay_ms_(slave_sync_delay_ms),
      slave_sync_interval_ms_(slave_sync_interval_ms) {}

BrokerReplication::~BrokerReplication() { Shutdown(); }

bool BrokerReplication::is_slave() const {
  return controller_->store_config().brokerRole == store::BrokerRole::kSlave;
}

Status BrokerReplication::Start() {
  if (started_) return Status::OK();
  store::MessageStore& store = controller_->message_store();
  ha_ = std::make_unique<ha::HaService>(&store);
  const int32_t configured = controller_->configuration().broker().haListenPort;
  Status st = ha_->Start(configured >= 0 ? configured : controller_->port() + 1);
  if (!st.ok()) {
    ha_.reset();
    return st;
  }
  controller_->configuration().SetBoundHaPort(ha_->port());
  store.SetReplicationHooks(ha_->Hooks());
  if (is_slave()) {
    fixed_master_ = controller_->store_config().haMasterAddress.size() >= 6;
    slave_sync_ = std::make_unique<SlaveSynchronize>(controller_);
    st = slave_sync_->Start();
    if (!st.ok()) {
      ha_->Shutdown();
      ha_.reset();
      slave_sync_.reset();
      return st;
    }
    stop_ = false;
    sync_thread_ = std::thread([this] { SlaveSyncLoop(); });
  }
  started_ = true;
  return Status::OK();
}

void BrokerReplication::Shutdown() {
  if (!started_) return;
  started_ = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (sync_thread_.joinable()) sync_thread_.join();
  if (slave_sync_) slave_sync_->Shutdown();
  controller_->message_store().SetReplicationHooks({});
  ha_->Shutdown();
}

void BrokerReplication::OnRegisterResult(const RegisterBrokerResult& result) {
  if (!started_ || !is_slave()) return;
  if (!fixed_master_ && !result.ha_server_addr.empty()) {
    ha_->UpdateMasterAddress(result.ha_server_addr);
  }
  slave_sync_->SetMasterAddr(result.master_addr);
}

void BrokerReplication::SlaveSyncLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  auto wait = std::chrono::milliseconds(slave_sync_delay_ms_);
  while (!cv_.wait_for(lock, wait, [this] { return stop_; })) {
    lock.unlock();
    (void)slave_sync_->SyncAll();  // failures are logged there
    lock.lock();
    wait = std::chrono::milliseconds(slave_sync_interval_ms_);
  }
}

}  // namespace rocketmq::broker
