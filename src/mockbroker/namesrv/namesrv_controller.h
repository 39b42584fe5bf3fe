// NamesrvController: one running NameServer. Wires the configuration, the KV store (loaded from
// kvConfigPath at start), the route tables, the remoting server with NamesrvProcessor on every
// NameServer code (any other code is answered REQUEST_CODE_NOT_SUPPORTED by the transport), the
// broker expiry scan (first after 5 s, then every 10 s) and the channel listener that forgets a
// broker as soon as its connection closes. NameServers know nothing of each other.
//
// Threads: the remoting server's loop and worker threads, one scan thread, the server's
// listener thread. Start/Shutdown are called from one owner thread; Shutdown() is idempotent and
// run by the destructor.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "common/properties.h"
#include "common/status.h"
#include "mockbroker/namesrv/kv_config_manager.h"
#include "mockbroker/namesrv/namesrv_config.h"
#include "mockbroker/namesrv/namesrv_processor.h"
#include "mockbroker/namesrv/route_info_manager.h"
#include "remoting/remoting_server.h"

namespace rocketmq::namesrv {

struct NamesrvControllerOptions {
  int64_t scan_initial_delay_ms = 5000;  // first scanNotActiveBroker
  int64_t scan_interval_ms = 10000;      // then every 10 s
  ClockMs clock = NowMillis;             // heartbeat clock of the route tables
  // Java's tls.server.mode system property: permissive serves TLS and plain text alike.
  remoting::TlsMode tls_mode = remoting::TlsMode::kPermissive;
};

class NamesrvController {
 public:
  // `extra` are the keys of the config file that are not NameServer keys (served back by
  // GET_NAMESRV_CONFIG).
  explicit NamesrvController(NamesrvConfig config, Properties extra = Properties(),
                             NamesrvControllerOptions options = NamesrvControllerOptions());
  ~NamesrvController();  // Shutdown()

  NamesrvController(const NamesrvController&) = delete;
  NamesrvController& operator=(const NamesrvController&) = delete;

  // Loads the KV store, binds listenAddress:listenPort and starts serving. Fails (and leaves
  // nothing running) when the KV file is corrupt or the port cannot be bound.
  Status Start();
  // Stops the scan thread and the server. Idempotent.
  void Shutdown();

  // The bound port (useful with listenPort 0); 0 before Start().
  int port() const;

  RouteInfoManager& route_info_manager() { return routes_; }
  KvConfigManager& kv_config_manager() { return kv_; }
  NamesrvConfiguration& configuration() { return configuration_; }

 private:
  void ScanLoop();

  const NamesrvControllerOptions options_;
  NamesrvConfiguration configuration_;
  RouteInfoManager routes_;
  KvConfigManager kv_;
  std::shared_ptr<NamesrvProcessor> processor_;
  std::unique_ptr<remoting::RemotingServer> server_;

  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  bool started_ = false;   // owner thread only
  std::thread scan_thread_;
};

}  // namespace rocketmq::namesrv
