#include "mockbroker/store/message_store_config.h"

#include <cstdlib>
#include <functional>
#include <map>

namespace rocketmq::store {

std::string MessageStoreConfig::RootDir() const {
  if (!storePathRootDir.empty()) return storePathRootDir;
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr ? home : ".") + "/store";
}

std::string MessageStoreConfig::CommitLogDir() const {
  return storePathCommitLog.empty() ? RootDir() + "/commitlog" : storePathCommitLog;
}

namespace {

bool ParseInt64(const std::string& s, int64_t* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (end == nullptr || *end != '\0') return false;
  *out = v;
  return true;
}

}  // namespace

Status MessageStoreConfig::LoadFromProperties(const Properties& props) {
  using Setter = std::function<bool(const std::string&)>;
  auto i32 = [](int32_t* field) -> Setter {
    return [field](const std::string& v) {
      int64_t x;
      if (!ParseInt64(v, &x) || x < INT32_MIN || x > INT32_MAX) return false;
      *field = static_cast<int32_t>(x);
      return true;
    };
  };
  auto i64 = [](int64_t* field) -> Setter {
    return [field](const std::string& v) { return ParseInt64(v, field); };
  };
  auto boolean = [](bool* field) -> Setter {
    return [field](const std::string& v) {
      if (v != "true" && v != "false") return false;
      *field = v == "true";
      return true;
    };
  };
  auto str = [](std::string* field) -> Setter {
    return [field](const std::string& v) {
      *field = v;
      return true;
    };
  };
  const std::map<std::string, Setter> setters = {
      {"storePathRootDir", str(&storePathRootDir)},
      {"storePathCommitLog", str(&storePathCommitLog)},
      {"mappedFileSizeCommitLog", i32(&mappedFileSizeCommitLog)},
      {"mappedFileSizeConsumeQueue", i32(&mappedFileSizeConsumeQueue)},
      {"flushDiskType",
       [this](const std::string& v) {
         if (v == "ASYNC_FLUSH")
           flushDiskType = FlushDiskType::kAsyncFlush;
         else if (v == "SYNC_FLUSH")
           flushDiskType = FlushDiskType::kSyncFlush;
         else
           return false;
         return true;
       }},
      {"brokerRole",
       [this](const std::string& v) {
         if (v == "ASYNC_MASTER")
           brokerRole = BrokerRole::kAsyncMaster;
         else if (v == "SYNC_MASTER")
           brokerRole = BrokerRole::kSyncMaster;
         else if (v == "SLAVE")
           brokerRole = BrokerRole::kSlave;
         else
           return false;
         return true;
       }},
      {"syncFlushTimeout", i64(&syncFlushTimeout)},
      {"flushIntervalCommitLog", i32(&flushIntervalCommitLog)},
      {"flushCommitLogLeastPages", i32(&flushCommitLogLeastPages)},
      {"flushCommitLogThoroughInterval", i32(&flushCommitLogThoroughInterval)},
      {"flushCommitLogTimed", boolean(&flushCommitLogTimed)},
      {"flushIntervalConsumeQueue", i32(&flushIntervalConsumeQueue)},
      {"flushConsumeQueueLeastPages", i32(&flushConsumeQueueLeastPages)},
      {"flushConsumeQueueThoroughInterval", i32(&flushConsumeQueueThoroughInterval)},
      {"maxMessageSize", i32(&maxMessageSize)},
      {"checkCRCOnRecover", boolean(&checkCRCOnRecover)},
      {"messageIndexEnable", boolean(&messageIndexEnable)},
      {"messageIndexSafe", boolean(&messageIndexSafe)},
      {"maxHashSlotNum", i32(&maxHashSlotNum)},
      {"maxIndexNum", i32(&maxIndexNum)},
      {"maxMsgsNumBatch", i32(&maxMsgsNumBatch)},
      {"deleteWhen", str(&deleteWhen)},
      {"fileReservedTime", i32(&fileReservedTime)},
      {"diskMaxUsedSpaceRatio", i32(&diskMaxUsedSpaceRatio)},
      {"cleanFileForciblyEnable", boolean(&cleanFileForciblyEnable)},
      {"cleanResourceInterval", i32(&cleanResourceInterval)},
      {"maxTransferBytesOnMessageInMemory", i32(&maxTransferBytesOnMessageInMemory)},
      {"maxTransferCountOnMessageInMemory", i32(&maxTransferCountOnMessageInMemory)},
      {"maxTransferBytesOnMessageInDisk", i32(&maxTransferBytesOnMessageInDisk)},
      {"maxTransferCountOnMessageInDisk", i32(&maxTransferCountOnMessageInDisk)},
      {"accessMessageInMemoryMaxRatio", i32(&accessMessageInMemoryMaxRatio)},
      {"offsetCheckInSlave", boolean(&offsetCheckInSlave)},
      {"messageDelayLevel", str(&messageDelayLevel)},
      {"flushDelayOffsetInterval", i64(&flushDelayOffsetInterval)},
      {"haMasterAddress", str(&haMasterAddress)},
      {"haSendHeartbeatInterval", i32(&haSendHeartbeatInterval)},
      {"haHousekeepingInterval", i32(&haHousekeepingInterval)},
      {"haTransferBatchSize", i32(&haTransferBatchSize)},
      {"haSlaveFallbehindMax", i64(&haSlaveFallbehindMax)},
      {"slaveTimeout", i32(&slaveTimeout)},
  };
  for (const auto& [key, value] : props.entries()) {
    auto it = setters.find(key);
    if (it == setters.end()) continue;
    if (!it->second(value)) {
      return Status::InvalidArgument("bad value for " + key + ": '" + value + "'");
    }
  }
  if (mappedFileSizeConsumeQueue <= 0 || mappedFileSizeConsumeQueue % 20 != 0) {
    return Status::InvalidArgument("mappedFileSizeConsumeQueue must be a positive multiple of 20");
  }
  if (haTransferBatchSize <= 0) return Status::InvalidArgument("haTransferBatchSize must be > 0");
  return Status::OK();
}

