#include "mockbroker/namesrv/route_info_manager.h"

#include <chrono>
#include <mutex>

#include "common/java_hash.h"
#include "common/logging.h"
#include "common/model/topic_config.h"
#include "common/time_util.h"

namespace rocketmq::namesrv {

namespace {

// Keys of a std::map in the order a java.util.HashMap<String, ?> built with `initial_capacity`
// iterates them.
template <typename Map>
std::vector<std::string> JavaKeyOrder(const Map& map, size_t initial_capacity = 16) {
  std::vector<std::string> keys;
  keys.reserve(map.size());
  for (const auto& kv : map) keys.push_back(kv.first);
  return JavaStringKeyOrder(std::move(keys), JavaHashMapTableSize(map.size(), initial_capacity));
}

// NameServer topicQueueTable = new HashMap(1024).
constexpr size_t kTopicQueueTableInitial = 1024;

// A TopicList (a Java HashSet) filled in `ordered` order: the order of insertion decides how
// entries sharing a HashSet bucket are written, so callers pass topics in the order Java adds
// them. Duplicates keep their first position.
TopicList MakeTopicList(const std::vector<std::string>& ordered) {
  TopicList list;
  std::set<std::string> seen;
  for (const auto& t : ordered) {
    if (seen.insert(t).second) list.topic_list.push_back(t);
  }
  return list;
}

}  // namespace

RouteInfoManager::RouteInfoManager(ClockMs clock) : clock_(std::move(clock)) {}

RegisterBrokerResult RouteInfoManager::RegisterBroker(
    const BrokerIdentity& broker, const std::string& ha_server_addr,
    const TopicConfigSerializeWrapper& topic_config,
    const std::vector<std::string>* filter_server_list,
    const std::shared_ptr<remoting::Channel>& channel) {
  RegisterBrokerResult result;
  std::unique_lock<std::shared_mutex> lock(mu_);

  cluster_addr_table_[broker.cluster_name].insert(broker.broker_name);

  bool register_first = false;
  auto bd_it = broker_addr_table_.find(broker.broker_name);
  if (bd_it == broker_addr_table_.end()) {
    register_first = true;
    BrokerData data;
    data.cluster = broker.cluster_name;
    data.broker_name = broker.broker_name;
    bd_it = broker_addr_table_.emplace(broker.broker_name, std::move(data)).first;
  }
  BrokerData& broker_data = bd_it->second;
  // One address has one id: a slave promoted to master first loses its old <id, addr> entry.
  for (auto it = broker_data.broker_addrs.begin(); it != broker_data.broker_addrs.end();) {
    if (it->second == broker.broker_addr && it->first != broker.broker_id) {
      it = broker_data.broker_addrs.erase(it);
    } else {
      ++it;
    }
  }
  auto [addr_it, inserted] = broker_data.broker_addrs.emplace(broker.broker_id, broker.broker_addr);
  std::optional<std::string> old_addr;
  if (!inserted) {
    old_addr = addr_it->second;
    addr_it->second = broker.broker_addr;
  }
  if (broker.broker_id == kMasterBrokerId) {
    RMQ_LOG(kInfo) << "cluster [" << broker_data.cluster << "] brokerName ["
                   << broker_data.broker_name << "] master address change from "
                   << old_addr.value_or("null") << " to " << broker.broker_addr;
  }
  register_first = register_first || !old_addr.has_value();

  if (broker.broker_id == kMasterBrokerId &&
      (IsTopicConfigChangedLocked(broker.broker_addr, topic_config.data_version) ||
       register_first)) {
    for (const auto& [name, config] : topic_config.topic_config_table) {
      CreateAndUpdateQueueDataLocked(broker.broker_name, config);
    }
  }

  BrokerLiveInfo live;
  live.last_update_ms = clock_();
  live.data_version = topic_config.data_version;
  live.channel = channel;
  live.channel_key = channel.get();
  live.ha_server_addr = ha_server_addr;
  auto [live_it, new_broker] = broker_live_table_.insert_or_assign(broker.broker_addr, live);
  (void)live_it;
  if (new_broker) {
    RMQ_LOG(kInfo) << "new broker registered, " << broker.broker_addr
                   << " HAServer: " << ha_server_addr;
  }

  if (filter_server_list != nullptr) {
    if (filter_server_list->empty()) {
      filter_server_table_.erase(broker.broker_addr);
    } else {
      filter_server_table_[broker.broker_addr] = *filter_server_list;
    }
  }

  if (broker.broker_id != kMasterBrokerId) {
    auto master = broker_data.broker_addrs.find(kMasterBrokerId);
    if (master != broker_data.broker_addrs.end()) {
      auto master_live = broker_live_table_.find(master->second);
      if (master_live != broker_live_table_.end()) {
        // A master that sent no haServerAddr (Java: null) leaves the field out.
        if (!master_live->second.ha_server_addr.empty()) {
          result.ha_server_addr = master_live->second.ha_server_addr;
        }
        result.master_addr = master->second;
      }
    }
  }
  return result;
}

bool RouteInfoManager::IsTopicConfigChangedLocked(const std::string& broker_addr,
                                                  const DataVersion& v) const {
  auto it = broker_live_table_.find(broker_addr);
  return it == broker_live_table_.end() || it->second.data_version != v;
}

void RouteInfoManager::CreateAndUpdateQueueDataLocked(const std::string& broker_name,
                                                      const TopicConfig& config) {
  QueueData qd;
  qd.broker_name = broker_name;
  qd.write_queue_nums = config.write_queue_nums;
  qd.read_queue_nums = config.read_queue_nums;
  qd.perm = config.perm;
  qd.topic_sys_flag = config.topic_sys_flag;
  auto& by_broker = topic_queue_table_[config.topic_name];
  auto it = by_broker.find(broker_name);
  if (it == by_broker.end()) {
    if (by_broker.empty()) RMQ_LOG(kInfo) << "new topic registered, " << config.topic_name;
    by_broker.emplace(broker_name, qd);
  } else {
    if (!(it->second == qd)) RMQ_LOG(kInfo) << "topic changed, " << config.topic_name;
    it->second = qd;
  }
}

void RouteInfoManager::UnregisterBroker(const BrokerIdentity& broker) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  const bool was_live = broker_live_table_.erase(broker.broker_addr) > 0;
  RMQ_LOG(kInfo) << "unregisterBroker, remove from brokerLiveTable " << (was_live ? "OK" : "Failed")
                 << ", " << broker.broker_addr;
  filter_server_table_.erase(broker.broker_addr);

