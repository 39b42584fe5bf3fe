// AdminBrokerProcessor: the admin and offset codes (protocol.md §2.6, §2.15; Java
// AdminBrokerProcessor 4.9.x): UPDATE_BROKER_CONFIG, UPDATE_AND_CREATE_TOPIC,
// DELETE_TOPIC_IN_BROKER, GET_ALL_TOPIC_CONFIG, UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
// DELETE_SUBSCRIPTIONGROUP, GET_ALL_SUBSCRIPTIONGROUP_CONFIG, GET_ALL_CONSUMER_OFFSET,
// GET_BROKER_CONFIG, GET_BROKER_RUNTIME_INFO, QUERY_TOPIC_CONSUME_BY_WHO, GET_MAX_OFFSET,
// GET_MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP, GET_EARLIEST_MSG_STORETIME, LOCK_BATCH_MQ,
// UNLOCK_BATCH_MQ, and the mqadmin statistics codes (admin_broker_stats.cpp): GET_TOPIC_STATS_INFO,
// GET_CONSUME_STATS, GET_CONSUMER_CONNECTION_LIST, GET_PRODUCER_CONNECTION_LIST,
// GET_ALL_DELAY_OFFSET, GET_SYSTEM_TOPIC_LIST_FROM_BROKER.
// Consumer codes (admin_broker_consumer.cpp): INVOKE_BROKER_TO_RESET_OFFSET,
// INVOKE_BROKER_TO_GET_CONSUMER_STATUS, GET_CONSUMER_RUNNING_INFO, CONSUME_MESSAGE_DIRECTLY,
// CLONE_GROUP_OFFSET, QUERY_CONSUME_TIME_SPAN; broker-wide statistics
// (admin_broker_consume_stats.cpp): GET_BROKER_CONSUME_STATS, VIEW_BROKER_STATS_DATA; and
// GET_ALL_PRODUCER_INFO (admin_broker_stats.cpp); the store-maintenance codes
// (admin_broker_maintenance.cpp): QUERY_CONSUME_QUEUE, CLEAN_EXPIRED_CONSUMEQUEUE,
// CLEAN_UNUSED_TOPIC, DELETE_EXPIRED_COMMITLOG; the ACL 1.0 codes (admin_broker_acl.cpp):
// UPDATE_AND_CREATE_ACL_CONFIG, DELETE_ACL_CONFIG, GET_BROKER_CLUSTER_ACL_INFO,
// UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, GET_BROKER_CLUSTER_ACL_CONFIG.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "common/model/consumer_offset_wrapper.h"
#include "common/status.h"
#include "remoting/channel.h"

namespace rocketmq::broker {

class BrokerController;

class AdminBrokerProcessor : public remoting::RequestProcessor {
 public:
  explicit AdminBrokerProcessor(BrokerController* controller) : controller_(controller) {}

  std::optional<remoting::RemotingCommand> ProcessRequest(
      const std::shared_ptr<remoting::Channel>& channel,
      remoting::RemotingCommand& request) override;

 private:
  // UPDATE_BROKER_CONFIG: a properties body applied to the live configuration and persisted
  // (BrokerConfiguration::Update); a key named in configBlackList -> NO_PERMISSION "Can not
  // update config in black list."; a body java.util.Properties cannot load -> SYSTEM_ERROR
  // "string2Properties error"; brokerPermission -> re-registration at once.
  remoting::RemotingCommand UpdateBrokerConfig(const remoting::RemotingCommand& request);
  // Java validateSlave: on a SLAVE, topic and subscription group changes (the four handlers
  // below) are refused with SYSTEM_ERROR "Can't modify topic or subscription group from slave
  // broker, please execute it from master broker." before the header is read.
  std::optional<remoting::RemotingCommand> RefuseOnSlave(const remoting::RemotingCommand& request);
  remoting::RemotingCommand UpdateAndCreateTopic(const remoting::RemotingCommand& request);
  remoting::RemotingCommand DeleteTopic(const remoting::RemotingCommand& request);
  remoting::RemotingCommand UpdateAndCreateSubscriptionGroup(
      const remoting::RemotingCommand& request);
  // DELETE_SUBSCRIPTIONGROUP: forgets the group's config; with header removeOffset=true also
  // every committed offset of the group (Java ConsumerOffsetManager.removeOffset).
  remoting::RemotingCommand DeleteSubscriptionGroup(const remoting::RemotingCommand& request);
  remoting::RemotingCommand OffsetQuery(const remoting::RemotingCommand& request);
  // GET_BROKER_RUNTIME_INFO (admin_broker_runtime.cpp): the 4.9.x prepareRuntimeInfo keys.
  remoting::RemotingCommand RuntimeInfo(const remoting::RemotingCommand& request);
  // LOCK_BATCH_MQ / UNLOCK_BATCH_MQ (protocol.md §2.11).
  remoting::RemotingCommand LockBatch(const remoting::RemotingCommand& request);

