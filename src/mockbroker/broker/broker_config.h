// BrokerConfig: the broker settings of broker.conf (Java BrokerConfig + NettyServerConfig +
// the HA port of MessageStoreConfig, 4.9.x defaults), named exactly as the Java keys so that the
// file and GET_BROKER_CONFIG are a plain name match. The store keys live in
// store::MessageStoreConfig; BrokerConfiguration ties both together for a running broker.
//
// Keys that Java knows but this broker does not act on are kept as text with their Java defaults
// (served back by GET_BROKER_CONFIG, settable from the file), so the key set matches Java's.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "common/model/data_version.h"
#include "common/properties.h"
#include "common/status.h"
#include "mockbroker/store/message_store_config.h"

namespace rocketmq::broker {

struct BrokerConfig {
  // --- BrokerConfig ---
  std::string rocketmqHome;  // default $ROCKETMQ_HOME
  std::string namesrvAddr;   // "host:port;host:port"; "" = none
  std::string brokerIP1;     // default: first non-loopback IPv4 address
  std::string brokerIP2;     // default: brokerIP1
  std::string brokerName;    // default: host name
  std::string brokerClusterName = "DefaultCluster";
  int64_t brokerId = 0;          // 0 = master
  int32_t brokerPermission = 6;  // PermName bits
  int32_t defaultTopicQueueNums = 8;
  bool autoCreateTopicEnable = true;
  bool clusterTopicEnable = true;
  bool brokerTopicEnable = true;
  bool autoCreateSubscriptionGroup = true;
  bool traceTopicEnable = false;
  std::string msgTraceTopicName = "RMQ_SYS_TRACE_TOPIC";
  bool rejectTransactionMessage = false;
  int64_t transactionTimeOut = 6000;         // ms before a half message is first checked
  int32_t transactionCheckMax = 15;          // checks before a half message is discarded
  int64_t transactionCheckInterval = 60000;  // ms between two scans of the half queues
  bool storeReplyMessageEnable = true;       // also store SEND_REPLY_MESSAGE messages
  bool notifyConsumerIdsChangedEnable = true;
  bool longPollingEnable = true;
  int64_t shortPollingTimeMills = 1000;       // ms a pull is held without long polling
  int32_t registerNameServerPeriod = 30000;   // ms, clamped to [10000, 60000]
  int32_t registerBrokerTimeoutMills = 6000;  // ms
  bool forceRegister = true;
  bool compressedRegister = false;
  int32_t flushConsumerOffsetInterval = 5000;  // ms
  int32_t defaultQueryMaxNum = 32;
  bool traceOn = true;
  std::string regionId = "DefaultRegion";
  bool slaveReadEnable = false;
  bool aclEnable = false;
  int32_t sendMessageThreadPoolNums = 2;
  int32_t pullMessageThreadPoolNums = 20;
  int32_t adminBrokerThreadPoolNums = 16;
  // --- NettyServerConfig ---
  int32_t listenPort = 10911;  // 0 = an ephemeral port (tests)
  int32_t serverWorkerThreads = 8;
  int32_t serverChannelMaxIdleTimeSeconds = 120;
  // --- MessageStoreConfig (the HA port, used by replication later) ---
  int32_t haListenPort = -1;  // -1 = listenPort + 1

  // Defaults with rocketmqHome from $ROCKETMQ_HOME, brokerIP1/2 from the interfaces and
  // brokerName from the host name.
  static BrokerConfig Defaults();
};

// The whole configuration of one broker: BrokerConfig, the store config and the other Java
// keys. Thread-safe once built.
class BrokerConfiguration {
 public:
  BrokerConfiguration();

  // Applies `props` (a broker.conf): broker keys, store keys (MessageStoreConfig) and the other
  // known Java keys. Unknown keys go to `unknown`. InvalidArgument on a malformed value of a
  // broker or store key.
  Status Apply(const Properties& props, std::vector<std::string>* unknown);

  BrokerConfig broker() const;
  store::MessageStoreConfig store() const;
  // Replaces the port after binding (listenPort=0) and derives haListenPort when unset.
  void SetBoundPort(int32_t port);

  // Every key with its value (broker, netty, store and other keys), in no particular order.
  Properties AllConfigs() const;
  // GET_BROKER_CONFIG body: AllConfigs() as "key=value\n" lines, in the order Java 4.9 writes
  // them (its Properties object iterates as a ConcurrentHashMap).
  std::string AllConfigsText() const;
  // The config DataVersion (GET_BROKER_CONFIG response header `version`).
  DataVersion data_version() const;

 private:
  mutable std::mutex mu_;
  BrokerConfig broker_;              // guarded by mu_
  store::MessageStoreConfig store_;  // guarded by mu_
  Properties others_;                // guarded by mu_
  DataVersion data_version_;         // guarded by mu_
};

}  // namespace rocketmq::broker
