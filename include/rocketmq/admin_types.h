// Result types of the admin API (DefaultMQAdminExt, rocketmq/admin.h): plain values with the
// field names of Java's classes (ClusterInfo, TopicRouteData, TopicStatsTable, ConsumeStats,
// ConsumerConnection, ...). Maps keyed by MQMessageQueue are ordered by topic, broker name and
// queue id; other maps by key. Field comments give the Java (wire) name where it differs.
//
// Sections follow admin.h: cluster and routes, topics, brokers, consumers and producers,
// messages, NameServer, maintenance and ACL.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "mq_message_ext.h"
#include "mq_message_queue.h"

namespace rocketmq::admin {

// Permission bits of topics and brokers (Java PermName).
inline constexpr int kPermPriority = 8;
inline constexpr int kPermRead = 4;
inline constexpr int kPermWrite = 2;
inline constexpr int kPermInherit = 1;
// "RW-" style text of perm bits (Java PermName.perm2String): R, W, X (inherit) or '-'.
std::string PermToString(int perm);

// key -> value table (Java KVTable; broker runtime info, NameServer KV namespaces).
using KVTable = std::map<std::string, std::string>;
// java.util.Properties as key -> value.
using Properties = std::map<std::string, std::string>;
// java.util.Properties entries in the order Java (9+) iterates them, which is the order Java
// mqadmin prints configs in (see DefaultMQAdminExt::getBrokerConfigInJavaOrder).
using PropertyList = std::vector<std::pair<std::string, std::string>>;

// ---- cluster and routes ----

struct BrokerData {
  std::string cluster;
  std::string broker_name;                      // brokerName
  std::map<int64_t, std::string> broker_addrs;  // brokerId -> "host:port" (0 = master)
};

struct QueueData {
  std::string broker_name;
  int read_queue_nums = 0;
  int write_queue_nums = 0;
  int perm = 0;
  int topic_sys_flag = 0;
};

struct TopicRouteData {
  std::string order_topic_conf;
  std::vector<QueueData> queue_datas;    // as the NameServer listed them
  std::vector<BrokerData> broker_datas;  // as the NameServer listed them
  std::map<std::string, std::vector<std::string>> filter_server_table;
};

struct ClusterInfo {
  std::map<std::string, BrokerData> broker_addr_table;              // brokerName -> data
  std::map<std::string, std::set<std::string>> cluster_addr_table;  // cluster -> brokerNames
};

struct TopicList {
  std::vector<std::string> topic_list;  // as the server listed them
  std::string broker_addr;              // set by some answers (system topic list)
};

// ---- topics ----

struct TopicConfig {
  std::string topic_name;
  int read_queue_nums = 16;
  int write_queue_nums = 16;
  int perm = kPermRead | kPermWrite;
  std::string topic_filter_type = "SINGLE_TAG";  // or MULTI_TAG
  int topic_sys_flag = 0;
  bool order = false;
};

struct TopicOffset {
  int64_t min_offset = 0;
  int64_t max_offset = 0;
  int64_t last_update_timestamp = 0;
};

struct TopicStatsTable {
  std::map<MQMessageQueue, TopicOffset> offset_table;
};

// ---- subscription groups ----

struct SubscriptionGroupConfig {
  std::string group_name;
  bool consume_enable = true;
  bool consume_from_min_enable = true;
  bool consume_broadcast_enable = true;
  int retry_queue_nums = 1;
  int retry_max_times = 16;
  int64_t broker_id = 0;
  int64_t which_broker_when_consume_slowly = 1;
  bool notify_consumer_ids_changed_enable = true;
};

// Java SubscriptionGroupConfig.toString(): "SubscriptionGroupConfig [groupName=..., ...]".
std::string ToString(const SubscriptionGroupConfig& config);

// ---- consumers and producers ----

struct OffsetWrapper {
  int64_t broker_offset = 0;
  int64_t consumer_offset = 0;
  int64_t last_timestamp = 0;  // store time of the last consumed message, 0 when none
};

struct ConsumeStats {
  std::map<MQMessageQueue, OffsetWrapper> offset_table;
  double consume_tps = 0;
  // Sum of broker_offset - consumer_offset over the queues (Java computeTotalDiff).
  int64_t computeTotalDiff() const;
};

struct Connection {
  std::string client_id;
  std::string client_addr;
  std::string language;  // "JAVA", "CPP", ...
  int version = 0;       // MQVersion ordinal
};

struct SubscriptionData {
  bool class_filter_mode = false;
  std::string topic;
  std::string sub_string;
  std::set<std::string> tags_set;
  std::set<int> code_set;
  int64_t sub_version = 0;
  std::string expression_type = "TAG";
};

struct ConsumerConnection {
  std::vector<Connection> connection_set;
  std::map<std::string, SubscriptionData> subscription_table;  // topic -> subscription
  std::string consume_type;                                    // CONSUME_ACTIVELY / PASSIVELY
  std::string message_model;                                   // CLUSTERING / BROADCASTING
  std::string consume_from_where;
  // The lowest client version among the connections (Java computeMinVersion).
  int computeMinVersion() const;
};

struct ProducerConnection {
  std::vector<Connection> connection_set;
};

// ---- messages ----

// Messages found by key or unique key (Java QueryResult).
struct QueryResult {
  int64_t index_last_update_timestamp = 0;  // indexLastUpdateTimestamp: newest of the brokers'
  std::vector<MQMessageExt> message_list;   // messageList
};

// How a consumer group stands to one message (Java TrackType).
enum class TrackType { CONSUMED, CONSUMED_BUT_FILTERED, PULL, NOT_CONSUME_YET, NOT_ONLINE, UNKNOWN };
// The Java enum constant's name ("CONSUMED", ...).
const char* TrackTypeName(TrackType type);

// One consumer group's view of a message (Java MessageTrack).
struct MessageTrack {
  std::string consumer_group;
  TrackType track_type = TrackType::UNKNOWN;
  std::string exception_desc;  // exceptionDesc; meaningful when has_exception_desc
  bool has_exception_desc = false;
  // "MessageTrack [consumerGroup=.., trackType=.., exceptionDesc=..]" (null when none).
  std::string toString() const;
};

// What a consumer answered to CONSUME_MESSAGE_DIRECTLY (Java ConsumeMessageDirectlyResult).
struct ConsumeMessageDirectlyResult {
  bool order = false;
  bool auto_commit = true;     // autoCommit
  std::string consume_result;  // consumeResult: CR_SUCCESS, CR_LATER, ...; "" = null
  std::string remark;          // "" with has_remark false = null
  bool has_remark = false;
  int64_t spent_time_mills = 0;  // spentTimeMills
  // Java's toString: "ConsumeMessageDirectlyResult [order=.., autoCommit=.., consumeResult=..,
  // remark=.., spentTimeMills=..]".
  std::string toString() const;
};

// One consume queue entry (Java ConsumeQueueData). Strings that Java leaves null are "null"-able
// through the has_* flags.
struct ConsumeQueueData {
  int64_t physic_offset = 0;  // physicOffset
  int32_t physic_size = 0;    // physicSize
  int64_t tags_code = 0;      // tagsCode
  std::string extend_data_json;
  bool has_extend_data_json = false;
  std::string bit_map;
  bool has_bit_map = false;
  bool eval = false;
  std::string msg;
  bool has_msg = false;
  // Java's toString: "ConsumeQueueData{physicOffset=.., physicSize=.., tagsCode=..,
  // extendDataJson='..', bitMap='..', eval=.., msg='..'}".
  std::string toString() const;
};

// QUERY_CONSUME_QUEUE answer (Java QueryConsumeQueueResponseBody).
struct QueryConsumeQueueResponseBody {
  bool has_subscription_data = false;
  SubscriptionData subscription_data;  // the group's subscription when a group was given
  bool has_filter_data = false;
  std::string filter_data;             // filterData
  std::vector<ConsumeQueueData> queue_data;
  int64_t max_queue_index = 0;
  int64_t min_queue_index = 0;
};

// Consumer group names (Java GroupList; a HashSet in Java, kept here in the broker's order).
struct GroupList {
  std::vector<std::string> group_list;
};

// One queue of a consumer's ConsumerRunningInfo.mqTable (Java ProcessQueueInfo).
struct ProcessQueueInfo {
  int64_t commit_offset = 0;
  int64_t cached_msg_min_offset = 0;
  int64_t cached_msg_max_offset = 0;
  int cached_msg_count = 0;
  int cached_msg_size_in_mib = 0;
  int64_t transaction_msg_min_offset = 0;
  int64_t transaction_msg_max_offset = 0;
  int transaction_msg_count = 0;
  bool locked = false;
  int64_t try_unlock_times = 0;
  int64_t last_lock_timestamp = 0;
  bool droped = false;  // sic, Java's name
  int64_t last_pull_timestamp = 0;
  int64_t last_consume_timestamp = 0;
};

// Per-topic rates of a consumer (Java ConsumeStatus): per second, RTs in ms.
struct ConsumeStatus {
  double pull_rt = 0;
  double pull_tps = 0;
  double consume_rt = 0;
  double consume_ok_tps = 0;
  double consume_failed_tps = 0;
  int64_t consume_failed_msgs = 0;
};

// What a consumer reports about itself (Java ConsumerRunningInfo).
struct ConsumerRunningInfo {
  std::map<std::string, std::string> properties;
  std::vector<SubscriptionData> subscription_set;  // Java TreeSet order (topic, then expression)
  std::map<MQMessageQueue, ProcessQueueInfo> mq_table;
  std::map<std::string, ConsumeStatus> status_table;  // topic -> rates
  std::string jstack;                                 // "" unless asked for
};

// One queue of resetOffsetByTimestampOld (Java RollbackStats).
struct RollbackStats {
  std::string broker_name;
  int64_t queue_id = 0;
  int64_t broker_offset = 0;
  int64_t consumer_offset = 0;
  int64_t timestamp_offset = 0;  // the offset found for the timestamp
  int64_t rollback_offset = 0;   // the offset committed (consumer_offset when not moved)
};

// GET_BROKER_CONSUME_STATS answer (Java ConsumeStatsList).
struct ConsumeStatsList {
  // One entry per group, as the broker listed them: group -> its stats per topic.
  std::vector<std::pair<std::string, std::vector<ConsumeStats>>> consume_stats_list;
  std::string broker_addr;
  int64_t total_diff = 0;
};

// A live producer connection (Java ProducerInfo).
struct ProducerInfo {
  std::string client_id;
  std::string remote_ip;  // Java SocketAddress text, "/127.0.0.1:50000"
  std::string language;
  int version = 0;
  int64_t last_update_timestamp = 0;  // epoch ms of the last heartbeat
};

struct ProducerTableInfo {
  std::map<std::string, std::vector<ProducerInfo>> data;  // producer group -> connections
};

// One queue of queryConsumeTimeSpan (Java QueueTimeSpan); times in epoch ms.
struct QueueTimeSpan {
  MQMessageQueue message_queue;
  int64_t min_time_stamp = 0;
  int64_t max_time_stamp = 0;
  int64_t consume_time_stamp = 0;
  int64_t delay_time = 0;
};

// A broker statistics item over the last minute, hour and day (Java BrokerStatsItem).

// ---- maintenance and ACL ----

// Version stamp of a broker table or ACL file (Java DataVersion).
struct DataVersion {
  int64_t timestamp = 0;  // epoch ms of the last change
  int64_t counter = 0;    // bumped on every change
};

// An ACL 1.0 account (Java org.apache.rocketmq.common.PlainAccessConfig). Unset optionals are
// not sent (the broker keeps or defaults them).
struct PlainAccessConfig {
  std::string access_key;                                  // accessKey, required
  std::optional<std::string> secret_key;                   // secretKey (> 6 chars)
  std::optional<std::string> white_remote_address;         // whiteRemoteAddress
  bool admin = false;
  std::optional<std::string> default_topic_perm;           // "PUB", "SUB", "PUB|SUB", "DENY"
  std::optional<std::string> default_group_perm;
  std::optional<std::vector<std::string>> topic_perms;     // "topic=PERM" items
  std::optional<std::vector<std::string>> group_perms;     // "group=PERM" items
};

// GET_BROKER_CLUSTER_ACL_INFO answer (Java ClusterAclVersionInfo).
struct ClusterAclVersionInfo {
  std::string broker_name;
  std::string broker_addr;
  std::string cluster_name;
  DataVersion acl_config_data_version;  // aclConfigDataVersion
  // allAclConfigDataVersion: ACL file path -> its version.
  std::map<std::string, DataVersion> all_acl_config_data_version;
};

// GET_ALL_TOPIC_CONFIG answer (Java TopicConfigSerializeWrapper).
struct TopicConfigSerializeWrapper {
  std::map<std::string, TopicConfig> topic_config_table;  // topic -> config
  DataVersion data_version;
};

// GET_ALL_SUBSCRIPTIONGROUP_CONFIG answer (Java SubscriptionGroupWrapper).
struct SubscriptionGroupWrapper {
  std::map<std::string, SubscriptionGroupConfig> subscription_group_table;  // group -> config
  DataVersion data_version;
};

// One window of VIEW_BROKER_STATS_DATA (Java BrokerStatsItem).
struct BrokerStatsItem {
  int64_t sum = 0;
  double tps = 0;
  double avgpt = 0;
};

// VIEW_BROKER_STATS_DATA answer (Java BrokerStatsData): the last minute, hour and day.
struct BrokerStatsData {
  BrokerStatsItem stats_minute;
  BrokerStatsItem stats_hour;
  BrokerStatsItem stats_day;
};

}  // namespace rocketmq::admin
