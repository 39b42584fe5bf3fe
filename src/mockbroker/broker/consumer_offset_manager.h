// ConsumerOffsetManager: committed consumer offsets, "topic@group" -> queueId -> offset (Java
// ConsumerOffsetManager), persisted as <storePathRootDir>/config/consumerOffset.json
// (protocol.md §5.7) by the controller every flushConsumerOffsetInterval and at shutdown.
// Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "common/model/consumer_offset_wrapper.h"
#include "common/status.h"

namespace rocketmq::broker {

class ConsumerOffsetManager {
 public:
  explicit ConsumerOffsetManager(std::string config_path);

  Status Load();
  Status Persist();

  void CommitOffset(const std::string& client_host, const std::string& group,
                    const std::string& topic, int32_t queue_id, int64_t offset);
  // The committed offset, or -1 when none.
  int64_t QueryOffset(const std::string& group, const std::string& topic, int32_t queue_id) const;
  // Java cloneOffset: `dest_group` gets a copy of `src_group`'s offsets of `topic` (replacing
  // what it had for the topic); nothing happens when the source has none.
  void CloneOffset(const std::string& src_group, const std::string& dest_group,
                   const std::string& topic);
  // Forgets every group's offsets of `topic`.
  void RemoveTopic(const std::string& topic);
  // Java removeOffset(group) (DELETE_SUBSCRIPTIONGROUP with removeOffset=true): forgets every
  // "topic@group" entry whose key splits on '@' into exactly `topic` and `group`. Returns how
  // many entries went. Persisted with the next periodic flush, as Java.
  size_t RemoveGroup(const std::string& group);
  // Groups with offsets for `topic`.
  std::set<std::string> WhichGroupByTopic(const std::string& topic) const;
  // Topics with offsets for `group`.
  std::set<std::string> WhichTopicByConsumer(const std::string& group) const;
  ConsumerOffsetSerializeWrapper Snapshot() const;
  // SLAVE (Java SlaveSynchronize.syncConsumerOffset): the master's entries replace ours key by
  // key (Java putAll), then the table is persisted.
  Status SyncFromMaster(const ConsumerOffsetSerializeWrapper& master);

 private:
  const std::string config_path_;
  mutable std::mutex mu_;
  std::map<std::string, std::map<int32_t, int64_t>> table_;  // guarded by mu_
  std::mutex persist_mu_;
};

}  // namespace rocketmq::broker
