#include "mockbroker/broker/acl/plain_permission_manager.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/logging.h"

namespace rocketmq::broker::acl {

namespace fs = std::filesystem;

namespace {

// Java MixAll.dealFilePath: the normalized path.
std::string NormalPath(const std::string& p) {
  std::string n = fs::path(p).lexically_normal().string();
  if (n.size() > 1 && n.back() == '/') n.pop_back();
  return n;
}

bool IsAclFileName(const std::string& name) {
  auto ends_with = [&](const std::string& suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".yml") || ends_with(".yaml");
}

// The accounts sequence of `root`, created (as the last member) when absent or not a list.
YamlNode* AccountsOf(YamlNode* root) {
  YamlNode* accounts = root->Find(kAccountsKey);
  if (accounts == nullptr || !accounts->IsSequence()) {
    root->Set(kAccountsKey, YamlNode::Sequence());
    accounts = root->Find(kAccountsKey);
  }
  return accounts;
}

bool HasAccessKey(const YamlNode& account, const std::string& access_key) {
  const YamlNode* ak = account.Find(kAccessKeyKey);
  return ak != nullptr && ak->IsScalar() && ak->text == access_key;
}

}  // namespace

PlainPermissionManager::PlainPermissionManager(std::string rocketmq_home, Clock clock)
    : home_(rocketmq_home.empty() ? std::string() : NormalPath(rocketmq_home)),
      default_file_(home_.empty() ? std::string() : NormalPath(home_ + "/conf/plain_acl.yml")),
      acl_dir_(home_.empty() ? std::string() : NormalPath(home_ + "/conf/acl")),
      clock_(std::move(clock)),
      snapshot_(std::make_shared<AclSnapshot>()) {
  default_version_.timestamp = clock_();
}

PlainPermissionManager::~PlainPermissionManager() { StopWatching(); }

void PlainPermissionManager::StartWatching(int64_t interval_ms) {
  std::lock_guard<std::mutex> start(start_mu_);
  if (watcher_.joinable() || home_.empty()) return;
  {
    std::lock_guard<std::mutex> lock(watch_mu_);
    watch_stop_ = false;
  }
  watcher_ = std::thread([this, interval_ms] { WatchLoop(interval_ms); });
}

void PlainPermissionManager::StopWatching() {
  std::lock_guard<std::mutex> start(start_mu_);
  if (!watcher_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(watch_mu_);
    watch_stop_ = true;
  }
  watch_cv_.notify_all();
  watcher_.join();
}

int64_t PlainPermissionManager::watcher_reloads() const { return watcher_reloads_.load(); }

PlainPermissionManager::FileStamps PlainPermissionManager::StampFiles(
    const std::vector<std::string>& files) const {
  FileStamps stamps;
  for (const std::string& file : files) {
    std::error_code ec;
    const auto mtime = fs::last_write_time(file, ec);
    const int64_t ns =
        ec ? -1
           : std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
    const auto size = fs::file_size(file, ec);
    stamps[file] = {ns, ec ? -1 : static_cast<int64_t>(size)};
  }
  return stamps;
}

void PlainPermissionManager::WatchLoop(int64_t interval_ms) {
  std::unique_lock<std::mutex> wait_lock(watch_mu_);
  while (!watch_cv_.wait_for(wait_lock, std::chrono::milliseconds(interval_ms),
                             [this] { return watch_stop_; })) {
    wait_lock.unlock();
    {
      // Only this thread and the edits touch the files' model; the stat calls run outside any
      // lock a request check could need.
      FileStamps now = StampFiles(ListAclFiles());
      std::lock_guard<std::mutex> lock(mu_);
      if (now != stamps_) {
        watcher_reloads_.fetch_add(1);
        Status st = LoadLocked();
        if (st.ok()) {
          RMQ_LOG(kInfo) << "ACL files under " << home_ << " changed: reloaded";
        } else {
          // Java keeps the old model too; the failed files are retried when they change again.
          RMQ_LOG(kError) << "ACL reload failed, keeping the previous rules: " << st.message();
          stamps_ = std::move(now);
        }
      }
    }
    wait_lock.lock();
  }
}

std::vector<std::string> PlainPermissionManager::ListAclFiles() const {
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(acl_dir_, ec)) {
    for (auto it = fs::recursive_directory_iterator(acl_dir_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && IsAclFileName(it->path().filename().string())) {
        files.push_back(NormalPath(it->path().string()));
      }
    }
  }
  std::sort(files.begin(), files.end());
  if (fs::exists(default_file_, ec) &&
      std::find(files.begin(), files.end(), default_file_) == files.end()) {
    files.push_back(default_file_);
  }
  return files;
}

