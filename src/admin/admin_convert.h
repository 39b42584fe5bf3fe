// Conversions between the internal wire models (src/common/model/) and the public admin result
// types (rocketmq/admin_types.h). One function per type, both directions where the admin sends
// the type as well as receives it.
#pragma once

#include "common/message_queue.h"
#include "common/model/cluster_info.h"
#include "common/model/connection_bodies.h"
#include "common/model/consumer_running_info.h"
#include "common/model/data_version.h"
#include "common/model/heartbeat_data.h"
#include "common/model/list_bodies.h"
#include "common/model/offset_tables.h"
#include "common/model/route_data.h"
#include "common/model/subscription_group_config.h"
#include "common/model/topic_config.h"
#include "common/properties.h"
#include "rocketmq/admin_types.h"

namespace rocketmq::admin {

MQMessageQueue ToPublicQueue(const MessageQueue& mq);
MessageQueue ToInternalQueue(const MQMessageQueue& mq);

admin::BrokerData ToPublic(const rocketmq::BrokerData& v);
rocketmq::BrokerData ToInternal(const admin::BrokerData& v);
admin::QueueData ToPublic(const rocketmq::QueueData& v);
rocketmq::QueueData ToInternal(const admin::QueueData& v);
admin::TopicRouteData ToPublic(const rocketmq::TopicRouteData& v);
rocketmq::TopicRouteData ToInternal(const admin::TopicRouteData& v);
admin::ClusterInfo ToPublic(const rocketmq::ClusterInfo& v);
admin::TopicList ToPublic(const rocketmq::TopicList& v);
admin::TopicConfig ToPublic(const rocketmq::TopicConfig& v);
rocketmq::TopicConfig ToInternal(const admin::TopicConfig& v);
admin::SubscriptionGroupConfig ToPublic(const rocketmq::SubscriptionGroupConfig& v);
rocketmq::SubscriptionGroupConfig ToInternal(const admin::SubscriptionGroupConfig& v);
admin::SubscriptionData ToPublic(const rocketmq::SubscriptionData& v);
rocketmq::SubscriptionData ToInternal(const admin::SubscriptionData& v);
admin::Connection ToPublic(const rocketmq::Connection& v);
admin::ConsumerConnection ToPublic(const rocketmq::ConsumerConnection& v);
admin::ProducerConnection ToPublic(const rocketmq::ProducerConnection& v);
admin::ConsumerRunningInfo ToPublic(const rocketmq::ConsumerRunningInfo& v);
admin::ConsumeStats ToPublic(const rocketmq::ConsumeStats& v);
admin::Properties ToPublic(const rocketmq::Properties& v);
rocketmq::Properties ToInternal(const admin::Properties& v);
admin::DataVersion ToPublic(const rocketmq::DataVersion& v);

}  // namespace rocketmq::admin
