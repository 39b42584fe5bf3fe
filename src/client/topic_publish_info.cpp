#include "client/topic_publish_info.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <random>
#include <unordered_map>

#include "common/string_util.h"

namespace rocketmq::client {
namespace {

std::atomic<uint64_t> g_next_index_id{1};

int32_t RandomNonNegative() {
  thread_local std::mt19937 rng(std::random_device{}());
  return static_cast<int32_t>(rng() & 0x7FFFFFFF);
}

}  // namespace

ThreadLocalIndex::ThreadLocalIndex() : id_(g_next_index_id.fetch_add(1)) {}

int32_t ThreadLocalIndex::IncrementAndGet() {
  // One small table per thread; entries of dead indexes stay until the table is pruned.
  thread_local std::unordered_map<uint64_t, uint32_t> table;
  if (table.size() > 4096) table.clear();
  auto it = table.find(id_);
  if (it == table.end()) {
    it = table.emplace(id_, static_cast<uint32_t>(RandomNonNegative())).first;
  }
  it->second += 1;  // unsigned: wraps like Java int overflow
  return static_cast<int32_t>(it->second & 0x7FFFFFFF);
}

const MessageQueue* TopicPublishInfo::SelectOneMessageQueue() const {
  if (message_queue_list.empty()) return nullptr;
  int32_t index = send_which_queue->IncrementAndGet();
  size_t pos = static_cast<size_t>(std::abs(index)) % message_queue_list.size();
  return &message_queue_list[pos];
}

const MessageQueue* TopicPublishInfo::SelectOneMessageQueue(
    const std::string& last_broker_name) const {
  if (last_broker_name.empty()) return SelectOneMessageQueue();
  for (size_t i = 0; i < message_queue_list.size(); ++i) {
    int32_t index = send_which_queue->IncrementAndGet();
    size_t pos = static_cast<size_t>(std::abs(index)) % message_queue_list.size();
    const MessageQueue& mq = message_queue_list[pos];
    if (mq.broker_name != last_broker_name) return &mq;
  }
  return SelectOneMessageQueue();
}

int32_t TopicPublishInfo::WriteQueueNumsOf(const std::string& broker_name) const {
  for (const QueueData& qd : route.queue_datas) {
    if (qd.broker_name == broker_name) return qd.write_queue_nums;
  }
  return -1;
}

TopicPublishInfo RouteToPublishInfo(const std::string& topic, const TopicRouteData& route) {
  TopicPublishInfo info;
  info.route = route;
  if (route.order_topic_conf && !route.order_topic_conf->empty()) {
    for (const std::string& broker : SplitSkipEmpty(*route.order_topic_conf, ';')) {
      size_t colon = broker.find(':');
      if (colon == std::string::npos) continue;
      int nums = std::atoi(broker.c_str() + colon + 1);
      for (int i = 0; i < nums; ++i) {
        info.message_queue_list.emplace_back(topic, broker.substr(0, colon), i);
      }
    }
    info.order_topic = true;
    return info;
  }
  std::vector<QueueData> qds = route.queue_datas;
  std::stable_sort(qds.begin(), qds.end(), [](const QueueData& a, const QueueData& b) {
    return a.broker_name < b.broker_name;
  });
  for (const QueueData& qd : qds) {
    if (!PermIsWriteable(qd.perm)) continue;
    const BrokerData* bd = nullptr;
    for (const BrokerData& b : route.broker_datas) {
      if (b.broker_name == qd.broker_name) {
        bd = &b;
        break;
      }
    }
    if (bd == nullptr || bd->broker_addrs.count(kMasterBrokerId) == 0) continue;
    for (int32_t i = 0; i < qd.write_queue_nums; ++i) {
      info.message_queue_list.emplace_back(topic, qd.broker_name, i);
    }
  }
  return info;
}

std::set<MessageQueue> RouteToSubscribeInfo(const std::string& topic, const TopicRouteData& route) {
  std::set<MessageQueue> out;
  for (const QueueData& qd : route.queue_datas) {
    if (!PermIsReadable(qd.perm)) continue;
    for (int32_t i = 0; i < qd.read_queue_nums; ++i) out.emplace(topic, qd.broker_name, i);
  }
  return out;
}

}  // namespace rocketmq::client
