#include "consumer/pull_api_wrapper.h"

namespace rocketmq::consumer {

PullApiWrapper::PullApiWrapper(client::ClientInstance* instance, std::string consumer_group)
    : instance_(instance), group_(std::move(consumer_group)) {}

int64_t PullApiWrapper::RecalculatePullFromWhichNode(const MessageQueue& mq) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = pull_from_which_node_.find(mq);
  return it == pull_from_which_node_.end() ? 0 : it->second;
}

void PullApiWrapper::UpdatePullFromWhichNode(const MessageQueue& mq, int64_t broker_id) {
  std::lock_guard<std::mutex> lock(mu_);
  pull_from_which_node_[mq] = broker_id;
}

Result<std::string> PullApiWrapper::Prepare(const PullParams& p,
                                            client::PullMessageRequestHeader* header) {
  const int64_t broker_id = RecalculatePullFromWhichNode(p.mq);
  std::optional<client::FindBrokerResult> found =
      instance_->FindBrokerAddressInSubscribe(p.mq.broker_name, broker_id, false);
  if (!found) {
    instance_->UpdateTopicRouteInfoFromNameServer(p.mq.topic);
    found = instance_->FindBrokerAddressInSubscribe(p.mq.broker_name, broker_id, false);
  }
  if (!found) return Status::NotFound("The broker[" + p.mq.broker_name + "] not exist");
  int32_t sys_flag = p.sys_flag;
  if (found->slave) sys_flag &= ~client::kPullFlagCommitOffset;  // only a master stores it
  header->consumer_group = group_;
  header->topic = p.mq.topic;
  header->queue_id = p.mq.queue_id;
  header->queue_offset = p.offset;
  header->max_msg_nums = p.max_nums;
  header->sys_flag = sys_flag;
  header->commit_offset = p.commit_offset;
  header->suspend_timeout_millis = p.broker_suspend_max_time_ms;
  if (p.has_subscription) header->subscription = p.sub_expression;
  header->sub_version = p.sub_version;
  header->expression_type = p.expression_type;
  header->broker_name = p.mq.broker_name;
  return found->broker_addr;
}

namespace {
PullResult FromResponse(client::PullResponse&& r) {
  PullResult out;
  out.status = r.status;
  out.next_begin_offset = r.next_begin_offset;
  out.min_offset = r.min_offset;
  out.max_offset = r.max_offset;
  out.suggest_which_broker_id = r.suggest_which_broker_id;
  out.message_binary = std::move(r.message_binary);
  return out;
}
}  // namespace

void PullApiWrapper::PullAsync(const PullParams& params, Callback callback) {
  client::PullMessageRequestHeader header;
  Result<std::string> addr = Prepare(params, &header);
  if (!addr.ok()) {
    callback(addr.status());
    return;
  }
  instance_->api().PullMessageAsync(
      *addr, header, params.timeout_ms,
      [callback = std::move(callback)](Result<client::PullResponse> r) {
        if (!r.ok()) {
          callback(r.status());
          return;
        }
        callback(FromResponse(std::move(*r)));
      });
}

Result<PullResult> PullApiWrapper::PullSync(const PullParams& params) {
  client::PullMessageRequestHeader header;
  Result<std::string> addr = Prepare(params, &header);
  if (!addr.ok()) return addr.status();
  Result<client::PullResponse> r =
      instance_->api().PullMessageSync(*addr, header, params.timeout_ms);
  if (!r.ok()) return r.status();
  return FromResponse(std::move(*r));
}

Status PullApiWrapper::ProcessPullResult(const MessageQueue& mq,
                                         const SubscriptionData& subscription, PullResult* result) {
  UpdatePullFromWhichNode(mq, result->suggest_which_broker_id);
  return consumer::ProcessPullResult(mq, subscription, result);
}

}  // namespace rocketmq::consumer
