// ConsumerBrokerOps: the broker calls both consumer kinds make about offsets, with the broker
// address rules of protocol.md §8.2 (master for commits, master then any node for queries,
// route refresh and retry when the broker is unknown): QUERY/UPDATE_CONSUMER_OFFSET (as the
// remote offset store's OffsetBrokerClient), GET_MAX/MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP, and
// where a queue without a committed offset starts (consumeFromWhere, Java computePullFromWhere).
//
// Thread-safe; borrows the ClientInstance and the offset store of its consumer.
#pragma once

#include <string>

#include "client/client_instance.h"
#include "consumer/offset_store.h"
#include "consumer/remote_broker_offset_store.h"
#include "rocketmq/consumer_types.h"

namespace rocketmq::consumer {

class ConsumerBrokerOps : public OffsetBrokerClient {
 public:
  ConsumerBrokerOps(client::ClientInstance* instance, std::string group,
                    ConsumeFromWhere consume_from_where, std::string consume_timestamp,
                    int64_t timeout_ms);

  void set_offset_store(OffsetStore* store) { offset_store_ = store; }

  // ---- OffsetBrokerClient ----
  Result<int64_t> QueryConsumerOffset(const std::string& group, const MessageQueue& mq) override;
  Status UpdateConsumerOffset(const std::string& group, const MessageQueue& mq, int64_t offset,
                              bool oneway) override;

  Result<int64_t> MaxOffset(const MessageQueue& mq);
  Result<int64_t> MinOffset(const MessageQueue& mq);
  Result<int64_t> SearchOffset(const MessageQueue& mq, int64_t timestamp_ms);

  // The committed offset of `mq`, else the consumeFromWhere start; < 0 when the brokers could
  // not be asked (retry later).
  int64_t ComputePullFromWhere(const MessageQueue& mq);

  // "yyyyMMddHHmmss" in local time <-> epoch ms (Java UtilAll.parseDate / formatDate); parse
  // gives -1 when malformed.
  static int64_t ParseTimestamp(const std::string& text);
  static std::string FormatTimestamp(int64_t epoch_ms);

 private:
  // An address serving `broker_name`: the master, else (unless only_master) any node.
  Result<std::string> Address(const MessageQueue& mq, bool master_first_then_any);

  client::ClientInstance* const instance_;
  const std::string group_;
  const ConsumeFromWhere consume_from_where_;
  const std::string consume_timestamp_;
  const int64_t timeout_ms_;
  OffsetStore* offset_store_ = nullptr;
};

}  // namespace rocketmq::consumer
