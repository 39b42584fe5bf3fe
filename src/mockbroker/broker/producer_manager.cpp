#include "mockbroker/broker/producer_manager.h"

#include "common/logging.h"
#include "mockbroker/broker/consumer_manager.h"

namespace rocketmq::broker {

void ProducerManager::RegisterProducer(const std::string& group, const ClientChannelInfo& info) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& chans = groups_[group];
  if (chans.count(info.channel->id()) == 0) {
    client_channels_[info.client_id] = info.channel;
    RMQ_LOG(kInfo) << "new producer connected, group: " << group
                   << " channel: " << info.channel->RemoteAddress();
  }
  chans[info.channel->id()] = info;
}

void ProducerManager::UnregisterProducer(const std::string& group, const ClientChannelInfo& info) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = groups_.find(group);
  if (it == groups_.end()) return;
  if (it->second.erase(info.channel->id()) != 0) {
    client_channels_.erase(info.client_id);
    RMQ_LOG(kInfo) << "unregister a producer " << group << " from groupChannelTable "
                   << info.client_id;
  }
  if (it->second.empty()) groups_.erase(it);
}

void ProducerManager::DoChannelCloseEvent(uint64_t channel_id) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = groups_.begin(); it != groups_.end();) {
    auto c = it->second.find(channel_id);
    if (c != it->second.end()) {
      ForgetClientLocked(c->second);
      it->second.erase(c);
    }
    it = it->second.empty() ? groups_.erase(it) : std::next(it);
  }
}

void ProducerManager::ForgetClientLocked(const ClientChannelInfo& info) {
  auto it = client_channels_.find(info.client_id);
  if (it != client_channels_.end() && it->second == info.channel) client_channels_.erase(it);
}

void ProducerManager::ScanNotActiveChannel(int64_t now_ms) {
  std::vector<std::shared_ptr<remoting::Channel>> expired;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = groups_.begin(); it != groups_.end();) {
      for (auto c = it->second.begin(); c != it->second.end();) {
        if (now_ms - c->second.last_update_timestamp > kChannelExpiredTimeoutMs) {
          RMQ_LOG(kWarn) << "SCAN: remove expired channel[" << c->second.channel->RemoteAddress()
                         << "] from ProducerManager "
                         << "groupChannelTable, producer group name: " << it->first;
          expired.push_back(c->second.channel);
          ForgetClientLocked(c->second);
          c = it->second.erase(c);
        } else {
          ++c;
        }
      }
      it = it->second.empty() ? groups_.erase(it) : std::next(it);
    }
  }
  for (const auto& ch : expired) ch->Close();
}

std::vector<ClientChannelInfo> ProducerManager::GetConnections(const std::string& group) const {
  std::vector<ClientChannelInfo> out;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = groups_.find(group);
  if (it == groups_.end()) return out;
  for (const auto& [id, info] : it->second) out.push_back(info);
  return out;
}

std::map<std::string, std::vector<ClientChannelInfo>> ProducerManager::GetAllConnections() const {
  std::map<std::string, std::vector<ClientChannelInfo>> out;
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [group, channels] : groups_) {
    for (const auto& [id, info] : channels) out[group].push_back(info);
  }
  return out;
}

std::shared_ptr<remoting::Channel> ProducerManager::GetAvailableChannel(const std::string& group) {
  constexpr int kRetryCount = 3;  // Java GET_AVAILABLE_CHANNEL_RETRY_COUNT
  std::vector<std::shared_ptr<remoting::Channel>> channels;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = groups_.find(group);
    if (it != groups_.end()) {
      for (const auto& [id, info] : it->second) channels.push_back(info.channel);
    }
  }
  if (channels.empty()) {
    RMQ_LOG(kWarn) << "Check transaction failed, channel table is empty. groupId=" << group;
    return nullptr;
  }
  size_t index = (rotation_.fetch_add(1) + 1) % channels.size();
  for (int tried = 0; tried <= kRetryCount; ++tried) {
    if (channels[index]->IsActive()) return channels[index];
    index = (index + 1) % channels.size();
  }
  return nullptr;
}

std::shared_ptr<remoting::Channel> ProducerManager::FindChannel(
    const std::string& client_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = client_channels_.find(client_id);
  return it == client_channels_.end() ? nullptr : it->second;
}

}  // namespace rocketmq::broker
