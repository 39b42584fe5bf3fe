#include "producer/transaction_mq_producer_impl.h"

#include "common/logging.h"
#include "common/message_const.h"
#include "common/message_id.h"
#include "producer/producer_settings.h"

namespace rocketmq {

const char* LocalTransactionStateName(LocalTransactionState state) {
  switch (state) {
    case COMMIT_MESSAGE:
      return "COMMIT_MESSAGE";
    case ROLLBACK_MESSAGE:
      return "ROLLBACK_MESSAGE";
    case UNKNOW:
      return "UNKNOW";
  }
  return "UNKNOW";
}

namespace producer {

int32_t CommitOrRollbackFlag(LocalTransactionState state) {
  switch (state) {
    case COMMIT_MESSAGE:
      return kSysFlagTransactionCommitType;
    case ROLLBACK_MESSAGE:
      return kSysFlagTransactionRollbackType;
    case UNKNOW:
      return kSysFlagTransactionNotType;
  }
  return kSysFlagTransactionNotType;
}

TransactionMQProducerImpl::TransactionMQProducerImpl(ProducerConfig config, Checker checker,
                                                     client::ClientInstanceRegistry* registry)
    : DefaultMQProducerImpl(std::move(config), registry), checker_(std::move(checker)) {}

TransactionMQProducerImpl::~TransactionMQProducerImpl() { Shutdown(); }

Status TransactionMQProducerImpl::Start() {
  ROCKETMQ_RETURN_IF_ERROR(CheckTransactionSettings(config()));
  {
    // Java initTransactionEnv: before the producer registers, so no check finds it without pool.
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!check_pool_) {
      check_pool_ = std::make_unique<ThreadPool>(
          "rmq-txn-check", static_cast<size_t>(config().check_thread_pool_min_size),
          static_cast<size_t>(config().check_request_hold_max));
    }
  }
  Status st = DefaultMQProducerImpl::Start();
  if (!st.ok()) {
    std::unique_ptr<ThreadPool> pool;
    {
      std::lock_guard<std::mutex> lock(pool_mu_);
      pool = std::move(check_pool_);
    }
    if (pool) pool->Shutdown();
  }
  return st;
}

void TransactionMQProducerImpl::Shutdown() {
  DefaultMQProducerImpl::Shutdown();
  // Java destroyTransactionEnv: checks already queued still run (their answers may be lost if
  // the connection is gone; the broker asks again).
  std::unique_ptr<ThreadPool> pool, burst;
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    pool = std::move(check_pool_);
    burst = std::move(burst_pool_);
  }
  if (pool) pool->Shutdown();
  if (burst) burst->Shutdown();
}

size_t TransactionMQProducerImpl::pending_checks() const {
  std::lock_guard<std::mutex> lock(pool_mu_);
  return (check_pool_ ? check_pool_->queued() : 0) + (burst_pool_ ? burst_pool_->queued() : 0);
}

TransactionSendOutcome TransactionMQProducerImpl::SendMessageInTransaction(
    Message& msg, const Executor& execute) {
  TransactionSendOutcome out;
  if (msg.delay_time_level() != 0) msg.ClearProperty(kPropertyDelayTimeLevel);
  msg.PutProperty(kPropertyTransactionPrepared, "true");
  msg.PutProperty(kPropertyProducerGroup, config().group);
  out.send = Send(msg, config().send_msg_timeout_ms);
  if (!out.send.ok()) {
    out.send.status =
        Status(out.send.status.code(), "send message Exception: " + out.send.status.message());
    return out;
  }
  const SendResult& sent = out.send.result;
  std::string local_error;
  switch (sent.getSendStatus()) {
    case SEND_OK: {
      if (!sent.getTransactionId().empty()) {
        msg.PutProperty("__transactionId__", sent.getTransactionId());
      }
      const std::string uniq = msg.GetProperty(kPropertyUniqClientMessageIdKeyIdx);
      if (!uniq.empty()) msg.set_transaction_id(uniq);
      LocalTransactionOutcome local = execute(msg);
      out.state = local.state;
      local_error = std::move(local.error);
      if (out.state != COMMIT_MESSAGE) {
        RMQ_LOG(kInfo) << "executeLocalTransactionBranch return "
                       << LocalTransactionStateName(out.state) << " for " << sent.getMsgId()
                       << (local_error.empty() ? "" : ": " + local_error);
      }
      break;
    }
    case SEND_FLUSH_DISK_TIMEOUT:
    case SEND_FLUSH_SLAVE_TIMEOUT:
    case SEND_SLAVE_NOT_AVAILABLE:
      out.state = ROLLBACK_MESSAGE;
      break;
  }
  Status st = EndTransaction(sent, out.state, local_error);
  if (!st.ok()) {
    RMQ_LOG(kWarn) << "local transaction execute " << LocalTransactionStateName(out.state)
                   << ", but end broker transaction failed: " << st.ToString();
  }
  return out;
}

