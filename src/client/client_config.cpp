#include "client/client_config.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "common/message_id.h"
#include "common/socket_address.h"

namespace rocketmq::client {

ClientConfig::ClientConfig() : client_ip(LocalClientIp()) {}

std::string ClientConfig::BuildClientId() const {
  std::string id = client_ip + "@" + instance_name;
  if (!unit_name.empty()) id += "@" + unit_name;
  return id;
}

void ClientConfig::ChangeInstanceNameToPid() {
  if (instance_name != kDefaultInstanceName) return;
  int64_t nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count();
  instance_name = std::to_string(::getpid()) + "#" + std::to_string(nanos);
}

std::vector<std::string> ClientConfig::NamesrvAddrList() const {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= namesrv_addr.size()) {
    size_t end = namesrv_addr.find(';', start);
    if (end == std::string::npos) end = namesrv_addr.size();
    std::string piece = namesrv_addr.substr(start, end - start);
    size_t b = piece.find_first_not_of(" \t\r\n");
    size_t e = piece.find_last_not_of(" \t\r\n");
    if (b != std::string::npos) out.push_back(piece.substr(b, e - b + 1));
    start = end + 1;
  }
  return out;
}

size_t ClientConfig::EffectiveCallbackThreads() const {
  if (callback_threads > 0) return callback_threads;
  return std::max<size_t>(2, std::thread::hardware_concurrency());
}

std::string LocalClientIp() {
  // Same choice as the UNIQ_KEY address (Java uses the same preference order).
  std::string raw = LocalAddressForUniqueId();
  Result<SocketAddress> addr = SocketAddress::FromBytes(raw, 0);
  if (!addr.ok()) return "127.0.0.1";
  return addr->IpToString();
}

}  // namespace rocketmq::client
