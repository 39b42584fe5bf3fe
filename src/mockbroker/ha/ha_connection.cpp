#include "mockbroker/ha/ha_connection.h"

#include <chrono>

#include "common/byte_order.h"
#include "common/logging.h"
#include "common/message_const.h"
#include "common/time_util.h"
#include "mockbroker/ha/ha_format.h"
#include "mockbroker/ha/ha_service.h"
#include "mockbroker/store/store_types.h"

namespace rocketmq::ha {

HaConnection::HaConnection(HaService* service, HaSocket socket)
    : service_(service), socket_(std::move(socket)), peer_(socket_.peer()) {}

HaConnection::~HaConnection() {
  Close("connection destroyed");
  Join();
}

void HaConnection::Start() {
  reader_ = std::thread([this] { ReadLoop(); });
  writer_ = std::thread([this] { WriteLoop(); });
}

void HaConnection::Close(const std::string& why) {
  if (closed_.exchange(true)) return;
  RMQ_LOG(kInfo) << "HA connection to slave[" << peer_ << "] closed: " << why;
  socket_.ShutdownBoth();
  service_->OnConnectionClosed();
}

void HaConnection::Join() {
  std::lock_guard<std::mutex> lock(join_mu_);
  if (reader_.joinable()) reader_.join();
  if (writer_.joinable()) writer_.join();
}

void HaConnection::ReadLoop() {
  const store::MessageStoreConfig& cfg = service_->config();
  char buf[4096];
  std::string pending;
  int64_t last_read = SteadyMillis();
  std::string why = "stopped";
  while (!closed_.load()) {
    Result<size_t> n = socket_.ReadSome(buf, sizeof(buf), 1000);
    if (!n.ok()) {
      why = "read: " + n.status().ToString();
      break;
    }
    const int64_t now = SteadyMillis();
    if (*n == 0) {
      if (now - last_read > cfg.haHousekeepingInterval) {
        why = "ha housekeeping, no report for " + std::to_string(now - last_read) + " ms";
        RMQ_LOG(kWarn) << "slave[" << peer_ << "]: " << why;
        break;
      }
      continue;
    }
    last_read = now;
    pending.append(buf, *n);
    if (pending.size() < static_cast<size_t>(kReportSize)) continue;
    // Only the newest complete report matters.
    const size_t whole = pending.size() - pending.size() % kReportSize;
    const auto offset = static_cast<int64_t>(DecodeFixed64BE(pending.data() + whole - kReportSize));
    pending.erase(0, whole);
    if (offset < 0) {
      // A slave reports its CommitLog's end, never below 0. Java would take -1 as "no report
      // yet" and any other negative value as a start it never finds, holding the connection
      // (and its two threads) until the housekeeping timeout; refuse it now instead.
      why = "slave reports a negative offset " + std::to_string(offset);
      RMQ_LOG(kWarn) << "slave[" << peer_ << "]: " << why;
      break;
    }
    slave_ack_offset_.store(offset);
    if (slave_request_offset_.load() < 0) {
      RMQ_LOG(kInfo) << "slave[" << peer_ << "] request offset " << offset;
      slave_request_offset_.store(offset);
      continue;  // acknowledged once the writer accepted the start
    }
    const int64_t max = service_->store()->GetMaxPhyOffset();
    if (offset > max) {
      why = "slave reports offset " + std::to_string(offset) +
            " greater than the local CommitLog offset " + std::to_string(max);
      RMQ_LOG(kError) << "slave[" << peer_ << "]: " << why;
      break;
    }
    if (accepted_.load()) service_->NotifyTransferSome(offset);
  }
  Close(why);
  threads_done_.fetch_add(1);
}

int64_t HaConnection::TransferStart(int64_t request) {
  store::MessageStore* st = service_->store();
  const int64_t max = st->GetMaxPhyOffset();
  const int64_t file_size = service_->config().mappedFileSizeCommitLog;
  auto refuse = [&](const std::string& why) {
    RMQ_LOG(kError) << "slave[" << peer_ << "] refused: its CommitLog ends at " << request
                    << " but " << why
                    << "; the slave's store diverged from its master and must be rebuilt";
    return int64_t{-1};
  };
  if (request == 0) {
    // An empty slave starts with the master's newest file (Java).
    return max - max % file_size;
  }
  if (request > max) {
    return refuse("the master's CommitLog ends at " + std::to_string(max));
  }
  if (request == max || request % file_size == 0) {
    if (request < st->GetMinPhyOffset()) {
      return refuse("the master's oldest CommitLog byte is " +
                    std::to_string(st->GetMinPhyOffset()));
    }
    return request;
  }
  Result<std::string> head = st->GetCommitLogData(request, store::kRecordPhysicalOffsetPos + 8);
  if (!head.ok()) {
    return refuse("the master no longer stores that offset (" + head.status().ToString() + ")");
  }
  if (head->size() >= static_cast<size_t>(store::kEndFileMinBlankLength)) {
    const uint32_t magic = DecodeFixed32BE(head->data() + store::kRecordMagicPos);
    const auto total = static_cast<int64_t>(DecodeFixed32BE(head->data()));
    if (magic == kBlankMagicCode && total == file_size - request % file_size) return request;
    if ((magic == kMessageMagicCodeV1 || magic == kMessageMagicCodeV2) &&
        head->size() >= static_cast<size_t>(store::kRecordPhysicalOffsetPos + 8) &&
        static_cast<int64_t>(DecodeFixed64BE(head->data() + store::kRecordPhysicalOffsetPos)) ==
            request) {
      return request;
    }
  }
  return refuse("that is not a message boundary in the master's CommitLog");
}

bool HaConnection::SendFrame(int64_t offset, std::string_view data) {
  std::string frame(static_cast<size_t>(kTransferHeaderSize), '\0');
  EncodeFixed64BE(frame.data(), static_cast<uint64_t>(offset));
  EncodeFixed32BE(frame.data() + 8, static_cast<uint32_t>(data.size()));
  frame.append(data);
  Status st = socket_.WriteAll(frame, service_->config().haHousekeepingInterval);
  if (!st.ok()) {
    Close("write: " + st.ToString());
    return false;
  }
  return true;
}

void HaConnection::WriteLoop() {
  const store::MessageStoreConfig& cfg = service_->config();
  store::MessageStore* st = service_->store();
  while (!closed_.load() && slave_request_offset_.load() < 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  int64_t next = -1;
  if (!closed_.load()) {
    const int64_t request = slave_request_offset_.load();
    next = TransferStart(request);
    if (next < 0) {
      Close("slave offset refused");
    } else {
      RMQ_LOG(kInfo) << "master transfer data from " << next << " to slave[" << peer_
                     << "], and slave request " << request;
      accepted_.store(true);
      service_->NotifyTransferSome(request);
    }
  }
  int64_t last_write = SteadyMillis();
  while (!closed_.load()) {
    const uint64_t seq = service_->data_seq();
    if (SteadyMillis() - last_write > cfg.haSendHeartbeatInterval) {
      if (!SendFrame(next, {})) break;
      last_write = SteadyMillis();
    }
    Result<std::string> data = st->GetCommitLogData(next, cfg.haTransferBatchSize);
    if (data.ok() && !data->empty()) {
      if (!SendFrame(next, *data)) break;
      next += static_cast<int64_t>(data->size());
      last_write = SteadyMillis();
      continue;
    }
    service_->WaitForData(seq, kTransferWaitMs);
  }
  threads_done_.fetch_add(1);
}

}  // namespace rocketmq::ha
