// OffsetStore: where a consumer keeps the next offset to consume per queue (Java OffsetStore).
// Clustering consumers use RemoteBrokerOffsetStore (the broker keeps the group's offsets),
// broadcasting consumers LocalFileOffsetStore (each instance keeps its own).
//
// Offsets live in an in-memory table updated by the consume path; Persist*/the scheduler write
// them out. All methods are thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "common/message_queue.h"
#include "common/status.h"

namespace rocketmq::consumer {

enum class ReadOffsetType {
  kReadFromMemory,        // the table only; -1 when absent
  kReadFromStore,         // the broker / the file; the table is updated with what was read
  kMemoryFirstThenStore,  // the table, else the store
};

class OffsetStore {
 public:
  virtual ~OffsetStore() = default;

  // Reads persisted offsets into the table (local file store); no-op for the remote store.
  virtual Status Load() = 0;
  // Sets the offset of `mq`; with `increase_only` a smaller value than the current one is
  // ignored (concurrent consumers finish out of order).
  virtual void UpdateOffset(const MessageQueue& mq, int64_t offset, bool increase_only) = 0;
  // The offset of `mq`: >= 0 found; -1 no offset stored anywhere (the consumer then applies
  // consumeFromWhere); -2 the store could not be asked (broker unreachable), try later.
  virtual int64_t ReadOffset(const MessageQueue& mq, ReadOffsetType type) = 0;
  // Writes the offsets of `mqs`; table entries for other queues are forgotten (remote store) as
  // Java does. Errors are logged.
  virtual void PersistAll(const std::set<MessageQueue>& mqs) = 0;
  // Writes the offset of one queue (remote store; the local store writes only in PersistAll).
  virtual void Persist(const MessageQueue& mq) = 0;
  // Forgets `mq` (remote store; the local file keeps it).
  virtual void RemoveOffset(const MessageQueue& mq) = 0;
  // A copy of the table entries of `topic` (all entries when `topic` is empty).
  virtual std::map<MessageQueue, int64_t> CloneOffsetTable(const std::string& topic) const = 0;
  // Sends `offset` of `mq` to the broker at once (remote store; no-op for the local store).
  virtual Status UpdateConsumeOffsetToBroker(const MessageQueue& mq, int64_t offset,
                                             bool oneway) = 0;
};

}  // namespace rocketmq::consumer