  bool remove_broker_name = false;
  auto bd = broker_addr_table_.find(broker.broker_name);
  if (bd != broker_addr_table_.end()) {
    bd->second.broker_addrs.erase(broker.broker_id);
    if (bd->second.broker_addrs.empty()) {
      broker_addr_table_.erase(bd);
      remove_broker_name = true;
    }
  }
  if (remove_broker_name) {
    auto cluster = cluster_addr_table_.find(broker.cluster_name);
    if (cluster != cluster_addr_table_.end()) {
      cluster->second.erase(broker.broker_name);
      if (cluster->second.empty()) cluster_addr_table_.erase(cluster);
    }
    RemoveTopicByBrokerNameLocked(broker.broker_name);
  }
}

void RouteInfoManager::RemoveTopicByBrokerNameLocked(const std::string& broker_name) {
  for (auto it = topic_queue_table_.begin(); it != topic_queue_table_.end();) {
    it->second.erase(broker_name);
    if (it->second.empty()) {
      RMQ_LOG(kInfo) << "remove topic[" << it->first << "] all queue, broker " << broker_name
                     << " gone";
      it = topic_queue_table_.erase(it);
    } else {
      ++it;
    }
  }
}

std::optional<TopicRouteData> RouteInfoManager::PickupTopicRouteData(
    const std::string& topic) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto t = topic_queue_table_.find(topic);
  if (t == topic_queue_table_.end()) return std::nullopt;
  TopicRouteData route;
  bool found_broker_data = false;
  // queueDatas = new ArrayList(queueDataMap.values()); brokerDatas follow a HashSet of the same
  // broker names: both in HashMap<String> order.
  for (const auto& name : JavaKeyOrder(t->second)) route.queue_datas.push_back(t->second.at(name));
  for (const auto& name : JavaKeyOrder(t->second)) {
    auto bd = broker_addr_table_.find(name);
    if (bd == broker_addr_table_.end()) continue;
    route.broker_datas.push_back(bd->second);
    found_broker_data = true;
    if (!filter_server_table_.empty()) {
      for (const auto& [id, addr] : bd->second.broker_addrs) {
        auto fs = filter_server_table_.find(addr);
        if (fs != filter_server_table_.end()) route.filter_server_table[addr] = fs->second;
      }
    }
  }
  if (!found_broker_data) return std::nullopt;
  return route;
}

