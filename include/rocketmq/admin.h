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
#include <set>
#include <string>
#include <vector>

#include "rocketmq/admin_types.h"
#include "rocketmq/mq_exception.h"
#include "rocketmq/mq_message_queue.h"
#include "rocketmq/session_credentials.h"

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

  // ---- topics ----
  // UPDATE_AND_CREATE_TOPIC on the broker at `addr`.
  void createAndUpdateTopicConfig(const std::string& addr, const admin::TopicConfig& config);
  // GET_TOPIC_STATS_INFO from every broker serving `topic` (master of each group).
  admin::TopicStatsTable examineTopicStats(const std::string& topic);

  // ---- brokers ----
  // GET_BROKER_RUNTIME_INFO.
  admin::KVTable fetchBrokerRuntimeStats(const std::string& broker_addr);
  // GET_BROKER_CONFIG.
  admin::Properties getBrokerConfig(const std::string& broker_addr);
  // UPDATE_BROKER_CONFIG.
  void updateBrokerConfig(const std::string& broker_addr, const admin::Properties& properties);

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

  // ---- messages ----

  // ---- NameServer ----

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
  // GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) of one broker.
  admin::SubscriptionGroupWrapper getAllSubscriptionGroup(const std::string& broker_addr,
                                                          int64_t timeout_ms);
  // getAllSubscriptionGroup without the system groups (Java MixAll.isSysConsumerGroup and
  // DefaultMQAdminExtImpl.SYSTEM_GROUP_SET).
  admin::SubscriptionGroupWrapper getUserSubscriptionGroup(const std::string& broker_addr,
                                                           int64_t timeout_ms);
  // VIEW_BROKER_STATS_DATA (315): one statistic of the broker ("TOPIC_PUT_NUMS", key a topic,
  // ...). MQClientException with the broker's code when it has no such item.
  admin::BrokerStatsData viewBrokerStatsData(const std::string& broker_addr,
                                             const std::string& stats_name,
                                             const std::string& stats_key);

 private:
  // The client runtime; throws MQClientException when start() has not succeeded.
  admin::AdminClient& Started();

  std::unique_ptr<admin::AdminClient> client_;
};

}  // namespace rocketmq
