// ProducerManager: live producer connections per group (Java ProducerManager). Channels silent
// for 120 s are closed and dropped by ScanNotActiveChannel. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
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

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::map<uint64_t, ClientChannelInfo>> groups_;  // guarded by mu_
};

}  // namespace rocketmq::broker
