#include "mockbroker/ha/ha_client.h"

#include <chrono>

#include "common/byte_order.h"
#include "common/logging.h"
#include "common/time_util.h"
#include "mockbroker/ha/ha_format.h"

namespace rocketmq::ha {

HaClient::HaClient(store::MessageStore* store) : store_(store) {}

HaClient::~HaClient() { Shutdown(); }

void HaClient::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (started_) return;
  started_ = true;
  stop_ = false;
  thread_ = std::thread([this] { Run(); });
}

void HaClient::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!started_) return;
    started_ = false;
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void HaClient::UpdateMasterAddress(const std::string& addr) {
  std::lock_guard<std::mutex> lock(mu_);
  if (addr == master_address_) return;
  RMQ_LOG(kInfo) << "update master address, OLD: " << master_address_ << " NEW: " << addr;
  master_address_ = addr;
  cv_.notify_all();
}

std::string HaClient::master_address() const {
  std::lock_guard<std::mutex> lock(mu_);
  return master_address_;
}

void HaClient::Run() {
  while (true) {
    std::string addr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_) return;
      addr = master_address_;
    }
    if (!addr.empty()) {
      Result<HaSocket> sock = HaSocket::Connect(addr, 3000);
      if (sock.ok()) {
        RMQ_LOG(kInfo) << "HAClient connected to master " << addr;
        connected_.store(true);
        Session(&*sock);
        connected_.store(false);
        continue;  // reconnect at once, as Java's loop does
      }
      RMQ_LOG(kWarn) << "HAClient cannot connect to master " << addr << ": "
                     << sock.status().ToString();
    }
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(kReconnectIntervalMs),
                 [&] { return stop_ || master_address_ != addr; });
  }
}

bool HaClient::Report(HaSocket* socket, int64_t offset) {
  char buf[kReportSize];
  EncodeFixed64BE(buf, static_cast<uint64_t>(offset));
  Status st = socket->WriteAll(std::string_view(buf, sizeof(buf)), 3000);
  if (!st.ok()) {
    RMQ_LOG(kWarn) << "HAClient report offset " << offset << ": " << st.ToString();
    return false;
  }
  last_report_ = SteadyMillis();
  return true;
}

bool HaClient::DispatchFrames(HaSocket* socket) {
  while (buf_.size() - dispatch_ >= static_cast<size_t>(kTransferHeaderSize)) {
    const char* p = buf_.data() + dispatch_;
    const auto master_offset = static_cast<int64_t>(DecodeFixed64BE(p));
    const auto body_size = static_cast<int32_t>(DecodeFixed32BE(p + 8));
    const int64_t slave_offset = store_->GetMaxPhyOffset();
    if (slave_offset != 0 && slave_offset != master_offset) {
      RMQ_LOG(kError) << "master pushed offset not equal the max phy offset in slave, SLAVE: "
                      << slave_offset << " MASTER: " << master_offset;
      return false;
    }
    if (body_size < 0 || body_size > kSlaveReadBufferSize - kTransferHeaderSize) {
      RMQ_LOG(kError) << "HAClient: bad frame size " << body_size << " from the master";
      return false;
    }
    if (buf_.size() - dispatch_ < static_cast<size_t>(kTransferHeaderSize + body_size)) break;
    if (body_size > 0) {
      Status st = store_->AppendToCommitLog(
          master_offset, std::string_view(p + kTransferHeaderSize, static_cast<size_t>(body_size)));
      if (!st.ok()) {
        RMQ_LOG(kError) << "HAClient: append at " << master_offset << " failed: " << st.ToString();
        return false;
      }
    }
    dispatch_ += static_cast<size_t>(kTransferHeaderSize + body_size);
  }
  // One report for everything this read brought (Java reports after each frame; the offset is
  // cumulative, so the master sees the same acknowledgement with fewer writes and wake-ups).
  const int64_t now_offset = store_->GetMaxPhyOffset();
  if (now_offset > reported_) {
    reported_ = now_offset;
    if (!Report(socket, reported_)) return false;
  }
  // Keep the unfinished frame at the front of the buffer.
  if (dispatch_ > 0) {
    buf_.erase(0, dispatch_);
    dispatch_ = 0;
  }
  return true;
}

void HaClient::Session(HaSocket* socket) {
  const store::MessageStoreConfig& cfg = store_->config();
  buf_.clear();
  dispatch_ = 0;
  reported_ = store_->GetMaxPhyOffset();
  if (!Report(socket, reported_)) return;
  int64_t last_read = SteadyMillis();
  std::string chunk(256 * 1024, '\0');
  while (true) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_) return;
    }
    const int64_t now = SteadyMillis();
    if (now - last_report_ > cfg.haSendHeartbeatInterval && !Report(socket, reported_)) return;
    const size_t room = static_cast<size_t>(kSlaveReadBufferSize) - buf_.size();
    Result<size_t> n = socket->ReadSome(chunk.data(), std::min(room, chunk.size()), 200);
    if (!n.ok()) {
      RMQ_LOG(kWarn) << "HAClient: link to master lost: " << n.status().ToString();
      return;
    }
    if (*n == 0) {
      if (SteadyMillis() - last_read > cfg.haHousekeepingInterval) {
        RMQ_LOG(kWarn) << "HAClient, housekeeping, found this connection[" << socket->peer()
                       << "] expired, " << SteadyMillis() - last_read;
        return;
      }
      continue;
    }
    last_read = SteadyMillis();
    buf_.append(chunk.data(), *n);
    if (!DispatchFrames(socket)) return;
  }
}

}  // namespace rocketmq::ha