Result<YamlNode> PlainPermissionManager::ReadFile(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) return YamlNode::Null();  // Java: FileNotFoundException -> null
  std::stringstream text;
  text << in.rdbuf();
  Result<YamlNode> root = ParseYaml(text.str());
  if (!root.ok()) return Status::Corruption(path + ": " + root.status().message());
  return root;
}

Status PlainPermissionManager::WriteFile(const std::string& path, const YamlNode& root) const {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << DumpYamlAsMap(root);
    out.flush();
    if (!out) return Status::IOError("write " + tmp + " failed");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::IOError("rename " + tmp + " to " + path + ": " + ec.message());
  return Status::OK();
}

Status PlainPermissionManager::Load() {
  std::lock_guard<std::mutex> lock(mu_);
  return LoadLocked();
}

Status PlainPermissionManager::LoadLocked() {
  if (home_.empty()) return Status::OK();
  std::error_code ec;
  if (!fs::exists(default_file_, ec)) {
    // Java assureAclConfigFilesExist: global white addresses live in the default file.
    fs::create_directories(fs::path(default_file_).parent_path(), ec);
    std::ofstream create(default_file_, std::ios::app);
    if (!create) return Status::IOError("cannot create " + default_file_);
  }
  auto snapshot = std::make_shared<AclSnapshot>();
  std::map<std::string, DataVersion> versions;
  std::vector<std::string> files = ListAclFiles();
  // Stamped before reading: a write that lands after this is seen by the next watcher poll.
  FileStamps stamps = StampFiles(files);
  const int64_t now = clock_();
  for (const std::string& file : files) {
    Result<YamlNode> root = ReadFile(file);
    if (!root.ok()) return root.status();
    if (!root->IsMap() || root->entries.empty()) {
      RMQ_LOG(kWarn) << "No data in ACL file " << file;
      continue;
    }
    PlainAclFile content = PlainAclFile::FromYaml(*root, now);
    for (auto& addr : content.global_white_remote_addresses) {
      Result<RemoteAddressStrategy> strategy = RemoteAddressStrategy::Compile(addr);
      if (strategy.ok()) {
        snapshot->global_white_strategies.push_back(std::move(*strategy));
      } else {
        RMQ_LOG(kWarn) << "ACL file " << file
                       << ": global white address skipped: " << strategy.status().message();
      }
      snapshot->global_white_remote_addresses.push_back(addr);
    }
    for (const PlainAccessConfig& account : content.accounts) {
      Result<PlainAccessResource> resource = PlainAccessResource::Build(account);
      if (!resource.ok()) {
        RMQ_LOG(kWarn) << "ACL file " << file
                       << ": account skipped: " << resource.status().message();
        continue;
      }
      const std::string ak = resource->access_key;
      if (snapshot->access_key_file.count(ak) != 0) {
        RMQ_LOG(kWarn) << "The accessKey " << ak << " is repeated in multiple ACL files";
        continue;
      }
      snapshot->access_key_file[ak] = file;
      snapshot->accounts[ak] = std::move(*resource);
    }
    versions[file] = content.data_version;
  }
  auto dv = versions.find(default_file_);
  if (dv != versions.end()) default_version_ = dv->second;
  files_ = std::move(files);
  versions_ = std::move(versions);
  stamps_ = std::move(stamps);
  std::atomic_store(&snapshot_, std::shared_ptr<const AclSnapshot>(std::move(snapshot)));
  return Status::OK();
}

Status PlainPermissionManager::UpdateAccessConfig(const PlainAccessConfig& config) {
  ROCKETMQ_RETURN_IF_ERROR(CheckPlainAccessConfig(config));
  ROCKETMQ_RETURN_IF_ERROR(CheckResourcePerms(config.topic_perms));
  ROCKETMQ_RETURN_IF_ERROR(CheckResourcePerms(config.group_perms));
  std::lock_guard<std::mutex> lock(mu_);
  if (home_.empty()) return Status::InvalidArgument("rocketmqHome is not set: no ACL file");
  const std::string& ak = *config.access_key;
  auto owner = snapshot_->access_key_file.find(ak);
  const std::string file =
      owner != snapshot_->access_key_file.end() ? owner->second : default_file_;
  Result<YamlNode> root = ReadFile(file);
  if (!root.ok()) return root.status();
  if (!root->IsMap()) *root = YamlNode::Map();
  YamlNode* accounts = AccountsOf(&*root);
  YamlNode account = YamlNode::Map();
  auto existing = std::find_if(accounts->items.begin(), accounts->items.end(),
                               [&](const YamlNode& a) { return HasAccessKey(a, ak); });
  if (existing != accounts->items.end()) {
    // Java removes the old map and appends the edited one: the account moves to the end.
    account = std::move(*existing);
    accounts->items.erase(existing);
  }
  ApplyAccessConfig(config, &account);
  accounts->items.push_back(std::move(account));
  BumpDataVersion(&*root, clock_());
  ROCKETMQ_RETURN_IF_ERROR(WriteFile(file, *root));
  return LoadLocked();
}

