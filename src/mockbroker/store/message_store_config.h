// MessageStoreConfig: the store settings of a broker, named exactly as the Java keys of
// broker.conf (org.apache.rocketmq.store.config.MessageStoreConfig, 4.9.x defaults), so that
// LoadFromProperties is a plain name match. Units are in each comment.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/properties.h"
#include "common/socket_address.h"
#include "common/status.h"
#include "mockbroker/store/env.h"

namespace rocketmq::store {

enum class FlushDiskType { kAsyncFlush, kSyncFlush };
enum class BrokerRole { kAsyncMaster, kSyncMaster, kSlave };

struct MessageStoreConfig {
  // Root of the store; "" means $HOME/store.
  std::string storePathRootDir;
  // CommitLog directory; "" means <storePathRootDir>/commitlog.
  std::string storePathCommitLog;
  int32_t mappedFileSizeCommitLog = 1024 * 1024 * 1024;  // bytes
  int32_t mappedFileSizeConsumeQueue = 300000 * 20;      // bytes, a multiple of 20
  FlushDiskType flushDiskType = FlushDiskType::kAsyncFlush;
  BrokerRole brokerRole = BrokerRole::kAsyncMaster;
  int64_t syncFlushTimeout = 5000;                 // ms a SYNC_FLUSH writer waits
  int32_t flushIntervalCommitLog = 500;            // ms between async CommitLog flushes
  int32_t flushCommitLogLeastPages = 4;            // dirty 4 KiB pages before an async flush
  int32_t flushCommitLogThoroughInterval = 10000;  // ms after which any dirty byte is flushed
  bool flushCommitLogTimed = true;                 // async flusher sleeps (true) or waits
  int32_t flushIntervalConsumeQueue = 1000;        // ms
  int32_t flushConsumeQueueLeastPages = 2;
  int32_t flushConsumeQueueThoroughInterval = 60000;  // ms
  int32_t maxMessageSize = 1024 * 1024 * 4;           // bytes: largest record accepted
  bool checkCRCOnRecover = true;
  bool messageIndexEnable = true;
  bool messageIndexSafe = false;
  int32_t maxHashSlotNum = 5000000;
  int32_t maxIndexNum = 5000000 * 4;
  int32_t maxMsgsNumBatch = 64;               // QueryMessage cap
  std::string deleteWhen = "04";              // hours of day, ';'-separated
  int32_t fileReservedTime = 72;              // hours
  int32_t diskMaxUsedSpaceRatio = 75;         // percent
  double diskSpaceWarningLevelRatio = 0.90;   // above: stop writes, clean at once
  double diskSpaceCleanForciblyRatio = 0.85;  // above: clean at once
  bool cleanFileForciblyEnable = true;
  int32_t cleanResourceInterval = 10000;  // ms between retention passes
  int32_t maxTransferBytesOnMessageInMemory = 1024 * 256;
  int32_t maxTransferCountOnMessageInMemory = 32;
  int32_t maxTransferBytesOnMessageInDisk = 1024 * 64;
  int32_t maxTransferCountOnMessageInDisk = 8;
  int32_t accessMessageInMemoryMaxRatio = 40;  // percent of RAM
  bool offsetCheckInSlave = false;
  // Delay of each level (1-based), see ParseMessageDelayLevel.
  std::string messageDelayLevel = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
  int64_t flushDelayOffsetInterval = 10000;  // ms between writes of config/delayOffset.json
  // --- HA (protocol.md §7; the HA listen port is BrokerConfig::haListenPort) ---
  // "host:port" of the master's HA port for a SLAVE; "" (Java null) = learn it from the
  // NameServer's REGISTER_BROKER answer. Used only when at least 6 characters long.
  std::string haMasterAddress;
  int32_t haSendHeartbeatInterval = 5000;    // ms without traffic before a heartbeat
  int32_t haHousekeepingInterval = 20000;    // ms without reads before a link is dropped
  int32_t haTransferBatchSize = 32768;       // bytes of CommitLog per transfer frame
  int64_t haSlaveFallbehindMax = 268435456;  // bytes a slave may lag and still count (SYNC)
  int32_t slaveTimeout = 3000;               // ms a SYNC_MASTER send waits for the slave

  // Not a MessageStoreConfig key: the broker's brokerIP1:listenPort, written as STOREHOST.
  SocketAddress storeHost;
  // Not a key: the OS seam (null = the real OS).
  std::shared_ptr<Env> env;

  std::string RootDir() const;
  std::string CommitLogDir() const;
  std::string ConsumeQueueDir() const { return RootDir() + "/consumequeue"; }
  std::string IndexDir() const { return RootDir() + "/index"; }
  std::string CheckpointPath() const { return RootDir() + "/checkpoint"; }
  std::string AbortPath() const { return RootDir() + "/abort"; }
  std::string LockPath() const { return RootDir() + "/lock"; }

  // Sets every field whose Java key appears in `props` (flushDiskType ASYNC_FLUSH|SYNC_FLUSH,
  // brokerRole ASYNC_MASTER|SYNC_MASTER|SLAVE, booleans true|false). Unknown keys are ignored
  // (broker.conf mixes broker and store keys). InvalidArgument on a malformed value.
  Status LoadFromProperties(const Properties& props);
};

// The delay in ms of each level of a messageDelayLevel string (element i is level i+1), parsed as
// Java ScheduleMessageService.parseDelayLevel: items separated by single spaces, each a Java long
// followed by one unit letter s, m, h or d. InvalidArgument (Java refuses to load the store) for
// an empty list, an empty item (leading or doubled space), an unknown unit, a bad number or a
// delay that overflows.
Result<std::vector<int64_t>> ParseMessageDelayLevel(std::string_view text);

// When a SCHEDULE_TOPIC_XXXX message of `level` is due: its store time plus the level's delay, or
// plus 1000 ms for a level outside the table (Java computeDeliverTimestamp).
int64_t ComputeDeliverTimestamp(const std::vector<int64_t>& delay_levels_ms, int32_t level,
                                int64_t store_timestamp);

}  // namespace rocketmq::store
