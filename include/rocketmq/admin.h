// DefaultMQAdminExt: the admin API (Java org.apache.rocketmq.tools.admin.DefaultMQAdminExt):
// inspect and change clusters, topics, subscription groups, consumer offsets and messages of any
// RocketMQ 4.x/5.x cluster speaking remoting. `mqadmin` is a thin command line over it.
//
//   rocketmq::DefaultMQAdminExt admin;
//   admin.setNamesrvAddr("127.0.0.1:9876");
//   admin.start();
//   rocketmq::admin::ClusterInfo info = admin.examineBrokerClusterInfo();
//   admin.shutdown();
//
// Method names are Java's. Every call blocks for at most the admin timeout (setTimeoutMillis,
// default 5000 ms) per request and throws MQClientException (client side: bad argument, no route,
// unreachable server, timeout; getResponseCode() is the server's code when a NameServer answered
// with an error) or MQBrokerException (a broker answered with an error: getResponseCode() and
// getErrorMessage() are its code and remark, getBrokerAddr() the broker).
// Threads: thread-safe once started. Result types are in rocketmq/admin_types.h.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "admin_types.h"
#include "mq_exception.h"
#include "mq_message_ext.h"
#include "mq_message_queue.h"
#include "pull_result.h"
#include "session_credentials.h"

namespace rocketmq {

namespace admin {
class AdminClient;
}  // namespace admin

class DefaultMQAdminExt {
 public:
  // `admin_ext_group`: the group name the admin registers under (Java default "admin_ext_group").
  explicit DefaultMQAdminExt(const std::string& admin_ext_group = "admin_ext_group");
  // Calls shutdown().
  ~DefaultMQAdminExt();
  DefaultMQAdminExt(const DefaultMQAdminExt&) = delete;
  DefaultMQAdminExt& operator=(const DefaultMQAdminExt&) = delete;

  // ---- lifecycle and configuration ----
  // Connects nothing yet; starts the client runtime. Throws MQClientException when called after
  // shutdown(). Idempotent while running.
  void start();
  // Closes every connection. Idempotent.
  void shutdown();
  // NameServer addresses "host:port;host:port" (before start()).
  void setNamesrvAddr(const std::string& addr);
  const std::string& getNamesrvAddr() const;
  // Instance name of the client id (default: the start time in ms, so each admin is alone).
  void setInstanceName(const std::string& name);
  // Signs every request with this ACL account (before start()).
  void setSessionCredentials(const SessionCredentials& credentials);
  // Timeout of one request in ms (Java timeoutMillis, default 5000).
  void setTimeoutMillis(int64_t timeout_ms);
  int64_t getTimeoutMillis() const;
  const std::string& getAdminExtGroup() const;
  // The NameServer addresses in use.
  std::vector<std::string> getNameServerAddressList() const;

  // ---- cluster and routes ----
  // GET_BROKER_CLUSTER_INFO.
  admin::ClusterInfo examineBrokerClusterInfo();
  // GET_ROUTEINFO_BY_TOPIC; MQClientException code 17 (TOPIC_NOT_EXIST) when unknown.
  admin::TopicRouteData examineTopicRouteInfo(const std::string& topic);
  // GET_ALL_TOPIC_LIST_FROM_NAMESERVER.
  admin::TopicList fetchAllTopicList();
  // GET_TOPICS_BY_CLUSTER.
  admin::TopicList fetchTopicsByCluster(const std::string& cluster_name);
  // The clusters that hold the first broker group of `topic`'s route (Java getTopicClusterList:
  // GET_BROKER_CLUSTER_INFO + GET_ROUTEINFO_BY_TOPIC). MQClientException code 17 when the topic
  // is unknown.
  std::set<std::string> getTopicClusterList(const std::string& topic);

  // ---- topics ----
  // UPDATE_AND_CREATE_TOPIC on the broker at `addr`.
  void createAndUpdateTopicConfig(const std::string& addr, const admin::TopicConfig& config);
  // GET_TOPIC_STATS_INFO from every broker serving `topic` (master of each group).
  admin::TopicStatsTable examineTopicStats(const std::string& topic);
  // DELETE_TOPIC_IN_BROKER on each broker address, one after the other; stops at the first
  // failure (MQBrokerException naming that broker).
  void deleteTopicInBroker(const std::set<std::string>& addrs, const std::string& topic);
  // DELETE_TOPIC_IN_NAMESRV (topic, clusterName) on each NameServer address; empty `addrs` means
  // every configured NameServer. `cluster_name` "" removes the topic from every cluster.
  // Stops at the first failure (MQClientException with the NameServer's code and remark).
  void deleteTopicInNameServer(const std::set<std::string>& addrs, const std::string& topic,
                               const std::string& cluster_name = "");

