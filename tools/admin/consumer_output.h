// Small helpers shared by the consumer, connection and offset subcommands (consumerProgress,
// brokerConsumeStats, resetOffsetByTime, ...): Java's UtilAll.frontStringAtLeast, the JSON
// form of a message queue and the offset tables of the reset commands.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/java_hash.h"
#include "common/json_writer.h"
#include "common/message_queue.h"
#include "common/model/message_queue_json.h"
#include "rocketmq/admin.h"
#include "rocketmq/admin_types.h"
#include "rocketmq/mq_message_queue.h"
#include "tools/admin/format_util.h"

namespace rocketmq::admin::tools {

// Java UtilAll.frontStringAtLeast(s, size): despite its name, the first `size` characters of `s`
// (all of it when shorter).
inline std::string FrontStringAtLeast(const std::string& s, size_t size) {
  return s.size() > size ? s.substr(0, size) : s;
}

// {"brokerName":..,"queueId":..,"topic":..} (Java MessageQueue's fields, fastjson order).
inline void WriteQueueJson(JsonWriter& w, const MQMessageQueue& mq) {
  w.BeginObject();
  w.Key("brokerName").String(mq.getBrokerName());
  w.Key("queueId").Int(mq.getQueueId());
  w.Key("topic").String(mq.getTopic());
  w.EndObject();
}

// The keys of `table` in the order a java.util.HashMap<MessageQueue, ?> holding them iterates
// (Java prints resetOffsetByTime's and skipAccumulatedMessage's offset tables that way). Keys that
// share a bucket come out in insertion order: Java adds the queues broker by broker in the order
// of the topic route, so `broker_order` (broker names, route order) decides those ties; brokers
// not in it go last.
template <typename V>
std::vector<MQMessageQueue> JavaHashOrderOfQueues(
    const std::map<MQMessageQueue, V>& table, const std::vector<std::string>& broker_order = {}) {
  std::vector<MQMessageQueue> keys;
  for (const auto& [mq, v] : table) keys.push_back(mq);
  auto rank = [&](const MQMessageQueue& mq) {
    for (size_t i = 0; i < broker_order.size(); ++i) {
      if (broker_order[i] == mq.getBrokerName()) return i;
    }
    return broker_order.size();
  };
  std::stable_sort(keys.begin(), keys.end(), [&](const MQMessageQueue& a, const MQMessageQueue& b) {
    return rank(a) < rank(b);
  });
  std::vector<int32_t> hashes;
  for (const MQMessageQueue& mq : keys) {
    hashes.push_back(
        JavaMessageQueueHashCode(MessageQueue(mq.getTopic(), mq.getBrokerName(), mq.getQueueId())));
  }
  std::vector<MQMessageQueue> ordered;
  for (size_t i : JavaHashIterationOrder(hashes, JavaHashMapTableSize(keys.size()))) {
    ordered.push_back(keys[i]);
  }
  return ordered;
}

// Rows of the offset table of an online reset ("%-40s  %-40d  %-40d", Java's header included).
// `broker_order`: the broker names of the topic's route, in route order.
inline std::string FormatResetOffsetTable(const std::map<MQMessageQueue, int64_t>& table,
                                          const std::vector<std::string>& broker_order) {
  std::string out = StrFormat("%-40s  %-40s  %-40s\n", "#brokerName", "#queueId", "#offset");
  for (const MQMessageQueue& mq : JavaHashOrderOfQueues(table, broker_order)) {
    out += StrFormat("%-40s  %-40d  %-40lld\n", FrontStringAtLeast(mq.getBrokerName(), 32).c_str(),
                     mq.getQueueId(), static_cast<long long>(table.at(mq)));
  }
  return out;
}

// Rows of an offline reset (Java RollbackStats, "%-20s  %-20d ..." with Java's header).
inline std::string FormatRollbackStats(const std::vector<RollbackStats>& rows) {
  std::string out =
      StrFormat("%-20s  %-20s  %-20s  %-20s  %-20s  %-20s\n", "#brokerName", "#queueId",
                "#brokerOffset", "#consumerOffset", "#timestampOffset", "#rollbackOffset");
  for (const RollbackStats& r : rows) {
    out += StrFormat(
        "%-20s  %-20lld  %-20lld  %-20lld  %-20lld  %-20lld\n",
        FrontStringAtLeast(r.broker_name, 32).c_str(), static_cast<long long>(r.queue_id),
        static_cast<long long>(r.broker_offset), static_cast<long long>(r.consumer_offset),
        static_cast<long long>(r.timestamp_offset), static_cast<long long>(r.rollback_offset));
  }
  return out;
}

}  // namespace rocketmq::admin::tools

namespace rocketmq::admin::tools {

// The broker names of `topic`'s route in route order ({} when the route cannot be read).
inline std::vector<std::string> RouteBrokerOrder(DefaultMQAdminExt& admin,
                                                 const std::string& topic) {
  std::vector<std::string> names;
  try {
    for (const BrokerData& bd : admin.examineTopicRouteInfo(topic).broker_datas) {
      names.push_back(bd.broker_name);
    }
  } catch (const std::exception&) {
    // Only the order of ties depends on it.
  }
  return names;
}

}  // namespace rocketmq::admin::tools