  // The statistics codes below answer without extFields, as Java does.
  // GET_TOPIC_STATS_INFO: min/max offset and last store time per write queue; TOPIC_NOT_EXIST
  // "topic[T] not exist" for an unknown topic.
  remoting::RemotingCommand TopicStats(const remoting::RemotingCommand& request);
  // GET_CONSUME_STATS: broker/consumer offset and store time of the last consumed message per
  // read queue of the `topic` header, or of every topic the group has offsets for.
  remoting::RemotingCommand ConsumeStatsOf(const remoting::RemotingCommand& request);
  // GET_CONSUMER_CONNECTION_LIST: CONSUMER_NOT_ONLINE when the group has no live channel.
  remoting::RemotingCommand ConsumerConnectionList(const remoting::RemotingCommand& request);
  // GET_PRODUCER_CONNECTION_LIST: SYSTEM_ERROR "the producer group[G] not exist" when unknown.
  remoting::RemotingCommand ProducerConnectionList(const remoting::RemotingCommand& request);
  // GET_ALL_DELAY_OFFSET: the ScheduleMessageService's live offset table,
  // {"offsetTable":{1:0,2:15}}.
  remoting::RemotingCommand AllDelayOffset(const remoting::RemotingCommand& request);
  // GET_SYSTEM_TOPIC_LIST_FROM_BROKER: TopicList of Java's system topic set.
  remoting::RemotingCommand SystemTopicList(const remoting::RemotingCommand& request);

  // The consumer codes (admin_broker_consumer.cpp), answered without extFields as Java does.
  // INVOKE_BROKER_TO_RESET_OFFSET: per write queue the offset for `timestamp` (-1: the max
  // offset; moved back only unless isForce), sent oneway as RESET_CONSUMER_CLIENT_OFFSET to every
  // online client of the group (the array form when the admin request's language is CPP) and
  // returned as ResetOffsetBody. CONSUMER_NOT_ONLINE when the group has no client.
  remoting::RemotingCommand ResetOffset(const remoting::RemotingCommand& request);
  // INVOKE_BROKER_TO_GET_CONSUMER_STATUS: GET_CONSUMER_STATUS_FROM_CLIENT to every client of the
  // group (or only `clientAddr`), answered as GetConsumerStatus {"consumerTable":{clientId:..}}.
  remoting::RemotingCommand GetConsumerStatus(const remoting::RemotingCommand& request);
  // GET_CONSUMER_RUNNING_INFO / CONSUME_MESSAGE_DIRECTLY: relayed to the client `clientId` of
  // the group (sync, 10 s) whose answer is returned as is; the latter first puts the stored
  // record of the offset msgId into the body and brokerName into the fields.
  remoting::RemotingCommand ConsumerRunningInfo(const remoting::RemotingCommand& request);
  remoting::RemotingCommand ConsumeMessageDirectly(remoting::RemotingCommand& request);
  // Java callConsumer: SYSTEM_ERROR when the client is not online or older than V3_1_8_SNAPSHOT,
  // CONSUME_MSG_TIMEOUT when it does not answer in time.
  remoting::RemotingCommand CallConsumer(int32_t code, const remoting::RemotingCommand& request,
                                         const std::string& group, const std::string& client_id);
  // CLONE_GROUP_OFFSET: Java cloneGroupOffset, quirks included (see the .cpp).
  remoting::RemotingCommand CloneGroupOffset(const remoting::RemotingCommand& request);
  // QUERY_CONSUME_TIME_SPAN: QueryConsumeTimeSpanBody per write queue; TOPIC_NOT_EXIST.
  remoting::RemotingCommand QueryConsumeTimeSpan(const remoting::RemotingCommand& request);

  // admin_broker_consume_stats.cpp.
  // GET_BROKER_CONSUME_STATS: ConsumeStatsList over every subscription group (only ordered
  // topics when isOrder).
  remoting::RemotingCommand BrokerConsumeStats(const remoting::RemotingCommand& request);
  // VIEW_BROKER_STATS_DATA: BrokerStatsData of one BrokerStatsManager item; SYSTEM_ERROR
  // "The stats <name> <key> not exist".
  remoting::RemotingCommand ViewBrokerStatsData(const remoting::RemotingCommand& request);
  // GET_ALL_PRODUCER_INFO (admin_broker_stats.cpp): ProducerTableInfo of every live producer.
  remoting::RemotingCommand AllProducerInfo(const remoting::RemotingCommand& request);
  // QUERY_CONSUME_QUEUE: QueryConsumeQueueResponseBody for `count` units from `index`;
  // SYSTEM_ERROR "<queueId>@<topic> is not exist!" without such a queue; SUCCESS without a body
  // and remark "Index <i> of <queueId>@<topic> is not exist!" when the unit is not stored.
  remoting::RemotingCommand QueryConsumeQueue(const remoting::RemotingCommand& request);
  // CLEAN_EXPIRED_CONSUMEQUEUE, CLEAN_UNUSED_TOPIC (against the topic config) and
  // DELETE_EXPIRED_COMMITLOG (forces the next retention passes): always SUCCESS.
  remoting::RemotingCommand StoreMaintenance(const remoting::RemotingCommand& request);
  // The ACL codes 50-54 against the broker's PlainPermissionManager: Java's remarks and
  // *_FAILED codes; with aclEnable=false a remark saying so (see admin_broker_acl.cpp).
  remoting::RemotingCommand AclAdmin(const remoting::RemotingCommand& request);

  BrokerController* const controller_;
  std::mutex update_config_mu_;  // one UPDATE_BROKER_CONFIG at a time
};

}  // namespace rocketmq::broker
