// BrokerReplication: the broker's master/slave role handling (Java 4.9.x BrokerController's HA
// parts): it runs the HA service on haListenPort (0: ephemeral, written back to the config so
// the broker registers the bound haServerAddr), installs the store's replication hooks (SYNC_MASTER
// waits), and on a SLAVE points the HA client at haMasterAddress or at the haServerAddr the
// NameServers answer, and runs SlaveSynchronize (first after slave_sync_delay_ms, then every
// slave_sync_interval_ms; Java: 3 s / 10 s).
//
// Owned by BrokerController, created after the store started and shut down before it. Threads:
// the HA service's threads and one slave-sync thread; OnRegisterResult from the registration
// path. Shutdown() is idempotent.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "common/status.h"
#include "mockbroker/broker/broker_outer_api.h"
#include "mockbroker/broker/slave_synchronize.h"
#include "mockbroker/ha/ha_service.h"

namespace rocketmq::broker {

class BrokerController;

class BrokerReplication {
 public:
  BrokerReplication(BrokerController* controller, int64_t slave_sync_delay_ms,
                    int64_t slave_sync_interval_ms);
  ~BrokerReplication();
  BrokerReplication(const BrokerReplication&) = delete;
  BrokerReplication& operator=(const BrokerReplication&) = delete;

  // Binds the HA port (reflected in the controller's configuration) and starts the services.
  Status Start();
  void Shutdown();

  bool is_slave() const;
  // A registration answer: a SLAVE follows the master's HA address (unless haMasterAddress is
  // configured) and syncs metadata from masterAddr.
  void OnRegisterResult(const RegisterBrokerResult& result);

  ha::HaService& ha_service() { return *ha_; }
  SlaveSynchronize* slave_synchronize() { return slave_sync_.get(); }

 private:
  void SlaveSyncLoop();

  BrokerController* const controller_;
  const int64_t slave_sync_delay_ms_;
  const int64_t slave_sync_interval_ms_;
  bool fixed_master_ = false;  // haMasterAddress configured: never follow the NameServer
  std::unique_ptr<ha::HaService> ha_;
  std::unique_ptr<SlaveSynchronize> slave_sync_;  // SLAVE only

  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;     // guarded by mu_
  bool started_ = false;  // owner thread only
  std::thread sync_thread_;
};

}  // namespace rocketmq::broker