int RouteInfoManager::ScanNotActiveBroker() {
  std::vector<std::shared_ptr<remoting::Channel>> to_close;
  int removed = 0;
  {
    std::unique_lock<std::shared_mutex> lock(mu_);
    const int64_t now = clock_();
    std::vector<std::string> expired;
    for (const auto& [addr, live] : broker_live_table_) {
      if (live.last_update_ms + kBrokerChannelExpiredMillis < now) expired.push_back(addr);
    }
    for (const auto& addr : expired) {
      if (auto ch = broker_live_table_.at(addr).channel.lock()) to_close.push_back(std::move(ch));
      RMQ_LOG(kWarn) << "The broker channel expired, " << addr << " " << kBrokerChannelExpiredMillis
                     << "ms";
      RemoveBrokerAddrLocked(addr);
      ++removed;
    }
  }
  for (auto& ch : to_close) ch->Close();
  return removed;
}

void RouteInfoManager::OnChannelDestroy(const std::string& remote_addr,
                                        const remoting::Channel* channel) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  std::string found;
  if (channel != nullptr) {
    for (const auto& [addr, live] : broker_live_table_) {
      if (live.channel_key == channel) {
        found = addr;
        break;
      }
    }
  }
  if (found.empty()) {
    found = remote_addr;
  } else {
    RMQ_LOG(kInfo) << "the broker's channel destroyed, " << found
                   << ", clean it's data structure at once";
  }
  if (!found.empty()) RemoveBrokerAddrLocked(found);
}

void RouteInfoManager::RemoveBrokerAddrLocked(const std::string& broker_addr) {
  broker_live_table_.erase(broker_addr);
  filter_server_table_.erase(broker_addr);
  std::optional<std::string> name_found;
  bool remove_broker_name = false;
  for (const auto& name : JavaKeyOrder(broker_addr_table_, kNamesrvBrokerAddrTableInitial)) {
    BrokerData& bd = broker_addr_table_.at(name);
    for (auto it = bd.broker_addrs.begin(); it != bd.broker_addrs.end(); ++it) {
      if (it->second == broker_addr) {
        name_found = bd.broker_name;
        RMQ_LOG(kInfo) << "remove brokerAddr[" << it->first << ", " << it->second
                       << "] from brokerAddrTable, because channel destroyed";
        bd.broker_addrs.erase(it);
        break;
      }
    }
    if (bd.broker_addrs.empty()) {
      remove_broker_name = true;
      broker_addr_table_.erase(name);
    }
    if (name_found) break;
  }
  if (name_found && remove_broker_name) {
    for (auto it = cluster_addr_table_.begin(); it != cluster_addr_table_.end(); ++it) {
      if (it->second.erase(*name_found) > 0) {
        if (it->second.empty()) cluster_addr_table_.erase(it);
        break;
      }
    }
  }
  if (name_found && remove_broker_name) RemoveTopicByBrokerNameLocked(*name_found);
}

ClusterInfo RouteInfoManager::GetAllClusterInfo() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  ClusterInfo info;
  info.broker_addr_table = broker_addr_table_;
  info.cluster_addr_table = cluster_addr_table_;
  return info;
}

TopicList RouteInfoManager::GetAllTopicList() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return MakeTopicList(JavaKeyOrder(topic_queue_table_, kTopicQueueTableInitial));
}

TopicList RouteInfoManager::GetSystemTopicList() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  std::vector<std::string> topics;
  for (const auto& cluster : JavaKeyOrder(cluster_addr_table_, kNamesrvClusterAddrTableInitial)) {
    topics.push_back(cluster);
    const std::set<std::string>& names = cluster_addr_table_.at(cluster);
    std::vector<std::string> list(names.begin(), names.end());
    for (auto& n : JavaStringKeyOrder(list, JavaHashMapTableSize(list.size()))) topics.push_back(n);
  }
  TopicList list = MakeTopicList(topics);
  for (const auto& name : JavaKeyOrder(broker_addr_table_, kNamesrvBrokerAddrTableInitial)) {
    const BrokerData& bd = broker_addr_table_.at(name);
    if (!bd.broker_addrs.empty()) {
      list.broker_addr = bd.broker_addrs.begin()->second;
      break;
    }
  }
  return list;
}