Status TransactionMQProducerImpl::EndTransaction(const SendResult& result,
                                                 LocalTransactionState state,
                                                 const std::string& local_error) {
  // The offset id says where the half message is in the CommitLog.
  Result<OffsetMessageId> id = DecodeOffsetMessageId(
      !result.getOffsetMsgId().empty() ? result.getOffsetMsgId() : result.getMsgId());
  if (!id.ok()) return id.status();
  client::ClientInstance* instance = this->instance();
  if (instance == nullptr) return Status::ShutdownInProgress("the producer is not running");
  const std::string addr =
      instance->FindBrokerAddressInPublish(result.getMessageQueue().getBrokerName());
  if (addr.empty()) {
    return Status::NotConnected("no master address of broker " +
                                result.getMessageQueue().getBrokerName());
  }
  client::EndTransactionRequestHeader header;
  header.transaction_id = result.getTransactionId();
  header.commit_log_offset = id->offset;
  header.commit_or_rollback = CommitOrRollbackFlag(state);
  header.producer_group = config().group;
  header.tran_state_table_offset = result.getQueueOffset();
  header.msg_id = result.getMsgId();
  const std::string remark =
      local_error.empty() ? "" : "executeLocalTransactionBranch exception: " + local_error;
  return instance->api().EndTransactionOneway(addr, header, remark);
}

bool TransactionMQProducerImpl::SubmitCheck(std::function<void()> task) {
  std::lock_guard<std::mutex> lock(pool_mu_);
  if (!check_pool_) return false;
  if (check_pool_->Submit(task)) return true;
  // Java's ThreadPoolExecutor adds threads up to the maximum once its queue is full.
  const int32_t extra = config().check_thread_pool_max_size - config().check_thread_pool_min_size;
  if (extra <= 0) return false;
  if (!burst_pool_) {
    burst_pool_ = std::make_unique<ThreadPool>("rmq-txn-check+", static_cast<size_t>(extra),
                                               static_cast<size_t>(extra));
  }
  return burst_pool_->Submit(std::move(task));
}

void TransactionMQProducerImpl::CheckTransactionState(
    const std::string& broker_addr, const MessageExt& msg,
    const client::CheckTransactionStateRequestHeader& header) {
  std::weak_ptr<DefaultMQProducerImpl> weak = weak_from_this();
  auto task = [weak, broker_addr, msg, header] {
    std::shared_ptr<DefaultMQProducerImpl> self = weak.lock();
    if (!self) return;
    static_cast<TransactionMQProducerImpl*>(self.get())->RunCheck(broker_addr, msg, header);
  };
  if (!SubmitCheck(std::move(task))) {
    RMQ_LOG(kWarn) << "transaction check of " << header.msg_id << " from " << broker_addr
                   << " rejected: the check queue is full or the producer is shut down";
  }
}

void TransactionMQProducerImpl::RunCheck(const std::string& broker_addr, const MessageExt& msg,
                                         const client::CheckTransactionStateRequestHeader& header) {
  LocalTransactionOutcome local;
  if (checker_) {
    local = checker_(msg);
  } else {
    RMQ_LOG(kWarn) << "CheckTransactionState, pick transactionListener by group[" << config().group
                   << "] failed";
    return;
  }
  client::EndTransactionRequestHeader end;
  end.commit_log_offset = header.commit_log_offset;
  end.producer_group = config().group;
  end.tran_state_table_offset = header.tran_state_table_offset;
  end.from_transaction_check = true;
  std::string uniq = msg.GetProperty(kPropertyUniqClientMessageIdKeyIdx);
  end.msg_id = uniq.empty() ? msg.msg_id() : std::move(uniq);
  end.transaction_id = header.transaction_id;
  end.commit_or_rollback = CommitOrRollbackFlag(local.state);
  if (local.state == ROLLBACK_MESSAGE) {
    RMQ_LOG(kWarn) << "when broker check, client rollback this transaction, msgId=" << end.msg_id;
  } else if (local.state == UNKNOW) {
    RMQ_LOG(kWarn) << "when broker check, client does not know this transaction state, msgId="
                   << end.msg_id;
  }
  const std::string remark =
      local.error.empty() ? "" : "checkLocalTransactionState Exception: " + local.error;
  client::ClientInstance* instance = this->instance();
  if (instance == nullptr) return;
  Status st = instance->api().EndTransactionOneway(broker_addr, end, remark);
  if (!st.ok()) {
    RMQ_LOG(kWarn) << "endTransactionOneway to " << broker_addr << " failed: " << st.ToString();
  }
}

}  // namespace producer
}  // namespace rocketmq
