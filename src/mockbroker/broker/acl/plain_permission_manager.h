// PlainPermissionManager: the broker's ACL 1.0 files and the admin edits of them (Java 4.9.8
// acl/plain/PlainPermissionManager, as driven by AdminBrokerProcessor for request codes 50-54).
//
// Files: the default `<rocketmqHome>/conf/plain_acl.yml` (created empty when missing) plus every
// *.yml / *.yaml under `<rocketmqHome>/conf/acl/` (recursively). An access key belongs to the
// first file that defines it. Each edit re-reads the file it changes, edits the YAML tree the way
// Java edits its map (unknown members and their order survive), bumps that file's dataVersion
// and writes the file back in snakeyaml's layout (yaml_document.h), then reloads the model, as
// Java's file watcher does a moment later.
//
// Reload: StartWatching() polls the files' list, sizes and modification times (Java's
// AclFileWatchService) and reloads everything when one changed; a reload that fails (bad YAML)
// keeps the previous model and is logged.
//
// Thread-safety: every method may be called from any thread; edits and reloads are serialized
// by mu_. Snapshot() hands enforcement an immutable view that later edits replace, never change;
// it takes no lock that an edit holds while touching files (an atomic shared_ptr swap), so request
// checks never wait for disk.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/model/acl_config.h"
#include "common/model/data_version.h"
#include "common/status.h"
#include "mockbroker/broker/acl/plain_acl_config.h"

namespace rocketmq::broker::acl {

// What an enforcing validator needs, built by Load().
struct AclSnapshot {
  std::vector<std::string> global_white_remote_addresses;  // from every file
  // The well-formed ones compiled, in the same order (a malformed one is skipped with a warning).
  std::vector<RemoteAddressStrategy> global_white_strategies;
  std::map<std::string, PlainAccessResource> accounts;  // access key -> account
  std::map<std::string, std::string> access_key_file;   // access key -> its file
};

class PlainPermissionManager {
 public:
  using Clock = std::function<int64_t()>;  // epoch ms

  // `rocketmq_home` empty: no files; edits fail with InvalidArgument.
  PlainPermissionManager(std::string rocketmq_home, Clock clock);
  // Stops the watcher.
  ~PlainPermissionManager();

  PlainPermissionManager(const PlainPermissionManager&) = delete;
  PlainPermissionManager& operator=(const PlainPermissionManager&) = delete;

  // Starts the thread that reloads the files when they change, checking every `interval_ms`.
  // Idempotent; call after the first Load().
  void StartWatching(int64_t interval_ms);
  // Joins the watcher thread. Idempotent.
  void StopWatching();
  // How many reloads the watcher has done (successful or not); for tests and logs.
  int64_t watcher_reloads() const;

  // (Re)reads every ACL file. Corruption when a file is not valid YAML (Java fails the broker's
  // start then); an account with too short keys or a bad "Res=Perm" item is skipped with a
  // warning (Java refuses the whole load).
  Status Load();

  // UPDATE_AND_CREATE_ACL_CONFIG: replaces the account in its file (moved to the end of the
  // accounts list, as Java does) or appends it to the default file. InvalidArgument with Java's
  // remark for short keys or bad perms; IOError when the file cannot be written.
  Status UpdateAccessConfig(const PlainAccessConfig& config);
  // DELETE_ACL_CONFIG: false when the access key is empty or unknown.
  Result<bool> DeleteAccessConfig(const std::string& access_key);
  // UPDATE_GLOBAL_WHITE_ADDRS_CONFIG: sets globalWhiteRemoteAddresses of `acl_file` (empty =
  // the default file). False when the file does not exist, is a directory, lies outside
  // rocketmqHome or is not a .yml/.yaml file.
  Result<bool> UpdateGlobalWhiteAddrs(const std::vector<std::string>& addrs,
                                      const std::string& acl_file);

  // GET_BROKER_CLUSTER_ACL_INFO `version`: the default file's dataVersion.
  DataVersion default_data_version() const;
  // GET_BROKER_CLUSTER_ACL_INFO `allAclFileVersion`: file path -> dataVersion, for every file
  // with content.
  std::map<std::string, DataVersion> AllDataVersions() const;
  // GET_BROKER_CLUSTER_ACL_CONFIG: every file's global white addresses and accounts (first
  // definition of an access key wins), read from disk.
  Result<AclConfig> GetAllAclConfig() const;

  // The current model; never null. Lock-free for the caller in practice (std::atomic_load).
  std::shared_ptr<const AclSnapshot> Snapshot() const;
  const std::string& default_acl_file() const { return default_file_; }

 private:
  // A file's identity for the watcher: modification time (ns) and size.
  using FileStamps = std::map<std::string, std::pair<int64_t, int64_t>>;

  Status LoadLocked();
  FileStamps StampFiles(const std::vector<std::string>& files) const;
  void WatchLoop(int64_t interval_ms);
  std::vector<std::string> ListAclFiles() const;
  Result<YamlNode> ReadFile(const std::string& path) const;
  Status WriteFile(const std::string& path, const YamlNode& root) const;

  const std::string home_;
  const std::string default_file_;
  const std::string acl_dir_;
  const Clock clock_;

  mutable std::mutex mu_;
  std::vector<std::string> files_;               // guarded by mu_
  std::map<std::string, DataVersion> versions_;  // guarded by mu_
  DataVersion default_version_;                  // guarded by mu_
  FileStamps stamps_;                            // guarded by mu_: as of the last load
  // Written under mu_, read with std::atomic_load by Snapshot().
  std::shared_ptr<const AclSnapshot> snapshot_;

  std::mutex watch_mu_;
  std::condition_variable watch_cv_;
  bool watch_stop_ = false;  // guarded by watch_mu_
  std::thread watcher_;      // started and joined under start_mu_
  std::mutex start_mu_;
  std::atomic<int64_t> watcher_reloads_{0};
};

}  // namespace rocketmq::broker::acl
