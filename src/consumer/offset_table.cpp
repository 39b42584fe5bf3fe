#include "consumer/offset_table.h"

namespace rocketmq::consumer {

void OffsetTable::Update(const MessageQueue& mq, int64_t offset, bool increase_only) {
  std::lock_guard<std::mutex> lock(mu_);
  auto [it, inserted] = table_.emplace(mq, offset);
  if (inserted) return;
  if (!increase_only || offset > it->second) it->second = offset;
}

std::optional<int64_t> OffsetTable::Get(const MessageQueue& mq) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = table_.find(mq);
  if (it == table_.end()) return std::nullopt;
  return it->second;
}

void OffsetTable::Remove(const MessageQueue& mq) {
  std::lock_guard<std::mutex> lock(mu_);
  table_.erase(mq);
}

std::map<MessageQueue, int64_t> OffsetTable::Clone(const std::string& topic) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (topic.empty()) return table_;
  std::map<MessageQueue, int64_t> out;
  for (const auto& [mq, offset] : table_) {
    if (mq.topic == topic) out.emplace(mq, offset);
  }
  return out;
}

}  // namespace rocketmq::consumer
