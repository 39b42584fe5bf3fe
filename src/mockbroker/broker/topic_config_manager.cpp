#include "mockbroker/broker/topic_config_manager.h"

#include <algorithm>
#include <utility>

#include "common/json_reader.h"
#include "common/logging.h"
#include "common/model/json_body.h"
#include "mockbroker/broker/config_file.h"

namespace rocketmq::broker {

TopicConfigManager::TopicConfigManager(const BrokerConfig& config, std::string config_path,
                                       Clock clock)
    : config_path_(std::move(config_path)), clock_(std::move(clock)) {
  data_version_.Next(clock_());
  data_version_.counter = 0;
  const int32_t rw = kPermRead | kPermWrite;
  PutSystemTopic(kSelfTestTopic, 1, 1, rw);
  if (config.autoCreateTopicEnable) {
    PutSystemTopic(kAutoCreateTopicKey, config.defaultTopicQueueNums, config.defaultTopicQueueNums,
                   kPermInherit | rw);
  }
  PutSystemTopic(kBenchmarkTopic, 1024, 1024, rw);
  PutSystemTopic(config.brokerClusterName, 16, 16,
                 kPermInherit | (config.clusterTopicEnable ? rw : 0));
  PutSystemTopic(config.brokerName, 1, 1, kPermInherit | (config.brokerTopicEnable ? rw : 0));
  PutSystemTopic(kOffsetMovedEventTopic, 1, 1, rw);
  PutSystemTopic(kScheduleTopicName, 18, 18, rw);
  if (config.traceTopicEnable) PutSystemTopic(config.msgTraceTopicName, 1, 1, rw);
  PutSystemTopic(config.brokerClusterName + "_REPLY_TOPIC", 1, 1, rw);
  PutSystemTopic(kTransHalfTopic, 1, 1, rw);
}

void TopicConfigManager::PutSystemTopic(const std::string& name, int32_t read, int32_t write,
                                        int32_t perm) {
  TopicConfig tc;
  tc.topic_name = name;
  tc.read_queue_nums = read;
  tc.write_queue_nums = write;
  tc.perm = perm;
  table_[name] = tc;
  system_topics_[name] = true;
}

Status TopicConfigManager::Load() {
  return LoadConfigFile(config_path_, [this](const std::string& text) -> Status {
    Result<TopicConfigSerializeWrapper> w = DecodeJsonBody<TopicConfigSerializeWrapper>(text);
    if (!w.ok()) return w.status();
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [name, tc] : w->topic_config_table) table_[name] = tc;
    data_version_ = w->data_version;
    return Status::OK();
  });
}

std::string TopicConfigManager::EncodeLocked() const {
  TopicConfigSerializeWrapper w;
  w.topic_config_table = table_;
  w.data_version = data_version_;
  return w.ToJson(/*pretty=*/true);
}

Status TopicConfigManager::Persist() {
  std::string text;
  {
    std::lock_guard<std::mutex> lock(mu_);
    text = EncodeLocked();
  }
  std::lock_guard<std::mutex> lock(persist_mu_);
  return PersistConfigFile(config_path_, text);
}

void TopicConfigManager::PersistAndNotify(std::string text) {
  {
    std::lock_guard<std::mutex> lock(persist_mu_);
    (void)PersistConfigFile(config_path_, text);  // logged there
  }
  if (listener_) listener_();
}

void TopicConfigManager::SetChangeListener(ChangeListener listener) {
  listener_ = std::move(listener);
}

std::optional<TopicConfig> TopicConfigManager::Select(const std::string& topic) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = table_.find(topic);
  if (it == table_.end()) return std::nullopt;
  return it->second;
}

bool TopicConfigManager::Contains(const std::string& topic) const {
  std::lock_guard<std::mutex> lock(mu_);
  return table_.count(topic) != 0;
}

std::optional<TopicConfig> TopicConfigManager::CreateTopicInSendMessageMethod(
    const std::string& topic, const std::string& default_topic, int32_t client_queue_nums,
    int32_t topic_sys_flag) {
  std::string text;
  TopicConfig created;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = table_.find(topic);
    if (it != table_.end()) return it->second;
    auto def = table_.find(default_topic);
    if (def == table_.end()) {
      RMQ_LOG(kWarn) << "create topic " << topic << ": default topic " << default_topic
                     << " does not exist";
      return std::nullopt;
    }
    if (!PermIsInherited(def->second.perm)) {
      RMQ_LOG(kWarn) << "create topic " << topic << ": default topic " << default_topic
                     << " has no inherit permission, perm " << def->second.perm;
      return std::nullopt;
    }
    int32_t queue_nums = std::max(0, std::min(client_queue_nums, def->second.write_queue_nums));
    created.topic_name = topic;
    created.read_queue_nums = queue_nums;
    created.write_queue_nums = queue_nums;
    created.perm = def->second.perm & ~kPermInherit;
    created.topic_sys_flag = topic_sys_flag;
    created.topic_filter_type = def->second.topic_filter_type;
    table_[topic] = created;
    data_version_.Next(clock_());
    text = EncodeLocked();
  }
  RMQ_LOG(kInfo) << "create new topic by default topic " << default_topic << ": "
                 << TopicConfigToJavaString(created);
  PersistAndNotify(std::move(text));
  return created;
}

