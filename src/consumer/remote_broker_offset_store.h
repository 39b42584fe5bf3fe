// RemoteBrokerOffsetStore: offsets of a clustering consumer group, kept by the brokers (Java
// RemoteBrokerOffsetStore, protocol.md §2.6, §8.2). Reads use QUERY_CONSUMER_OFFSET, writes
// UPDATE_CONSUMER_OFFSET (oneway when persisting, as Java). The consumer persists every
// persistConsumerOffsetInterval (5 s) and at shutdown.
//
// Thread-safe; the broker calls go through an OffsetBrokerClient supplied by the owner.
#pragma once

#include <memory>
#include <string>

#include "consumer/offset_store.h"
#include "consumer/offset_table.h"

namespace rocketmq::consumer {

// The two broker calls the remote store needs; the consumer implements it over its
// ClientInstance (broker address choice of protocol.md §8.2 included).
class OffsetBrokerClient {
 public:
  virtual ~OffsetBrokerClient() = default;
  // QUERY_CONSUMER_OFFSET for (group, mq). A Status with code QUERY_NOT_FOUND (22) when the
  // broker has no offset; any other error when the broker could not answer.
  virtual Result<int64_t> QueryConsumerOffset(const std::string& group, const MessageQueue& mq) = 0;
  // UPDATE_CONSUMER_OFFSET for (group, mq).
  virtual Status UpdateConsumerOffset(const std::string& group, const MessageQueue& mq,
                                      int64_t offset, bool oneway) = 0;
};

class RemoteBrokerOffsetStore : public OffsetStore {
 public:
  // `client` must outlive the store.
  RemoteBrokerOffsetStore(std::string group, OffsetBrokerClient* client);

  Status Load() override { return Status::OK(); }
  void UpdateOffset(const MessageQueue& mq, int64_t offset, bool increase_only) override;
  int64_t ReadOffset(const MessageQueue& mq, ReadOffsetType type) override;
  void PersistAll(const std::set<MessageQueue>& mqs) override;
  void Persist(const MessageQueue& mq) override;
  void RemoveOffset(const MessageQueue& mq) override;
  std::map<MessageQueue, int64_t> CloneOffsetTable(const std::string& topic) const override;
  Status UpdateConsumeOffsetToBroker(const MessageQueue& mq, int64_t offset, bool oneway) override;

 private:
  const std::string group_;
  OffsetBrokerClient* const client_;
  OffsetTable table_;
};

}  // namespace rocketmq::consumer
