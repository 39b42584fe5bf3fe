// ProducerManager: live producer connections per group, and the connection of each producer
// client id (Java ProducerManager's groupChannelTable and clientChannelTable). Channels silent
// for 120 s are closed and dropped by ScanNotActiveChannel. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "mockbroker/broker/client_channel_info.h"

namespace rocketmq::broker {

class ProducerManager {
 public:
  void RegisterProducer(const std::string& group, const ClientChannelInfo& info);
  void UnregisterProducer(const std::string& group, const ClientChannelInfo& info);
  void DoChannelCloseEvent(uint64_t channel_id);
  void ScanNotActiveChannel(int64_t now_ms);
  // The live connections of `group` (empty when none).
  std::vector<ClientChannelInfo> GetConnections(const std::string& group) const;
  // Every group's live connections (groups without one left out).
  std::map<std::string, std::vector<ClientChannelInfo>> GetAllConnections() const;
  // Java getAvailableChannel (transaction checks): starting at a rotating index, the first
  // active channel of `group` among at most 3 tried; nullptr when the group has none.
  std::shared_ptr<remoting::Channel> GetAvailableChannel(const std::string& group);
  // The channel the producer client `client_id` registered last (reply messages); nullptr when
  // unknown.
  std::shared_ptr<remoting::Channel> FindChannel(const std::string& client_id) const;

 private:
  // Drops `info` from client_channels_ when it still maps to info's channel. Caller holds mu_.
  void ForgetClientLocked(const ClientChannelInfo& info);

  mutable std::mutex mu_;
  std::map<std::string, std::map<uint64_t, ClientChannelInfo>> groups_;        // guarded by mu_
  std::map<std::string, std::shared_ptr<remoting::Channel>> client_channels_;  // guarded by mu_
  std::atomic<uint32_t> rotation_{0};
};

}  // namespace rocketmq::broker
