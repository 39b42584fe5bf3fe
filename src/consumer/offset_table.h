// OffsetTable: the in-memory MessageQueue -> offset map both offset stores keep (Java's
// ConcurrentMap<MessageQueue, AtomicLong> offsetTable with its update rules). Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "common/message_queue.h"

namespace rocketmq::consumer {

class OffsetTable {
 public:
  // Java updateOffset: with `increase_only`, a value below the current one is ignored.
  void Update(const MessageQueue& mq, int64_t offset, bool increase_only);
  std::optional<int64_t> Get(const MessageQueue& mq) const;
  void Remove(const MessageQueue& mq);
  // Entries of `topic` (all when empty).
  std::map<MessageQueue, int64_t> Clone(const std::string& topic) const;

 private:
  mutable std::mutex mu_;
  std::map<MessageQueue, int64_t> table_;  // guarded by mu_
};

}  // namespace rocketmq::consumer
