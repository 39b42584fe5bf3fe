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

}  // namespace rocketmq::store