  // ---- brokers ----
  // GET_BROKER_RUNTIME_INFO.
  admin::KVTable fetchBrokerRuntimeStats(const std::string& broker_addr);
  // GET_BROKER_CONFIG.
  admin::Properties getBrokerConfig(const std::string& broker_addr);
  // UPDATE_BROKER_CONFIG.
  void updateBrokerConfig(const std::string& broker_addr, const admin::Properties& properties);
  // GET_BROKER_CONFIG, the entries in the order Java's getBrokerConfig() Properties iterates them
  // on Java 9+ (what Java mqadmin getBrokerConfig prints).
  admin::PropertyList getBrokerConfigInJavaOrder(const std::string& broker_addr);

  // ---- subscription groups ----
  // UPDATE_AND_CREATE_SUBSCRIPTIONGROUP on the broker at `addr`. A refusal throws
  // MQClientException with the broker's code and remark (as Java).
  void createAndUpdateSubscriptionGroupConfig(const std::string& addr,
                                              const admin::SubscriptionGroupConfig& config);
  // GET_ALL_SUBSCRIPTIONGROUP_CONFIG on the broker at `addr`: the config of `group`, nullopt when
  // the broker has none (Java returns null).
  std::optional<admin::SubscriptionGroupConfig> examineSubscriptionGroupConfig(
      const std::string& addr, const std::string& group);
  // GET_ALL_SUBSCRIPTIONGROUP_CONFIG: every group of the broker at `broker_addr`, waiting at most
  // `timeout_ms`.
  admin::SubscriptionGroupWrapper getAllSubscriptionGroup(const std::string& broker_addr,
                                                          int64_t timeout_ms);
  // DELETE_SUBSCRIPTIONGROUP on the broker at `addr`; `remove_offset` also drops the group's
  // committed offsets there (header removeOffset, 4.9.8). A refusal throws MQClientException.
  void deleteSubscriptionGroup(const std::string& addr, const std::string& group_name,
                               bool remove_offset = false);

  // ---- consumers and producers ----
  // GET_CONSUME_STATS from every broker of the group's retry topic route; `topic` "" = all the
  // group's topics.
  admin::ConsumeStats examineConsumeStats(const std::string& consumer_group,
                                          const std::string& topic = "");
  // GET_CONSUMER_CONNECTION_LIST from a broker of the group's retry topic.
  admin::ConsumerConnection examineConsumerConnectionInfo(const std::string& consumer_group);
  // GET_PRODUCER_CONNECTION_LIST from a broker serving `topic`.
  admin::ProducerConnection examineProducerConnectionInfo(const std::string& producer_group,
                                                          const std::string& topic);
  // GET_CONSUMER_CONNECTION_LIST from the broker at `broker_addr` (no "not online" check: an
  // offline group is the broker's error 206, MQBrokerException).
  admin::ConsumerConnection examineConsumerConnectionInfo(const std::string& consumer_group,
                                                          const std::string& broker_addr);
  // GET_CONSUMER_RUNNING_INFO for the client `client_id` of the group, asked through the first
  // broker of the group's retry topic (the broker forwards it to the client; it waits three admin
  // timeouts). `jstack`: also a thread dump. MQClientException with the broker's code when the
  // client is not connected or does not answer.
  admin::ConsumerRunningInfo getConsumerRunningInfo(const std::string& consumer_group,
                                                    const std::string& client_id, bool jstack);
  // GET_BROKER_CONSUME_STATS: the consume stats of every group the broker at `broker_addr` has
  // offsets for; `is_order`: only orderly groups; `timeout_ms` for this call.
  admin::ConsumeStatsList fetchConsumeStatsInBroker(const std::string& broker_addr, bool is_order,
                                                    int64_t timeout_ms);
  // GET_ALL_PRODUCER_INFO: the live producer connections of the broker at `broker_addr`.
  admin::ProducerTableInfo getAllProducerInfo(const std::string& broker_addr);
  // QUERY_TOPIC_CONSUME_BY_WHO on the first broker of the topic's route: the groups with
  // offsets or subscriptions for `topic`.
  admin::GroupList queryTopicConsumeByWho(const std::string& topic);
  // QUERY_CONSUME_TIME_SPAN on every broker of the topic's route: per queue, the store times of
  // the first, the last and the last consumed message of `group`.
  std::vector<admin::QueueTimeSpan> queryConsumeTimeSpan(const std::string& topic,
                                                         const std::string& group);
  // VIEW_BROKER_STATS_DATA: one statistics item of the broker at `broker_addr` (`stats_name` like
  // "TOPIC_PUT_NUMS", `stats_key` like the topic or "topic@group").
  admin::BrokerStatsData viewBrokerStatsData(const std::string& broker_addr,
                                             const std::string& stats_name,
                                             const std::string& stats_key);

