// NameServer configuration: the keys of Java's NamesrvConfig and NettyServerConfig (4.9.x), read
// from a namesrv.conf properties file and served by GET_NAMESRV_CONFIG / changed by
// UPDATE_NAMESRV_CONFIG (protocol.md §2.1 codes 318/319).
//
// NamesrvConfig is a plain value. NamesrvConfiguration wraps one for a running server: it is
// thread-safe and persists updates to configStorePath, like Java's Configuration object.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "common/properties.h"
#include "common/status.h"

namespace rocketmq::namesrv {

struct NamesrvConfig {
  // --- NamesrvConfig ---
  std::string rocketmq_home;      // rocketmqHome; default $ROCKETMQ_HOME
  std::string kv_config_path;     // kvConfigPath; default $HOME/namesrv/kvConfig.json
  std::string config_store_path;  // configStorePath; default $HOME/namesrv/namesrv.properties
  std::string product_env_name = "center";
  bool cluster_test = false;
  bool order_message_enable = false;  // fills TopicRouteData.orderTopicConf from the KV store
  // Keys UPDATE_NAMESRV_CONFIG refuses, ';'-separated, on top of the fixed ones (configBlackList,
  // configStorePath, kvConfigPath, rocketmqHome), as Java 4.9.8.
  std::string config_black_list = "configBlackList;configStorePath;kvConfigPath";

  // --- NettyServerConfig ---
  // Ours (5.x bindAddress): keys listenAddress / bindAddress. Settable in the file but not one of
  // Java 4.9.8's keys, so GET_NAMESRV_CONFIG shows it only when the loaded file has it (Java
  // reports every key of its -c file). Empty: every address of both families, as Java binds.
  std::string listen_address;
  int32_t listen_port = 9876;  // 0 = ephemeral; the bound port is reported once listening
  int32_t server_worker_threads = 8;
  int32_t server_callback_executor_threads = 0;
  int32_t server_selector_threads = 3;
  int32_t server_oneway_semaphore_value = 256;
  int32_t server_async_semaphore_value = 64;
  int32_t server_channel_max_idle_time_seconds = 120;
  int32_t server_socket_snd_buf_size = 0;  // 0 = the OS default (Java 4.9.8 default)
  int32_t server_socket_rcv_buf_size = 0;
  int32_t write_buffer_high_water_mark = 0;  // accepted and reported; not acted on
  int32_t write_buffer_low_water_mark = 0;
  int32_t server_socket_backlog = 1024;
  bool server_pooled_byte_buf_allocator_enable = true;
  bool use_epoll_native_selector = false;

  // Defaults, with the paths derived from $HOME and rocketmqHome from $ROCKETMQ_HOME.
  static NamesrvConfig Defaults();

  // Sets every known key found in `props`. The keys that are not among Java's (ToProperties)
  // are appended to `unreported` (when not null): unknown ones and our own listenAddress /
  // bindAddress, which are applied all the same. A value that does not parse as the key's type
  // is skipped with a WARN log, as Java's MixAll.properties2Object ignores it.
  void Apply(const Properties& props, std::vector<std::string>* unreported);

  // Java 4.9.8's keys (NamesrvConfig, then NettyServerConfig) with their current values.
  Properties ToProperties() const;

  // True when `key` names a field of this config (including listenAddress / bindAddress).
  static bool IsKnownKey(const std::string& key);
  // True when `key` is one of Java's keys, i.e. one that ToProperties() reports.
  static bool IsReportedKey(const std::string& key);

  // The keys UPDATE_NAMESRV_CONFIG refuses: the fixed four plus config_black_list's entries.
  std::vector<std::string> BlackList() const;
};

// The live configuration of a running NameServer. Thread-safe.
class NamesrvConfiguration {
 public:
  // `extra` holds the other keys of the loaded file; they are served back by AllConfigsText().
  NamesrvConfiguration(NamesrvConfig config, Properties extra);

  NamesrvConfig Snapshot() const;

  // UPDATE_NAMESRV_CONFIG (Java Configuration.update): applies the reported keys of `props` and
  // the keys already present among the extra ones (others are dropped), then writes
  // AllConfigsText() to configStorePath. IOError when that write fails (the in-memory update
  // stays). The caller checks the black list first.
  Status Update(const Properties& props);

  // Replaces a listenPort of 0 by the port actually bound, so that GET_NAMESRV_CONFIG shows
  // where the server listens.
  void SetBoundPort(int32_t port);

  // GET_NAMESRV_CONFIG body: "key=value\n" per entry.
  std::string AllConfigsText() const;

 private:
  mutable std::mutex mu_;
  NamesrvConfig config_;  // guarded by mu_
  Properties extra_;      // guarded by mu_
};

}  // namespace rocketmq::namesrv
