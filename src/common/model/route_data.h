// Route data served by the NameServer (protocol.md §2.13): QueueData, BrokerData and
// TopicRouteData (GET_ROUTEINFO_BY_TOPIC body).
//
// Two byte forms, chosen by the request (NameServer switches on version >= 401 or
// acceptStandardJsonOnly):
//   JsonStyle::kFastjson:          "brokerAddrs":{0:"127.0.0.1:20911"}
//   JsonStyle::kBrowserCompatible: "brokerAddrs":{"0":"127.0.0.1:20911"} (maps sorted by key)
// Both parse with FromJson. 5.x fields (zoneName, enableActingMaster,
// topicQueueMappingByBroker) are read when present; the first two are written only when set.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <json/json.h>

#include "common/json_writer.h"
#include "common/status.h"

namespace rocketmq {

inline constexpr int64_t kMasterBrokerId = 0;

struct QueueData {
  std::string broker_name;
  int32_t read_queue_nums = 0;
  int32_t write_queue_nums = 0;
  int32_t perm = 0;
  int32_t topic_sys_flag = 0;

  bool operator==(const QueueData& o) const {
    return broker_name == o.broker_name && read_queue_nums == o.read_queue_nums &&
           write_queue_nums == o.write_queue_nums && perm == o.perm &&
           topic_sys_flag == o.topic_sys_flag;
  }

  static Result<QueueData> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
};

struct BrokerData {
  std::string cluster;
  std::string broker_name;
  std::map<int64_t, std::string> broker_addrs;  // brokerId -> "ip:port"; 0 = master
  std::optional<std::string> zone_name;         // 5.x
  std::optional<bool> enable_acting_master;     // 5.x

  bool operator==(const BrokerData& o) const {
    return cluster == o.cluster && broker_name == o.broker_name && broker_addrs == o.broker_addrs &&
           zone_name == o.zone_name && enable_acting_master == o.enable_acting_master;
  }

  // Master address, or the lowest-id address when there is no master; "" when empty.
  std::string SelectBrokerAddr() const;

  static Result<BrokerData> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
};

struct TopicRouteData {
  std::optional<std::string> order_topic_conf;  // omitted when null
  std::vector<QueueData> queue_datas;
  std::vector<BrokerData> broker_datas;
  std::map<std::string, std::vector<std::string>> filter_server_table;  // brokerAddr -> servers

  bool operator==(const TopicRouteData& o) const {
    return order_topic_conf == o.order_topic_conf && queue_datas == o.queue_datas &&
           broker_datas == o.broker_datas && filter_server_table == o.filter_server_table;
  }

  static Result<TopicRouteData> FromJson(const Json::Value& v);
  void WriteJson(JsonWriter& w) const;
  // kFastjson for requests with version < 401 without acceptStandardJsonOnly, else
  // kBrowserCompatible.
  std::string ToJson(JsonStyle style = JsonStyle::kBrowserCompatible) const;
};

}  // namespace rocketmq
