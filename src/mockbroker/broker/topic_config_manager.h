// TopicConfigManager: the broker's topic table (Java TopicConfigManager, 4.9.x), persisted as
// <storePathRootDir>/config/topics.json (protocol.md §5.7), including the system topics the Java
// broker creates at start and auto-creation through TBW102 (§9.2).
//
// Thread-safe. The change listener runs on the caller's thread after the table changed and was
// persisted, outside the lock (the controller re-registers with the NameServers there).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "common/message_const.h"
#include "common/model/data_version.h"
#include "common/model/topic_config.h"
#include "common/model/topic_config_wrapper.h"
#include "common/status.h"
#include "mockbroker/broker/broker_config.h"

namespace rocketmq::broker {

inline constexpr char kAutoCreateTopicKey[] = "TBW102";
inline constexpr char kSelfTestTopic[] = "SELF_TEST_TOPIC";
inline constexpr char kBenchmarkTopic[] = "BenchmarkTest";
inline constexpr char kOffsetMovedEventTopic[] = "OFFSET_MOVED_EVENT";
inline constexpr char kScheduleTopicName[] = "SCHEDULE_TOPIC_XXXX";
inline constexpr char kTransHalfTopic[] = "RMQ_SYS_TRANS_HALF_TOPIC";
inline constexpr char kTransOpHalfTopic[] = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
inline constexpr char kTransCheckMaxTimeTopic[] = "TRANS_CHECK_MAX_TIME_TOPIC";

class TopicConfigManager {
 public:
  using ChangeListener = std::function<void()>;
  using Clock = std::function<int64_t()>;

  // `config_path` is the topics.json path. System topics are added from `config`.
  TopicConfigManager(const BrokerConfig& config, std::string config_path, Clock clock);

  // Reads topics.json (or its .bak); entries there replace the built-in system topics.
  Status Load();
  Status Persist();
  void SetChangeListener(ChangeListener listener);

  std::optional<TopicConfig> Select(const std::string& topic) const;
  // Whether `topic` has a config (Select without the copy).
  bool Contains(const std::string& topic) const;
  // Java createTopicInSendMessageMethod: the topic's config, created from `default_topic` when
  // that one has PERM_INHERIT (queue count min(client_queue_nums, default's write queues), perm
  // without INHERIT). nullopt when it cannot be created.
  std::optional<TopicConfig> CreateTopicInSendMessageMethod(const std::string& topic,
                                                            const std::string& default_topic,
                                                            int32_t client_queue_nums,
                                                            int32_t topic_sys_flag);
  // Java createTopicInSendMessageBackMethod (retry / DLQ topics): existing or created config.
  TopicConfig CreateTopicInSendMessageBackMethod(const std::string& topic, int32_t queue_nums,
                                                 int32_t perm, int32_t topic_sys_flag);
  // Inserts or replaces a topic (admin), bumps the data version, persists, notifies.
  void UpdateTopicConfig(const TopicConfig& config);
  // Removes a topic; false when unknown.
  bool DeleteTopicConfig(const std::string& topic);

  // Moves the data version on without a table change (Java: after brokerPermission changed, so
  // that the NameServers take the re-registration as new).
  void NextDataVersion();

  TopicConfigSerializeWrapper BuildSerializeWrapper() const;
  // SLAVE (Java SlaveSynchronize.syncTopicConfig): when the master's data version differs from
  // ours, takes the master's table and version wholesale and persists. True when it changed.
  bool SyncFromMaster(const TopicConfigSerializeWrapper& master);
  DataVersion data_version() const;
  bool IsSystemTopic(const std::string& topic) const;

 private:
  void PutSystemTopic(const std::string& name, int32_t read, int32_t write, int32_t perm);
  // Bumps the version and writes the file; returns the text written. Caller holds mu_.
  std::string EncodeLocked() const;
  void PersistAndNotify(std::string text);

  const std::string config_path_;
  const Clock clock_;
  mutable std::mutex mu_;
  std::map<std::string, TopicConfig> table_;   // guarded by mu_
  DataVersion data_version_;                   // guarded by mu_
  std::map<std::string, bool> system_topics_;  // immutable after construction
  ChangeListener listener_;                    // set before use
  std::mutex persist_mu_;                      // serializes file writes
};

// Java TopicValidator (4.9.x): empty remark when `topic` is a valid name; otherwise the remark
// Java answers with (code SYSTEM_ERROR).
std::string ValidateTopicName(const std::string& topic);
// Java TopicValidator.isNotAllowedSendTopic.
bool IsNotAllowedSendTopic(const std::string& topic);
// Java TopicConfig.toString (used in remarks).
std::string TopicConfigToJavaString(const TopicConfig& config);

}  // namespace rocketmq::broker
