// LocalFileOffsetStore: offsets of a broadcasting consumer, kept in a local file (Java
// LocalFileOffsetStore). The file is
//   <base_dir>/<clientId>/<group>/offsets.json
// with base_dir defaulting to ~/.rocketmq_offsets (Java: system property
// rocketmq.client.localOffsetStoreDir), in Java's OffsetSerializeWrapper shape
//   {"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:12,...}}
// written pretty-printed through offsets.json.tmp keeping the previous file as offsets.json.bak;
// on load a missing or unreadable file falls back to the .bak copy.
//
// Thread-safe. File writes happen in PersistAll (scheduler thread and shutdown).
#pragma once

#include <mutex>
#include <string>

#include "consumer/offset_store.h"
#include "consumer/offset_table.h"

namespace rocketmq::consumer {

class LocalFileOffsetStore : public OffsetStore {
 public:
  // `base_dir` empty: $HOME/.rocketmq_offsets.
  LocalFileOffsetStore(const std::string& base_dir, const std::string& client_id,
                       const std::string& group);

  // Java's default base directory: $HOME/.rocketmq_offsets ("./.rocketmq_offsets" without HOME).
  static std::string DefaultBaseDir();

  Status Load() override;
  void UpdateOffset(const MessageQueue& mq, int64_t offset, bool increase_only) override;
  int64_t ReadOffset(const MessageQueue& mq, ReadOffsetType type) override;
  void PersistAll(const std::set<MessageQueue>& mqs) override;
  void Persist(const MessageQueue&) override {}
  void RemoveOffset(const MessageQueue&) override {}
  std::map<MessageQueue, int64_t> CloneOffsetTable(const std::string& topic) const override;
  Status UpdateConsumeOffsetToBroker(const MessageQueue&, int64_t, bool) override {
    return Status::OK();
  }

  const std::string& store_path() const { return store_path_; }

 private:
  // The offsets in the file (or its .bak); NotFound when neither exists.
  Result<std::map<MessageQueue, int64_t>> ReadLocalOffsets() const;

  const std::string store_path_;
  std::mutex file_mu_;  // serializes file writes
  OffsetTable table_;
};

}  // namespace rocketmq::consumer
