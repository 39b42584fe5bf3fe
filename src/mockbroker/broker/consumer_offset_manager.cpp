#include "mockbroker/broker/consumer_offset_manager.h"

#include <utility>

#include "common/logging.h"
#include "common/model/json_body.h"
#include "mockbroker/broker/config_file.h"

namespace rocketmq::broker {

namespace {
constexpr char kSeparator = '@';
}  // namespace

ConsumerOffsetManager::ConsumerOffsetManager(std::string config_path)
    : config_path_(std::move(config_path)) {}

Status ConsumerOffsetManager::Load() {
  return LoadConfigFile(config_path_, [this](const std::string& text) -> Status {
    Result<ConsumerOffsetSerializeWrapper> w = DecodeJsonBody<ConsumerOffsetSerializeWrapper>(text);
    if (!w.ok()) return w.status();
    std::lock_guard<std::mutex> lock(mu_);
    table_ = std::move(w->offset_table);
    return Status::OK();
  });
}

Status ConsumerOffsetManager::Persist() {
  std::string text = Snapshot().ToJson(/*pretty=*/true);
  std::lock_guard<std::mutex> lock(persist_mu_);
  return PersistConfigFile(config_path_, text);
}

Status ConsumerOffsetManager::SyncFromMaster(const ConsumerOffsetSerializeWrapper& master) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [key, queues] : master.offset_table) table_[key] = queues;
  }
  return Persist();
}

void ConsumerOffsetManager::CommitOffset(const std::string& client_host, const std::string& group,
                                         const std::string& topic, int32_t queue_id,
                                         int64_t offset) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& queues = table_[ConsumerOffsetSerializeWrapper::Key(topic, group)];
  auto it = queues.find(queue_id);
  if (it != queues.end() && offset < it->second) {
    RMQ_LOG(kWarn) << "update consumer offset less than store. clientHost=" << client_host
                   << ", key=" << topic << kSeparator << group << ", queueId=" << queue_id
                   << ", requestOffset=" << offset << ", storeOffset=" << it->second;
  }
  queues[queue_id] = offset;
}

int64_t ConsumerOffsetManager::QueryOffset(const std::string& group, const std::string& topic,
                                           int32_t queue_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = table_.find(ConsumerOffsetSerializeWrapper::Key(topic, group));
  if (it == table_.end()) return -1;
  auto q = it->second.find(queue_id);
  return q == it->second.end() ? -1 : q->second;
}

void ConsumerOffsetManager::CloneOffset(const std::string& src_group, const std::string& dest_group,
                                        const std::string& topic) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = table_.find(ConsumerOffsetSerializeWrapper::Key(topic, src_group));
  if (it == table_.end()) return;
  std::map<int32_t, int64_t> copy = it->second;
  table_[ConsumerOffsetSerializeWrapper::Key(topic, dest_group)] = std::move(copy);
}

void ConsumerOffsetManager::RemoveTopic(const std::string& topic) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = table_.begin(); it != table_.end();) {
    size_t at = it->first.find(kSeparator);
    if (at != std::string::npos && it->first.substr(0, at) == topic) {
      it = table_.erase(it);
    } else {
      ++it;
    }
  }
}

size_t ConsumerOffsetManager::RemoveGroup(const std::string& group) {
  size_t removed = 0;
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = table_.begin(); it != table_.end();) {
    const std::string& key = it->first;
    const size_t at = key.find(kSeparator);
    // Java: topicAtGroup.split("@") has two parts and the second is the group. split drops
    // trailing empty parts, so "topic@" has one part and never matches.
    const bool two_parts = at != std::string::npos && at + 1 < key.size() &&
                           key.find(kSeparator, at + 1) == std::string::npos;
    if (two_parts && key.compare(at + 1, std::string::npos, group) == 0) {
      RMQ_LOG(kWarn) << "clean group offset " << key;
      it = table_.erase(it);
      ++removed;
    } else {
      ++it;
    }
  }
  return removed;
}

std::set<std::string> ConsumerOffsetManager::WhichGroupByTopic(const std::string& topic) const {
  std::set<std::string> groups;
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [key, queues] : table_) {
    size_t at = key.find(kSeparator);
    if (at != std::string::npos && key.substr(0, at) == topic) groups.insert(key.substr(at + 1));
  }
  return groups;
}

std::set<std::string> ConsumerOffsetManager::WhichTopicByConsumer(const std::string& group) const {
  std::set<std::string> topics;
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [key, queues] : table_) {
    size_t at = key.find(kSeparator);
    if (at != std::string::npos && key.substr(at + 1) == group) topics.insert(key.substr(0, at));
  }
  return topics;
}

ConsumerOffsetSerializeWrapper ConsumerOffsetManager::Snapshot() const {
  ConsumerOffsetSerializeWrapper w;
  std::lock_guard<std::mutex> lock(mu_);
  w.offset_table = table_;
  return w;
}

}  // namespace rocketmq::broker
