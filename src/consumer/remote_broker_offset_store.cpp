#include "consumer/remote_broker_offset_store.h"

#include <vector>

#include "common/logging.h"
#include "common/response_code.h"

namespace rocketmq::consumer {

RemoteBrokerOffsetStore::RemoteBrokerOffsetStore(std::string group, OffsetBrokerClient* client)
    : group_(std::move(group)), client_(client) {}

void RemoteBrokerOffsetStore::UpdateOffset(const MessageQueue& mq, int64_t offset,
                                           bool increase_only) {
  table_.Update(mq, offset, increase_only);
}

int64_t RemoteBrokerOffsetStore::ReadOffset(const MessageQueue& mq, ReadOffsetType type) {
  if (type != ReadOffsetType::kReadFromStore) {
    std::optional<int64_t> cached = table_.Get(mq);
    if (cached) return *cached;
    if (type == ReadOffsetType::kReadFromMemory) return -1;
  }
  Result<int64_t> offset = client_->QueryConsumerOffset(group_, mq);
  if (!offset.ok()) {
    // QUERY_NOT_FOUND: the group never committed this queue. Anything else: the broker could
    // not be asked; -2 keeps the rebalance from starting the queue at a guessed offset (5.x
    // behaviour; 4.9 also answered -1 for other broker error codes).
    if (offset.status().code() == ResponseCode::kQueryNotFound) return -1;
    RMQ_LOG(kWarn) << "query consumer offset of " << mq.ToString() << " for group " << group_
                   << " failed: " << offset.status().ToString();
    return -2;
  }
  table_.Update(mq, *offset, false);
  return *offset;
}

void RemoteBrokerOffsetStore::PersistAll(const std::set<MessageQueue>& mqs) {
  if (mqs.empty()) return;
  std::vector<MessageQueue> unused;
  for (const auto& [mq, offset] : table_.Clone("")) {
    if (mqs.count(mq) == 0) {
      unused.push_back(mq);
      continue;
    }
    Status st = UpdateConsumeOffsetToBroker(mq, offset, /*oneway=*/true);
    if (!st.ok()) {
      RMQ_LOG(kWarn) << "persist consumer offset " << offset << " of " << mq.ToString()
                     << " for group " << group_ << " failed: " << st.ToString();
    } else {
      RMQ_LOG(kDebug) << "persisted consumer offset " << offset << " of " << mq.ToString()
                      << " for group " << group_;
    }
  }
  for (const MessageQueue& mq : unused) table_.Remove(mq);
}

void RemoteBrokerOffsetStore::Persist(const MessageQueue& mq) {
  std::optional<int64_t> offset = table_.Get(mq);
  if (!offset) return;
  Status st = UpdateConsumeOffsetToBroker(mq, *offset, /*oneway=*/true);
  if (!st.ok()) {
    RMQ_LOG(kWarn) << "persist consumer offset " << *offset << " of " << mq.ToString()
                   << " for group " << group_ << " failed: " << st.ToString();
  }
}

void RemoteBrokerOffsetStore::RemoveOffset(const MessageQueue& mq) { table_.Remove(mq); }

std::map<MessageQueue, int64_t> RemoteBrokerOffsetStore::CloneOffsetTable(
    const std::string& topic) const {
  return table_.Clone(topic);
}

Status RemoteBrokerOffsetStore::UpdateConsumeOffsetToBroker(const MessageQueue& mq, int64_t offset,
                                                            bool oneway) {
  return client_->UpdateConsumerOffset(group_, mq, offset, oneway);
}

}  // namespace rocketmq::consumer