TopicList RouteInfoManager::GetTopicsByCluster(const std::string& cluster) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto names = cluster_addr_table_.find(cluster);
  if (names == cluster_addr_table_.end()) return TopicList();
  const std::vector<std::string> topic_order =
      JavaKeyOrder(topic_queue_table_, kTopicQueueTableInitial);
  std::vector<std::string> names_order(names->second.begin(), names->second.end());
  std::vector<std::string> topics;
  for (const auto& name :
       JavaStringKeyOrder(names_order, JavaHashMapTableSize(names_order.size()))) {
    for (const auto& topic : topic_order) {
      if (topic_queue_table_.at(topic).count(name) > 0) topics.push_back(topic);
    }
  }
  return MakeTopicList(topics);
}

TopicList RouteInfoManager::TopicsWhereFirstQueue(
    const std::function<bool(int32_t sys_flag)>& pick) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  std::vector<std::string> topics;
  for (const auto& topic : JavaKeyOrder(topic_queue_table_, kTopicQueueTableInitial)) {
    const auto& by_broker = topic_queue_table_.at(topic);
    // Java looks at the first QueueData of the topic's HashMap only.
    std::vector<std::string> order = JavaKeyOrder(by_broker);
    if (order.empty()) continue;
    if (pick(by_broker.at(order.front()).topic_sys_flag)) topics.push_back(topic);
  }
  return MakeTopicList(topics);
}

TopicList RouteInfoManager::GetUnitTopics() const {
  return TopicsWhereFirstQueue([](int32_t f) { return (f & kTopicFlagUnit) != 0; });
}

TopicList RouteInfoManager::GetHasUnitSubTopicList() const {
  return TopicsWhereFirstQueue([](int32_t f) { return (f & kTopicFlagUnitSub) != 0; });
}

TopicList RouteInfoManager::GetHasUnitSubUnUnitTopicList() const {
  return TopicsWhereFirstQueue(
      [](int32_t f) { return (f & kTopicFlagUnit) == 0 && (f & kTopicFlagUnitSub) != 0; });
}

void RouteInfoManager::DeleteTopic(const std::string& topic) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  topic_queue_table_.erase(topic);
}

void RouteInfoManager::DeleteTopic(const std::string& topic, const std::string& cluster) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  auto names = cluster_addr_table_.find(cluster);
  if (names == cluster_addr_table_.end() || names->second.empty()) return;
  auto t = topic_queue_table_.find(topic);
  if (t == topic_queue_table_.end()) return;
  for (const auto& name : names->second) {
    if (t->second.erase(name) > 0) {
      RMQ_LOG(kInfo) << "deleteTopic, remove one broker's topic " << name << " " << topic;
    }
  }
  if (t->second.empty()) topic_queue_table_.erase(t);
}

int RouteInfoManager::OperateWritePermLocked(const std::string& broker_name, bool wipe) {
  int count = 0;
  for (auto& [topic, by_broker] : topic_queue_table_) {
    auto it = by_broker.find(broker_name);
    if (it == by_broker.end()) continue;
    it->second.perm = wipe ? (it->second.perm & ~kPermWrite) : (kPermRead | kPermWrite);
    ++count;
  }
  return count;
}

int RouteInfoManager::WipeWritePermOfBroker(const std::string& broker_name) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  return OperateWritePermLocked(broker_name, true);
}

int RouteInfoManager::AddWritePermOfBroker(const std::string& broker_name) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  return OperateWritePermLocked(broker_name, false);
}

bool RouteInfoManager::IsBrokerTopicConfigChanged(const std::string& broker_addr,
                                                  const DataVersion& version) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return IsTopicConfigChangedLocked(broker_addr, version);
}

std::optional<DataVersion> RouteInfoManager::QueryBrokerTopicConfig(
    const std::string& broker_addr) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = broker_live_table_.find(broker_addr);
  if (it == broker_live_table_.end()) return std::nullopt;
  return it->second.data_version;
}

void RouteInfoManager::UpdateBrokerInfoUpdateTimestamp(const std::string& broker_addr) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  auto it = broker_live_table_.find(broker_addr);
  if (it != broker_live_table_.end()) it->second.last_update_ms = clock_();
}

void RouteInfoManager::RegisterTopic(const std::string& topic,
                                     const std::vector<QueueData>& queue_datas) {
  if (queue_datas.empty()) return;
  std::unique_lock<std::shared_mutex> lock(mu_);
  for (const auto& qd : queue_datas) {
    if (broker_addr_table_.count(qd.broker_name) == 0) {
      RMQ_LOG(kWarn) << "register topic " << topic << " for unknown broker " << qd.broker_name;
      continue;
    }
    topic_queue_table_[topic][qd.broker_name] = qd;
  }
}

}  // namespace rocketmq::namesrv
