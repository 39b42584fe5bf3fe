// DefaultMQAdminExt: subscription groups (broker side).
#include "admin/admin_client.h"
#include "admin/admin_convert.h"
#include "common/model/json_body.h"
#include "common/model/subscription_group_config.h"
#include "remoting/request_code.h"
#include "rocketmq/admin.h"

namespace rocketmq {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// Java's createSubscriptionGroup and deleteSubscriptionGroup throw MQClientException(code,
// remark) for a refusal, not MQBrokerException; transport failures name the broker.
[[noreturn]] void ThrowSubscriptionError(const Status& st, const std::string& addr) {
  if (st.code() >= 0) throw MQClientException(st.message(), st.code());
  admin::ThrowBrokerError(st, addr);
}

rocketmq::SubscriptionGroupWrapper FetchAllSubscriptionGroups(admin::AdminClient& c,
                                                              const std::string& addr,
                                                              int64_t timeout_ms) {
  RemotingCommand response = admin::ValueOrThrowBroker(
      c.CallBroker(addr,
                   RemotingCommand::CreateRequest(RequestCode::kGetAllSubscriptionGroupConfig),
                   timeout_ms),
      addr);
  return admin::ValueOrThrowBroker(
      DecodeJsonBody<rocketmq::SubscriptionGroupWrapper>(response.body()), addr);
}

}  // namespace

namespace admin {

std::string ToString(const SubscriptionGroupConfig& c) {
  auto b = [](bool v) { return v ? "true" : "false"; };
  return "SubscriptionGroupConfig [groupName=" + c.group_name +
         ", consumeEnable=" + b(c.consume_enable) +
         ", consumeFromMinEnable=" + b(c.consume_from_min_enable) +
         ", consumeBroadcastEnable=" + b(c.consume_broadcast_enable) +
         ", retryQueueNums=" + std::to_string(c.retry_queue_nums) +
         ", retryMaxTimes=" + std::to_string(c.retry_max_times) +
         ", brokerId=" + std::to_string(c.broker_id) +
         ", whichBrokerWhenConsumeSlowly=" + std::to_string(c.which_broker_when_consume_slowly) +
         ", notifyConsumerIdsChangedEnable=" + b(c.notify_consumer_ids_changed_enable) + "]";
}

}  // namespace admin

void DefaultMQAdminExt::createAndUpdateSubscriptionGroupConfig(
    const std::string& addr, const admin::SubscriptionGroupConfig& config) {
  admin::AdminClient& c = Started();
  RemotingCommand request =
      RemotingCommand::CreateRequest(RequestCode::kUpdateAndCreateSubscriptionGroup);
  request.set_body(admin::ToInternal(config).ToJson());
  Result<RemotingCommand> r = c.CallBroker(addr, std::move(request));
  if (!r.ok()) ThrowSubscriptionError(r.status(), addr);
}

std::optional<admin::SubscriptionGroupConfig> DefaultMQAdminExt::examineSubscriptionGroupConfig(
    const std::string& addr, const std::string& group) {
  admin::AdminClient& c = Started();
  rocketmq::SubscriptionGroupWrapper all = FetchAllSubscriptionGroups(c, addr, c.timeout_ms());
  auto it = all.subscription_group_table.find(group);
  if (it == all.subscription_group_table.end()) return std::nullopt;
  return admin::ToPublic(it->second);
}

void DefaultMQAdminExt::deleteSubscriptionGroup(const std::string& addr,
                                                const std::string& group_name, bool remove_offset) {
  admin::AdminClient& c = Started();
  RemotingCommand request = RemotingCommand::CreateRequest(RequestCode::kDeleteSubscriptionGroup);
  request.SetExtField("groupName", group_name);
  request.SetExtField("removeOffset", remove_offset ? "true" : "false");
  Result<RemotingCommand> r = c.CallBroker(addr, std::move(request));
  if (!r.ok()) ThrowSubscriptionError(r.status(), addr);
}

}  // namespace rocketmq
