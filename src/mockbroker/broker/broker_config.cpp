#include "mockbroker/broker/broker_config.h"

#include "common/time_util.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <set>

#include "common/java_hash.h"
#include "common/logging.h"
#include "mockbroker/broker/config_file.h"

namespace rocketmq::broker {

namespace {

using store::MessageStoreConfig;

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool ParseInt64(const std::string& text, int64_t* out) {
  const std::string t = Trim(text);
  if (t.empty()) return false;
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(t.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return false;
  *out = v;
  return true;
}

// One broker key: reads it into and writes it from a BrokerConfig.
struct Field {
  enum Kind { kString, kInt, kBool };
  const char* name;
  Kind kind;
  std::function<bool(BrokerConfig&, const std::string&)> set;  // false: malformed value
  std::function<std::string(const BrokerConfig&)> get;
};

Field Str(const char* name, std::string BrokerConfig::*m) {
  return {name, Field::kString,
          [m](BrokerConfig& c, const std::string& v) {
            c.*m = Trim(v);
            return true;
          },
          [m](const BrokerConfig& c) { return c.*m; }};
}

template <typename T>
Field Int(const char* name, T BrokerConfig::*m) {
  return {name, Field::kInt,
          [m](BrokerConfig& c, const std::string& v) {
            int64_t x = 0;
            if (!ParseInt64(v, &x) || x < std::numeric_limits<T>::min() ||
                x > std::numeric_limits<T>::max()) {
              return false;
            }
            c.*m = static_cast<T>(x);
            return true;
          },
          [m](const BrokerConfig& c) { return std::to_string(c.*m); }};
}

Field Bool(const char* name, bool BrokerConfig::*m) {
  return {name, Field::kBool,
          [m](BrokerConfig& c, const std::string& v) {
            const std::string t = Trim(v);
            if (t != "true" && t != "false") return false;
            c.*m = t == "true";
            return true;
          },
          [m](const BrokerConfig& c) { return std::string(c.*m ? "true" : "false"); }};
}

const std::vector<Field>& BrokerFields() {
  static const std::vector<Field> kFields = {
      Str("rocketmqHome", &BrokerConfig::rocketmqHome),
      Str("namesrvAddr", &BrokerConfig::namesrvAddr),
      Str("brokerIP1", &BrokerConfig::brokerIP1),
      Str("brokerIP2", &BrokerConfig::brokerIP2),
      Str("brokerName", &BrokerConfig::brokerName),
      Str("brokerClusterName", &BrokerConfig::brokerClusterName),
      Int("brokerId", &BrokerConfig::brokerId),
      Int("brokerPermission", &BrokerConfig::brokerPermission),
      Int("defaultTopicQueueNums", &BrokerConfig::defaultTopicQueueNums),
      Bool("autoCreateTopicEnable", &BrokerConfig::autoCreateTopicEnable),
      Bool("clusterTopicEnable", &BrokerConfig::clusterTopicEnable),
      Bool("brokerTopicEnable", &BrokerConfig::brokerTopicEnable),
      Bool("autoCreateSubscriptionGroup", &BrokerConfig::autoCreateSubscriptionGroup),
      Bool("traceTopicEnable", &BrokerConfig::traceTopicEnable),
      Str("msgTraceTopicName", &BrokerConfig::msgTraceTopicName),
      Bool("rejectTransactionMessage", &BrokerConfig::rejectTransactionMessage),
      Int("transactionTimeOut", &BrokerConfig::transactionTimeOut),
      Int("transactionCheckMax", &BrokerConfig::transactionCheckMax),
      Int("transactionCheckInterval", &BrokerConfig::transactionCheckInterval),
      Bool("storeReplyMessageEnable", &BrokerConfig::storeReplyMessageEnable),
      Bool("notifyConsumerIdsChangedEnable", &BrokerConfig::notifyConsumerIdsChangedEnable),
      Bool("longPollingEnable", &BrokerConfig::longPollingEnable),
      Int("shortPollingTimeMills", &BrokerConfig::shortPollingTimeMills),
      Int("registerNameServerPeriod", &BrokerConfig::registerNameServerPeriod),
      Int("registerBrokerTimeoutMills", &BrokerConfig::registerBrokerTimeoutMills),
      Bool("forceRegister", &BrokerConfig::forceRegister),
      Bool("compressedRegister", &BrokerConfig::compressedRegister),
      Int("flushConsumerOffsetInterval", &BrokerConfig::flushConsumerOffsetInterval),
      Int("defaultQueryMaxNum", &BrokerConfig::defaultQueryMaxNum),
      Bool("traceOn", &BrokerConfig::traceOn),
      Str("regionId", &BrokerConfig::regionId),
      Bool("slaveReadEnable", &BrokerConfig::slaveReadEnable),
      Bool("aclEnable", &BrokerConfig::aclEnable),
      Int("sendMessageThreadPoolNums", &BrokerConfig::sendMessageThreadPoolNums),
      Int("pullMessageThreadPoolNums", &BrokerConfig::pullMessageThreadPoolNums),
      Int("adminBrokerThreadPoolNums", &BrokerConfig::adminBrokerThreadPoolNums),
      Int("listenPort", &BrokerConfig::listenPort),
      Int("serverWorkerThreads", &BrokerConfig::serverWorkerThreads),
      Int("serverChannelMaxIdleTimeSeconds", &BrokerConfig::serverChannelMaxIdleTimeSeconds),
      Int("haListenPort", &BrokerConfig::haListenPort),
  };
  return kFields;
}

const Field* FindBrokerField(const std::string& key) {
  for (const auto& f : BrokerFields()) {
    if (key == f.name) return &f;
  }
  return nullptr;
}

// The store keys as text (MessageStoreConfig reads them itself).
std::vector<std::pair<std::string, std::string>> StoreConfigEntries(const MessageStoreConfig& s) {
  auto b = [](bool v) { return std::string(v ? "true" : "false"); };
  auto n = [](int64_t v) { return std::to_string(v); };
  const char* role = s.brokerRole == store::BrokerRole::kSlave        ? "SLAVE"
                     : s.brokerRole == store::BrokerRole::kSyncMaster ? "SYNC_MASTER"
                                                                      : "ASYNC_MASTER";
  std::vector<std::pair<std::string, std::string>> entries = {
      {"storePathRootDir", s.RootDir()},
      {"storePathCommitLog", s.CommitLogDir()},
      {"mappedFileSizeCommitLog", n(s.mappedFileSizeCommitLog)},
      {"mappedFileSizeConsumeQueue", n(s.mappedFileSizeConsumeQueue)},
      {"flushDiskType",
       s.flushDiskType == store::FlushDiskType::kSyncFlush ? "SYNC_FLUSH" : "ASYNC_FLUSH"},
      {"brokerRole", role},
      {"syncFlushTimeout", n(s.syncFlushTimeout)},
      {"flushIntervalCommitLog", n(s.flushIntervalCommitLog)},
      {"flushCommitLogLeastPages", n(s.flushCommitLogLeastPages)},
      {"flushCommitLogThoroughInterval", n(s.flushCommitLogThoroughInterval)},
      {"flushCommitLogTimed", b(s.flushCommitLogTimed)},
      {"flushIntervalConsumeQueue", n(s.flushIntervalConsumeQueue)},
      {"flushConsumeQueueLeastPages", n(s.flushConsumeQueueLeastPages)},
      {"flushConsumeQueueThoroughInterval", n(s.flushConsumeQueueThoroughInterval)},
      {"maxMessageSize", n(s.maxMessageSize)},
      {"checkCRCOnRecover", b(s.checkCRCOnRecover)},
      {"messageIndexEnable", b(s.messageIndexEnable)},
      {"messageIndexSafe", b(s.messageIndexSafe)},
      {"maxHashSlotNum", n(s.maxHashSlotNum)},
      {"maxIndexNum", n(s.maxIndexNum)},
      {"maxMsgsNumBatch", n(s.maxMsgsNumBatch)},
      {"deleteWhen", s.deleteWhen},
      {"fileReservedTime", n(s.fileReservedTime)},
      {"diskMaxUsedSpaceRatio", n(s.diskMaxUsedSpaceRatio)},
      {"cleanFileForciblyEnable", b(s.cleanFileForciblyEnable)},
      {"cleanResourceInterval", n(s.cleanResourceInterval)},
      {"maxTransferBytesOnMessageInMemory", n(s.maxTransferBytesOnMessageInMemory)},
      {"maxTransferCountOnMessageInMemory", n(s.maxTransferCountOnMessageInMemory)},
      {"maxTransferBytesOnMessageInDisk", n(s.maxTransferBytesOnMessageInDisk)},
      {"maxTransferCountOnMessageInDisk", n(s.maxTransferCountOnMessageInDisk)},
      {"accessMessageInMemoryMaxRatio", n(s.accessMessageInMemoryMaxRatio)},
      {"offsetCheckInSlave", b(s.offsetCheckInSlave)},
      {"messageDelayLevel", s.messageDelayLevel},
      {"flushDelayOffsetInterval", n(s.flushDelayOffsetInterval)},
      {"haSendHeartbeatInterval", n(s.haSendHeartbeatInterval)},
      {"haHousekeepingInterval", n(s.haHousekeepingInterval)},
      {"haTransferBatchSize", n(s.haTransferBatchSize)},
      {"haSlaveFallbehindMax", n(s.haSlaveFallbehindMax)},
      {"slaveTimeout", n(s.slaveTimeout)},
  };
  // Java leaves a null haMasterAddress out of the properties.
  if (!s.haMasterAddress.empty()) entries.emplace_back("haMasterAddress", s.haMasterAddress);
  return entries;
}

bool IsStoreKey(const std::string& key) {
  if (key == "haMasterAddress") return true;
  static const MessageStoreConfig kDefaults;
  for (const auto& [k, v] : StoreConfigEntries(kDefaults)) {
    if (k == key) return true;
  }
  return false;
}

// Java keys this broker keeps as text only, with their 4.9.8 defaults.
const std::vector<std::pair<const char*, const char*>>& OtherKeyDefaults() {
  static const std::vector<std::pair<const char*, const char*>> kKeys = {
      {"serverSocketBacklog", "1024"},
      {"clientWorkerThreads", "4"},
      {"clientAsyncSemaphoreValue", "65535"},
      {"channelNotActiveInterval", "60000"},
      {"enableConsumeQueueExt", "false"},
      {"clientSocketSndBufSize", "0"},
      {"consumerManageThreadPoolNums", "32"},
      {"clientChannelMaxIdleTimeSeconds", "120"},
      {"autoDeleteUnusedStats", "false"},
      {"clientSocketRcvBufSize", "0"},
      {"clientManagerThreadPoolQueueCapacity", "1000000"},
      {"writeBufferLowWaterMark", "0"},
      {"debugLockEnable", "false"},
      {"enableDetailStat", "true"},
      {"brokerFastFailureEnable", "true"},
      {"transientStorePoolEnable", "false"},
      {"queryMessageThreadPoolNums", "10"},
      {"useReentrantLockWhenPutMessage", "true"},
      {"waitTimeMillsInTransactionQueue", "3000"},
      {"commercialBaseCount", "1"},
      {"diskFallRecorded", "true"},
      {"scheduleAsyncDeliverMaxResendNum2Blocked", "3"},
      {"endTransactionThreadPoolNums", "12"},
      {"filterSupportRetry", "false"},
      {"destroyMapedFileIntervalForcibly", "120000"},
      {"deleteConsumeQueueFilesInterval", "100"},
      {"isolateLogEnable", "false"},
      {"waitTimeMillsInSendQueue", "200"},
      {"clientCloseSocketIfTimeout", "true"},
      {"serverCallbackExecutorThreads", "0"},
      {"fetchNamesrvAddrByAddressServer", "false"},
      {"enableCalcFilterBitMap", "false"},
      {"redeleteHangedFileInterval", "120000"},
      {"enableScheduleMessageStats", "true"},
      {"configBlackList", "configBlackList;brokerConfigPath"},
      {"serverSocketRcvBufSize", "0"},
      {"putMsgIndexHightWater", "600000"},
      {"enableDLegerCommitLog", "false"},
      {"commercialTransCount", "1"},
      {"replyThreadPoolQueueCapacity", "10000"},
      {"consumerFallbehindThreshold", "17179869184"},
      {"maxErrorRateOfBloomFilter", "20"},
      {"heartbeatThreadPoolNums", "2"},
      {"startAcceptSendRequestTimeStamp", "0"},
      {"maxLmqConsumeQueueNum", "20000"},
      {"clientOnewaySemaphoreValue", "65535"},
      {"isEnableBatchPush", "false"},
      {"highSpeedMode", "false"},
      {"sendThreadPoolQueueCapacity", "10000"},
      {"putThreadPoolQueueCapacity", "10000"},
      {"commercialTimerCount", "1"},
      {"pullThreadPoolQueueCapacity", "100000"},
      {"commitIntervalCommitLog", "200"},
      {"serverSocketSndBufSize", "0"},
      {"enableMultiDispatch", "false"},
      {"transientStorePoolSize", "5"},
      {"writeBufferHighWaterMark", "0"},
      {"disableConsumeIfConsumerReadSlowly", "false"},
      {"commercialBigCount", "1"},
      {"serverOnewaySemaphoreValue", "256"},
      {"transferMsgByHeap", "true"},
      {"endTransactionPoolQueueCapacity", "100000"},
      {"waitTimeMillsInPullQueue", "5000"},
      {"serverAsyncSemaphoreValue", "64"},
      {"connectTimeoutMillis", "3000"},
      {"clientPooledByteBufAllocatorEnable", "false"},
      {"commitCommitLogThoroughInterval", "200"},
      {"useEpollNativeSelector", "false"},
      {"serverPooledByteBufAllocatorEnable", "true"},
      {"flushLeastPagesWhenWarmMapedFile", "4096"},
      {"filterDataCleanTimeSpan", "86400000"},
      {"warmMapedFileEnable", "false"},
      {"clientManageThreadPoolNums", "32"},
      {"consumerManagerThreadPoolQueueCapacity", "1000000"},
      {"serverSelectorThreads", "3"},
      {"enableScheduleAsyncDeliver", "false"},
      {"enableLmq", "false"},
      {"commitCommitLogLeastPages", "4"},
      {"maxDelayTime", "40"},
      {"clientCallbackExecutorThreads", "2"},
      {"filterServerNums", "0"},
      {"fastFailIfNoBufferInStorePool", "false"},
      {"useTLS", "false"},
      {"duplicationEnable", "false"},
      {"mappedFileSizeConsumeQueueExt", "50331648"},
      {"osPageCacheBusyTimeOutMills", "1000"},
      {"expectConsumerNumUseFilter", "32"},
      {"scheduleAsyncDeliverMaxPendingLimit", "2000"},
      {"queryThreadPoolQueueCapacity", "20000"},
      {"flushConsumerOffsetHistoryInterval", "60000"},
      {"bitMapLengthConsumeQueueExt", "112"},
      {"processReplyMessageThreadPoolNums", "20"},
      {"putMessageFutureThreadPoolNums", "2"},
      {"commercialEnable", "true"},
      {"messageStorePlugIn", ""},
      {"waitTimeMillsInHeartbeatQueue", "31000"},
      {"heartbeatThreadPoolQueueCapacity", "50000"},
      {"enablePropertyFilter", "false"},
      {"deleteCommitLogFilesInterval", "100"},
  };
  return kKeys;
}

// The non-static fields of Java 4.9.8's BrokerConfig, NettyServerConfig, NettyClientConfig and
// MessageStoreConfig in declaration order (Class.getDeclaredFields()), the order in which
// MixAll.object2Properties puts them into one java.util.Properties per object.
const std::vector<std::vector<const char*>>& JavaDeclaredConfigFields() {
  static const std::vector<std::vector<const char*>> kFields = {
      // BrokerConfig
      {"rocketmqHome",
       "namesrvAddr",
       "brokerIP1",
       "brokerIP2",
       "brokerName",
       "brokerClusterName",
       "brokerId",
       "brokerPermission",
       "defaultTopicQueueNums",
       "autoCreateTopicEnable",
       "clusterTopicEnable",
       "brokerTopicEnable",
       "autoCreateSubscriptionGroup",
       "messageStorePlugIn",
       "msgTraceTopicName",
       "traceTopicEnable",
       "sendMessageThreadPoolNums",
       "putMessageFutureThreadPoolNums",
       "pullMessageThreadPoolNums",
       "processReplyMessageThreadPoolNums",
       "queryMessageThreadPoolNums",
       "adminBrokerThreadPoolNums",
       "clientManageThreadPoolNums",
       "consumerManageThreadPoolNums",
       "heartbeatThreadPoolNums",
       "endTransactionThreadPoolNums",
       "flushConsumerOffsetInterval",
       "flushConsumerOffsetHistoryInterval",
       "rejectTransactionMessage",
       "fetchNamesrvAddrByAddressServer",
       "sendThreadPoolQueueCapacity",
       "putThreadPoolQueueCapacity",
       "pullThreadPoolQueueCapacity",
       "replyThreadPoolQueueCapacity",
       "queryThreadPoolQueueCapacity",
       "clientManagerThreadPoolQueueCapacity",
       "consumerManagerThreadPoolQueueCapacity",
       "heartbeatThreadPoolQueueCapacity",
       "endTransactionPoolQueueCapacity",
       "filterServerNums",
       "longPollingEnable",
       "shortPollingTimeMills",
       "notifyConsumerIdsChangedEnable",
       "highSpeedMode",
       "commercialEnable",
       "commercialTimerCount",
       "commercialTransCount",
       "commercialBigCount",
       "commercialBaseCount",
       "transferMsgByHeap",
       "maxDelayTime",
       "regionId",
       "registerBrokerTimeoutMills",
       "slaveReadEnable",
       "disableConsumeIfConsumerReadSlowly",
       "consumerFallbehindThreshold",
       "brokerFastFailureEnable",
       "waitTimeMillsInSendQueue",
       "waitTimeMillsInPullQueue",
       "waitTimeMillsInHeartbeatQueue",
       "waitTimeMillsInTransactionQueue",
       "startAcceptSendRequestTimeStamp",
       "traceOn",
       "enableCalcFilterBitMap",
       "expectConsumerNumUseFilter",
       "maxErrorRateOfBloomFilter",
       "filterDataCleanTimeSpan",
       "filterSupportRetry",
       "enablePropertyFilter",
       "compressedRegister",
       "forceRegister",
       "registerNameServerPeriod",
       "transactionTimeOut",
       "transactionCheckMax",
       "transactionCheckInterval",
       "aclEnable",
       "storeReplyMessageEnable",
       "enableDetailStat",
       "autoDeleteUnusedStats",
       "isolateLogEnable",
       "configBlackList"},
      // NettyServerConfig
      {
          "listenPort",
          "serverWorkerThreads",
          "serverCallbackExecutorThreads",
          "serverSelectorThreads",
          "serverOnewaySemaphoreValue",
          "serverAsyncSemaphoreValue",
          "serverChannelMaxIdleTimeSeconds",
          "serverSocketSndBufSize",
          "serverSocketRcvBufSize",
          "writeBufferHighWaterMark",
          "writeBufferLowWaterMark",
          "serverSocketBacklog",
          "serverPooledByteBufAllocatorEnable",
          "useEpollNativeSelector",
      },
      // NettyClientConfig
      {
          "clientWorkerThreads",
          "clientCallbackExecutorThreads",
          "clientOnewaySemaphoreValue",
          "clientAsyncSemaphoreValue",
          "connectTimeoutMillis",
          "channelNotActiveInterval",
          "clientChannelMaxIdleTimeSeconds",
          "clientSocketSndBufSize",
          "clientSocketRcvBufSize",
          "clientPooledByteBufAllocatorEnable",
          "clientCloseSocketIfTimeout",
          "useTLS",
          "writeBufferHighWaterMark",
          "writeBufferLowWaterMark",
      },
      // MessageStoreConfig
      {
          "storePathRootDir",
          "storePathCommitLog",
          "storePathDLedgerCommitLog",
          "readOnlyCommitLogStorePaths",
          "mappedFileSizeCommitLog",
          "mappedFileSizeConsumeQueue",
          "enableConsumeQueueExt",
          "mappedFileSizeConsumeQueueExt",
          "bitMapLengthConsumeQueueExt",
          "flushIntervalCommitLog",
          "commitIntervalCommitLog",
          "useReentrantLockWhenPutMessage",
          "flushCommitLogTimed",
          "flushIntervalConsumeQueue",
          "cleanResourceInterval",
          "deleteCommitLogFilesInterval",
          "deleteConsumeQueueFilesInterval",
          "destroyMapedFileIntervalForcibly",
          "redeleteHangedFileInterval",
          "deleteWhen",
          "diskMaxUsedSpaceRatio",
          "fileReservedTime",
          "putMsgIndexHightWater",
          "maxMessageSize",
          "checkCRCOnRecover",
          "flushCommitLogLeastPages",
          "commitCommitLogLeastPages",
          "flushLeastPagesWhenWarmMapedFile",
          "flushConsumeQueueLeastPages",
          "flushCommitLogThoroughInterval",
          "commitCommitLogThoroughInterval",
          "flushConsumeQueueThoroughInterval",
          "maxTransferBytesOnMessageInMemory",
          "maxTransferCountOnMessageInMemory",
          "maxTransferBytesOnMessageInDisk",
          "maxTransferCountOnMessageInDisk",
          "accessMessageInMemoryMaxRatio",
          "messageIndexEnable",
          "maxHashSlotNum",
          "maxIndexNum",
          "maxMsgsNumBatch",
          "messageIndexSafe",
          "haListenPort",
          "haSendHeartbeatInterval",
          "haHousekeepingInterval",
          "haTransferBatchSize",
          "haMasterAddress",
          "haSlaveFallbehindMax",
          "brokerRole",
          "flushDiskType",
          "syncFlushTimeout",
          "slaveTimeout",
          "messageDelayLevel",
          "flushDelayOffsetInterval",
          "cleanFileForciblyEnable",
          "warmMapedFileEnable",
          "offsetCheckInSlave",
          "debugLockEnable",
          "duplicationEnable",
          "diskFallRecorded",
          "osPageCacheBusyTimeOutMills",
          "defaultQueryMaxNum",
          "transientStorePoolEnable",
          "transientStorePoolSize",
          "fastFailIfNoBufferInStorePool",
          "enableDLegerCommitLog",
          "dLegerGroup",
          "dLegerPeers",
          "dLegerSelfId",
          "preferredLeaderId",
          "isEnableBatchPush",
          "enableScheduleMessageStats",
          "enableLmq",
          "enableMultiDispatch",
          "maxLmqConsumeQueueNum",
          "enableScheduleAsyncDeliver",
          "scheduleAsyncDeliverMaxPendingLimit",
          "scheduleAsyncDeliverMaxResendNum2Blocked",
      },
  };
  return kFields;
}

// Java Boolean.parseBoolean: "true" in any case is true, everything else false.
std::string JavaParseBoolean(const std::string& v) {
  std::string t = v;
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t == "true" ? "true" : "false";
}

// The type Java's field has, judged from the default text of a key kept as text only.
bool LooksBoolean(const std::string& text) { return text == "true" || text == "false"; }
bool LooksInteger(const std::string& text) {
  int64_t ignored = 0;
  return ParseInt64(text, &ignored);
}

std::string FirstNonLoopbackIpv4() {
  std::string result = "127.0.0.1";
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return result;
  for (ifaddrs* it = list; it != nullptr; it = it->ifa_next) {
    if (it->ifa_addr == nullptr || it->ifa_addr->sa_family != AF_INET) continue;
    const auto* in = reinterpret_cast<const sockaddr_in*>(it->ifa_addr);
    char buf[INET_ADDRSTRLEN] = {0};
    if (inet_ntop(AF_INET, &in->sin_addr, buf, sizeof(buf)) == nullptr) continue;
    std::string ip = buf;
    if (ip.rfind("127.", 0) == 0) continue;
    result = ip;
    break;
  }
  freeifaddrs(list);
  return result;
}

}  // namespace

BrokerConfig BrokerConfig::Defaults() {
  BrokerConfig c;
  if (const char* home = std::getenv("ROCKETMQ_HOME")) c.rocketmqHome = home;
  c.brokerIP1 = FirstNonLoopbackIpv4();
  c.brokerIP2 = c.brokerIP1;
  char host[256] = {0};
  c.brokerName = gethostname(host, sizeof(host) - 1) == 0 ? host : "broker";
  return c;
}

BrokerConfiguration::BrokerConfiguration() : broker_(BrokerConfig::Defaults()) {
  for (const auto& [k, v] : OtherKeyDefaults()) others_.Set(k, v);
  data_version_.Next(NowMillis());
  data_version_.counter = 0;
}

Status BrokerConfiguration::Apply(const Properties& props, std::vector<std::string>* unknown) {
  std::lock_guard<std::mutex> lock(mu_);
  bool ip2_set = props.Find("brokerIP2") != nullptr;
  for (const auto& [key, value] : props.entries()) {
    if (const Field* f = FindBrokerField(key)) {
      if (!f->set(broker_, value)) {
        return Status::InvalidArgument("bad value for " + key + ": '" + value + "'");
      }
    } else if (IsStoreKey(key)) {
      continue;  // below
    } else if (others_.Find(key) != nullptr) {
      others_.Set(key, Trim(value));
    } else if (unknown != nullptr) {
      unknown->push_back(key);
    }
  }
  if (!ip2_set && props.Find("brokerIP1") != nullptr) broker_.brokerIP2 = broker_.brokerIP1;
  return store_.LoadFromProperties(props);
}

Status BrokerConfiguration::Update(const Properties& props) {
  std::string text;
  std::string path;
  {
    std::lock_guard<std::mutex> lock(mu_);
    static const MessageStoreConfig kStoreDefaults;
    std::map<std::string, std::string> store_defaults;
    for (const auto& [k, v] : StoreConfigEntries(kStoreDefaults)) store_defaults[k] = v;
    for (const auto& [key, raw] : props.entries()) {
      if (const Field* f = FindBrokerField(key)) {
        const std::string value = f->kind == Field::kBool ? JavaParseBoolean(raw) : raw;
        BrokerConfig next = broker_;
        if (f->set(next, value)) {
          broker_ = std::move(next);
        } else {
          RMQ_LOG(kWarn) << "update broker config: bad value for " << key << ": '" << raw
                         << "' ignored";
        }
      } else if (auto d = store_defaults.find(key); d != store_defaults.end()) {
        Properties one;
        one.Set(key, LooksBoolean(d->second) ? JavaParseBoolean(raw) : raw);
        MessageStoreConfig next = store_;
        if (next.LoadFromProperties(one).ok()) {
          store_ = std::move(next);
        } else {
          RMQ_LOG(kWarn) << "update broker config: bad value for " << key << ": '" << raw
                         << "' ignored";
        }
      } else if (const std::string* old = others_.Find(key)) {
        if (LooksBoolean(*old)) {
          others_.Set(key, JavaParseBoolean(raw));
        } else if (!LooksInteger(*old) || LooksInteger(raw)) {
          others_.Set(key, raw);
        } else {
          RMQ_LOG(kWarn) << "update broker config: bad value for " << key << ": '" << raw
                         << "' ignored";
        }
      }
      // Keys Java's configuration does not hold are dropped (Configuration.mergeIfExist).
    }
    data_version_.Next(NowMillis());
    path = ConfigFilePathLocked();
  }
  text = AllConfigsText();
  return PersistConfigFile(path, text);
}

void BrokerConfiguration::SetConfigFilePath(std::string path) {
  std::lock_guard<std::mutex> lock(mu_);
  config_file_path_ = std::move(path);
}

std::string BrokerConfiguration::ConfigFilePath() const {
  std::lock_guard<std::mutex> lock(mu_);
  return ConfigFilePathLocked();
}

std::string BrokerConfiguration::ConfigFilePathLocked() const {
  if (!config_file_path_.empty()) return config_file_path_;
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr ? home : ".") + "/store/config/broker.properties";
}

BrokerConfig BrokerConfiguration::broker() const {
  std::lock_guard<std::mutex> lock(mu_);
  return broker_;
}

store::MessageStoreConfig BrokerConfiguration::store() const {
  std::lock_guard<std::mutex> lock(mu_);
  return store_;
}

void BrokerConfiguration::SetBoundPort(int32_t port) {
  std::lock_guard<std::mutex> lock(mu_);
  // An ephemeral listenPort (tests) gets an ephemeral HA port too: port + 1 may be taken.
  if (broker_.haListenPort < 0) broker_.haListenPort = broker_.listenPort == 0 ? 0 : port + 1;
  broker_.listenPort = port;
}

void BrokerConfiguration::SetBoundHaPort(int32_t port) {
  std::lock_guard<std::mutex> lock(mu_);
  broker_.haListenPort = port;
}

Properties BrokerConfiguration::AllConfigs() const {
  std::lock_guard<std::mutex> lock(mu_);
  Properties p;
  for (const auto& f : BrokerFields()) p.Set(f.name, f.get(broker_));
  if (broker_.haListenPort < 0) p.Set("haListenPort", std::to_string(broker_.listenPort + 1));
  for (const auto& [k, v] : StoreConfigEntries(store_)) p.Set(k, v);
  for (const auto& [k, v] : others_.entries()) p.Set(k, v);
  return p;
}

std::string BrokerConfiguration::AllConfigsText() const {
  Properties all = AllConfigs();
  // Java's Configuration: for each config object in turn, object2Properties fills a fresh
  // Properties (a ConcurrentHashMap(8) since Java 9) in field declaration order, skipping null
  // values, and merge() copies that one's iteration into allConfigs; a key already there keeps
  // its place. The body is allConfigs' iteration. Within a bin a ConcurrentHashMap's order
  // depends on the insertion order and on how the table grew, so both steps are replayed.
  std::vector<std::string> inserted;
  std::set<std::string> seen;
  for (const std::vector<const char*>& fields : JavaDeclaredConfigFields()) {
    std::vector<std::string> present;
    for (const char* f : fields) {
      if (all.Find(f) != nullptr) present.emplace_back(f);
    }
    for (const std::string& k : JavaConcurrentHashMapOrder(present, 16)) {
      if (seen.insert(k).second) inserted.push_back(k);
    }
  }
  for (const auto& [k, v] : all.entries()) {
    if (seen.insert(k).second) inserted.push_back(k);  // not a Java field (none today)
  }
  const std::vector<std::string> keys = JavaConcurrentHashMapOrder(inserted, 16);
  std::string text;
  for (const auto& k : keys) text += k + "=" + *all.Find(k) + "\n";
  return text;
}

DataVersion BrokerConfiguration::data_version() const {
  std::lock_guard<std::mutex> lock(mu_);
  return data_version_;
}

}  // namespace rocketmq::broker
