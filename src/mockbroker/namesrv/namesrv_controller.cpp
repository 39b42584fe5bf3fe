#include "mockbroker/namesrv/namesrv_controller.h"

#include <algorithm>
#include <chrono>

#include "common/logging.h"

namespace rocketmq::namesrv {

namespace {

// Forgets a broker the moment its connection goes (Java's BrokerHousekeepingService).
class BrokerHousekeeping : public remoting::ChannelEventListener {
 public:
  explicit BrokerHousekeeping(RouteInfoManager& routes) : routes_(routes) {}
  void OnChannelClose(const std::string& remote_addr,
                      const std::shared_ptr<remoting::Channel>& channel) override {
    routes_.OnChannelDestroy(remote_addr, channel.get());
  }

 private:
  RouteInfoManager& routes_;
};

}  // namespace

NamesrvController::NamesrvController(NamesrvConfig config, Properties extra,
                                     NamesrvControllerOptions options)
    : options_(std::move(options)),
      configuration_(config, std::move(extra)),
      routes_(options_.clock),
      kv_(config.kv_config_path) {}

NamesrvController::~NamesrvController() { Shutdown(); }

Status NamesrvController::Start() {
  if (started_) return Status::OK();
  const NamesrvConfig config = configuration_.Snapshot();
  ROCKETMQ_RETURN_IF_ERROR(kv_.Load());

  remoting::RemotingServerOptions server_options;
  server_options.listen_host = config.listen_address;
  server_options.listen_port = config.listen_port;
  server_options.channel_max_idle_seconds = config.server_channel_max_idle_time_seconds;
  server_options.worker_threads =
      static_cast<size_t>(std::max<int32_t>(1, config.server_worker_threads));
  server_options.tls_mode = options_.tls_mode;
  server_ = std::make_unique<remoting::RemotingServer>(server_options);
  processor_ = std::make_shared<NamesrvProcessor>(routes_, kv_, configuration_);
  for (int32_t code : NamesrvProcessor::Codes()) server_->RegisterProcessor(code, processor_);
  server_->SetChannelEventListener(std::make_shared<BrokerHousekeeping>(routes_));
  Status st = server_->Start();
  if (!st.ok()) {
    server_.reset();
    return st;
  }
  configuration_.SetBoundPort(server_->port());
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = false;
  }
  scan_thread_ = std::thread([this] { ScanLoop(); });
  started_ = true;
  RMQ_LOG(kInfo) << "name server listening on "
                 << (config.listen_address.empty() ? "*" : config.listen_address) << ":" << port();
  return Status::OK();
}

void NamesrvController::ScanLoop() {
  auto next =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.scan_initial_delay_ms);
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    if (cv_.wait_until(lock, next, [this] { return stopping_; })) return;
    lock.unlock();
    const int removed = routes_.ScanNotActiveBroker();
    if (removed > 0) RMQ_LOG(kInfo) << "scanNotActiveBroker removed " << removed << " broker(s)";
    lock.lock();
    next += std::chrono::milliseconds(options_.scan_interval_ms);
  }
}

void NamesrvController::Shutdown() {
  if (!started_) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (scan_thread_.joinable()) scan_thread_.join();
  server_->Shutdown();
  started_ = false;
}

int NamesrvController::port() const { return server_ != nullptr ? server_->port() : 0; }

}  // namespace rocketmq::namesrv