TopicConfig TopicConfigManager::CreateTopicInSendMessageBackMethod(const std::string& topic,
                                                                   int32_t queue_nums, int32_t perm,
                                                                   int32_t topic_sys_flag) {
  std::string text;
  TopicConfig created;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = table_.find(topic);
    if (it != table_.end()) return it->second;
    created.topic_name = topic;
    created.read_queue_nums = queue_nums;
    created.write_queue_nums = queue_nums;
    created.perm = perm;
    created.topic_sys_flag = topic_sys_flag;
    table_[topic] = created;
    data_version_.Next(clock_());
    text = EncodeLocked();
  }
  RMQ_LOG(kInfo) << "create new topic " << TopicConfigToJavaString(created);
  PersistAndNotify(std::move(text));
  return created;
}

void TopicConfigManager::UpdateTopicConfig(const TopicConfig& config) {
  std::string text;
  {
    std::lock_guard<std::mutex> lock(mu_);
    table_[config.topic_name] = config;
    data_version_.Next(clock_());
    text = EncodeLocked();
  }
  RMQ_LOG(kInfo) << "update topic config " << TopicConfigToJavaString(config);
  PersistAndNotify(std::move(text));
}

bool TopicConfigManager::DeleteTopicConfig(const std::string& topic) {
  std::string text;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (table_.erase(topic) == 0) return false;
    data_version_.Next(clock_());
    text = EncodeLocked();
  }
  RMQ_LOG(kInfo) << "delete topic config " << topic;
  {
    std::lock_guard<std::mutex> lock(persist_mu_);
    (void)PersistConfigFile(config_path_, text);
  }
  return true;
}

void TopicConfigManager::NextDataVersion() {
  std::lock_guard<std::mutex> lock(mu_);
  data_version_.Next(clock_());
}

bool TopicConfigManager::SyncFromMaster(const TopicConfigSerializeWrapper& master) {
  std::string text;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (data_version_ == master.data_version) return false;
    data_version_ = master.data_version;
    table_ = master.topic_config_table;
    text = EncodeLocked();
  }
  std::lock_guard<std::mutex> lock(persist_mu_);
  (void)PersistConfigFile(config_path_, text);  // logged there
  return true;
}

TopicConfigSerializeWrapper TopicConfigManager::BuildSerializeWrapper() const {
  std::lock_guard<std::mutex> lock(mu_);
  TopicConfigSerializeWrapper w;
  w.topic_config_table = table_;
  w.data_version = data_version_;
  return w;
}

DataVersion TopicConfigManager::data_version() const {
  std::lock_guard<std::mutex> lock(mu_);
  return data_version_;
}

bool TopicConfigManager::IsSystemTopic(const std::string& topic) const {
  return system_topics_.count(topic) != 0;
}

std::string ValidateTopicName(const std::string& topic) {
  if (topic.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return "The specified topic is blank.";
  }
  for (unsigned char c : topic) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '%' || c == '|' || c == '_' || c == '-';
    if (!ok) {
      return "The specified topic contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$";
    }
  }
  if (topic.size() > 127) return "The specified topic is longer than topic max length.";
  return "";
}

bool IsNotAllowedSendTopic(const std::string& topic) {
  return topic == kScheduleTopicName || topic == kTransHalfTopic || topic == kTransOpHalfTopic ||
         topic == kTransCheckMaxTimeTopic;
}

std::string TopicConfigToJavaString(const TopicConfig& c) {
  return "TopicConfig [topicName=" + c.topic_name +
         ", readQueueNums=" + std::to_string(c.read_queue_nums) +
         ", writeQueueNums=" + std::to_string(c.write_queue_nums) +
         ", perm=" + PermToString(c.perm) + ", topicFilterType=" + c.topic_filter_type +
         ", topicSysFlag=" + std::to_string(c.topic_sys_flag) +
         ", order=" + (c.order ? "true" : "false") + "]";
}

}  // namespace rocketmq::broker