  // ---- consumer offsets ----
  // UPDATE_CONSUMER_OFFSET: sets the group's committed offset of `mq` on the broker at
  // `broker_addr`.
  void updateConsumeOffset(const std::string& broker_addr, const std::string& consume_group,
                           const MQMessageQueue& mq, int64_t offset);
  // CLONE_GROUP_OFFSET on every broker of src_group's retry topic: dest_group gets src_group's
  // offsets of `topic` ("" = all its topics). `is_offline`: the groups are offline.
  void cloneGroupOffset(const std::string& src_group, const std::string& dest_group,
                        const std::string& topic, bool is_offline);
  // INVOKE_BROKER_TO_RESET_OFFSET on every broker of the topic's route: the online consumers of
  // `group` move to the first offset stored at or after `timestamp` (epoch ms; -1 = the end of
  // each queue); `force` false only moves backwards. `is_c`: the request says language CPP (the
  // broker then sends C++ clients the offsets their way). Returns the new offset of each queue.
  // MQClientException code 206 (CONSUMER_NOT_ONLINE) when the group has no online consumer: use
  // resetOffsetByTimestampOld then.
  std::map<MQMessageQueue, int64_t> resetOffsetByTimestamp(const std::string& topic,
                                                           const std::string& group,
                                                           int64_t timestamp, bool force,
                                                           bool is_c = false);
  // The offline way: GET_CONSUME_STATS, then SEARCH_OFFSET_BY_TIMESTAMP (or GET_MAX_OFFSET for
  // timestamp -1) and UPDATE_CONSUMER_OFFSET per queue of `topic`, broker by broker. A queue
  // moves when `force` or when the new offset is not past the committed one. Rows in Java's
  // order (route order, then the broker's HashMap order).
  std::vector<admin::RollbackStats> resetOffsetByTimestampOld(const std::string& consumer_group,
                                                              const std::string& topic,
                                                              int64_t timestamp, bool force);
  // INVOKE_BROKER_TO_GET_CONSUMER_STATUS on the first broker of the topic's route: clientId ->
  // that client's offsets of `topic` (`client_addr` "" = every client).
  std::map<std::string, std::map<MQMessageQueue, int64_t>> getConsumeStatus(
      const std::string& topic, const std::string& group, const std::string& client_addr);

