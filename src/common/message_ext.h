// MessageExt: a message as stored by a broker and delivered to consumers (Java MessageExt):
// a Message plus the CommitLog record fields of protocol.md §3.1.
#pragma once

#include <cstdint>
#include <string>

#include "common/message.h"
#include "common/socket_address.h"

namespace rocketmq {

class MessageExt : public Message {
 public:
  MessageExt() = default;

  int32_t queue_id() const { return queue_id_; }
  void set_queue_id(int32_t v) { queue_id_ = v; }
  // TOTALSIZE of the stored record (set by the decoder; the encoder computes its own).
  int32_t store_size() const { return store_size_; }
  void set_store_size(int32_t v) { store_size_ = v; }
  // Logical offset in the consume queue.
  int64_t queue_offset() const { return queue_offset_; }
  void set_queue_offset(int64_t v) { queue_offset_ = v; }
  // SYSFLAG bits (message_const.h kSysFlag*). The encoder derives the IPv6 host bits from the
  // hosts, whatever this says.
  int32_t sys_flag() const { return sys_flag_; }
  void set_sys_flag(int32_t v) { sys_flag_ = v; }
  // Producer's clock, epoch ms.
  int64_t born_timestamp() const { return born_timestamp_; }
  void set_born_timestamp(int64_t v) { born_timestamp_ = v; }
  const SocketAddress& born_host() const { return born_host_; }
  void set_born_host(const SocketAddress& v) { born_host_ = v; }
  // Broker's clock when appended, epoch ms.
  int64_t store_timestamp() const { return store_timestamp_; }
  void set_store_timestamp(int64_t v) { store_timestamp_ = v; }
  const SocketAddress& store_host() const { return store_host_; }
  void set_store_host(const SocketAddress& v) { store_host_ = v; }
  // As Java's MessageExt.getMsgId after MessageDecoder.decode: the offset message id. A client
  // may replace it with the UNIQ_KEY (see ClientMsgId()).
  const std::string& msg_id() const { return msg_id_; }
  void set_msg_id(std::string v) { msg_id_ = std::move(v); }
  // The offset message id (§4.1) computed from store host and commit log offset when decoded.
  const std::string& offset_msg_id() const { return offset_msg_id_; }
  void set_offset_msg_id(std::string v) { offset_msg_id_ = std::move(v); }
  // PHYSICALOFFSET: position of the record in the CommitLog.
  int64_t commit_log_offset() const { return commit_log_offset_; }
  void set_commit_log_offset(int64_t v) { commit_log_offset_ = v; }
  // BODYCRC as stored (RocketmqCrc32 of the stored, possibly compressed, body).
  int32_t body_crc() const { return body_crc_; }
  void set_body_crc(int32_t v) { body_crc_ = v; }
  int32_t reconsume_times() const { return reconsume_times_; }
  void set_reconsume_times(int32_t v) { reconsume_times_ = v; }
  // Commit/rollback records: physical offset of the half message; otherwise 0.
  int64_t prepared_transaction_offset() const { return prepared_transaction_offset_; }
  void set_prepared_transaction_offset(int64_t v) { prepared_transaction_offset_ = v; }
  // Broker group name, filled in by a client that knows where the message came from (not part of
  // the stored record).
  const std::string& broker_name() const { return broker_name_; }
  void set_broker_name(std::string v) { broker_name_ = std::move(v); }

  // What Java's MessageClientExt.getMsgId returns: the UNIQ_KEY when present, else the offset id.
  std::string ClientMsgId() const;

  // Field-by-field equality, including the Message part.
  bool operator==(const MessageExt& o) const;
  bool operator!=(const MessageExt& o) const { return !(*this == o); }

 private:
  int32_t queue_id_ = 0;
  int32_t store_size_ = 0;
  int64_t queue_offset_ = 0;
  int32_t sys_flag_ = 0;
  int64_t born_timestamp_ = 0;
  SocketAddress born_host_;
  int64_t store_timestamp_ = 0;
  SocketAddress store_host_;
  std::string msg_id_;
  std::string offset_msg_id_;
  int64_t commit_log_offset_ = 0;
  int32_t body_crc_ = 0;
  int32_t reconsume_times_ = 0;
  int64_t prepared_transaction_offset_ = 0;
  std::string broker_name_;
};

}  // namespace rocketmq
