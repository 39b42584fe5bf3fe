#include "mockbroker/broker/end_transaction_processor.h"

#include <string>

#include "common/logging.h"
#include "common/message_const.h"
#include "common/message_ext.h"
#include "common/response_code.h"
#include "common/string_util.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;

namespace {

// EndTransactionRequestHeader.
struct EndTransactionHeader {
  std::string producer_group;
  int64_t tran_state_table_offset = 0;
  int64_t commit_log_offset = 0;
  int32_t commit_or_rollback = 0;
  bool from_transaction_check = false;
  std::string msg_id;
  std::string transaction_id;
};

Result<EndTransactionHeader> ParseEndTransactionHeader(const RemotingCommand& req) {
  auto missing = [](const char* name) {
    return Status::InvalidArgument(std::string("the custom field <") + name + "> is null");
  };
  EndTransactionHeader h;
  Result<std::string> group = req.GetExtString("producerGroup");
  if (!group.ok()) return missing("producerGroup");
  h.producer_group = *group;
  Result<int64_t> table_offset = req.GetExtInt64("tranStateTableOffset");
  if (!table_offset.ok()) return missing("tranStateTableOffset");
  h.tran_state_table_offset = *table_offset;
  Result<int64_t> commit_log_offset = req.GetExtInt64("commitLogOffset");
  if (!commit_log_offset.ok()) return missing("commitLogOffset");
  h.commit_log_offset = *commit_log_offset;
  Result<int32_t> verdict = req.GetExtInt32("commitOrRollback");
  if (!verdict.ok()) return missing("commitOrRollback");
  h.commit_or_rollback = *verdict;
  Result<std::string> msg_id = req.GetExtString("msgId");
  if (!msg_id.ok()) return missing("msgId");
  h.msg_id = *msg_id;
  h.from_transaction_check = req.GetExtBool("fromTransactionCheck");
  h.transaction_id = req.ext_fields().GetOr("transactionId");
  if (h.commit_or_rollback != kSysFlagTransactionNotType &&
      h.commit_or_rollback != kSysFlagTransactionCommitType &&
      h.commit_or_rollback != kSysFlagTransactionRollbackType) {
    return Status::InvalidArgument("commitOrRollback field wrong");
  }
  return h;
}

std::string Describe(const EndTransactionHeader& h) {
  return "EndTransactionRequestHeader{producerGroup=" + h.producer_group +
         ", tranStateTableOffset=" + std::to_string(h.tran_state_table_offset) +
         ", commitLogOffset=" + std::to_string(h.commit_log_offset) +
         ", commitOrRollback=" + std::to_string(h.commit_or_rollback) +
         ", fromTransactionCheck=" + (h.from_transaction_check ? "true" : "false") + ", msgId='" +
         h.msg_id + "', transactionId='" + h.transaction_id + "'}";
}

// Java checkPrepareMessage: the half message must belong to the request. OK or the remark.
Status CheckPrepareMessage(const MessageExt& half, const EndTransactionHeader& h) {
  const std::string* group = half.properties().Find(kPropertyProducerGroup);
  if (group == nullptr || *group != h.producer_group) {
    return Status::InvalidArgument("The producer group wrong");
  }
  if (half.queue_offset() != h.tran_state_table_offset) {
    return Status::InvalidArgument("The transaction state table offset wrong");
  }
  if (half.commit_log_offset() != h.commit_log_offset) {
    return Status::InvalidArgument("The commit log offset wrong");
  }
  return Status::OK();
}

// Java endMessageTransaction + the fields processRequest sets: the COMMIT record of `half`.
// Java encodes the properties before it clears REAL_TOPIC, REAL_QID and TRAN_MSG, so the stored
// string still carries them; only their order changes (java.util.HashMap).
Result<MessageExt> EndMessageTransaction(const MessageExt& half, const EndTransactionHeader& h,
                                         std::string* raw_properties) {
  const std::string* real_topic = half.properties().Find(kPropertyRealTopic);
  int32_t real_queue_id = 0;
  if (real_topic == nullptr ||
      !ParseJavaInteger(half.GetProperty(kPropertyRealQueueId), &real_queue_id)) {
    return Status::InvalidArgument("the prepared message has no valid REAL_TOPIC/REAL_QID");
  }
  MessageExt m;
  m.set_topic(*real_topic);
  m.set_queue_id(real_queue_id);
  m.set_body(half.body());
  m.set_flag(half.flag());
  m.set_born_timestamp(half.born_timestamp());
  m.set_born_host(half.born_host());
  m.set_store_host(half.store_host());
  m.set_reconsume_times(half.reconsume_times());
  m.set_sys_flag(ResetTransactionType(half.sys_flag(), h.commit_or_rollback));
  m.set_prepared_transaction_offset(h.commit_log_offset);
  m.set_properties(half.properties());
  *raw_properties = EncodeInJavaHashMapOrder(half.properties());
  return m;
}

// Java sendFinalMessage: the answer to a commit after the store call.
void ApplyFinalPutResult(const store::PutMessageResult& r, int32_t max_message_size,
                         RemotingCommand* resp) {
  using store::PutMessageStatus;
  switch (r.status) {
    case PutMessageStatus::kPutOk:
    case PutMessageStatus::kFlushDiskTimeout:
    case PutMessageStatus::kFlushSlaveTimeout:
    case PutMessageStatus::kSlaveNotAvailable:
      resp->set_code(ResponseCode::kSuccess);
      return;
    case PutMessageStatus::kCreateMappedFileFailed:
      resp->set_code(ResponseCode::kSystemError);
      resp->set_remark("Create mapped file failed.");
      return;
    case PutMessageStatus::kMessageIllegal:
    case PutMessageStatus::kPropertiesSizeExceeded:
      resp->set_code(ResponseCode::kMessageIllegal);
      resp->set_remark(
          "The message is illegal, maybe msg body or properties length not matched. msg body "
          "length limit " +
          std::to_string(max_message_size) + "B, msg properties length limit 32KB.");
      return;
    case PutMessageStatus::kServiceNotAvailable:
      resp->set_code(ResponseCode::kServiceNotAvailable);
      resp->set_remark("Service not available now.");
      return;
    case PutMessageStatus::kOsPageCacheBusy:
      resp->set_code(ResponseCode::kSystemError);
      resp->set_remark("OS page cache busy, please try another machine");
      return;
    case PutMessageStatus::kUnknownError:
      resp->set_code(ResponseCode::kSystemError);
      resp->set_remark("UNKNOWN_ERROR");
      return;
  }
}

}  // namespace

