#include "mockbroker/ha/ha_service.h"

#include <chrono>

#include "common/logging.h"
#include "mockbroker/ha/ha_client.h"
#include "mockbroker/ha/ha_connection.h"

namespace rocketmq::ha {

using store::PutMessageStatus;

HaService::HaService(store::MessageStore* store) : store_(store) {}

HaService::~HaService() { Shutdown(); }

Status HaService::Start(int listen_port) {
  if (started_) return Status::OK();
  ROCKETMQ_RETURN_IF_ERROR(listener_.Listen(listen_port));
  stop_.store(false);
  transfer_.Start();
  accept_thread_ = std::thread([this] { AcceptLoop(); });
  if (config().brokerRole == store::BrokerRole::kSlave) {
    client_ = std::make_unique<HaClient>(store_);
    if (config().haMasterAddress.size() >= 6)
      client_->UpdateMasterAddress(config().haMasterAddress);
    client_->Start();
  }
  started_ = true;
  RMQ_LOG(kInfo) << "HAService listening on port " << listener_.port();
  return Status::OK();
}

void HaService::Shutdown() {
  if (!started_) return;
  started_ = false;
  if (client_) client_->Shutdown();
  stop_.store(true);
  if (accept_thread_.joinable()) accept_thread_.join();
  listener_.Close();
  ReapConnections(true);
  transfer_.Shutdown(PutMessageStatus::kFlushSlaveTimeout,
                     Status::ShutdownInProgress("HA service stopped"));
  std::lock_guard<std::mutex> lock(data_mu_);
  data_cv_.notify_all();
}

store::ReplicationHooks HaService::Hooks() {
  store::ReplicationHooks hooks;
  hooks.data_appended = [this] { NotifyDataAppended(); };
  hooks.submit_replica = [this](int64_t next_offset, std::function<void(PutMessageStatus)> done) {
    SubmitReplica(next_offset, std::move(done));
  };
  return hooks;
}

bool HaService::IsSlaveOk(int64_t master_put_where) const {
  return connection_count_.load() > 0 &&
         master_put_where - push2slave_max_offset_.load() < config().haSlaveFallbehindMax;
}

void HaService::SubmitReplica(int64_t next_offset, std::function<void(PutMessageStatus)> done) {
  if (!IsSlaveOk(next_offset)) return done(PutMessageStatus::kSlaveNotAvailable);
  if (push2slave_max_offset_.load() >= next_offset) return done(PutMessageStatus::kPutOk);
  store::OffsetWaiters::Callback complete =
      [done = std::move(done)](PutMessageStatus status, const Status&) { done(status); };
  if (!transfer_.Add(next_offset, config().slaveTimeout, std::move(complete))) {
    return complete(PutMessageStatus::kFlushSlaveTimeout, Status::OK());  // HA service stopped
  }
  // An acknowledgement that arrived after the check above completed nothing: complete it here.
  transfer_.CompleteUpTo(push2slave_max_offset_.load());
}

void HaService::NotifyTransferSome(int64_t offset) {
  int64_t value = push2slave_max_offset_.load();
  while (offset > value) {
    if (push2slave_max_offset_.compare_exchange_weak(value, offset)) {
      transfer_.CompleteUpTo(offset);
      return;
    }
  }
}

void HaService::NotifyDataAppended() {
  data_seq_.fetch_add(1);
  if (data_waiters_.load() > 0) {
    std::lock_guard<std::mutex> lock(data_mu_);
    data_cv_.notify_all();
  }
}

void HaService::WaitForData(uint64_t seen, int64_t timeout_ms) {
  data_waiters_.fetch_add(1);
  {
    std::unique_lock<std::mutex> lock(data_mu_);
    data_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                      [&] { return data_seq_.load() != seen || stop_.load(); });
  }
  data_waiters_.fetch_sub(1);
}

void HaService::UpdateMasterAddress(const std::string& addr) {
  if (client_ && !addr.empty()) client_->UpdateMasterAddress(addr);
}

bool HaService::slave_connected() const { return client_ && client_->connected(); }

void HaService::OnConnectionClosed() { connection_count_.fetch_sub(1); }

void HaService::AcceptLoop() {
  while (!stop_.load()) {
    Result<HaSocket> sock = listener_.Accept(200);
    if (!sock.ok()) {
      RMQ_LOG(kError) << "HA accept: " << sock.status().ToString();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    if (sock->valid()) {
      RMQ_LOG(kInfo) << "HAService receive new connection, " << sock->peer();
      auto conn = std::make_unique<HaConnection>(this, std::move(*sock));
      connection_count_.fetch_add(1);
      conn->Start();
      std::lock_guard<std::mutex> lock(conn_mu_);
      connections_.push_back(std::move(conn));
    }
    ReapConnections(false);
  }
}

void HaService::ReapConnections(bool all) {
  std::list<std::unique_ptr<HaConnection>> done;
  {
    std::lock_guard<std::mutex> lock(conn_mu_);
    for (auto it = connections_.begin(); it != connections_.end();) {
      if (all || (*it)->finished()) {
        done.push_back(std::move(*it));
        it = connections_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& c : done) {
    c->Close("HA service stopping");
    c->Join();
  }
}

}  // namespace rocketmq::ha
