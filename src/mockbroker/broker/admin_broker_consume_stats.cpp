// Broker-wide statistics codes of AdminBrokerProcessor (Java AdminBrokerProcessor 4.9.8):
// GET_BROKER_CONSUME_STATS (fetchAllConsumeStatsInBroker) and VIEW_BROKER_STATS_DATA.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/java_hash.h"
#include "common/model/broker_stats_data.h"
#include "common/model/consume_stats_list.h"
#include "common/response_code.h"
#include "mockbroker/broker/admin_broker_processor.h"
#include "mockbroker/broker/broker_controller.h"

namespace rocketmq::broker {

using remoting::RemotingCommand;

namespace {

RemotingCommand MissingStatsField(const RemotingCommand& request, const std::string& field) {
  return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                         "the custom field <" + field + "> is null");
}

BrokerStatsItem ToItem(const StatsSnapshot& s) {
  BrokerStatsItem item;
  item.sum = s.sum;
  item.tps = s.tps;
  item.avgpt = s.avgpt;
  return item;
}

}  // namespace

RemotingCommand AdminBrokerProcessor::BrokerConsumeStats(const RemotingCommand& request) {
  if (!request.ext_fields().Has("isOrder")) return MissingStatsField(request, "isOrder");
  const bool is_order = request.GetExtBool("isOrder");
  store::MessageStore& s = controller_->message_store();
  ConsumerOffsetManager& offsets = controller_->consumer_offset_manager();
  const std::string broker_name = controller_->broker_config().brokerName;

  // Java walks the subscription group table (ConcurrentHashMap(1024)) and, per group, the
  // HashSet of its offset topics, in their iteration orders.
  std::vector<std::string> groups;
  for (const auto& [name, config] :
       controller_->subscription_group_manager().BuildWrapper().subscription_group_table) {
    groups.push_back(name);
  }
  groups =
      JavaStringKeyOrder(std::move(groups), JavaConcurrentHashMapTableSize(1024, groups.size()));

  ConsumeStatsList list;
  list.broker_addr = controller_->broker_addr();
  for (const std::string& group : groups) {
    std::vector<ConsumeStats> per_topic;
    std::set<std::string> topic_set = offsets.WhichTopicByConsumer(group);
    std::vector<std::string> topics(topic_set.begin(), topic_set.end());
    topics = JavaStringKeyOrder(std::move(topics), JavaHashMapTableSize(topic_set.size()));
    std::optional<ConsumerGroupInfo> online = controller_->consumer_manager().GetGroup(group);
    for (const std::string& topic : topics) {
      std::optional<TopicConfig> tc = controller_->topic_config_manager().Select(topic);
      if (!tc.has_value()) continue;
      if (is_order && !tc->order) continue;
      // An online group that does not subscribe to the topic is skipped.
      if (online.has_value() && !online->subscriptions.empty() &&
          online->subscriptions.count(topic) == 0) {
        continue;
      }
      ConsumeStats stats;
      for (int32_t q = 0; q < tc->write_queue_nums; ++q) {
        OffsetWrapper w;
        w.broker_offset = std::max<int64_t>(0, s.GetMaxOffsetInQueue(topic, q));
        w.consumer_offset = std::max<int64_t>(0, offsets.QueryOffset(group, topic, q));
        if (w.consumer_offset - 1 >= 0) {
          const int64_t ts = s.GetMessageStoreTimeStamp(topic, q, w.consumer_offset - 1);
          if (ts > 0) w.last_timestamp = ts;
        }
        MessageQueue mq(topic, broker_name, q);
        stats.offset_table[mq] = w;
        stats.put_order.push_back(std::move(mq));
      }
      stats.consume_tps += controller_->broker_stats_manager().TpsGroupGetNums(group, topic);
      list.total_diff += stats.ComputeTotalDiff();
      per_topic.push_back(std::move(stats));
    }
    std::map<std::string, std::vector<ConsumeStats>> entry;
    entry[group] = std::move(per_topic);
    list.consume_stats_list.push_back(std::move(entry));
  }
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(list.ToJson());
  return resp;
}

RemotingCommand AdminBrokerProcessor::ViewBrokerStatsData(const RemotingCommand& request) {
  for (const char* field : {"statsName", "statsKey"}) {
    if (!request.ext_fields().Has(field)) return MissingStatsField(request, field);
  }
  const std::string name = request.ext_fields().GetOr("statsName");
  const std::string key = request.ext_fields().GetOr("statsKey");
  std::shared_ptr<const StatsItem> item =
      controller_->broker_stats_manager().GetStatsItem(name, key);
  if (item == nullptr) {
    return RemotingCommand::CreateResponse(request, ResponseCode::kSystemError,
                                           "The stats <" + name + "> <" + key + "> not exist");
  }
  BrokerStatsData data;
  data.stats_minute = ToItem(item->InMinute());
  data.stats_hour = ToItem(item->InHour());
  data.stats_day = ToItem(item->InDay());
  RemotingCommand resp = RemotingCommand::CreateResponse(request, ResponseCode::kSuccess);
  resp.set_body(data.ToJson());
  return resp;
}

}  // namespace rocketmq::broker
