#include "mockbroker/namesrv/namesrv_config.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <limits>

#include "common/logging.h"
#include "common/file_util.h"

namespace rocketmq::namesrv {

namespace {

// One configuration key: how to read it from and write it to a NamesrvConfig.
struct Field {
  const char* name;
  std::function<bool(NamesrvConfig&, const std::string&)> set;  // false: unparseable value
  std::function<std::string(const NamesrvConfig&)> get;
};

bool ParseInt32(const std::string& text, int32_t* out) {
  // Java Integer.parseInt on the trimmed text (properties2Object trims values).
  size_t b = text.find_first_not_of(" \t");
  size_t e = text.find_last_not_of(" \t");
  if (b == std::string::npos) return false;
  const std::string t = text.substr(b, e - b + 1);
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(t.c_str(), &end, 10);
  if (errno != 0 || end == t.c_str() || *end != '\0') return false;
  if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max()) {
    return false;
  }
  *out = static_cast<int32_t>(v);
  return true;
}

bool ParseJavaBool(const std::string& text) {
  size_t b = text.find_first_not_of(" \t");
  size_t e = text.find_last_not_of(" \t");
  if (b == std::string::npos) return false;
  std::string t = text.substr(b, e - b + 1);
  for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t == "true";
}

Field StringField(const char* name, std::string NamesrvConfig::*member) {
  return Field{name,
               [member](NamesrvConfig& c, const std::string& v) {
                 c.*member = v;
                 return true;
               },
               [member](const NamesrvConfig& c) { return c.*member; }};
}

Field IntField(const char* name, int32_t NamesrvConfig::*member) {
  return Field{
      name,
      [member](NamesrvConfig& c, const std::string& v) { return ParseInt32(v, &(c.*member)); },
      [member](const NamesrvConfig& c) { return std::to_string(c.*member); }};
}

Field BoolField(const char* name, bool NamesrvConfig::*member) {
  return Field{
      name,
      [member](NamesrvConfig& c, const std::string& v) {
        c.*member = ParseJavaBool(v);
        return true;
      },
      [member](const NamesrvConfig& c) { return std::string(c.*member ? "true" : "false"); }};
}

const std::vector<Field>& Fields() {
  static const std::vector<Field> kFields = {
      StringField("rocketmqHome", &NamesrvConfig::rocketmq_home),
      StringField("kvConfigPath", &NamesrvConfig::kv_config_path),
      StringField("configStorePath", &NamesrvConfig::config_store_path),
      StringField("productEnvName", &NamesrvConfig::product_env_name),
      BoolField("clusterTest", &NamesrvConfig::cluster_test),
      BoolField("orderMessageEnable", &NamesrvConfig::order_message_enable),
      StringField("listenAddress", &NamesrvConfig::listen_address),
      IntField("listenPort", &NamesrvConfig::listen_port),
      IntField("serverWorkerThreads", &NamesrvConfig::server_worker_threads),
      IntField("serverCallbackExecutorThreads", &NamesrvConfig::server_callback_executor_threads),
      IntField("serverSelectorThreads", &NamesrvConfig::server_selector_threads),
      IntField("serverOnewaySemaphoreValue", &NamesrvConfig::server_oneway_semaphore_value),
      IntField("serverAsyncSemaphoreValue", &NamesrvConfig::server_async_semaphore_value),
      IntField("serverChannelMaxIdleTimeSeconds",
               &NamesrvConfig::server_channel_max_idle_time_seconds),
      IntField("serverSocketSndBufSize", &NamesrvConfig::server_socket_snd_buf_size),
      IntField("serverSocketRcvBufSize", &NamesrvConfig::server_socket_rcv_buf_size),
      IntField("serverSocketBacklog", &NamesrvConfig::server_socket_backlog),
      BoolField("serverPooledByteBufAllocatorEnable",
                &NamesrvConfig::server_pooled_byte_buf_allocator_enable),
      BoolField("useEpollNativeSelector", &NamesrvConfig::use_epoll_native_selector),
  };
  return kFields;
}

// 5.x spells the bind address "bindAddress"; both set listen_address.
constexpr const char* kBindAddressAlias = "bindAddress";

const Field* FindField(const std::string& key) {
  const std::string& name = key == kBindAddressAlias ? std::string("listenAddress") : key;
  for (const auto& f : Fields()) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

}  // namespace

NamesrvConfig NamesrvConfig::Defaults() {
  NamesrvConfig c;
  const char* home = std::getenv("HOME");
  const std::string user_home = home != nullptr ? home : ".";
  c.kv_config_path = user_home + "/namesrv/kvConfig.json";
  c.config_store_path = user_home + "/namesrv/namesrv.properties";
  if (const char* rmq_home = std::getenv("ROCKETMQ_HOME")) c.rocketmq_home = rmq_home;
  return c;
}

void NamesrvConfig::Apply(const Properties& props, std::vector<std::string>* unknown) {
  for (const auto& [key, value] : props.entries()) {
    const Field* f = FindField(key);
    if (f == nullptr) {
      if (unknown != nullptr) unknown->push_back(key);
      continue;
    }
    if (!f->set(*this, value)) {
      RMQ_LOG(kWarn) << "namesrv config: ignoring " << key << "=" << value
                     << " (not a valid value for this key)";
    }
  }
}

Properties NamesrvConfig::ToProperties() const {
  Properties p;
  for (const auto& f : Fields()) p.Set(f.name, f.get(*this));
  return p;
}

bool NamesrvConfig::IsKnownKey(const std::string& key) { return FindField(key) != nullptr; }

NamesrvConfiguration::NamesrvConfiguration(NamesrvConfig config, Properties extra)
    : config_(std::move(config)), extra_(std::move(extra)) {}

NamesrvConfig NamesrvConfiguration::Snapshot() const {
  std::lock_guard<std::mutex> lock(mu_);
  return config_;
}

Status NamesrvConfiguration::Update(const Properties& props) {
  std::string text;
  std::string path;
  {
    std::lock_guard<std::mutex> lock(mu_);
    config_.Apply(props, nullptr);
    for (const auto& [key, value] : props.entries()) {
      if (!NamesrvConfig::IsKnownKey(key) && extra_.Find(key) != nullptr) extra_.Set(key, value);
    }
    path = config_.config_store_path;
    Properties all = config_.ToProperties();
    for (const auto& [key, value] : extra_.entries()) all.Set(key, value);
    text = all.ToText();
  }
  if (path.empty()) return Status::OK();
  return WriteFileReplacing(path, text);
}

std::string NamesrvConfiguration::AllConfigsText() const {
  std::lock_guard<std::mutex> lock(mu_);
  Properties all = config_.ToProperties();
  for (const auto& [key, value] : extra_.entries()) all.Set(key, value);
  return all.ToText();
}

}  // namespace rocketmq::namesrv