  // ---- messages ----
  // VIEW_MESSAGE_BY_ID on the broker encoded in the offset message id `msg_id` (32 hex chars
  // for an IPv4 broker, 56 for IPv6). MQClientException code 208 (NO_MESSAGE) when the id does not
  // decode; MQBrokerException when the broker has no message at that offset.
  MQMessageExt viewMessage(const std::string& msg_id);
  // Java viewMessage(topic, msgId): `msg_id` as an offset message id, and when that fails for any
  // reason, as a UNIQ_KEY looked up in `topic` (queryMessageByUniqKey from the id's creation
  // time - 1 s). MQClientException 208 when neither finds it.
  MQMessageExt viewMessage(const std::string& topic, const std::string& msg_id);
  // Not in Java: finds a message by either kind of id without knowing its topic. First as an
  // offset message id (when it decodes and that broker answers with the message), then as a
  // UNIQ_KEY (IPv4 or IPv6 producer): QUERY_MESSAGE with the unique-key flag for every topic of
  // every master broker of the cluster (GET_BROKER_CLUSTER_INFO, then GET_ALL_TOPIC_CONFIG per
  // master), keeping the oldest stored match; a match in a %RETRY%/%DLQ% topic is used only when
  // no other topic has one. MQClientException 208 when nothing matches.
  MQMessageExt viewMessageByAnyId(const std::string& msg_id);
  // QUERY_MESSAGE on every broker of `topic`'s route: messages whose KEYS contain `key`, stored
  // in [begin_ms, end_ms], at most `max_num` per broker. MQClientException 208 when none, 17
  // when the topic has no route.
  admin::QueryResult queryMessage(const std::string& topic, const std::string& key, int max_num,
                                  int64_t begin_ms, int64_t end_ms);
  // The same by UNIQ_KEY (_UNIQUE_KEY_QUERY=true): only the oldest stored message whose id equals
  // `uniq_key` is kept (as Java).
  admin::QueryResult queryMessageByUniqKey(const std::string& topic, const std::string& uniq_key,
                                           int max_num, int64_t begin_ms, int64_t end_ms);
  // For every group consuming msg's topic (QUERY_TOPIC_CONSUME_BY_WHO, Java HashSet order): is
  // it online (GET_CONSUMER_CONNECTION_LIST), and has it consumed the message (GET_CONSUME_STATS
  // offsets vs msg's queue offset). Errors per group land in the track, not thrown.
  std::vector<admin::MessageTrack> messageTrackDetail(const MQMessageExt& msg);
  // Asks the client `client_id` of `consumer_group`, through the broker that stored the message,
  // to consume the message with offset id `msg_id` now (CONSUME_MESSAGE_DIRECTLY; the broker
  // forwards it). Waits 3 admin timeouts.
  admin::ConsumeMessageDirectlyResult consumeMessageDirectly(const std::string& consumer_group,
                                                             const std::string& client_id,
                                                             const std::string& msg_id);
  // The same with `msg_id` an offset id or a UNIQ_KEY of `topic` (viewMessage(topic, msgId)).
  admin::ConsumeMessageDirectlyResult consumeMessageDirectly(const std::string& consumer_group,
                                                             const std::string& client_id,
                                                             const std::string& topic,
                                                             const std::string& msg_id);
  // SEARCH_OFFSET_BY_TIMESTAMP / GET_MAX_OFFSET / GET_MIN_OFFSET on the master of mq's broker.
  int64_t searchOffset(const MQMessageQueue& mq, int64_t timestamp_ms);
  int64_t maxOffset(const MQMessageQueue& mq);
  int64_t minOffset(const MQMessageQueue& mq);
  // QUERY_CONSUME_QUEUE: `count` consume queue entries of topic/queue_id from `index` on the
  // broker at `broker_addr`; with `consumer_group` non-empty also the group's subscription.
  admin::QueryConsumeQueueResponseBody queryConsumeQueue(const std::string& broker_addr,
                                                         const std::string& topic, int queue_id,
                                                         int64_t index, int count,
                                                         const std::string& consumer_group);
  // Not in Java's admin (its tools use DefaultMQPullConsumer.pull): one PULL_MESSAGE of up to
  // `max_nums` messages of `mq` from `offset` as `consumer_group`, filtered by the TAG expression
  // `sub_expression` ("*" = all), without committing an offset. Messages carry MIN_OFFSET /
  // MAX_OFFSET properties and the UNIQ_KEY as msgId, as Java's pull results.
  PullResult pullMessage(const std::string& consumer_group, const MQMessageQueue& mq,
                         const std::string& sub_expression, int64_t offset, int max_nums);
  // The queues a consumer of `topic` reads (Java fetchSubscribeMessageQueues): every readable
  // queue of the route.
  std::vector<MQMessageQueue> fetchSubscribeMessageQueues(const std::string& topic);

