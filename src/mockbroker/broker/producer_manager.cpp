#include "mockbroker/broker/producer_manager.h"

#include "common/logging.h"
#include "mockbroker/broker/consumer_manager.h"

namespace rocketmq::broker {

void ProducerManager::RegisterProducer(const std::string& group, const ClientChannelInfo& info) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& chans = groups_[group];
  if (chans.count(info.channel->id()) == 0) {
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
    RMQ_LOG(kInfo) << "unregister a producer " << group << " from groupChannelTable "
                   << info.client_id;
  }
  if (it->second.empty()) groups_.erase(it);
}

void ProducerManager::DoChannelCloseEvent(uint64_t channel_id) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = groups_.begin(); it != groups_.end();) {
    it->second.erase(channel_id);
    it = it->second.empty() ? groups_.erase(it) : std::next(it);
  }
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

}  // namespace rocketmq::broker
