#include "common/message_id.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <memory>
#include <random>

#include "common/byte_order.h"
#include "common/string_util.h"
#include "common/time_util.h"

namespace rocketmq {

namespace {

// Start of the month containing `epoch_ms`, shifted by `month_delta` months (local time).
int64_t MonthStartMs(int64_t epoch_ms, int month_delta) {
  time_t secs = static_cast<time_t>(epoch_ms / 1000);
  if (epoch_ms < 0 && epoch_ms % 1000 != 0) --secs;
  struct tm tm_local {};
  localtime_r(&secs, &tm_local);
  tm_local.tm_mday = 1;
  tm_local.tm_hour = 0;
  tm_local.tm_min = 0;
  tm_local.tm_sec = 0;
  tm_local.tm_mon += month_delta;  // mktime normalizes month overflow into the year
  tm_local.tm_isdst = -1;
  return static_cast<int64_t>(mktime(&tm_local)) * 1000;
}

std::string BigEndian16(uint16_t v) {
  char b[2];
  EncodeFixed16BE(b, v);
  return std::string(b, 2);
}

std::string BigEndian32(uint32_t v) {
  char b[4];
  EncodeFixed32BE(b, v);
  return std::string(b, 4);
}

bool IsPrivate(const std::string& ip) {
  const auto* b = reinterpret_cast<const uint8_t*>(ip.data());
  if (ip.size() == 4) {
    return b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168);
  }
  return b[0] == 0xFE && (b[1] & 0xC0) == 0xC0;  // site-local fec0::/10
}

// Loopback, link-local, unspecified.
bool IsUnusable(const std::string& ip) {
  const auto* b = reinterpret_cast<const uint8_t*>(ip.data());
  if (ip.size() == 4) {
    return b[0] == 127 || b[0] == 0 || (b[0] == 169 && b[1] == 254) || b[0] >= 224;
  }
  static const uint8_t kZero[16] = {};
  static const uint8_t kLoopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  if (std::memcmp(b, kZero, 16) == 0 || std::memcmp(b, kLoopback, 16) == 0) return true;
  return (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) || b[0] == 0xFF;  // link-local, multicast
}

struct FreeIfAddrs {
  void operator()(ifaddrs* p) const { freeifaddrs(p); }
};

}  // namespace

std::string CreateOffsetMessageId(const SocketAddress& store_host, int64_t commit_log_offset) {
  std::string raw(store_host.ip());
  raw += BigEndian32(static_cast<uint32_t>(store_host.port()));
  char b[8];
  EncodeFixed64BE(b, static_cast<uint64_t>(commit_log_offset));
  raw.append(b, 8);
  return HexEncodeUpper(raw);
}

Result<OffsetMessageId> DecodeOffsetMessageId(std::string_view msg_id) {
  if (msg_id.size() != 32 && msg_id.size() != 56) {
    return Status::InvalidArgument("offset message id must have 32 or 56 hex characters: " +
                                   std::string(msg_id));
  }
  std::string raw;
  if (!HexDecode(msg_id, &raw)) {
    return Status::InvalidArgument("offset message id is not hex: " + std::string(msg_id));
  }
  size_t ip_len = raw.size() == 16 ? 4 : 16;
  auto port = static_cast<int32_t>(DecodeFixed32BE(raw.data() + ip_len));
  auto addr = SocketAddress::FromBytes(std::string_view(raw).substr(0, ip_len), port);
  if (!addr.ok()) return addr.status();
  OffsetMessageId id;
  id.address = *addr;
  id.offset = static_cast<int64_t>(DecodeFixed64BE(raw.data() + ip_len + 4));
  return id;
}

std::string UniqueIdInfo::IpToString() const {
  auto addr = SocketAddress::FromBytes(ip, 0);
  return addr.ok() ? addr->IpToString() : std::string();
}

