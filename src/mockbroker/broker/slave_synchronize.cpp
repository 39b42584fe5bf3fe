#include "mockbroker/broker/slave_synchronize.h"

#include "common/logging.h"
#include "common/model/consumer_offset_wrapper.h"
#include "common/model/json_body.h"
#include "common/model/subscription_group_config.h"
#include "common/model/topic_config_wrapper.h"
#include "common/response_code.h"
#include "mockbroker/broker/broker_controller.h"
#include "mockbroker/broker/config_file.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {
constexpr int64_t kSyncTimeoutMs = 3000;  // Java BrokerOuterAPI getAll* timeout
}  // namespace

SlaveSynchronize::SlaveSynchronize(BrokerController* controller) : controller_(controller) {}

SlaveSynchronize::~SlaveSynchronize() { Shutdown(); }

Status SlaveSynchronize::Start() { return client_.Start(); }

void SlaveSynchronize::Shutdown() { client_.Shutdown(); }

void SlaveSynchronize::SetMasterAddr(const std::string& addr) {
  std::lock_guard<std::mutex> lock(mu_);
  if (addr != master_addr_) {
    RMQ_LOG(kInfo) << "update master address, OLD: " << master_addr_ << " NEW: " << addr;
    master_addr_ = addr;
  }
}

std::string SlaveSynchronize::master_addr() const {
  std::lock_guard<std::mutex> lock(mu_);
  return master_addr_;
}

Status SlaveSynchronize::SyncAll() {
  const std::string master = master_addr();
  if (master.empty() || master == controller_->broker_addr()) return Status::OK();
  Status first;
  for (Status st : {SyncTopicConfig(master), SyncConsumerOffset(master), SyncDelayOffset(master),
                    SyncSubscriptionGroupConfig(master)}) {
    if (!st.ok() && first.ok()) first = st;
  }
  return first;
}

Result<RemotingCommand> SlaveSynchronize::Call(const std::string& master, int32_t code) {
  Result<RemotingCommand> resp =
      client_.InvokeSync(master, RemotingCommand::CreateRequest(code), kSyncTimeoutMs);
  if (!resp.ok()) return resp.status();
  if (resp->code() != ResponseCode::kSuccess) {
    return Status(resp->code(), resp->remark().value_or(""));
  }
  return resp;
}

Status SlaveSynchronize::SyncTopicConfig(const std::string& master) {
  Result<RemotingCommand> resp = Call(master, RequestCode::kGetAllTopicConfig);
  Result<TopicConfigSerializeWrapper> wrapper =
      resp.ok() ? DecodeJsonBody<TopicConfigSerializeWrapper>(resp->body())
                : Result<TopicConfigSerializeWrapper>(resp.status());
  if (!wrapper.ok()) {
    RMQ_LOG(kError) << "SyncTopicConfig from " << master << ": " << wrapper.status().ToString();
    return wrapper.status();
  }
  if (controller_->topic_config_manager().SyncFromMaster(*wrapper)) {
    RMQ_LOG(kInfo) << "Update slave topic config from master, " << master;
  }
  return Status::OK();
}

Status SlaveSynchronize::SyncConsumerOffset(const std::string& master) {
  Result<RemotingCommand> resp = Call(master, RequestCode::kGetAllConsumerOffset);
  Result<ConsumerOffsetSerializeWrapper> wrapper =
      resp.ok() ? DecodeJsonBody<ConsumerOffsetSerializeWrapper>(resp->body())
                : Result<ConsumerOffsetSerializeWrapper>(resp.status());
  Status st = wrapper.ok() ? controller_->consumer_offset_manager().SyncFromMaster(*wrapper)
                           : wrapper.status();
  if (!st.ok()) {
    RMQ_LOG(kError) << "SyncConsumerOffset from " << master << ": " << st.ToString();
  }
  return st;
}

Status SlaveSynchronize::SyncDelayOffset(const std::string& master) {
  Result<RemotingCommand> resp = Call(master, RequestCode::kGetAllDelayOffset);
  Status st = resp.status();
  if (resp.ok()) {
    // Java writes the body verbatim (MixAll.string2File) where ScheduleMessageService reads it.
    const std::string path = controller_->store_config().RootDir() + "/config/delayOffset.json";
    st = PersistConfigFile(path, resp->body());
  }
  if (!st.ok()) RMQ_LOG(kError) << "SyncDelayOffset from " << master << ": " << st.ToString();
  return st;
}

Status SlaveSynchronize::SyncSubscriptionGroupConfig(const std::string& master) {
  Result<RemotingCommand> resp = Call(master, RequestCode::kGetAllSubscriptionGroupConfig);
  Result<SubscriptionGroupWrapper> wrapper =
      resp.ok() ? DecodeJsonBody<SubscriptionGroupWrapper>(resp->body())
                : Result<SubscriptionGroupWrapper>(resp.status());
  if (!wrapper.ok()) {
    RMQ_LOG(kError) << "SyncSubscriptionGroup from " << master << ": "
                    << wrapper.status().ToString();
    return wrapper.status();
  }
  if (controller_->subscription_group_manager().SyncFromMaster(*wrapper)) {
    RMQ_LOG(kInfo) << "Update slave Subscription Group from master, " << master;
  }
  return Status::OK();
}

}  // namespace rocketmq::broker
