// Message ids (protocol.md §4): the broker's offset message id (store host + CommitLog offset)
// and the client's unique key UNIQ_KEY (Java MessageClientIDSetter).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include "common/socket_address.h"
#include "common/status.h"

namespace rocketmq {

// ---- Offset message id (§4.1). ----

// Uppercase hex of: store host address (4 or 16 bytes) | port (4) | commit log offset (8).
// 32 characters for an IPv4 host, 56 for IPv6.
std::string CreateOffsetMessageId(const SocketAddress& store_host, int64_t commit_log_offset);

struct OffsetMessageId {
  SocketAddress address;  // the broker that stored the message
  int64_t offset = 0;     // its physical CommitLog offset
};

// Decodes an offset message id: 32 hex characters (IPv4) or 56 (IPv6), either case.
// InvalidArgument for any other length or a non-hex character. Note that a UNIQ_KEY from an IPv4
// client also has 32 characters and decodes "successfully" into nonsense (see protocol.md §4.3).
Result<OffsetMessageId> DecodeOffsetMessageId(std::string_view msg_id);

// ---- Client unique key UNIQ_KEY (§4.2). ----

// The parts of a UNIQ_KEY.
struct UniqueIdInfo {
  std::string ip;                 // 4 or 16 raw bytes: the producer host
  uint16_t pid = 0;               // low 16 bits of the producer's process id
  int32_t class_loader_hash = 0;  // per-process random value
  int32_t ms_in_month = 0;        // ms since the start of the month (producer's local time)
  uint16_t counter = 0;           // per-process sequence number

  // The address bytes as text ("192.0.2.2", "fd00::2").
  std::string IpToString() const;
};

// Parses a UNIQ_KEY: 32 hex characters (IPv4 host) or 56 (IPv6 host), either case.
// InvalidArgument otherwise.
Result<UniqueIdInfo> ParseUniqueId(std::string_view uniq_key);

// Approximate epoch ms at which the id was created, as Java's getNearlyTimeFromID: the month
// start (local time) of `now_ms` plus ms_in_month, or of the previous month when that would not
// be in the past. Only meaningful when producer and caller share a time zone.
int64_t NearlyTimeFromUniqueId(const UniqueIdInfo& info, int64_t now_ms);

// Start of the month containing `epoch_ms` (day 1, 00:00:00.000 local time), epoch ms.
int64_t LocalMonthStartMs(int64_t epoch_ms);

// The address a producer puts in its UNIQ_KEYs, chosen like Java's UtilAll.getIP: the first
// address (interface order) that is not loopback, link-local or unspecified, preferring one that
// is not private (10/8, 172.16/12, 192.168/16, site-local fec0::/10) over the first private one.
// If there is none, 4 bytes derived from the current time (as Java's createFakeIP).
std::string LocalAddressForUniqueId();

// Generates UNIQ_KEYs. Thread-safe: Next() may be called from any thread.
//
// Layout (uppercase hex): ip (4/16) | pid (2) | class_loader_hash (4) | ms since the start of the
// current month in local time (4) | counter (2). The first 10 (or 22) bytes never change.
class UniqueIdGenerator {
 public:
  // Returns epoch milliseconds.
  using Clock = std::function<int64_t()>;

  // `ip` must be 4 or 16 bytes (other lengths are replaced by 4 zero bytes). `clock` defaults to
  // the system clock. The counter starts at 0.
  UniqueIdGenerator(std::string ip, uint16_t pid, int32_t class_loader_hash, Clock clock = nullptr);
  UniqueIdGenerator(const UniqueIdGenerator&) = delete;
  UniqueIdGenerator& operator=(const UniqueIdGenerator&) = delete;

  // A new id (32 or 56 characters).
  std::string Next();

  // The per-process generator: LocalAddressForUniqueId(), getpid(), a random int. Created on
  // first use and never destroyed (safe to use from static destructors).
  static UniqueIdGenerator& Default();

 private:
  const std::string prefix_hex_;  // ip | pid | class_loader_hash, hex
  const Clock clock_;
  std::atomic<uint32_t> counter_{0};
  std::mutex mu_;
  int64_t month_start_ms_ = 0;       // guarded by mu_
  int64_t next_month_start_ms_ = 0;  // guarded by mu_
};

}  // namespace rocketmq
