#include "admin/admin_convert.h"

namespace rocketmq::admin {

MQMessageQueue ToPublicQueue(const MessageQueue& mq) {
  return MQMessageQueue(mq.topic, mq.broker_name, mq.queue_id);
}

MessageQueue ToInternalQueue(const MQMessageQueue& mq) {
  return MessageQueue(mq.getTopic(), mq.getBrokerName(), mq.getQueueId());
}

admin::BrokerData ToPublic(const rocketmq::BrokerData& v) {
  return admin::BrokerData{v.cluster, v.broker_name, v.broker_addrs};
}

rocketmq::BrokerData ToInternal(const admin::BrokerData& v) {
  rocketmq::BrokerData out;
  out.cluster = v.cluster;
  out.broker_name = v.broker_name;
  out.broker_addrs = v.broker_addrs;
  return out;
}

admin::QueueData ToPublic(const rocketmq::QueueData& v) {
  return admin::QueueData{v.broker_name, v.read_queue_nums, v.write_queue_nums, v.perm,
                          v.topic_sys_flag};
}

rocketmq::QueueData ToInternal(const admin::QueueData& v) {
  rocketmq::QueueData out;
  out.broker_name = v.broker_name;
  out.read_queue_nums = v.read_queue_nums;
  out.write_queue_nums = v.write_queue_nums;
  out.perm = v.perm;
  out.topic_sys_flag = v.topic_sys_flag;
  return out;
}

admin::TopicRouteData ToPublic(const rocketmq::TopicRouteData& v) {
  admin::TopicRouteData out;
  out.order_topic_conf = v.order_topic_conf.value_or("");
  for (const auto& q : v.queue_datas) out.queue_datas.push_back(ToPublic(q));
  for (const auto& b : v.broker_datas) out.broker_datas.push_back(ToPublic(b));
  out.filter_server_table = v.filter_server_table;
  return out;
}

rocketmq::TopicRouteData ToInternal(const admin::TopicRouteData& v) {
  rocketmq::TopicRouteData out;
  if (!v.order_topic_conf.empty()) out.order_topic_conf = v.order_topic_conf;
  for (const auto& q : v.queue_datas) out.queue_datas.push_back(ToInternal(q));
  for (const auto& b : v.broker_datas) out.broker_datas.push_back(ToInternal(b));
  out.filter_server_table = v.filter_server_table;
  return out;
}

admin::ClusterInfo ToPublic(const rocketmq::ClusterInfo& v) {
  admin::ClusterInfo out;
  for (const auto& [name, data] : v.broker_addr_table) out.broker_addr_table[name] = ToPublic(data);
  out.cluster_addr_table = v.cluster_addr_table;
  return out;
}

admin::TopicList ToPublic(const rocketmq::TopicList& v) {
  return admin::TopicList{v.topic_list, v.broker_addr.value_or("")};
}

admin::TopicConfig ToPublic(const rocketmq::TopicConfig& v) {
  return admin::TopicConfig{v.topic_name, v.read_queue_nums, v.write_queue_nums,     v.perm,
                            v.topic_filter_type, v.topic_sys_flag, v.order};
}

rocketmq::TopicConfig ToInternal(const admin::TopicConfig& v) {
  rocketmq::TopicConfig out;
  out.topic_name = v.topic_name;
  out.read_queue_nums = v.read_queue_nums;
  out.write_queue_nums = v.write_queue_nums;
  out.perm = v.perm;
  out.topic_filter_type = v.topic_filter_type;
  out.topic_sys_flag = v.topic_sys_flag;
  out.order = v.order;
  return out;
}

admin::SubscriptionGroupConfig ToPublic(const rocketmq::SubscriptionGroupConfig& v) {
  admin::SubscriptionGroupConfig out;
  out.group_name = v.group_name;
  out.consume_enable = v.consume_enable;
  out.consume_from_min_enable = v.consume_from_min_enable;
  out.consume_broadcast_enable = v.consume_broadcast_enable;
  out.retry_queue_nums = v.retry_queue_nums;
  out.retry_max_times = v.retry_max_times;
  out.broker_id = v.broker_id;
  out.which_broker_when_consume_slowly = v.which_broker_when_consume_slowly;
  out.notify_consumer_ids_changed_enable = v.notify_consumer_ids_changed_enable;
  return out;
}

rocketmq::SubscriptionGroupConfig ToInternal(const admin::SubscriptionGroupConfig& v) {
  rocketmq::SubscriptionGroupConfig out;
  out.group_name = v.group_name;
  out.consume_enable = v.consume_enable;
  out.consume_from_min_enable = v.consume_from_min_enable;
  out.consume_broadcast_enable = v.consume_broadcast_enable;
  out.retry_queue_nums = v.retry_queue_nums;
  out.retry_max_times = v.retry_max_times;
  out.broker_id = v.broker_id;
  out.which_broker_when_consume_slowly = v.which_broker_when_consume_slowly;
  out.notify_consumer_ids_changed_enable = v.notify_consumer_ids_changed_enable;
  return out;
}

admin::SubscriptionData ToPublic(const rocketmq::SubscriptionData& v) {
  admin::SubscriptionData out;
  out.class_filter_mode = v.class_filter_mode;
  out.topic = v.topic;
  out.sub_string = v.sub_string;
  out.tags_set.insert(v.tags_set.begin(), v.tags_set.end());
  out.code_set.insert(v.code_set.begin(), v.code_set.end());
  out.sub_version = v.sub_version;
  out.expression_type = v.expression_type;
  return out;
}

rocketmq::SubscriptionData ToInternal(const admin::SubscriptionData& v) {
  rocketmq::SubscriptionData out;
  out.class_filter_mode = v.class_filter_mode;
  out.topic = v.topic;
  out.sub_string = v.sub_string;
  out.tags_set.assign(v.tags_set.begin(), v.tags_set.end());
  out.code_set.assign(v.code_set.begin(), v.code_set.end());
  out.sub_version = v.sub_version;
  out.expression_type = v.expression_type;
  return out;
}

admin::Connection ToPublic(const rocketmq::Connection& v) {
  return admin::Connection{v.client_id, v.client_addr, v.language, v.version};
}

admin::ConsumerConnection ToPublic(const rocketmq::ConsumerConnection& v) {
  admin::ConsumerConnection out;
  for (const auto& c : v.connection_set) out.connection_set.push_back(ToPublic(c));
  for (const auto& [topic, sub] : v.subscription_table) out.subscription_table[topic] = ToPublic(sub);
  out.consume_type = v.consume_type;
  out.message_model = v.message_model;
  out.consume_from_where = v.consume_from_where;
  return out;
}

admin::ProducerConnection ToPublic(const rocketmq::ProducerConnection& v) {
  admin::ProducerConnection out;
  for (const auto& c : v.connection_set) out.connection_set.push_back(ToPublic(c));
  return out;
}

admin::ConsumerRunningInfo ToPublic(const rocketmq::ConsumerRunningInfo& v) {
  admin::ConsumerRunningInfo out;
  out.properties = v.properties;
  for (const auto& sd : v.subscription_set) out.subscription_set.push_back(ToPublic(sd));
  for (const auto& [mq, pq] : v.mq_table) {
    admin::ProcessQueueInfo p;
    p.commit_offset = pq.commit_offset;
    p.cached_msg_min_offset = pq.cached_msg_min_offset;
    p.cached_msg_max_offset = pq.cached_msg_max_offset;
    p.cached_msg_count = pq.cached_msg_count;
    p.cached_msg_size_in_mib = pq.cached_msg_size_in_mib;
    p.transaction_msg_min_offset = pq.transaction_msg_min_offset;
    p.transaction_msg_max_offset = pq.transaction_msg_max_offset;
    p.transaction_msg_count = pq.transaction_msg_count;
    p.locked = pq.locked;
    p.try_unlock_times = pq.try_unlock_times;
    p.last_lock_timestamp = pq.last_lock_timestamp;
    p.droped = pq.droped;
    p.last_pull_timestamp = pq.last_pull_timestamp;
    p.last_consume_timestamp = pq.last_consume_timestamp;
    out.mq_table[ToPublicQueue(mq)] = p;
  }
  for (const auto& [topic, st] : v.status_table) {
    out.status_table[topic] = admin::ConsumeStatus{st.pull_rt,        st.pull_tps,
                                                   st.consume_rt,     st.consume_ok_tps,
                                                   st.consume_failed_tps, st.consume_failed_msgs};
  }
  out.jstack = v.jstack.value_or("");
  return out;
}

admin::ConsumeStats ToPublic(const rocketmq::ConsumeStats& v) {
  admin::ConsumeStats out;
  for (const auto& [mq, w] : v.offset_table) {
    out.offset_table[ToPublicQueue(mq)] =
        admin::OffsetWrapper{w.broker_offset, w.consumer_offset, w.last_timestamp};
  }
  out.consume_tps = v.consume_tps;
  return out;
}

admin::Properties ToPublic(const rocketmq::Properties& v) {
  admin::Properties out;
  for (const auto& [k, value] : v.entries()) out[k] = value;
  return out;
}

rocketmq::Properties ToInternal(const admin::Properties& v) {
  rocketmq::Properties out;
  for (const auto& [k, value] : v) out.Set(k, value);
  return out;
}

admin::DataVersion ToPublic(const rocketmq::DataVersion& v) {
  admin::DataVersion out;
  out.counter = v.counter;
  out.timestamp = v.timestamp;
  return out;
}

}  // namespace rocketmq::admin