Result<bool> PlainPermissionManager::DeleteAccessConfig(const std::string& access_key) {
  if (access_key.empty()) return false;
  std::lock_guard<std::mutex> lock(mu_);
  auto owner = snapshot_->access_key_file.find(access_key);
  if (owner == snapshot_->access_key_file.end()) return false;
  const std::string file = owner->second;
  Result<YamlNode> root = ReadFile(file);
  if (!root.ok()) return root.status();
  if (!root->IsMap() || root->entries.empty()) {
    RMQ_LOG(kWarn) << "No data found in " << file << " when deleting access config of "
                   << access_key;
    return true;  // as Java
  }
  YamlNode* accounts = root->Find(kAccountsKey);
  if (accounts == nullptr || !accounts->IsSequence()) return false;
  auto it = std::find_if(accounts->items.begin(), accounts->items.end(),
                         [&](const YamlNode& a) { return HasAccessKey(a, access_key); });
  if (it == accounts->items.end()) return false;
  accounts->items.erase(it);
  BumpDataVersion(&*root, clock_());
  ROCKETMQ_RETURN_IF_ERROR(WriteFile(file, *root));
  ROCKETMQ_RETURN_IF_ERROR(LoadLocked());
  return true;
}

Result<bool> PlainPermissionManager::UpdateGlobalWhiteAddrs(const std::vector<std::string>& addrs,
                                                            const std::string& acl_file) {
  std::lock_guard<std::mutex> lock(mu_);
  if (home_.empty()) return false;
  const std::string file = acl_file.empty() ? default_file_ : NormalPath(acl_file);
  std::error_code ec;
  if (!fs::exists(file, ec) || fs::is_directory(file, ec)) {
    RMQ_LOG(kError) << "ACL file " << file << " does not exist or is a directory";
    return false;
  }
  if (file.compare(0, home_.size() + 1, home_ + "/") != 0) {
    RMQ_LOG(kError) << "ACL file " << file << " is not under rocketmqHome " << home_;
    return false;
  }
  // Java's check here is inverted (it refuses only .yaml files); this refuses what is neither.
  if (!IsAclFileName(file)) {
    RMQ_LOG(kError) << file << " is not an ACL configuration file";
    return false;
  }
  Result<YamlNode> root = ReadFile(file);
  if (!root.ok()) return root.status();
  if (!root->IsMap()) *root = YamlNode::Map();
  root->Set(kGlobalWhiteAddrsKey, YamlNode::StringSequence(addrs));
  BumpDataVersion(&*root, clock_());
  ROCKETMQ_RETURN_IF_ERROR(WriteFile(file, *root));
  ROCKETMQ_RETURN_IF_ERROR(LoadLocked());
  return true;
}

DataVersion PlainPermissionManager::default_data_version() const {
  std::lock_guard<std::mutex> lock(mu_);
  return default_version_;
}

std::map<std::string, DataVersion> PlainPermissionManager::AllDataVersions() const {
  std::lock_guard<std::mutex> lock(mu_);
  return versions_;
}

Result<AclConfig> PlainPermissionManager::GetAllAclConfig() const {
  std::lock_guard<std::mutex> lock(mu_);
  AclConfig out;
  std::set<std::string> seen;
  for (const std::string& file : files_) {
    Result<YamlNode> root = ReadFile(file);
    if (!root.ok()) return root.status();
    if (!root->IsMap() || root->entries.empty()) continue;
    PlainAclFile content = PlainAclFile::FromYaml(*root, clock_());
    for (auto& addr : content.global_white_remote_addresses) out.global_white_addrs.push_back(addr);
    for (auto& account : content.accounts) {
      if (seen.insert(account.access_key.value_or("")).second) {
        out.plain_access_configs.push_back(std::move(account));
      }
    }
  }
  return out;
}

std::shared_ptr<const AclSnapshot> PlainPermissionManager::Snapshot() const {
  return std::atomic_load(&snapshot_);
}

}  // namespace rocketmq::broker::acl