  // ---- NameServer ----
  // PUT_KV_CONFIG on every NameServer of the list (a transport failure throws at once; a refusal
  // throws after all were asked, with the last refusal's code and remark).
  void createAndUpdateKvConfig(const std::string& name_space, const std::string& key,
                               const std::string& value);
  // DELETE_KV_CONFIG on every NameServer of the list (errors as createAndUpdateKvConfig).
  void deleteKvConfig(const std::string& name_space, const std::string& key);
  // GET_KV_CONFIG from one NameServer; MQClientException code 22 (QUERY_NOT_FOUND) when absent.
  std::string getKVConfig(const std::string& name_space, const std::string& key);
  // GET_KVLIST_BY_NAMESPACE from one NameServer; code 22 when the namespace is empty or unknown.
  admin::KVTable getKVListByNamespace(const std::string& name_space);
  // The order conf ("brokerName:queueNums;...") of topic `key` in namespace ORDER_TOPIC_CONFIG:
  // `is_cluster` true stores `value` as is; false merges the one "brokerName:num" item of `value`
  // into the stored conf (replacing that broker's item, Java HashMap order of broker names).
  void createOrUpdateOrderConf(const std::string& key, const std::string& value, bool is_cluster);
  // WIPE_WRITE_PERM_OF_BROKER on the NameServer at `namesrv_addr`: removes the write permission
  // of every topic route of `broker_name`; returns how many topics it changed.
  int wipeWritePermOfBroker(const std::string& namesrv_addr, const std::string& broker_name);
  // ADD_WRITE_PERM_OF_BROKER: the reverse; returns how many topics it changed.
  int addWritePermOfBroker(const std::string& namesrv_addr, const std::string& broker_name);
  // GET_NAMESRV_CONFIG from each of `name_servers` (empty: every NameServer of the list), by
  // address. Any failure throws.
  std::map<std::string, admin::Properties> getNameServerConfig(
      const std::vector<std::string>& name_servers = {});
  // The same with each config in the order Java's Properties iterates it (what Java mqadmin
  // getNamesrvConfig prints).
  std::map<std::string, admin::PropertyList> getNameServerConfigInJavaOrder(
      const std::vector<std::string>& name_servers = {});
  // UPDATE_NAMESRV_CONFIG on each of `name_servers` (empty: every NameServer of the list); does
  // nothing when `properties` is empty. A refusal throws after all were asked.
  void updateNameServerConfig(const admin::Properties& properties,
                              const std::vector<std::string>& name_servers = {});

  // ---- maintenance and ACL ----
  // Store maintenance on one broker: CLEAN_EXPIRED_CONSUMEQUEUE (306), DELETE_EXPIRED_COMMITLOG
  // (329), CLEAN_UNUSED_TOPIC (316). True when the broker accepted (an error answer throws).
  bool cleanExpiredConsumerQueueByAddr(const std::string& addr);
  bool deleteExpiredCommitLogByAddr(const std::string& addr);
  bool cleanUnusedTopicByAddr(const std::string& addr);
  // The same on every broker (masters and slaves) of `cluster`, "" = of every cluster, one after
  // the other (stops at the first failure, which throws). Returns the last broker's answer, false
  // when the cluster has no broker (Java's contract).
  bool cleanExpiredConsumerQueue(const std::string& cluster);
  bool deleteExpiredCommitLog(const std::string& cluster);
  bool cleanUnusedTopic(const std::string& cluster);

  // UPDATE_AND_CREATE_ACL_CONFIG (50): creates or replaces the account config.access_key in the
  // broker's plain ACL file. The broker answers an error when ACL is off there.
  void createAndUpdatePlainAccessConfig(const std::string& addr,
                                        const admin::PlainAccessConfig& config);
  // DELETE_ACL_CONFIG (51).
  void deletePlainAccessConfig(const std::string& addr, const std::string& access_key);
  // UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53): `global_white_addrs` comma-separated;
  // `acl_file_full_path` "" = the broker's default plain_acl.yml.
  void updateGlobalWhiteAddrConfig(const std::string& addr, const std::string& global_white_addrs,
                                   const std::string& acl_file_full_path = "");
  // GET_BROKER_CLUSTER_ACL_INFO (52). A 4.9.8 broker without aclEnable never answers: this then
  // throws after the admin timeout.
  admin::ClusterAclVersionInfo examineBrokerClusterAclVersionInfo(const std::string& addr);

  // GET_ALL_TOPIC_CONFIG (21) of one broker, with a timeout of `timeout_ms`.
  admin::TopicConfigSerializeWrapper getAllTopicConfig(const std::string& broker_addr,
                                                       int64_t timeout_ms);
  // getAllTopicConfig without the broker's system topics (GET_SYSTEM_TOPIC_LIST_FROM_BROKER, 305)
  // and, unless `special_topic`, without %RETRY% and %DLQ% topics.
  admin::TopicConfigSerializeWrapper getUserTopicConfig(const std::string& broker_addr,
                                                        bool special_topic, int64_t timeout_ms);
  // getAllSubscriptionGroup without the system groups (Java MixAll.isSysConsumerGroup and
  // DefaultMQAdminExtImpl.SYSTEM_GROUP_SET).
  admin::SubscriptionGroupWrapper getUserSubscriptionGroup(const std::string& broker_addr,
                                                           int64_t timeout_ms);

 private:
  // The client runtime; throws MQClientException when start() has not succeeded.
  admin::AdminClient& Started();

  std::unique_ptr<admin::AdminClient> client_;
};

}  // namespace rocketmq