Result<UniqueIdInfo> ParseUniqueId(std::string_view uniq_key) {
  if (uniq_key.size() != 32 && uniq_key.size() != 56) {
    return Status::InvalidArgument("UNIQ_KEY must have 32 or 56 hex characters: " +
                                   std::string(uniq_key));
  }
  std::string raw;
  if (!HexDecode(uniq_key, &raw)) {
    return Status::InvalidArgument("UNIQ_KEY is not hex: " + std::string(uniq_key));
  }
  size_t ip_len = raw.size() == 16 ? 4 : 16;
  const char* p = raw.data() + ip_len;
  UniqueIdInfo info;
  info.ip = raw.substr(0, ip_len);
  info.pid = DecodeFixed16BE(p);
  info.class_loader_hash = static_cast<int32_t>(DecodeFixed32BE(p + 2));
  info.ms_in_month = static_cast<int32_t>(DecodeFixed32BE(p + 6));
  info.counter = DecodeFixed16BE(p + 10);
  return info;
}

int64_t LocalMonthStartMs(int64_t epoch_ms) { return MonthStartMs(epoch_ms, 0); }

int64_t NearlyTimeFromUniqueId(const UniqueIdInfo& info, int64_t now_ms) {
  // Java reads the 4 bytes as an unsigned span.
  int64_t span = static_cast<uint32_t>(info.ms_in_month);
  int64_t month_start = MonthStartMs(now_ms, 0);
  if (month_start + span >= now_ms) month_start = MonthStartMs(now_ms, -1);
  return month_start + span;
}

std::string LocalAddressForUniqueId() {
  ifaddrs* raw = nullptr;
  std::string first_private;
  if (getifaddrs(&raw) == 0) {
    std::unique_ptr<ifaddrs, FreeIfAddrs> list(raw);
    for (ifaddrs* it = list.get(); it != nullptr; it = it->ifa_next) {
      if (it->ifa_addr == nullptr || (it->ifa_flags & IFF_UP) == 0) continue;
      std::string ip;
      if (it->ifa_addr->sa_family == AF_INET) {
        const auto* sin = reinterpret_cast<const sockaddr_in*>(it->ifa_addr);
        ip.assign(reinterpret_cast<const char*>(&sin->sin_addr), 4);
      } else if (it->ifa_addr->sa_family == AF_INET6) {
        const auto* sin6 = reinterpret_cast<const sockaddr_in6*>(it->ifa_addr);
        ip.assign(reinterpret_cast<const char*>(&sin6->sin6_addr), 16);
      } else {
        continue;
      }
      if (IsUnusable(ip)) continue;
      if (!IsPrivate(ip)) return ip;
      if (first_private.empty()) first_private = ip;
    }
  }
  if (!first_private.empty()) return first_private;
  // No usable interface: the low 4 bytes of the current time stand in for an address.
  return BigEndian32(static_cast<uint32_t>(NowMillis()));
}

UniqueIdGenerator::UniqueIdGenerator(std::string ip, uint16_t pid, int32_t class_loader_hash,
                                     Clock clock)
    : prefix_hex_(HexEncodeUpper((ip.size() == 4 || ip.size() == 16 ? ip : std::string(4, '\0')) +
                                 BigEndian16(pid) +
                                 BigEndian32(static_cast<uint32_t>(class_loader_hash)))),
      clock_(clock ? std::move(clock) : Clock(NowMillis)) {}

std::string UniqueIdGenerator::Next() {
  int64_t now = clock_();
  int64_t month_start;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (now >= next_month_start_ms_ || next_month_start_ms_ == 0) {
      month_start_ms_ = MonthStartMs(now, 0);
      next_month_start_ms_ = MonthStartMs(now, 1);
    }
    month_start = month_start_ms_;
  }
  auto diff = static_cast<int32_t>(now - month_start);
  // A small step back of the clock (NTP) must not produce a negative time.
  if (diff < 0 && diff > -1000000) diff = 0;
  uint16_t counter = static_cast<uint16_t>(counter_.fetch_add(1, std::memory_order_relaxed));
  return prefix_hex_ +
         HexEncodeUpper(BigEndian32(static_cast<uint32_t>(diff)) + BigEndian16(counter));
}

UniqueIdGenerator& UniqueIdGenerator::Default() {
  // Leaked on purpose: ids may still be generated from other static destructors.
  static UniqueIdGenerator* generator = [] {
    std::random_device rd;
    auto hash = static_cast<int32_t>(rd());
    return new UniqueIdGenerator(LocalAddressForUniqueId(), static_cast<uint16_t>(getpid()), hash);
  }();
  return *generator;
}

}  // namespace rocketmq
