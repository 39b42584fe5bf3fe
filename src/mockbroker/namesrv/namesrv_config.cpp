#include "mockbroker/namesrv/namesrv_config.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <limits>

#include "common/file_util.h"
#include "common/logging.h"

namespace rocketmq::namesrv {

namespace {

// One configuration key: how to read it from and write it to a NamesrvConfig.
struct Field {
  const char* name;
  bool reported;  // one of Java 4.9.8's keys (GET_NAMESRV_CONFIG shows it)
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
  return Field{name, true,
               [member](NamesrvConfig& c, const std::string& v) {
                 c.*member = v;
                 return true;
               },
               [member](const NamesrvConfig& c) { return c.*member; }};
}

Field IntField(const char* name, int32_t NamesrvConfig::*member) {
  return Field{
      name, true,
      [member](NamesrvConfig& c, const std::string& v) { return ParseInt32(v, &(c.*member)); },
      [member](const NamesrvConfig& c) { return std::to_string(c.*member); }};
}

Field BoolField(const char* name, bool NamesrvConfig::*member) {
  return Field{
      name, true,
      [member](NamesrvConfig& c, const std::string& v) {
        c.*member = ParseJavaBool(v);
        return true;
      },
      [member](const NamesrvConfig& c) { return std::string(c.*member ? "true" : "false"); }};
}

Field Unreported(Field f) {
  f.reported = false;
  return f;
}

const std::vector<Field>& Fields() {
  static const std::vector<Field> kFields = {
      StringField("rocketmqHome", &NamesrvConfig::rocketmq_home),
      StringField("kvConfigPath", &NamesrvConfig::kv_config_path),
      StringField("configStorePath", &NamesrvConfig::config_store_path),
      StringField("productEnvName", &NamesrvConfig::product_env_name),
      BoolField("clusterTest", &NamesrvConfig::cluster_test),
      BoolField("orderMessageEnable", &NamesrvConfig::order_message_enable),
      StringField("configBlackList", &NamesrvConfig::config_black_list),
      Unreported(StringField("listenAddress", &NamesrvConfig::listen_address)),
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
      IntField("writeBufferHighWaterMark", &NamesrvConfig::write_buffer_high_water_mark),
      IntField("writeBufferLowWaterMark", &NamesrvConfig::write_buffer_low_water_mark),
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

void NamesrvConfig::Apply(const Properties& props, std::vector<std::string>* unreported) {
  for (const auto& [key, value] : props.entries()) {
    const Field* f = FindField(key);
    if ((f == nullptr || !f->reported) && unreported != nullptr) unreported->push_back(key);
    if (f == nullptr) continue;
    if (!f->set(*this, value)) {
      RMQ_LOG(kWarn) << "namesrv config: ignoring " << key << "=" << value
                     << " (not a valid value for this key)";
    }
  }
}

Properties NamesrvConfig::ToProperties() const {
  Properties p;
  for (const auto& f : Fields()) {
    if (f.reported) p.Set(f.name, f.get(*this));
  }
  return p;
}

bool NamesrvConfig::IsKnownKey(const std::string& key) { return FindField(key) != nullptr; }

bool NamesrvConfig::IsReportedKey(const std::string& key) {
  const Field* f = FindField(key);
  return f != nullptr && f->reported;
}

std::vector<std::string> NamesrvConfig::BlackList() const {
  std::vector<std::string> keys = {"configBlackList", "configStorePath", "kvConfigPath",
                                   "rocketmqHome"};
  size_t start = 0;
  while (start <= config_black_list.size()) {
    size_t end = config_black_list.find(';', start);
    if (end == std::string::npos) end = config_black_list.size();
    // Java's String.split keeps inner empty entries; an empty key never matches a request key
    // that Properties.load produced from a "key=value" line, so they are skipped here.
    if (end > start) keys.push_back(config_black_list.substr(start, end - start));
    start = end + 1;
  }
  return keys;
}

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
    Properties reported;
    for (const auto& [key, value] : props.entries()) {
      if (NamesrvConfig::IsReportedKey(key)) {
        reported.Set(key, value);
      } else if (extra_.Find(key) != nullptr) {
        extra_.Set(key, value);  // a key of the loaded file: kept as text, as Java
      }
    }
    config_.Apply(reported, nullptr);
    path = config_.config_store_path;
    Properties all = config_.ToProperties();
    for (const auto& [key, value] : extra_.entries()) all.Set(key, value);
    text = all.ToText();
  }
  if (path.empty()) return Status::OK();
  return WriteFileReplacing(path, text);
}

void NamesrvConfiguration::SetBoundPort(int32_t port) {
  std::lock_guard<std::mutex> lock(mu_);
  if (config_.listen_port == 0) config_.listen_port = port;
}

std::string NamesrvConfiguration::AllConfigsText() const {
  std::lock_guard<std::mutex> lock(mu_);
  Properties all = config_.ToProperties();
  for (const auto& [key, value] : extra_.entries()) all.Set(key, value);
  return all.ToText();
}

}  // namespace rocketmq::namesrv
