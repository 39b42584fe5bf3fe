#include "common/message_ext.h"

namespace rocketmq {

std::string MessageExt::ClientMsgId() const {
  std::string uniq = unique_key();
  return uniq.empty() ? offset_msg_id_ : uniq;
}

bool MessageExt::operator==(const MessageExt& o) const {
  return Message::operator==(o) && queue_id_ == o.queue_id_ && store_size_ == o.store_size_ &&
         queue_offset_ == o.queue_offset_ && sys_flag_ == o.sys_flag_ &&
         born_timestamp_ == o.born_timestamp_ && born_host_ == o.born_host_ &&
         store_timestamp_ == o.store_timestamp_ && store_host_ == o.store_host_ &&
         msg_id_ == o.msg_id_ && offset_msg_id_ == o.offset_msg_id_ &&
         commit_log_offset_ == o.commit_log_offset_ && body_crc_ == o.body_crc_ &&
         reconsume_times_ == o.reconsume_times_ &&
         prepared_transaction_offset_ == o.prepared_transaction_offset_ &&
         broker_name_ == o.broker_name_;
}

}  // namespace rocketmq
