// The store-maintenance codes of AdminBrokerProcessor (Java AdminBrokerProcessor 4.9.x):
// QUERY_CONSUME_QUEUE, CLEAN_EXPIRED_CONSUMEQUEUE, CLEAN_UNUSED_TOPIC, DELETE_EXPIRED_COMMITLOG.
// All four answer without extFields, as Java does.
#include <algorithm>
#include <climits>
#include <set>
#include <string>

#include "common/logging.h"
#include "common/model/query_consume_queue_body.h"
#include "common/response_code.h"
#include "mockbroker/broker/admin_broker_processor.h"
#include "mockbroker/broker/broker_controller.h"
#include "remoting/request_code.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;
using remoting::RequestCode;

namespace {

// A primitive (int/long) header field as Java decodes it: absent -> 0, unparsable -> the
// NumberFormatException that fails the request.
template <typename T>
Status PrimitiveField(const RemotingCommand& request, const char* key, T* out) {
  if (!request.ext_fields().Has(key)) {
    *out = 0;
    return Status::OK();
  }
  if constexpr (sizeof(T) == sizeof(int64_t)) {
    Result<int64_t> v = request.GetExtInt64(key);
    if (!v.ok()) return v.status();
    *out = *v;
  } else {
    Result<int32_t> v = request.GetExtInt32(key);
    if (!v.ok()) return v.status();
    *out = *v;
  }
  return Status::OK();
}

// Java ConsumeQueueExt.isExtAddr: tags codes at or below Integer.MIN_VALUE - 1 are addresses
// into consumequeue_ext, which this store never writes (enableConsumeQueueExt=false).
bool IsConsumeQueueExtAddr(int64_t tags_code) {
  return tags_code <= static_cast<int64_t>(INT32_MIN) - 1;
}

}  // namespace

RemotingCommand AdminBrokerProcessor::QueryConsumeQueue(const RemotingCommand& request) {
  const std::string topic = request.ext_fields().GetOr("topic");
  int32_t queue_id = 0;
  int64_t index = 0;
  int32_t count = 0;
  for (Status st :
       {PrimitiveField(request, "queueId", &queue_id), PrimitiveField(request, "index", &index),
        PrimitiveField(request, "count", &count)}) {
    if (!st.ok()) {
      return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError, st.message());
    }
  }
  store::MessageStore& store = controller_->message_store();
  std::shared_ptr<store::ConsumeQueue> cq = store.GetConsumeQueue(topic, queue_id);
  if (cq == nullptr) {
    return RemotingCommand::CreateResponse(
        request, ResponseCode::kSystemError,
        std::to_string(queue_id) + "@" + topic + " is not exist!");
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  QueryConsumeQueueResponseBody body;
  body.max_queue_index = cq->GetMaxOffsetInQueue();
  body.min_queue_index = cq->GetMinOffsetInQueue();
  if (request.ext_fields().Has("consumerGroup")) {
    const std::string group = request.ext_fields().GetOr("consumerGroup");
    body.subscription_data = controller_->consumer_manager().FindSubscriptionData(group, topic);
    // Java prints the group's ConsumerFilterData here; only SQL92 subscriptions have one, and
    // this broker keeps none, so it is fastjson's text for null.
    body.filter_data = body.subscription_data.has_value() ? std::string("null")
                                                          : group + "@" + topic + " is not online!";
  }
  // Java getIndexBuffer: the units from `index` to the end of the written data of its file;
  // none when `index` is below the min offset or not written yet.
  std::vector<store::CqUnit> units = cq->GetUnits(index, std::max<int32_t>(count, 1));
  if (index < body.min_queue_index || units.empty()) {
    resp.set_remark("Index " + std::to_string(index) + " of " + std::to_string(queue_id) + "@" +
                    topic + " is not exist!");
    return resp;
  }
  for (size_t i = 0; i < units.size() && static_cast<int64_t>(i) < count; ++i) {
    ConsumeQueueData one;
    one.physic_offset = units[i].phy_offset;
    one.physic_size = units[i].size;
    one.tags_code = units[i].tags_code;
    if (IsConsumeQueueExtAddr(one.tags_code)) {
      one.msg = "Cq extend not exist!addr: " + std::to_string(one.tags_code);
    }
    body.queue_data.push_back(std::move(one));
  }
  resp.set_body(body.ToJson());
  return resp;
}

RemotingCommand AdminBrokerProcessor::StoreMaintenance(const RemotingCommand& request) {
  store::MessageStore& store = controller_->message_store();
  switch (request.code()) {
    case RequestCode::kCleanExpiredConsumequeue: {
      RMQ_LOG(kWarn) << "invoke cleanExpiredConsumeQueue start.";
      int dropped = store.CleanExpiredConsumerQueue();
      RMQ_LOG(kWarn) << "invoke cleanExpiredConsumeQueue end, " << dropped << " queue(s) dropped.";
      break;
    }
    case RequestCode::kCleanUnusedTopic: {
      RMQ_LOG(kWarn) << "invoke cleanUnusedTopic start.";
      std::set<std::string> in_use;
      for (const auto& [name, tc] :
           controller_->topic_config_manager().BuildSerializeWrapper().topic_config_table) {
        in_use.insert(name);
      }
      int dropped = store.CleanUnusedTopic(in_use);
      RMQ_LOG(kWarn) << "invoke cleanUnusedTopic end, " << dropped << " topic(s) dropped.";
      break;
    }
    default:  // kDeleteExpiredCommitlog
      RMQ_LOG(kWarn) << "invoke deleteExpiredCommitLog start.";
      store.ExecuteDeleteFilesManually();
      RMQ_LOG(kWarn) << "invoke deleteExpiredCommitLog end.";
      break;
  }
  return RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
}

}  // namespace rocketmq::broker