std::optional<RemotingCommand> EndTransactionProcessor::ProcessRequest(
    const std::shared_ptr<remoting::Channel>& channel, RemotingCommand& request) {
  Result<EndTransactionHeader> parsed = ParseEndTransactionHeader(request);
  if (!parsed.ok()) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                           parsed.status().message());
  }
  const EndTransactionHeader& h = *parsed;
  if (controller_->store_config().brokerRole == store::BrokerRole::kSlave) {
    RMQ_LOG(kWarn) << "Message store is slave mode, so end transaction is forbidden. ";
    return RemotingCommand::CreateResponse(request, ResponseCode::kSlaveNotAvailable);
  }
  const std::string remark = request.remark().value_or("null");
  const std::string who = channel->RemoteAddress();
  switch (h.commit_or_rollback) {
    case kSysFlagTransactionNotType:
      RMQ_LOG(kWarn) << (h.from_transaction_check ? "Check producer[" + who +
                                                        "] transaction state, but it's pending "
                                                        "status."
                                                  : "The producer[" + who +
                                                        "] end transaction in sending message,  "
                                                        "and it's pending status.")
                     << "RequestHeader: " << Describe(h) << " Remark: " << remark;
      return std::nullopt;
    case kSysFlagTransactionCommitType:
      if (h.from_transaction_check) {
        RMQ_LOG(kWarn) << "Check producer[" << who
                       << "] transaction state, the producer commit the message.RequestHeader: "
                       << Describe(h) << " Remark: " << remark;
      }
      break;
    default:  // rollback
      RMQ_LOG(kWarn) << (h.from_transaction_check ? "Check producer[" + who +
                                                        "] transaction state, the producer "
                                                        "rollback the message."
                                                  : "The producer[" + who +
                                                        "] end transaction in sending message, "
                                                        "rollback the message.")
                     << "RequestHeader: " << Describe(h) << " Remark: " << remark;
      break;
  }

  TransactionalMessageService& service = controller_->transactional_message_service();
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSystemError);
  HalfMessageLookup found = service.GetHalfMessageByOffset(h.commit_log_offset);
  if (found.code != ResponseCode::kSuccess) {
    resp.set_code(found.code);
    resp.set_remark(found.remark);
    return resp;
  }
  const MessageExt& half = found.prepare_message;
  Status valid = CheckPrepareMessage(half, h);
  if (!valid.ok()) {
    resp.set_remark(valid.message());
    return resp;
  }
  if (h.commit_or_rollback == kSysFlagTransactionRollbackType) {
    service.DeletePrepareMessage(half);
    resp.set_code(ResponseCode::kSuccess);
    return resp;
  }
  std::string raw_properties;
  Result<MessageExt> committed = EndMessageTransaction(half, h, &raw_properties);
  if (!committed.ok()) {
    resp.set_remark(committed.status().message());
    return resp;
  }
  // Java leaves the flush wait to the half message's WAIT property (absent = wait).
  store::PutMessageOptions options;
  options.raw_properties.push_back(std::move(raw_properties));
  store::PutMessageResult put =
      controller_->message_store().PutMessage(std::move(*committed), options);
  ApplyFinalPutResult(put, controller_->store_config().maxMessageSize, &resp);
  if (resp.code() == ResponseCode::kSuccess) {
    service.DeletePrepareMessage(half);
  } else {
    RMQ_LOG(kWarn) << "commit of " << half.msg_id()
                   << " failed: " << store::PutMessageStatusName(put.status) << " "
                   << put.error.ToString();
  }
  return resp;
}

}  // namespace rocketmq::broker
