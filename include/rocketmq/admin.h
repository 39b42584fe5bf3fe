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

  // ---- NameServer ----

  // ---- maintenance and ACL ----

 private:
  // The client runtime; throws MQClientException when start() has not succeeded.
  admin::AdminClient& Started();

  std::unique_ptr<admin::AdminClient> client_;
};

}  // namespace rocketmq