Result<std::vector<int64_t>> ParseMessageDelayLevel(std::string_view text) {
  // Java String.split(" ") drops trailing empty items, so trailing spaces are harmless.
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return Status::InvalidArgument("messageDelayLevel has no level");
  std::vector<int64_t> levels;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = text.substr(pos, end - pos);
    pos = end + 1;
    auto bad = [&](const char* why) {
      return Status::InvalidArgument("messageDelayLevel item " + std::to_string(levels.size() + 1) +
                                     " '" + std::string(item) + "': " + why);
    };
    if (item.empty()) return bad("empty (leading or doubled space)");
    int64_t unit_ms = 0;
    switch (item.back()) {
      case 's':
        unit_ms = 1000;
        break;
      case 'm':
        unit_ms = 60 * 1000;
        break;
      case 'h':
        unit_ms = 60 * 60 * 1000;
        break;
      case 'd':
        unit_ms = 24 * 60 * 60 * 1000;
        break;
      default:
        return bad("unit is not s, m, h or d");
    }
    // Long.parseLong: an optional sign, then at least one decimal digit.
    std::string_view digits = item.substr(0, item.size() - 1);
    bool negative = false;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
      negative = digits[0] == '-';
      digits.remove_prefix(1);
    }
    if (digits.empty()) return bad("no number");
    int64_t num = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return bad("not a number");
      if (num > (INT64_MAX - (c - '0')) / 10) return bad("number too large");
      num = num * 10 + (c - '0');
    }
    if (num > INT64_MAX / unit_ms) return bad("delay too large");
    levels.push_back((negative ? -num : num) * unit_ms);
  }
  return levels;
}

int64_t ComputeDeliverTimestamp(const std::vector<int64_t>& delay_levels_ms, int32_t level,
                                int64_t store_timestamp) {
  if (level >= 1 && static_cast<size_t>(level) <= delay_levels_ms.size()) {
    return store_timestamp + delay_levels_ms[static_cast<size_t>(level - 1)];
  }
  return store_timestamp + 1000;
}

}  // namespace rocketmq::store
